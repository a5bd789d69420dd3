import { describe, expect, test } from 'vitest';
import {
  characterTokens,
  hasHan,
  indexTokens,
  normalizeText,
  queryTerms,
  termTokens,
} from '../../src/lib/search-tokens.ts';

describe('indexTokens', () => {
  test('gives one ASCII token per Han character, naming it and the next', () => {
    const tokens = indexTokens('刘毅是');
    expect(tokens).toHaveLength(3);
    for (const t of tokens) expect(t).toMatch(/^q[0-9a-z]{6}$/);
    expect(tokens[2]).toMatch(/zzz$/);
  });
  test('keeps digits and Latin words as words, dropping punctuation', () => {
    const tokens = indexTokens('年交易额905亿元。Cotton, 2.6万');
    expect(tokens.filter((t) => !t.startsWith('q'))).toEqual(['905', 'cotton', '2', '6']);
    expect(tokens).toHaveLength(4 + 2 + 1 + 2 + 1 + 1);
  });
  test('normalises full-width characters', () => {
    expect(indexTokens('ＡＢＣ１２３')).toEqual(['abc123']);
  });
});

describe('termTokens', () => {
  test('a two-character term is the very token the page holds', () => {
    expect(termTokens('西柳')).toEqual([indexTokens('西柳')[0]]);
  });
  test('a longer term is its overlapping pairs, found in the page tokens in order', () => {
    const page = indexTokens('现任党群服务中心主任');
    const term = termTokens('党群服务中心');
    expect(term).toHaveLength(5);
    const at = page.indexOf(term[0]!);
    expect(page.slice(at, at + 5)).toEqual(term);
  });
  test('a single character is a prefix of the pairs it starts', () => {
    const [prefix] = termTokens('柳');
    expect(prefix).toHaveLength(4);
    expect(indexTokens('西柳市场').filter((t) => t.startsWith(prefix!))).toHaveLength(1);
  });
  test('digits with Chinese stay next to each other', () => {
    const page = indexTokens('年交易额905亿元');
    const term = termTokens('905亿元');
    expect(term).toEqual(['905', page[page.indexOf('905') + 1]]);
  });
  test('gives different tokens for different pairs of the same characters', () => {
    expect(termTokens('刘备')).not.toEqual(termTokens('刘毅'));
  });
});

describe('characterTokens', () => {
  test('splits a term into single-character prefixes', () => {
    expect(characterTokens('刘毅')).toEqual([termTokens('刘')[0], termTokens('毅')[0]]);
  });
});

describe('queryTerms', () => {
  test('splits at half- and full-width spaces and drops repeats', () => {
    expect(queryTerms(' 西柳\u3000党建  西柳 ')).toEqual(['西柳', '党建']);
  });
  test('ignores input without letters, digits or Han characters', () => {
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('😀 <>!!')).toEqual([]);
    expect(queryTerms('<script>alert(1)</script>')).toEqual(['<script>alert(1)</script>']);
  });
  test('bounds the number and length of terms', () => {
    expect(queryTerms('甲 乙 丙 丁 戊 己 庚 辛 壬 癸')).toHaveLength(8);
    expect([...queryTerms('长'.repeat(200))[0]!]).toHaveLength(32);
  });
});

describe('hasHan and normalizeText', () => {
  test('recognise Han characters and fold width and case', () => {
    expect(hasHan('abc')).toBe(false);
    expect(hasHan('a西')).toBe(true);
    expect(normalizeText('ＡＢ　Ｃ')).toBe('ab c');
  });
});
