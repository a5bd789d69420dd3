import { encode } from 'uqr';

/** A QR code as a picture: `size` modules square, one pixel a module, as a `data:` PNG. */
export interface QrCode {
  size: number;
  /** `data:image/png;base64,…`: show it scaled up with `image-rendering: pixelated`. */
  src: string;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n >>> 0;
});

/** PNG's CRC-32 of `bytes`. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** `n` as four bytes, most significant first. */
const u32 = (n: number): number[] => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/** One PNG chunk: length, type, data and the CRC of type and data. */
function chunk(type: string, data: number[]): number[] {
  const body = [...type].map((c) => c.charCodeAt(0)).concat(data);
  return [...u32(data.length), ...body, ...u32(crc32(Uint8Array.from(body)))];
}

/**
 * `bytes` as a zlib stream of stored (uncompressed) blocks. Deflating saves almost nothing on a
 * QR code's noise, and this keeps the module free of Node: the page's brotli does the rest.
 */
function zlibStored(bytes: number[]): number[] {
  const out = [0x78, 0x01];
  for (let at = 0; at === 0 || at < bytes.length; at += 0xffff) {
    const block = bytes.slice(at, at + 0xffff);
    const last = at + 0xffff >= bytes.length ? 1 : 0;
    out.push(last, block.length & 0xff, block.length >> 8, ~block.length & 0xff, (~block.length >> 8) & 0xff, ...block);
  }
  let a = 1;
  let b = 0;
  for (const byte of bytes) [a, b] = [(a + byte) % 65521, (b + a + byte) % 65521];
  return [...out, ...u32(((b << 16) | a) >>> 0)];
}

/**
 * A black-and-white PNG of `rows` (true is dark), one bit a pixel: a 33-module code is about
 * 250 bytes, under half the same code drawn as an SVG path, and it is written into every
 * article page.
 */
export function bitmapPng(rows: boolean[][]): Uint8Array {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const stride = Math.ceil(width / 8);
  const pixels: number[] = [];
  for (const row of rows) {
    const line = new Array<number>(stride).fill(0);
    for (let x = 0; x < width; x++) if (!row[x]) line[x >> 3]! |= 0x80 >> (x & 7); // 1 is white
    pixels.push(0, ...line); // filter type 0 (none), then the row's bits
  }
  // Bit depth 1, greyscale, deflate, no filter, no interlace.
  const header = [...u32(width), ...u32(height), 1, 0, 0, 0, 0];
  return Uint8Array.from([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...chunk('IHDR', header),
    ...chunk('IDAT', zlibStored(pixels)),
    ...chunk('IEND', []),
  ]);
}

/**
 * The QR code of `text` (error correction M, so a printed code still scans when smudged),
 * with a quiet zone of `border` modules.
 */
export function qrCode(text: string, border = 2): QrCode {
  const { data, size } = encode(text, { ecc: 'M', border });
  return { size, src: `data:image/png;base64,${btoa(String.fromCharCode(...bitmapPng(data)))}` };
}
