import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempSite, type TempSite } from '../support/temp-site.ts';
import { articleImageSizes } from '../../src/site/article-image.ts';
import { articleUrl } from '../../src/site/urls.ts';
import { useBrowser } from './support/page.ts';

/** A camera-sized picture: a gradient with grain, so it compresses as a photo does. */
function photo(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  let seed = 1;
  for (let i = 0; i < width * height; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const grain = seed % 24;
    const x = i % width;
    const y = Math.floor(i / width);
    png.data[i * 4] = ((x * 255) / width + grain) & 255;
    png.data[i * 4 + 1] = ((y * 255) / height + grain) & 255;
    png.data[i * 4 + 2] = 140 + grain;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

const front = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\ncolumn: 协会动态\n---\n\n`;
const srcsetWidths = (srcset: string | null): number[] =>
  (srcset ?? '').split(',').map((candidate) => Number(/ (\d+)w$/.exec(candidate.trim())?.[1]));

describe('pictures in articles', () => {
  const browser = useBrowser();
  let temp: TempSite;
  let origin: string;
  let original = 0;
  let buildOutput = '';

  beforeAll(async () => {
    temp = await createTempSite({ withContent: false });
    const big = photo(5000, 4000);
    original = big.length;
    await writeFile(join(temp.dir, 'content/articles/zhaopian.png'), big);
    await writeFile(join(temp.dir, 'content/articles/xiaotu.png'), PNG.sync.write(new PNG({ width: 160, height: 90 })));
    await temp.write(
      'content/articles/da-tu.md',
      `${front('大图文章', '2024-05-20')}会场全景。\n\n![会场全景](./zhaopian.png)\n\n![小图标](./xiaotu.png)\n`,
    );
    await temp.write(
      'content/articles/da-tu-mdx.mdx',
      `${front('大图文章二', '2024-05-21')}会场全景。\n\n![会场全景](./zhaopian.png)\n`,
    );
    const build = await temp.run('astro', ['build']);
    expect(build.code, build.output).toBe(0);
    buildOutput = build.output;
    origin = await temp.serve();
  }, 300_000);

  afterAll(() => temp?.remove());

  test('a large picture gets a srcset up to twice the column, in .md and .mdx alike', async () => {
    expect(original).toBeGreaterThan(20_000_000);
    const page = await (await browser.context({ baseURL: origin })).newPage();
    for (const id of ['da-tu', 'da-tu-mdx']) {
      await page.goto(articleUrl({ id }));
      const image = page.getByRole('img', { name: '会场全景' });
      await expect(image.getAttribute('width')).resolves.toBe('768');
      await expect(image.getAttribute('height')).resolves.toBe('614');
      await expect(image.getAttribute('sizes')).resolves.toBe(articleImageSizes(768));
      expect(srcsetWidths(await image.getAttribute('srcset'))).toEqual([360, 480, 640, 768, 1024, 1280, 1536]);
    }
  });

  test('a small picture is offered at its own size only', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'da-tu' }));
    const image = page.getByRole('img', { name: '小图标' });
    await expect(image.getAttribute('width')).resolves.toBe('160');
    expect(srcsetWidths(await image.getAttribute('srcset'))).toEqual([160]);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
    await expect(image.evaluate((img: HTMLImageElement) => img.clientWidth)).resolves.toBe(160);
  });

  test('no file made of the picture is wider than 1536 pixels or near the original in bytes', async () => {
    const assets = join(temp.dir, 'dist/_astro');
    const files = (await readdir(assets)).filter((f) => /^zhaopian\..*\.webp$/.test(f));
    expect(files.length).toBe(7);
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'da-tu' }));
    const widths = await page.evaluate(
      (urls) =>
        Promise.all(
          urls.map(
            (url) =>
              new Promise<number>((done) => {
                const img = new Image();
                img.onload = () => done(img.naturalWidth);
                img.onerror = () => done(-1);
                img.src = url;
              }),
          ),
        ),
      files.map((f) => `/_astro/${f}`),
    );
    expect(widths.sort((a, b) => a - b)).toEqual([360, 480, 640, 768, 1024, 1280, 1536]);
    const largest = Math.max(...(await Promise.all(files.map(async (f) => (await stat(join(assets, f))).size))));
    expect(largest).toBeLessThan(original / 20);
  });

  test('a phone loads a small file and a desktop the column-wide one', async () => {
    for (const [width, expected] of [
      [360, 360],
      [1280, 768],
    ] as const) {
      const page = await (await browser.context({ baseURL: origin, viewport: { width, height: 800 } })).newPage();
      await page.goto(articleUrl({ id: 'da-tu' }));
      const image = page.getByRole('img', { name: '会场全景' });
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.currentSrc)).toBeTruthy();
      const src = await image.evaluate((img: HTMLImageElement) => img.currentSrc);
      const srcset = (await image.getAttribute('srcset'))!;
      const chosen = srcset.split(',').find((c) => src.endsWith(c.trim().split(' ')[0]!));
      expect(chosen?.trim().endsWith(` ${expected}w`), `${width}px chose ${chosen}`).toBe(true);
    }
  });

  test('an .mdx article builds without the MODULE_LEVEL_DIRECTIVE warning', () => {
    expect(buildOutput).toContain('/news/da-tu-mdx/');
    expect(buildOutput).not.toContain('MODULE_LEVEL_DIRECTIVE');
  });
});
