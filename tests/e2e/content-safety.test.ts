// Articles are data: markup that would act in a reader's browser is removed from the page
// (with a warning naming the file and line), and code never runs (see fixture-site.test.ts
// for the articles that stop the build).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempSite, type TempSite } from '../support/temp-site.ts';
import { articleUrl } from '../../src/site/urls.ts';
import { useBrowser } from './support/page.ts';

describe('an article with unsafe markup', () => {
  const browser = useBrowser();
  let temp: TempSite;
  let origin: string;
  let output = '';

  beforeAll(async () => {
    temp = await createTempSite();
    for (const name of ['markup.md', 'markup-mdx.mdx'])
      await temp.write(`content/articles/unsafe/${name}`, await readFile(join('tests/fixtures/unsafe', name), 'utf8'));
    const build = await temp.run('astro', ['build']);
    output = build.output;
    expect(build.code, output).toBe(0);
    origin = await temp.serve();
  }, 180_000);

  afterAll(() => temp?.remove());

  test('is built, with a warning for each removal naming the file and line', () => {
    expect(output).toMatch(/处内容不会出现在网页上/);
    for (const [line, words] of [
      [7, '「span onclick」属性已从网页中删去'],
      [9, '不安全的地址「JaVaScRiPt:'],
      [13, '<style> 已从网页中删去'],
      [15, '「p style」属性'],
      [17, '<base> 已从网页中删去'],
      [19, '标签 <form> 不在允许之列'],
      [21, '<link> 已从网页中删去'],
      [23, '<meta> 已从网页中删去'],
    ] as const)
      expect(output).toMatch(
        new RegExp(`unsafe/markup\\.md:${line}\\n\\s*[^\\n]*${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
    expect(output).toMatch(/unsafe\/markup-mdx\.mdx:15\n\s*<meta> 已从网页中删去/);
  });

  test.each(['markup', 'markup-mdx'])(
    '%s: the page holds only the allowed markup, runs nothing and stays where it is',
    async (id) => {
      const url = articleUrl({ id });
      const html = await readFile(join(temp.dir, 'dist', url, 'index.html'), 'utf8');
      const body = parse(html).querySelector('.article-body');
      expect(body, 'the article body is on the page').not.toBeNull();
      const inner = body!.innerHTML;
      expect(inner).toContain('点我');
      expect(inner).not.toMatch(
        /on(click|error|mouseover)|javascript:|data:text|<style|style=|<meta|<base|<form|<input|<button|<link|<script/i,
      );

      const page = await (await browser.context({ baseURL: origin })).newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(url);
      await page.getByText('点我').first().click();
      for (const link of await page.locator('.article-body a').all()) await link.hover();
      await page.waitForTimeout(1500);
      expect(dialogs).toEqual([]);
      expect(new URL(page.url()).pathname).toBe(url);
      // The sign-off keeps its place: right-aligned under the text.
      const signoff = page.locator('.article-body .signoff');
      await expect.poll(() => signoff.count()).toBe(1);
      expect(await signoff.evaluate((e) => getComputedStyle(e).textAlign)).toBe('right');
    },
  );
});
