// The part of CBOR (RFC 8949) that Pagefind's index files use: integers, text and byte
// strings, arrays and maps of definite length, true, false and null. Enough to read and
// rewrite Pagefind's files (see search/build/compact.ts); anything else is an
// error rather than a guess.

export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | Map<CborValue, CborValue>;

/** The head of the item at byte `at`: its major type, its argument, and where its content starts. */
interface Head {
  major: number;
  /** The integer, the length of a string, array or map, or the simple value (major 7). */
  n: number;
  next: number;
}

function readHead(bytes: Uint8Array, view: DataView, at: number): Head {
  const fail = (why: string): never => {
    throw new Error(`CBOR: ${why} at byte ${at}`);
  };
  if (at >= bytes.length) fail('truncated');
  const initial = bytes[at]!;
  const major = initial >> 5;
  const info = initial & 31;
  if (major === 7) {
    if (info < 20 || info > 22) fail(`unsupported simple value ${info}`);
    return { major, n: info, next: at + 1 };
  }
  if (info < 24) return { major, n: info, next: at + 1 };
  const size = [1, 2, 4, 8][info - 24] ?? fail(`unsupported length code ${info}`);
  if (at + 1 + size > bytes.length) fail('truncated');
  const n =
    size === 1
      ? view.getUint8(at + 1)
      : size === 2
        ? view.getUint16(at + 1)
        : size === 4
          ? view.getUint32(at + 1)
          : Number(view.getBigUint64(at + 1));
  return { major, n, next: at + 1 + size };
}

const viewOf = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The one value encoded in `bytes` (trailing bytes are an error). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = viewOf(bytes);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const take = (length: number): Uint8Array => {
    if (at + length > bytes.length) throw new Error(`CBOR: truncated at byte ${bytes.length}`);
    at += length;
    return bytes.subarray(at - length, at);
  };
  const item = (): CborValue => {
    const start = at;
    const { major, n, next } = readHead(bytes, view, at);
    at = next;
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return take(n).slice();
      case 3:
        return text.decode(take(n));
      case 4:
        return Array.from({ length: n }, item);
      case 5: {
        const map = new Map<CborValue, CborValue>();
        for (let i = 0; i < n; i++) map.set(item(), item());
        return map;
      }
      case 7:
        return n === 20 ? false : n === 21 ? true : null;
      default:
        throw new Error(`CBOR: unsupported major type ${major} at byte ${start}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: trailing bytes at byte ${at}`);
  return value;
}

function encodeHead(major: number, n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`CBOR: cannot encode ${n}`);
  const m = major << 5;
  if (n < 24) return Uint8Array.of(m | n);
  if (n < 0x100) return Uint8Array.of(m | 24, n);
  if (n < 0x10000) return Uint8Array.of(m | 25, n >> 8, n & 0xff);
  if (n < 0x100000000) return Uint8Array.of(m | 26, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  const head = new Uint8Array(9);
  head[0] = m | 27;
  viewOf(head).setBigUint64(1, BigInt(n));
  return head;
}

/** `value` in CBOR's shortest form, as Pagefind (minicbor) writes it. */
export function encodeCbor(value: CborValue): Uint8Array {
  const parts: Uint8Array[] = [];
  const item = (v: CborValue): void => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error(`CBOR: cannot encode the fraction ${v}`);
      parts.push(v >= 0 ? encodeHead(0, v) : encodeHead(1, -1 - v));
    } else if (typeof v === 'string') {
      const data = new TextEncoder().encode(v);
      parts.push(encodeHead(3, data.length), data);
    } else if (v instanceof Uint8Array) {
      parts.push(encodeHead(2, v.length), v);
    } else if (Array.isArray(v)) {
      parts.push(encodeHead(4, v.length));
      v.forEach(item);
    } else if (v instanceof Map) {
      parts.push(encodeHead(5, v.size));
      for (const [key, entry] of v) {
        item(key);
        item(entry);
      }
    } else parts.push(Uint8Array.of(v === false ? 0xf4 : v === true ? 0xf5 : 0xf6));
  };
  item(value);
  return concatBytes(parts);
}

/** The byte arrays one after another. */
function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
