import { describe, expect, test } from 'vitest';
import { unwrapPagefind, wrapPagefind } from '../../../../src/search/build/pagefind-format.ts';

describe('wrapPagefind and unwrapPagefind', () => {
  test('put the signature before a body and take it off', () => {
    const body = Uint8Array.of(0x82, 1, 2);
    const file = wrapPagefind(body);
    expect(new TextDecoder().decode(file.subarray(0, 12))).toBe('pagefind_dcd');
    expect([...unwrapPagefind(file, 'f')]).toEqual([...body]);
  });
  test('refuse a file without the signature', () => {
    expect(() => unwrapPagefind(Uint8Array.of(0x1f, 0x8b), 'fragment/x.pf_fragment')).toThrow(
      /fragment\/x\.pf_fragment: not a Pagefind 1\.6 file/,
    );
  });
});
