import { describe, expect, test } from 'vitest';
import { decodeArticle } from '../../../src/content-checks/encoding.ts';

/** 协会动态 as GBK bytes. */
const GBK = Uint8Array.from([0xd0, 0xad, 0xbb, 0xe1, 0xb6, 0xaf, 0xcc, 0xac]);

describe('decodeArticle', () => {
  test('reads UTF-8, with or without the byte-order mark Notepad writes', () => {
    const text = '---\ntitle: 协会动态\n---\n';
    expect(decodeArticle(new TextEncoder().encode(text))).toEqual({ text });
    expect(decodeArticle(new TextEncoder().encode(`\uFEFF${text}`))).toEqual({ text });
  });

  test('reads GBK and says how to save the file as UTF-8', () => {
    const { text, problem } = decodeArticle(GBK);
    expect(text).toBe('协会动态');
    expect(problem).toMatch(/^文件是 GBK（ANSI）编码.*另存为.*UTF-8.* \/ The file is GBK-encoded/);
  });
});
