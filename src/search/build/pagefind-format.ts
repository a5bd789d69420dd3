// Pagefind's index files, as Pagefind 1.6 writes them and its browser code reads them (we
// write them ourselves: search/build/index-writer.ts): each is gzip around the signature
// `pagefind_dcd` and a body (CBOR for the metadata, index and filter chunks; JSON for a
// page's fragment). Pagefind's browser code takes a file either gzipped or already
// decompressed (signature first), e.g. when the server sent it with Content-Encoding.

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

/** The body of a decompressed Pagefind file; an error names the file when it is not one. */
export function unwrapPagefind(data: Uint8Array, file: string): Uint8Array {
  if (!SIGNATURE.every((b, i) => data[i] === b)) throw new Error(`${file}: not a Pagefind 1.6 file (no signature)`);
  return data.subarray(SIGNATURE.length);
}

/** A body as a decompressed Pagefind file. */
export function wrapPagefind(body: Uint8Array): Uint8Array {
  const file = new Uint8Array(SIGNATURE.length + body.length);
  file.set(SIGNATURE);
  file.set(body, SIGNATURE.length);
  return file;
}

/** The Pagefind version whose files these functions know (package.json pins it). */
export const PAGEFIND_VERSION = '1.6.0';
