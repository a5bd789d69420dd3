// Lighthouse (mobile) over the four page types, served by the production nginx. Accessibility,
// best practices and SEO do not depend on the machine's speed, so they must stay at 100 here;
// performance is measured by npm run lighthouse and the bench, since a busy shared CPU moves it.
import { beforeAll, describe, expect, test } from 'vitest';
import { auditSite, failingLines, type AuditedPage } from '../../tools/lighthouse.ts';

let pages: AuditedPage[];
beforeAll(async () => {
  pages = await auditSite('dist', { runs: 1 });
}, 180_000);

describe('Lighthouse', () => {
  test('home, a column, an article and search score 100 in accessibility, best practices and SEO', () => {
    expect(pages.map((p) => p.type)).toEqual(['home', 'column', 'article', 'search']);
    for (const page of pages) {
      const { accessibility, seo } = page.scores;
      const practices = page.scores['best-practices'];
      expect({ accessibility, practices, seo }, failingLines(page).join('\n')).toEqual({
        accessibility: 100,
        practices: 100,
        seo: 100,
      });
    }
  });

  test('no page shifts while it loads', () => {
    // Under a slow CPU the browser used to paint a page half read and move the header and
    // footer when their last lines arrived (0.0006 on /search/ in CI); the first paint now
    // waits for the end of the page (BaseLayout), so nothing may shift at all.
    for (const page of pages) expect(page.metrics.cls, page.path).toBe(0);
  });
});
