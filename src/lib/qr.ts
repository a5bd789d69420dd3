import { encode } from 'uqr';

/** A QR code as SVG geometry: `size` modules square, the dark ones as one path. */
export interface QrCode {
  size: number;
  path: string;
}

/**
 * The QR code of `text` (error correction M, so a printed code still scans when smudged),
 * with a quiet zone of `border` modules. Dark modules are joined into one path of
 * horizontal runs, which keeps the inline SVG small.
 */
export function qrCode(text: string, border = 2): QrCode {
  const { data, size } = encode(text, { ecc: 'M', border });
  const runs: string[] = [];
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      runs.push(`M${start} ${y}h${x - start + 1}v1H${start}z`);
    }
  });
  return { size, path: runs.join('') };
}
