import { describe, expect, test } from 'vitest';
import { explainFailure, isNoise } from '../../../src/content-checks/astro-errors.ts';

describe('explainFailure', () => {
  test('leaves a failure the content checks reported to their report', () => {
    expect(explainFailure('文章中有 1 处错误，网站没有构建。')).toBeUndefined();
  });

  test("words Astro's own errors about articles in Chinese, with the English beneath", () => {
    expect(explainFailure('[ERROR] Could not find requested image `./a.jpg`. Does it exist?')).toMatch(
      /^找不到图片「\.\/a\.jpg」.* \/ Image/,
    );
    expect(explainFailure('[NoImageMetadata] Could not process image metadata for content/articles/x/bad.png')).toMatch(
      /^图片「content\/articles\/x\/bad\.png」已损坏/,
    );
    expect(explainFailure('something else broke')).toMatch(/^构建出错，不是文章的常见错误/);
  });
});

describe('isNoise', () => {
  test('is true of stack frames and hint labels, false of messages', () => {
    expect(isNoise('    at runInlinedModule (file:///x.js:1:1)')).toBe(true);
    expect(isNoise('  Stack trace:')).toBe(true);
    expect(isNoise('content/articles/a.md:2')).toBe(false);
  });
});
