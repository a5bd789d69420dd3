import { encode } from 'uqr';

/** A QR code as SVG geometry: `size` modules square, the dark ones as one stroked path. */
export interface QrCode {
  size: number;
  /** Draw with `stroke-width="1"`: each dark run is a horizontal line through its row's middle. */
  path: string;
}

/**
 * The QR code of `text` (error correction M, so a printed code still scans when smudged),
 * with a quiet zone of `border` modules. Each row's dark runs are short relative strokes
 * (`M2 0.5h7m2 0h1`), which keeps the inline SVG, and so the page, small.
 */
export function qrCode(text: string, border = 2): QrCode {
  const { data, size } = encode(text, { ecc: 'M', border });
  let path = '';
  data.forEach((row, y) => {
    let cursor: number | undefined;
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      path += cursor === undefined ? `M${start} ${y}.5` : `m${start - cursor} 0`;
      path += `h${x - start + 1}`;
      cursor = x + 1;
    }
  });
  return { size, path };
}
