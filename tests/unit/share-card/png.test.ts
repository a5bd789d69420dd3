import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { cardTree, SHARE_IMAGE } from '../../../src/share-card/card.ts';
import { drawPng, fontsFor } from '../../../src/share-card/image.ts';
import { opaquePng } from '../../../src/share-card/png.ts';
import { site } from '../../../src/site.config.ts';

/** RGBA pixels of `width` × `height`, each from `colour(x, y)`. */
function pixels(width: number, height: number, colour: (x: number, y: number) => number[]): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out.set(colour(x, y), (y * width + x) * 4);
  return out;
}

describe('opaquePng', () => {
  test('an opaque picture decodes to the same pixels, stored as RGB', () => {
    const rgba = pixels(7, 5, (x, y) => [x * 30, y * 50, (x * y * 17) % 256, 255]);
    const png = opaquePng(rgba, 7, 5)!;
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([7, 5]);
    expect(Buffer.from(decoded.data)).toEqual(Buffer.from(rgba));
    expect(png[25]).toBe(2); // IHDR colour type: truecolour, no alpha
  });

  test('a drawn card decodes to the pixels resvg drew, in fewer bytes than its own PNG', async () => {
    const tree = cardTree(
      {
        title: '辽宁省纺织服装协会召开会员大会',
        label: '协会动态',
        date: '2022年7月12日',
        siteName: site.name,
        partnerName: site.partnerName,
      },
      readFileSync('public/favicon.svg', 'utf8'),
    );
    const drawn = await drawPng(tree, fontsFor(tree).fonts, SHARE_IMAGE);
    const png = opaquePng(drawn.pixels, drawn.width, drawn.height)!;
    expect(Buffer.from(PNG.sync.read(png).data)).toEqual(Buffer.from(PNG.sync.read(drawn.asPng()).data));
    expect(png.length).toBeLessThan(drawn.asPng().length);
  }, 30_000);

  test('a picture with a pixel not fully opaque is left to resvg (null)', () => {
    expect(
      opaquePng(
        pixels(3, 3, (x, y) => [0, 0, 0, x === 2 && y === 1 ? 254 : 255]),
        3,
        3,
      ),
    ).toBeNull();
  });

  test('pixels that do not make the size are refused', () => {
    expect(() => opaquePng(new Uint8Array(10), 2, 2)).toThrow(/not 2 × 2/);
  });
});
