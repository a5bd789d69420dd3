// The part of CBOR (RFC 8949) that Pagefind's index files use: integers, text and byte
// strings, arrays and maps of definite length, true, false and null. Enough to read and
// rewrite Pagefind's metadata (see integrations/pagefind-compact.ts); anything else is an
// error rather than a guess.

export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | Map<CborValue, CborValue>;

/** The one value encoded in `bytes` (trailing bytes are an error). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`CBOR: ${why} at byte ${at}`);
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = [1, 2, 4, 8][info - 24] ?? fail(`unsupported length code ${info}`);
    if (at + size > bytes.length) fail('truncated');
    const value =
      size === 1
        ? view.getUint8(at)
        : size === 2
          ? view.getUint16(at)
          : size === 4
            ? view.getUint32(at)
            : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const take = (length: number): Uint8Array => {
    if (at + length > bytes.length) fail('truncated');
    at += length;
    return bytes.subarray(at - length, at);
  };
  const item = (): CborValue => {
    if (at >= bytes.length) fail('truncated');
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      return fail(`unsupported simple value ${info}`);
    }
    const n = argument(info);
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
      default:
        return fail(`unsupported major type ${major}`);
    }
  };
  const value = item();
  if (at !== bytes.length) fail('trailing bytes');
  return value;
}

/** `value` in CBOR's shortest form, as Pagefind (minicbor) writes it. */
export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number): void => {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`CBOR: cannot encode ${n}`);
    const m = major << 5;
    if (n < 24) out.push(m | n);
    else if (n < 0x100) out.push(m | 24, n);
    else if (n < 0x10000) out.push(m | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000) out.push(m | 26, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    else {
      out.push(m | 27);
      for (let shift = 56; shift >= 0; shift -= 8) out.push(Number((BigInt(n) >> BigInt(shift)) & 0xffn));
    }
  };
  const bytesOf = (data: Uint8Array): void => {
    for (const b of data) out.push(b);
  };
  const item = (v: CborValue): void => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error(`CBOR: cannot encode the fraction ${v}`);
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === 'string') {
      const data = new TextEncoder().encode(v);
      head(3, data.length);
      bytesOf(data);
    } else if (v instanceof Uint8Array) {
      head(2, v.length);
      bytesOf(v);
    } else if (Array.isArray(v)) {
      head(4, v.length);
      v.forEach(item);
    } else if (v instanceof Map) {
      head(5, v.size);
      for (const [key, entry] of v) {
        item(key);
        item(entry);
      }
    } else out.push(v === false ? 0xf4 : v === true ? 0xf5 : 0xf6);
  };
  item(value);
  return Uint8Array.from(out);
}
