import { describe, expect, test } from 'vitest';
import { decodeCbor, encodeCbor, type CborValue } from '../../../../src/search/build/cbor.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('encodeCbor', () => {
  test('writes the shortest form of each integer, as RFC 8949’s examples', () => {
    expect([0, 23, 24, 255, 256, 65535, 65536, 1000000, -1, -500].map((n) => hex(encodeCbor(n)))).toEqual([
      '00',
      '17',
      '1818',
      '18ff',
      '190100',
      '19ffff',
      '1a00010000',
      '1a000f4240',
      '20',
      '3901f3',
    ]);
  });
  test('writes text, bytes, arrays, maps and simple values', () => {
    expect(hex(encodeCbor('年份'))).toBe('66e5b9b4e4bbbd');
    expect(hex(encodeCbor(Uint8Array.of(1, 2)))).toBe('420102');
    expect(hex(encodeCbor([1, [2, 3]]))).toBe('8201820203');
    expect(hex(encodeCbor(new Map<CborValue, CborValue>([['a', 1]])))).toBe('a1616101');
    expect(hex(encodeCbor([true, false, null]))).toBe('83f5f4f6');
  });
  test('refuses fractions rather than writing something else', () => {
    expect(() => encodeCbor(1.5)).toThrow(/fraction/);
  });
});

describe('decodeCbor', () => {
  test('reads back what encodeCbor wrote', () => {
    const value: CborValue = [
      '1.6.0',
      [
        ['p-0', 1109, ''],
        ['p-1', 2 ** 40, ''],
      ],
      [],
      new Map([['k', [-3]]]),
      null,
    ];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
  });
  test('names what it cannot read, and where', () => {
    expect(() => decodeCbor(Uint8Array.of(0xf9, 0x3c, 0x00))).toThrow(/unsupported simple value 25 at byte 0/);
    expect(() => decodeCbor(Uint8Array.of(0x9f, 0xff))).toThrow(/unsupported length code 31/);
    expect(() => decodeCbor(Uint8Array.of(0x01, 0x02))).toThrow(/trailing bytes/);
    expect(() => decodeCbor(Uint8Array.of(0x81, 0xc1, 0x00))).toThrow(/unsupported major type 6 at byte 1/);
    expect(() => decodeCbor(Uint8Array.of(0x62, 0x61))).toThrow(/truncated/);
  });
});
