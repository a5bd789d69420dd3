import jsQR from 'jsqr';
import { describe, expect, test } from 'vitest';
import { qrCode } from '../../src/lib/qr.ts';

/** Paints the path's runs (`M x y h n v1 H x z`) into RGBA pixels, `scale` pixels a module. */
function paint(path: string, size: number, scale = 4): Uint8ClampedArray {
  const side = size * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, n] of path.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g))
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < Number(n) * scale; dx++) {
        const at = ((Number(y) * scale + dy) * side + Number(x) * scale + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
  return pixels;
}

describe('qrCode', () => {
  test('decodes to the text it was made from', () => {
    const url = 'https://www.example.org/news/laomo-liu-yi/';
    const { size, path } = qrCode(url);
    expect(jsQR(paint(path, size), size * 4, size * 4)?.data).toBe(url);
  });
  test('joins dark modules into runs: far fewer path commands than modules', () => {
    const { size, path } = qrCode('http://localhost:4321/news/laomo-liu-yi/');
    expect(size).toBeGreaterThanOrEqual(25);
    expect(path.match(/M/g)!.length).toBeLessThan((size * size) / 4);
  });
});
