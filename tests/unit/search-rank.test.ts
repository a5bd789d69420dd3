import { describe, expect, test } from 'vitest';
import { exactTerms, excerptHtml, longestRun, matchRanges, rankHits } from '../../src/lib/search-rank.ts';

describe('longestRun and exactTerms', () => {
  test('measure consecutive positions', () => {
    expect(longestRun([9, 3, 4, 5, 7])).toBe(3);
    expect(longestRun([])).toBe(0);
    expect(exactTerms([10, 11, 12, 13, 14], [5])).toBe(1);
    expect(exactTerms([10, 30, 50, 70, 90], [5])).toBe(0);
    expect(exactTerms([10, 40, 41], [1, 2])).toBe(2);
  });
});

describe('rankHits', () => {
  const sizes = [5];
  test('puts pages holding the whole term before pages holding its pairs apart', () => {
    const ranked = rankHits(
      [
        [
          { id: 'apart', score: 9, words: [1, 20, 40, 60, 80] },
          { id: 'whole', score: 1, words: [7, 8, 9, 10, 11] },
        ],
      ],
      sizes,
    );
    expect(ranked.map((r) => r.id)).toEqual(['whole', 'apart']);
  });
  test('keeps tiers in order and a page in its best tier', () => {
    const ranked = rankHits(
      [
        [{ id: 'a', score: 1, words: [1] }],
        [
          { id: 'b', score: 5, words: [1] },
          { id: 'a', score: 9, words: [1] },
        ],
        [{ id: 'c', score: 9, words: [1] }],
      ],
      [1],
    );
    expect(ranked).toEqual([
      { id: 'a', tier: 0, exact: 1 },
      { id: 'b', tier: 1, exact: 1 },
      { id: 'c', tier: 2, exact: 0 },
    ]);
  });
  test('keeps Pagefind order (by date) when not ranking by score', () => {
    const hits = [
      { id: 'new', score: 1, words: [1] },
      { id: 'old', score: 9, words: [1] },
    ];
    expect(rankHits([hits], [1], false).map((r) => r.id)).toEqual(['new', 'old']);
  });
});

describe('matchRanges', () => {
  test('finds whole terms, merging overlaps', () => {
    expect(matchRanges('西柳市场西柳', ['西柳', '柳市'])).toEqual([
      [0, 3],
      [4, 6],
    ]);
  });
  test('marks single characters when the page holds them apart', () => {
    expect(matchRanges('刘某某毅', ['刘毅'], true)).toEqual([
      [0, 1],
      [3, 4],
    ]);
  });
  test('matches full-width and upper-case text', () => {
    expect(matchRanges('ＡＢＣ公司', ['abc'])).toEqual([[0, 3]]);
  });
});

describe('excerptHtml', () => {
  test('marks the term in a window of the text', () => {
    const text = '前'.repeat(100) + '西柳服装市场' + '后'.repeat(100);
    const html = excerptHtml(text, ['西柳'], 40);
    expect(html).toMatch(/^…前+<mark>西柳<\/mark>服装市场后+…$/);
  });
  test('escapes the page text', () => {
    expect(excerptHtml('<b>西柳</b>', ['西柳'])).toBe('&lt;b&gt;<mark>西柳</mark>&lt;/b&gt;');
  });
  test('falls back to the opening when nothing matches', () => {
    expect(excerptHtml('开头的文字', ['无关'], 3)).toBe('开头的…');
  });
});
