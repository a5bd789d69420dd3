// The part of CBOR (RFC 8949) that Pagefind's index files use: integers, text and byte
// strings, arrays and maps of definite length, true, false and null. Enough to write Pagefind's files
// (search/build/index-writer.ts) and read them back in tests; anything else is an error
// rather than a guess.

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

/**
 * Writes CBOR in its shortest form, as Pagefind (minicbor) does, into one growing buffer:
 * an index of 10,000 articles is tens of millions of integers.
 */
export class CborWriter {
  private bytes = new Uint8Array(1 << 16);
  private view = viewOf(this.bytes);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
    this.view = viewOf(grown);
  }

  /** The head of an item: major type and argument (integer, length). */
  head(major: number, n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`CBOR: cannot encode ${n}`);
    const m = major << 5;
    this.room(9);
    if (n < 24) this.bytes[this.at++] = m | n;
    else if (n < 0x100) {
      this.bytes[this.at++] = m | 24;
      this.bytes[this.at++] = n;
    } else if (n < 0x10000) {
      this.bytes[this.at++] = m | 25;
      this.view.setUint16(this.at, n);
      this.at += 2;
    } else if (n < 0x100000000) {
      this.bytes[this.at++] = m | 26;
      this.view.setUint32(this.at, n);
      this.at += 4;
    } else {
      this.bytes[this.at++] = m | 27;
      this.view.setBigUint64(this.at, BigInt(n));
      this.at += 8;
    }
    return this;
  }

  int(v: number): this {
    if (!Number.isInteger(v)) throw new Error(`CBOR: cannot encode the fraction ${v}`);
    return v >= 0 ? this.head(0, v) : this.head(1, -1 - v);
  }

  array(length: number): this {
    return this.head(4, length);
  }

  text(v: string): this {
    return this.raw(3, new TextEncoder().encode(v));
  }

  raw(major: number, data: Uint8Array): this {
    this.head(major, data.length);
    this.room(data.length);
    this.bytes.set(data, this.at);
    this.at += data.length;
    return this;
  }

  /** Any value (see CborValue). */
  value(v: CborValue): this {
    if (typeof v === 'number') return this.int(v);
    if (typeof v === 'string') return this.text(v);
    if (v instanceof Uint8Array) return this.raw(2, v);
    if (Array.isArray(v)) {
      this.array(v.length);
      for (const item of v) this.value(item);
      return this;
    }
    if (v instanceof Map) {
      this.head(5, v.size);
      for (const [key, entry] of v) this.value(key).value(entry);
      return this;
    }
    this.room(1);
    this.bytes[this.at++] = v === false ? 0xf4 : v === true ? 0xf5 : 0xf6;
    return this;
  }

  /** What has been written, as a copy. */
  done(): Uint8Array {
    return this.bytes.slice(0, this.at);
  }
}

/** `value` in CBOR's shortest form, as Pagefind (minicbor) writes it. */
export function encodeCbor(value: CborValue): Uint8Array {
  return new CborWriter().value(value).done();
}
