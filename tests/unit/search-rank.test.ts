import { describe, expect, test } from 'vitest';
import { excerptHtml, hasRun, matchRanges, rankHits } from '../../src/lib/search-rank.ts';

describe('rankHits', () => {
  test('puts pages holding the whole term before pages holding its pairs apart', () => {
    const ranked = rankHits([
      [
        { id: 'apart', score: 9, exact: 0 },
        { id: 'whole', score: 1, exact: 1 },
      ],
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['whole', 'apart']);
  });
  test('keeps tiers in order and a page in its best tier', () => {
    const ranked = rankHits([
      [{ id: 'a', score: 1, exact: 1 }],
      [
        { id: 'b', score: 5, exact: 1 },
        { id: 'a', score: 9, exact: 1 },
      ],
      [{ id: 'c', score: 9, exact: 0 }],
    ]);
    expect(ranked).toEqual([
      { id: 'a', tier: 0, exact: 1 },
      { id: 'b', tier: 1, exact: 1 },
      { id: 'c', tier: 2, exact: 0 },
    ]);
  });
  test('keeps Pagefind order (by date) when not ranking by score', () => {
    const hits = [
      { id: 'new', score: 1, exact: 1 },
      { id: 'old', score: 9, exact: 1 },
    ];
    expect(rankHits([hits], false).map((r) => r.id)).toEqual(['new', 'old']);
  });
});

describe('hasRun', () => {
  test('finds consecutive positions anywhere in the list', () => {
    expect(hasRun([3, 7, 8, 9, 20], 3)).toBe(true);
    expect(hasRun([3, 7, 8, 10, 11], 3)).toBe(false);
    expect(hasRun([5], 1)).toBe(true);
    expect(hasRun([], 1)).toBe(false);
  });
  test('ignores a position reported twice', () => {
    expect(hasRun([1, 2, 2, 3], 3)).toBe(true);
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
