// A share card's pixels as a PNG file. resvg's own encoder (`asPng`) took 9.6 ms a card, the
// largest part of drawing one, for 68 KB; a card is flat colour and text, so its rows stored as
// they are (no PNG filter), without the alpha channel, and zlib at level 3 give 57 KB in 3.7 ms.
import { crc32, deflateSync } from 'node:zlib';

/** zlib's level: 3 is its fastest that still finds the long runs of a card's flat colour. */
const LEVEL = 3;
/** How the cards are encoded, for the cache's key: a new encoding draws them again. */
export const PNG_ENCODING = `rgb, no filter, zlib ${LEVEL}`;

/** One PNG chunk: length, type, data and the CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * A PNG file of `width` × `height` pixels given as RGBA (8 bits a channel), stored as RGB; null
 * when a pixel is not fully opaque (resvg's pixels are then premultiplied: use its encoder).
 */
export function opaquePng(rgba: Uint8Array, width: number, height: number): Buffer | null {
  if (rgba.length !== width * height * 4)
    throw new Error(`${rgba.length} bytes are not ${width} × ${height} RGBA pixels`);
  // Each row: a filter byte (0, none), then its pixels as RGB.
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0, from = 0, to = 0; y < height; y++) {
    rows[to++] = 0;
    for (let x = 0; x < width; x++, from += 4) {
      if (rgba[from + 3] !== 255) return null;
      rows[to++] = rgba[from]!;
      rows[to++] = rgba[from + 1]!;
      rows[to++] = rgba[from + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits a channel, RGB, deflate, standard filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: LEVEL })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
