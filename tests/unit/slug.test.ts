import { describe, expect, test } from 'vitest';
import { articleIdFromPath, slugify } from '../../src/lib/slug.ts';

describe('articleIdFromPath', () => {
  test('uses the file name, whatever the folder', () => {
    expect(articleIdFromPath('2022/laomo-liu-yi.mdx')).toBe('laomo-liu-yi');
    expect(articleIdFromPath('awaiting/laomo-wu-qi.md')).toBe('laomo-wu-qi');
  });
  test('uses the folder name for index files', () => {
    expect(articleIdFromPath('2022/laomo-liu-yi/index.mdx')).toBe('laomo-liu-yi');
  });
});

describe('slugify', () => {
  test('turns a profile headline into readable pinyin', () => {
    expect(slugify('劳模风采 | 全国纺织工业劳动模范——刘毅:不忘初心抓主业 一心一意谋发展', 4)).toBe('liu-yi-bu-wang');
  });
  test('keeps digits and Latin words', () => {
    expect(slugify('关于2024年ABC展会的通知', 6)).toBe('guan-yu-2024-nian-abc-zhan');
  });
  test('writes ü as v', () => {
    expect(slugify('绿色', 2)).toBe('lv-se');
  });
});
