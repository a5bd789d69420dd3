// /favicon.ico, drawn from public/favicon.svg at build: browsers and crawlers ask for it
// whatever the page names, and an icon that is drawn cannot drift from the logo.
import { Resvg } from '@resvg/resvg-js';

/** The sizes an .ico carries: tabs (16), taskbars and shortcuts (32, 48). */
export const FAVICON_SIZES = [16, 32, 48] as const;

/**
 * An .ico file holding PNG images (every browser since IE 11 reads them): a 6-byte header,
 * a 16-byte entry per image (its size, bytes and offset), then the images.
 */
export function icoFromPngs(images: { size: number; png: Uint8Array }[]): Uint8Array {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, n) => {
    const entry = 6 + 16 * n;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width; 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

/** The site's .ico: the logo drawn at each of FAVICON_SIZES. */
export function faviconIco(svg: string): Uint8Array {
  return icoFromPngs(
    FAVICON_SIZES.map((size) => ({
      size,
      png: new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng(),
    })),
  );
}
