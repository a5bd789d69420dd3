import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { FAVICON_SIZES, faviconIco } from '../../../src/site/favicon.ts';

/** The images of an .ico, read from its directory as Windows reads it. */
function icoImages(ico: Buffer): { width: number; height: number; png: PNG }[] {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, n) => {
    const entry = 6 + 16 * n;
    const bytes = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return {
      width: ico.readUInt8(entry) || 256,
      height: ico.readUInt8(entry + 1) || 256,
      png: PNG.sync.read(ico.subarray(offset, offset + bytes)),
    };
  });
}

describe('faviconIco', () => {
  test('holds the logo at 16, 32 and 48 pixels, in the brand blue', async () => {
    const ico = Buffer.from(faviconIco(await readFile('public/favicon.svg', 'utf8')));
    const images = icoImages(ico);
    expect(images.map((i) => [i.width, i.height, i.png.width, i.png.height])).toEqual(
      FAVICON_SIZES.map((size) => [size, size, size, size]),
    );
    for (const { png, width } of images) {
      // Near a corner, inside the rounded square: #1a4b8c, opaque.
      const at = (Math.floor(width * 0.2) * width + Math.floor(width * 0.5)) * 4;
      expect([...png.data.subarray(at, at + 4)]).toEqual([0x1a, 0x4b, 0x8c, 255]);
    }
  });
});
