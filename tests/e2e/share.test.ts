// Sharing: the share picture every page names (and that it exists at 1200×630), and the share
// bar under an article — the WeChat QR code, the links to Weibo, QQ空间 and e-mail, 复制链接.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import { parse } from 'node-html-parser';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import {
  absoluteUrl,
  articleUrl,
  columnUrl,
  galleryUrl,
  homeUrl,
  searchUrl,
  shareImageUrl,
} from '../../src/site/urls.ts';
import { site } from '../../src/site.config.ts';
import { sourceArticles } from './support/content.ts';
import { useBrowser } from './support/page.ts';

const LIU_YI = { id: 'laomo-liu-yi' };
const liuUrl = absoluteUrl(articleUrl(LIU_YI), site.url);

/** Width and height from a PNG's header or a JPEG's frame header. */
function imageSize(data: Buffer): [number, number] {
  if (data.subarray(1, 4).toString() === 'PNG') return [data.readUInt32BE(16), data.readUInt32BE(20)];
  for (let at = 2; at + 9 < data.length; at += 2 + data.readUInt16BE(at + 2)) {
    const marker = data[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) return [data.readUInt16BE(at + 7), data.readUInt16BE(at + 5)];
  }
  throw new Error('not a PNG or JPEG');
}

async function head(path: string) {
  const root = parse(await readFile(join('dist', path, 'index.html'), 'utf8'));
  const property = (name: string) => root.querySelector(`meta[property="${name}"]`)?.getAttribute('content');
  const name = (n: string) => root.querySelector(`meta[name="${n}"]`)?.getAttribute('content');
  const jsonLd = root
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => JSON.parse(s.rawText) as Record<string, unknown>);
  return { property, name, jsonLd };
}

/** The share picture a page names, checked to be served from dist/ at 1200×630. */
async function sharePicture(path: string): Promise<string> {
  const { property, name } = await head(path);
  const image = property('og:image')!;
  expect(image, path).toMatch(/^https?:\/\//);
  // X reads og:image when twitter:image is left out; the page carries the address once.
  expect(name('twitter:image')).toBeUndefined();
  expect(name('twitter:card')).toBe('summary_large_image');
  expect([property('og:image:width'), property('og:image:height')]).toEqual(['1200', '630']);
  expect(property('og:image:alt')).toBeTruthy();
  const file = await readFile(join('dist', new URL(image).pathname));
  expect(imageSize(file), image).toEqual([1200, 630]);
  return image;
}

describe('share pictures', () => {
  const published = sourceArticles().filter((a) => a.published);

  test.each(published.map((a) => [a.id, a] as const))(
    '%s names its own 1200×630 card in Open Graph, Twitter and JSON-LD',
    async (_, article) => {
      const image = await sharePicture(articleUrl(article));
      expect(image).toBe(absoluteUrl(shareImageUrl(article), site.url));
      const [news] = (await head(articleUrl(article))).jsonLd;
      expect(news!['image']).toBe(image);
    },
  );

  test.each([homeUrl(), columnUrl(site.columns[0]!), galleryUrl(), searchUrl()])(
    '%s names the site card',
    async (path) => {
      expect(await sharePicture(path)).toBe(absoluteUrl(shareImageUrl(), site.url));
    },
  );

  test('a page awaiting its text names the site card and no card of its own', async () => {
    const awaiting = sourceArticles().find((a) => a.awaitingText)!;
    expect(await sharePicture(articleUrl(awaiting))).toBe(absoluteUrl(shareImageUrl(), site.url));
    await expect(readFile(join('dist', shareImageUrl(awaiting)))).rejects.toThrow();
  });
});

describe('the share bar under the 刘毅 profile', () => {
  const browser = useBrowser();

  test('the WeChat QR code opens from the keyboard and decodes to the article address', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(articleUrl(LIU_YI));
    const code = page.getByRole('img', { name: '本文网址的二维码' });
    // There, closed: hidden is only worth asserting of an element that exists.
    await expect(page.getByRole('img', { name: '本文网址的二维码', includeHidden: true }).count()).resolves.toBe(1);
    await expect(code.isVisible()).resolves.toBe(false);
    await page.locator('summary', { hasText: '微信' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => code.isVisible()).toBe(true);
    const shot = PNG.sync.read(await code.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
    expect(decoded?.data).toBe(liuUrl);
    await page.keyboard.press('Enter');
    await expect.poll(() => code.isVisible()).toBe(false);
  });

  test('the QR code prints with its caption, opened or not, and the buttons do not', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(articleUrl(LIU_YI));
    // The buttons are there on screen, so their absence in print is the stylesheet's doing.
    await expect(page.getByRole('link', { name: '微博' }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('img', { name: '本文网址的二维码' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('用微信“扫一扫”打开本文').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: '微博' }).isVisible()).resolves.toBe(false);
  });

  test('Weibo, QQ空间 and e-mail links carry the encoded address and headline', async () => {
    const page = await (await browser.context()).newPage();
    await page.goto(articleUrl(LIU_YI));
    const title = await page.getByRole('heading', { level: 1 }).innerText();
    const href = async (name: string) => new URL((await page.getByRole('link', { name }).getAttribute('href'))!);
    const weibo = await href('微博');
    expect(weibo.origin + weibo.pathname).toBe('https://service.weibo.com/share/share.php');
    expect(weibo.searchParams.get('url')).toBe(liuUrl);
    expect(weibo.searchParams.get('title')).toBe(title);
    const qzone = await href('QQ空间');
    expect(qzone.origin + qzone.pathname).toBe('https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey');
    expect(qzone.searchParams.get('url')).toBe(liuUrl);
    expect(qzone.searchParams.get('summary')).toMatch(/^7月12日/);
    const mail = (await page.getByRole('link', { name: '邮件' }).getAttribute('href'))!;
    expect(mail).not.toContain('+');
    expect(decodeURIComponent(mail)).toBe(`mailto:?subject=${title}&body=${title}\n${liuUrl}`);
  });

  test('复制链接 copies the address and says so', async () => {
    const context = await browser.context({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(articleUrl(LIU_YI));
    const status = page.getByRole('status');
    await expect(status.innerText()).resolves.toBe('');
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(() => status.innerText()).toContain('链接已复制');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(liuUrl);
  });

  test.each([
    ['normal', false],
    ['关怀模式', true],
  ] as const)('with the QR code open, the bar passes axe (%s)', async (_, care) => {
    const context = await browser.context();
    if (care) await context.addInitScript(() => localStorage.setItem('lnga-care', 'on'));
    const page = await context.newPage();
    await page.goto(articleUrl(LIU_YI));
    await page.locator('summary', { hasText: '微信' }).click();
    const axe = new AxeBuilder({ page }).include('.share-bar').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    if (care) axe.options({ rules: { 'color-contrast-enhanced': { enabled: true } } });
    const { violations } = await axe.analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
