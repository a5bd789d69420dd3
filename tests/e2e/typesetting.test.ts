// Chinese typesetting (clreq): no single character left alone on the last line of a
// heading, headline, link, notice or paragraph, at any width from 320 px up.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempSite, type TempSite } from '../support/temp-site.ts';
import { articleUrl, columnUrl, galleryUrl, homeUrl, searchUrl } from '../../src/site/urls.ts';
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

describe('typesetting of headlines of every length', () => {
  const browser = useBrowser();
  let temp: TempSite;
  let origin: string;
  const lengths = Array.from({ length: 53 }, (_, i) => i + 8);

  beforeAll(async () => {
    temp = await createTempSite();
    // Headlines cut from the profile's own sentences, 8 to 60 characters long.
    const profile = await readFile('content/articles/2022/laomo-liu-yi.mdx', 'utf8');
    const text = profile
      .split(/\n---\n/)[1]!
      .replace(/^#+.*$/gm, '')
      .replace(/\s+/g, '');
    const columns = site.columns.map((c) => c.name);
    for (const n of lengths) {
      const title = text.slice(n * 7, n * 7 + n);
      const day = String((n % 28) + 1).padStart(2, '0');
      await temp.write(
        `content/articles/lengths/len-${n}.md`,
        `---\ntitle: '${title}'\ndate: 2021-${String((n % 12) + 1).padStart(2, '0')}-${day}\ncolumn: ${columns[n % columns.length]}\n---\n\n${text.slice(n * 11, n * 11 + 180)}\n`,
      );
    }
    const build = await temp.run('astro', ['build']);
    expect(build.code, build.output).toBe(0);
    origin = await temp.serve();
  }, 240_000);

  afterAll(() => temp?.remove());

  for (const width of [320, 360, 414, 1440])
    test(`no lone characters in lists and headlines at ${width} px`, async () => {
      const context = await browser.context({ baseURL: origin, viewport: { width, height: 900 } });
      const paths = [
        homeUrl(),
        ...site.columns.map((c) => columnUrl(c)),
        ...lengths.filter((n) => n % 6 === 0).map((n) => articleUrl({ id: `len-${n}` })),
      ];
      const found: string[] = [];
      for (const path of paths) {
        const page = await context.newPage();
        await page.goto(path);
        for (const lone of await loneCharacters(page)) found.push(`${path}: ${lone.block} → 「${lone.lastLine}」`);
        await page.close();
      }
      expect(found).toEqual([]);
    });
});
