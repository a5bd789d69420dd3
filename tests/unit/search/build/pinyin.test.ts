import { describe, expect, test } from 'vitest';
import { pinyinIndexWords } from '../../../../src/search/build/pinyin.ts';
import { PINYIN_MARK } from '../../../../src/search/shared/tokens.ts';

/** True when a query word finds the text, as Pagefind matches it: a prefix of an indexed word. */
const finds = (text: string, query: string): boolean =>
  pinyinIndexWords(text).some((word) => word.startsWith(PINYIN_MARK + query));

describe('pinyinIndexWords', () => {
  test('finds a name by its full pinyin, from any syllable, and by its initials', () => {
    for (const query of ['gudongzhao', 'gu', 'dongzhao', 'gdz', 'dz']) expect(finds('谷冬昭', query), query).toBe(true);
    expect(finds('谷冬昭', 'gudongzhaox')).toBe(false);
    expect(finds('谷冬昭', 'liuyi')).toBe(false);
  });
  test('finds a word inside a headline, within six syllables', () => {
    const title = '劳模风采 | 全国纺织工业劳动模范——刘毅:不忘初心抓主业';
    for (const query of ['laomo', 'liuyi', 'buwangchuxin', 'quanguofangzhigongye', 'lmfc', 'bwcx'])
      expect(finds(title, query), query).toBe(true);
    expect(finds(title, 'quanguofangzhigongyelaodong')).toBe(false);
  });
  test('writes ü as v, as pinyin keyboards do', () => {
    expect(finds('绿色', 'lvse')).toBe(true);
  });
  test('ends a word cut short by its run, so no word starts a longer query', () => {
    const words = pinyinIndexWords('老，劳模风采');
    expect(words.filter((w) => (PINYIN_MARK + 'laomo').startsWith(w))).toEqual([]);
    expect(finds('老，劳模风采', 'laomo')).toBe(true);
    expect(finds('老', 'lao')).toBe(true);
  });
  test('gives nothing for text without Han characters', () => {
    expect(pinyinIndexWords('LNGA 2022')).toEqual([]);
  });
});
