import jsQR from 'jsqr';
import { describe, expect, test } from 'vitest';
import { qrCode } from '../../../src/site/qr.ts';

/** Paints the path's strokes (`M x y.5 h n`, then `m dx 0 h n` along the row) into RGBA pixels. */
function paint(path: string, size: number, scale = 4): Uint8ClampedArray {
  const side = size * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, move, dx, dy, n] of path.matchAll(/([Mm])(\d+) (\d+(?:\.5)?)h(\d+)/g)) {
    if (move === 'M') [x, y] = [Number(dx), Math.floor(Number(dy))];
    else x += Number(dx);
    for (let py = 0; py < scale; py++) {
      const at = ((y * scale + py) * side + x * scale) * 4;
      pixels.fill(0, at, at + Number(n) * scale * 4);
    }
    x += Number(n);
  }
  for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255;
  return pixels;
}

describe('qrCode', () => {
  test('decodes to the text it was made from', () => {
    const url = 'https://www.example.org/news/laomo-liu-yi/';
    const { size, path } = qrCode(url);
    expect(jsQR(paint(path, size), size * 4, size * 4)?.data).toBe(url);
  });
  test('draws each row as short relative strokes: about two bytes a module', () => {
    const { size, path } = qrCode('http://localhost:4321/news/laomo-liu-yi/');
    expect(size).toBeGreaterThanOrEqual(25);
    expect(path.match(/M/g)).toHaveLength(size - 4);
    expect(path.length).toBeLessThan(size * size * 2);
  });
});
