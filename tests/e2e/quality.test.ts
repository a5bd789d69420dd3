// Whole-site checks over the built dist/: valid HTML, no broken internal link, no axe
// violation (WCAG 2.1 A/AA), and nothing lost between content/ and what readers reach.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { files } from '../../src/build/files.ts';
import { addressOfFile, filesOfAddress } from '../../src/build/dist-files.ts';
import { adminUrl, articleUrl, columnUrl, feedUrl, searchUrl } from '../../src/site/urls.ts';
import { sitemapPages } from '../../src/site/sitemap.ts';
import { site } from '../../src/site.config.ts';
import { sourceArticles } from './support/content.ts';
import { base, useBrowser } from './support/page.ts';

const DIST = 'dist';

/** Every HTML file of dist/ but Pagefind's. */
async function htmlFiles(): Promise<string[]> {
  const found: string[] = [];
  for await (const path of files(DIST))
    if (path.endsWith('.html') && !path.startsWith(join(DIST, 'pagefind', ''))) found.push(path);
  return found;
}

/** The file a site path is served from, or null. */
async function served(path: string): Promise<string | null> {
  for (const candidate of filesOfAddress(DIST, path)) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      /* try the next */
    }
  }
  return null;
}

const pathOf = (file: string): string => addressOfFile(DIST, file);

describe('built pages', () => {
  test('every page is valid HTML', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    const files = await htmlFiles();
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    console.log(`html-validate: ${files.length} pages, ${problems.length} errors`);
    expect(problems).toEqual([]);
  });

  test('the back office is built but linked from no page, and kept out of the sitemap, feed and search', async () => {
    const files = await htmlFiles();
    expect(files.map(pathOf)).toContain(adminUrl());
    const linking: string[] = [];
    for (const file of files)
      if (pathOf(file) !== adminUrl() && (await readFile(file, 'utf8')).includes(`href="${adminUrl()}`))
        linking.push(file);
    expect(linking).toEqual([]);
    expect(await sitemapPages((path) => readFile(join(DIST, path), 'utf8'))).not.toContain(adminUrl());
    expect(await readFile(join(DIST, feedUrl()), 'utf8')).not.toContain(adminUrl());
    const admin = await readFile(join(DIST, adminUrl(), 'index.html'), 'utf8');
    expect(admin).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(admin).not.toContain('data-pagefind-body');
  });

  test('no internal link, image or anchor is broken', async () => {
    const broken: string[] = [];
    const files = await htmlFiles();
    const ids = new Map<string, Set<string>>();
    const idsOf = async (file: string): Promise<Set<string>> => {
      let set = ids.get(file);
      if (!set) {
        const root = parse(await readFile(file, 'utf8'));
        set = new Set(root.querySelectorAll('[id]').map((el) => el.id));
        ids.set(file, set);
      }
      return set;
    };
    let checked = 0;
    for (const file of files) {
      const root = parse(await readFile(file, 'utf8'));
      const links = [
        ...root.querySelectorAll('a[href], link[href]').map((el) => el.getAttribute('href')!),
        ...root.querySelectorAll('img[src], script[src]').map((el) => el.getAttribute('src')!),
      ];
      for (const a of root.querySelectorAll('a[href^="http"]'))
        if (
          new URL(a.getAttribute('href')!).host !== new URL(site.url).host &&
          a.getAttribute('rel') !== 'noopener noreferrer'
        )
          broken.push(`${file}: ${a.getAttribute('href')} (external link without rel="noopener noreferrer")`);
      for (const link of links) {
        if (/^(https?:|mailto:|tel:|data:)/.test(link)) continue; // data: holds what it shows
        checked++;
        const url = new URL(link, `http://site${pathOf(file)}`);
        const target = url.pathname === pathOf(file) && link.startsWith('#') ? file : await served(url.pathname);
        if (!target) broken.push(`${file}: ${link}`);
        else if (
          url.hash &&
          target.endsWith('.html') &&
          !(await idsOf(target)).has(decodeURIComponent(url.hash.slice(1)))
        )
          broken.push(`${file}: ${link} (no such anchor)`);
      }
    }
    console.log(`link check: ${files.length} pages, ${checked} internal links, ${broken.length} broken`);
    expect(broken).toEqual([]);
  });

  test('nothing is lost: every published article has a page, a column listing, a sitemap and feed entry, and is searchable', async () => {
    const articles = sourceArticles();
    const published = articles.filter((a) => a.published);
    const hidden = articles.filter((a) => !a.published);
    const sitemap = new Set(await sitemapPages((path) => readFile(join(DIST, path), 'utf8')));
    const feed = await readFile(join(DIST, feedUrl()), 'utf8');
    const entry = JSON.parse(await readFile(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    const listed = new Set<string>();
    for (const column of site.columns)
      for (let page = 1; ; page++) {
        const file = await served(columnUrl(column, page));
        if (!file) break;
        for (const a of parse(await readFile(file, 'utf8')).querySelectorAll('main a[href^="/news/"]'))
          listed.add(a.getAttribute('href')!);
      }
    const counts = {
      published: published.length,
      pages: (await Promise.all(published.map((a) => served(articleUrl(a))))).filter(Boolean).length,
      columnLists: published.filter((a) => listed.has(articleUrl(a))).length,
      sitemap: published.filter((a) => sitemap.has(articleUrl(a))).length,
      feed: published.filter((a) => feed.includes(`${articleUrl(a)}<`)).length,
      // Entries awaiting their text are in the index too (by headline, column and person).
      searchIndex: indexed - articles.filter((a) => a.awaitingText).length,
    };
    console.log('nothing lost:', JSON.stringify(counts));
    for (const [what, n] of Object.entries(counts)) expect(n, what).toBe(published.length);
    for (const a of hidden) {
      expect(sitemap.has(articleUrl(a)), a.file).toBe(false);
      expect(feed.includes(`${articleUrl(a)}<`), a.file).toBe(false);
    }
  });
});

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  const browser = useBrowser();
  const paths = async (): Promise<string[]> => {
    const fromSitemap = await sitemapPages(async (path) => (await fetch(new URL(path, base()))).text());
    const awaiting = sourceArticles()
      .filter((a) => a.awaitingText)
      .slice(0, 1)
      .map((a) => articleUrl(a));
    return [...fromSitemap, ...awaiting, searchUrl('西柳'), '/no-such-page/'];
  };

  for (const [mode, care] of [
    ['normal', false],
    ['关怀模式', true],
  ] as const)
    test(`every page has no violation (${mode})`, async () => {
      const context = await browser.context();
      if (care) await context.addInitScript(() => localStorage.setItem('lnga-care', 'on'));
      const page = await context.newPage();
      const violations: string[] = [];
      const all = await paths();
      for (const path of all) {
        await page.goto(path);
        if (path.startsWith('/search/')) await page.waitForSelector('#search-results li');
        const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
        // 关怀模式 promises 7:1 text contrast (WCAG AAA).
        if (care) axe.options({ rules: { 'color-contrast-enhanced': { enabled: true } } });
        const result = await axe.analyze();
        for (const v of result.violations)
          violations.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      console.log(`axe (${mode}): ${all.length} pages, ${violations.length} violations`);
      expect(violations).toEqual([]);
    }, 180_000);
});
