import { describe, expect, test } from 'vitest';
import {
  coverTerm,
  excerptHtml,
  hasRun,
  matchRanges,
  placesHeld,
  rankHits,
} from '../../../../src/search/shared/rank.ts';
import { newestPlace } from '../../../../src/search/shared/shards.ts';
import { indexTokens, termQuery } from '../../../../src/search/shared/tokens.ts';

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
  test('within a tier: more of the query whole, fewer words, closer words, then full articles first', () => {
    const ranked = rankHits([
      [
        { id: 'awaiting-near', score: 99, exact: 0, covered: 6, pieces: 2, gap: 0, awaiting: true },
        { id: 'three-words', score: 9, exact: 0, covered: 6, pieces: 3, gap: 0 },
        { id: 'two-far', score: 9, exact: 0, covered: 6, pieces: 2, gap: 40 },
        { id: 'two-near', score: 1, exact: 0, covered: 6, pieces: 2, gap: 0 },
        { id: 'less', score: 99, exact: 0, covered: 4, pieces: 1, gap: 0 },
      ],
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['two-near', 'awaiting-near', 'two-far', 'three-words', 'less']);
  });
  test('ranks the tiers in the order given', () => {
    const tiers = [[{ id: 'latin', score: 1, exact: 1 }], [{ id: 'pinyin', score: 1, exact: 0 }]];
    expect(rankHits(tiers, undefined, [1, 0])).toEqual([
      { id: 'pinyin', tier: 1, exact: 0 },
      { id: 'latin', tier: 0, exact: 1 },
    ]);
  });
  test('carries the words a page holds and its mark', () => {
    const [hit] = rankHits([[{ id: 'a', score: 1, exact: 0, awaiting: true, words: ['党员', '捐款'] }]]);
    expect(hit).toEqual({ id: 'a', tier: 0, exact: 0, awaiting: true, words: ['党员', '捐款'] });
  });
  test('orders equals last by the order given instead of the score: newest first', () => {
    const hits = [
      { id: 'a1b2c3d40-a', score: 9, exact: 1 },
      { id: 'a1b2c3d41-0', score: 9, exact: 1 },
      { id: 'a1b2c3d40-2', score: 1, exact: 1 },
    ];
    expect(rankHits([hits], (a, b) => newestPlace(a.id) - newestPlace(b.id)).map((r) => r.id)).toEqual([
      'a1b2c3d40-2',
      'a1b2c3d40-a',
      'a1b2c3d41-0',
    ]);
  });
});

describe('coverTerm', () => {
  /** Where each pair of `term` stands in the tokens of `text`, as Pagefind reports them. */
  const pairsIn = (term: string, text: string): number[][] => {
    const tokens = indexTokens(text);
    return termQuery(term).phrase.map((pair) => tokens.flatMap((t, i) => (t === pair ? [i] : [])));
  };
  const words = (term: string, text: string): string[] =>
    coverTerm(pairsIn(term, text)).pieces.map(([i, j]) => [...term].slice(i, j).join(''));
  test('finds the whole term as one piece', () => {
    expect(coverTerm(pairsIn('党员捐款', '组织党员捐款'))).toEqual({ pieces: [[0, 4]], covered: 4, gap: 0 });
  });
  test('splits the term into the words the page holds, with no dictionary', () => {
    expect(words('沈阳表彰大会', '表彰大会在沈阳召开')).toEqual(['沈阳', '表彰大会']);
    expect(words('刘毅武汉', '刘毅同志支援武汉')).toEqual(['刘毅', '武汉']);
    expect(words('一心一意谋发展', '谋发展，一心一意')).toEqual(['一心一意', '谋发展']);
  });
  test('prefers fewer, longer words', () => {
    const cover = coverTerm(pairsIn('市场疫情防控', '疫情，防控。市场疫情防控'));
    expect(cover.pieces).toEqual([[0, 6]]);
    expect(words('市场疫情防控', '疫情，防控。疫情防控一线，市场')).toEqual(['市场', '疫情防控']);
  });
  test('counts only pieces of two or more characters, and what they cover', () => {
    const cover = coverTerm(pairsIn('党员捐款', '党员和捐'));
    expect(cover).toEqual({ pieces: [[0, 2]], covered: 2, gap: 0 });
    expect(coverTerm(pairsIn('党员捐款', '党和员'))).toEqual({ pieces: [], covered: 0, gap: 0 });
  });
  test('measures how far apart the words stand; a punctuation mark between them is side by side', () => {
    expect(coverTerm(pairsIn('联动体系', '“三个联动”体系')).gap).toBe(0);
    expect(coverTerm(pairsIn('联动体系', '联动、体系')).gap).toBe(0);
    expect(coverTerm(pairsIn('党员捐款', '党员积极踊跃捐款')).gap).toBe(3);
    expect(coverTerm(pairsIn('党员捐款', '捐款。党员甲乙丙丁戊己捐款')).gap).toBe(0);
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

describe('placesHeld', () => {
  test('counts the places where the words stand at their offsets, in any order of positions', () => {
    expect(
      placesHeld(
        [
          [9, 4],
          [30, 6],
        ],
        [0, 2],
      ),
    ).toBe(1);
    expect(placesHeld([[4], [5]], [0, 2])).toBe(0);
    expect(placesHeld([[6], [4]], [0, 2])).toBe(0);
    expect(placesHeld([[1, 10], [3, 20], [13]], [0, 2, 3])).toBe(0);
    expect(placesHeld([[1, 10], [3, 12], [13]], [0, 2, 3])).toBe(1);
    expect(
      placesHeld(
        [
          [1, 10, 40],
          [3, 12, 42],
          [4, 13, 43],
        ],
        [0, 2, 3],
      ),
    ).toBe(3);
  });
  test('one word stands wherever it is, a position reported twice once; no positions never', () => {
    expect(placesHeld([[7, 9]], [0])).toBe(2);
    expect(placesHeld([[7, 7], [9]], [0, 2])).toBe(1);
    expect(placesHeld([[], [2]], [0, 2])).toBe(0);
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
  test('shows the place where the most of the words stand', () => {
    const text = '党员' + '甲'.repeat(100) + '党员乙捐款' + '丙'.repeat(100);
    expect(excerptHtml(text, ['党员', '捐款'], 40)).toContain('<mark>党员</mark>乙<mark>捐款</mark>');
    expect(excerptHtml(text, ['党员'], 40)).toMatch(/^<mark>党员<\/mark>甲+…$/);
  });
  test('escapes the page text', () => {
    expect(excerptHtml('<b>西柳</b>', ['西柳'])).toBe('&lt;b&gt;<mark>西柳</mark>&lt;/b&gt;');
  });
  test('falls back to the opening when nothing matches', () => {
    expect(excerptHtml('开头的文字', ['无关'], 3)).toBe('开头的…');
  });
});
