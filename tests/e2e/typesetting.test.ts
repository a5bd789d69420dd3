// Chinese typesetting (clreq): no single character left alone on the last line of a
// heading, headline, link, notice or paragraph, at any width from 320 px up.
import { describe, expect, test } from 'vitest';
import { articleUrl, columnUrl, galleryUrl, homeUrl, searchUrl } from '../../src/lib/urls.ts';
import { site } from '../../src/site.config.ts';
import { loneCharacters } from './support/lone-characters.ts';
import { useBrowser } from './support/page.ts';

const PAGES = {
  home: homeUrl(),
  article: articleUrl({ id: 'laomo-liu-yi' }),
  awaiting: articleUrl({ id: 'laomo-gu-dongzhao' }),
  gallery: galleryUrl(),
  column: columnUrl(site.columns.find((c) => c.name === '通知公告')!),
  notFound: '/no-such-page/',
  search: `${searchUrl()}?q=${encodeURIComponent('劳模')}`,
};

describe('typesetting', () => {
  const browser = useBrowser();
  for (const width of [320, 360, 414, 1440])
    test(`no lone characters on any page type at ${width} px`, async () => {
      const context = await browser.context({ viewport: { width, height: 900 } });
      const found: string[] = [];
      for (const [name, path] of Object.entries(PAGES)) {
        const page = await context.newPage();
        await page.goto(path);
        if (name === 'search') await page.getByRole('heading', { level: 2 }).first().waitFor();
        for (const lone of await loneCharacters(page))
          found.push(`${name}: ${lone.block} → last line 「${lone.lastLine}」`);
        await page.close();
      }
      expect(found).toEqual([]);
    });
});
