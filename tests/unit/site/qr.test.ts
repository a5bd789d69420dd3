import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { bitmapPng, qrCode } from '../../../src/site/qr.ts';

/** The picture of a `data:` PNG, each pixel `scale` pixels square, as RGBA. */
function decodePng(src: string, scale = 4): { pixels: Uint8ClampedArray; side: number } {
  const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const side = png.width * scale;
  const pixels = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const from = (Math.floor(y / scale) * png.width + Math.floor(x / scale)) * 4;
      pixels.set(png.data.subarray(from, from + 4), (y * side + x) * 4);
    }
  return { pixels, side };
}

describe('qrCode', () => {
  test('decodes to the text it was made from', () => {
    const url = 'https://www.example.org/news/laomo-liu-yi/';
    const { size, src } = qrCode(url);
    const { pixels, side } = decodePng(src);
    expect(side).toBe(size * 4);
    expect(jsQR(pixels, side, side)?.data).toBe(url);
  });
  test('is a small picture: about 250 bytes for an article address', () => {
    const { size, src } = qrCode('http://localhost:4321/news/laomo-liu-yi/');
    expect(size).toBeGreaterThanOrEqual(25);
    expect(src).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(src.length).toBeLessThan(400);
    expect(qrCode('https://example.org/' + 'x'.repeat(300)).src.length).toBeLessThan(2000);
  });
});

describe('bitmapPng', () => {
  test('writes dark as black and light as white, rows of any width', () => {
    const rows = [
      [true, false, true, false, true, false, true, false, true],
      [false, false, false, false, false, false, false, false, true],
    ];
    const png = PNG.sync.read(Buffer.from(bitmapPng(rows)));
    expect([png.width, png.height]).toEqual([9, 2]);
    const dark = (x: number, y: number): boolean => png.data[(y * 9 + x) * 4] === 0;
    expect(rows.map((row, y) => row.map((_, x) => dark(x, y)))).toEqual(rows);
  });
});
