import { describe, expect, test } from 'vitest';
import { hasRun, placesHeld } from '../../../../src/search/shared/rank.ts';
import {
  characterTokens,
  coveringPairs,
  hasHan,
  indexTokens,
  normalizeText,
  PINYIN_MARK,
  pinyinWords,
  queryTerms,
  splittable,
  positionalPairs,
  termQuery,
  termWords,
} from '../../../../src/search/shared/tokens.ts';

/** True when the phrase stands in the token list side by side, in order. */
function holds(tokens: string[], phrase: string[]): boolean {
  return tokens.some((_, i) => phrase.every((t, j) => tokens[i + j] === t));
}

describe('indexTokens', () => {
  test('gives one ASCII token per Han character, naming it and the next', () => {
    const tokens = indexTokens('刘毅是');
    expect(tokens).toHaveLength(3);
    for (const t of tokens) expect(t).toMatch(/^q[0-9a-z]{6}$/);
    expect(tokens[2]).toMatch(/zzz$/);
  });
  test('keeps numbers and Latin words as words, and punctuation as a break', () => {
    const tokens = indexTokens('年交易额905亿元。Cotton, 2.6万');
    expect(tokens.filter((t) => !/^q.{6}$/.test(t))).toEqual([
      expect.stringMatching(/^905q.{3}$/),
      '·',
      'cotton',
      '·',
      expect.stringMatching(/^2d6q.{3}$/),
    ]);
    expect(tokens).toHaveLength(4 + 1 + 2 + 1 + 1 + 1 + 1 + 1);
  });
  test('holds a break between runs of Han characters that only spaces part, and none elsewhere', () => {
    expect(indexTokens('产业 集群')).toEqual([...indexTokens('产业'), '·', ...indexTokens('集群')]);
    expect(indexTokens('产业，集群')).toEqual(indexTokens('产业 ，  集群'));
    expect(indexTokens('产业 cotton 集群')).toHaveLength(2 + 1 + 2);
  });
  test('normalises full-width characters', () => {
    expect(indexTokens('ＡＢＣ１２３')).toEqual(['abc123q']);
  });
});

describe('termQuery', () => {
  const page = indexTokens('现任党群服务中心主任，年交易额905亿元，共有党员543名，羽绒服1154件。2019年9月，西柳');
  test('a two-character term is the very token the page holds', () => {
    expect(termQuery('西柳')).toEqual({ phrase: [indexTokens('西柳')[0]] });
  });
  test('a longer term is its overlapping pairs, standing in the page in order', () => {
    const { phrase } = termQuery('党群服务中心');
    expect(phrase).toHaveLength(5);
    expect(holds(page, phrase)).toBe(true);
    expect(holds(indexTokens('党群、服务、中心'), phrase)).toBe(false);
  });
  test('numbers with Chinese are phrases the page holds', () => {
    for (const term of ['905亿元', '543名', '1154件', '2019年9月']) {
      const { phrase, prefix } = termQuery(term);
      expect(prefix, term).toBeUndefined();
      expect(holds(page, phrase), term).toBe(true);
    }
  });
  test('a number is not found inside a longer one, nor across punctuation', () => {
    const [token] = termQuery('543名').phrase;
    expect(indexTokens('5435名')).not.toContain(token);
    expect(indexTokens('543，名')).not.toContain(token);
    expect(termQuery('543')).toEqual({ phrase: [], prefix: '543q' });
    expect(indexTokens('5435名')[0]!.startsWith('543q')).toBe(false);
    expect(indexTokens('543名')[0]!.startsWith('543q')).toBe(true);
  });
  test('a lone final character is a prefix of the pairs it starts', () => {
    const { phrase, prefix } = termQuery('柳');
    expect(phrase).toEqual([]);
    expect(prefix).toHaveLength(4);
    expect(indexTokens('西柳市场').filter((t) => t.startsWith(prefix!))).toHaveLength(1);
  });
  test('gives different tokens for different pairs of the same characters', () => {
    expect(termQuery('刘备')).not.toEqual(termQuery('刘毅'));
  });
});

describe('termWords', () => {
  test('lists the phrase, then the prefix', () => {
    const [xiliu] = termQuery('西柳').phrase;
    expect(termWords(termQuery('西柳'))).toEqual([xiliu]);
    expect(termWords(termQuery('543'))).toEqual(['543q']);
  });
});

describe('positionalPairs', () => {
  /** Word positions at which the page holds one of the pairs, as a plain search reports them. */
  const positions = (text: string, pairs: string[]): number[] =>
    indexTokens(text).flatMap((t, i) => (pairs.includes(t) ? [i] : []));
  test('gives the pairs of a term of distinct Han characters', () => {
    expect(positionalPairs('党群服务中心')).toEqual(termQuery('党群服务中心').phrase);
    expect(positionalPairs('西柳')).toEqual(termQuery('西柳').phrase);
  });
  test('leaves numbers, letters, lone and repeated characters to the phrase search', () => {
    for (const term of ['柳', '905亿元', 'cotton', '一心一意谋发展', '哈哈'])
      expect(positionalPairs(term), term).toBeNull();
  });
  test('pairs side by side are the term; pairs apart or out of order are not', () => {
    const pairs = positionalPairs('党群服务中心')!;
    expect(hasRun(positions('现任党群服务中心主任', pairs), pairs.length)).toBe(true);
    expect(hasRun(positions('党群、服务中心', pairs), pairs.length)).toBe(false);
    expect(hasRun(positions('中心党群服务', pairs), pairs.length)).toBe(false);
    expect(hasRun(positions('务中心主任党群服', pairs), pairs.length)).toBe(false);
  });
});

describe('coveringPairs', () => {
  /** Where a page holds each covering pair, as one search per pair reports it. */
  const whole = (text: string, term: string): boolean => {
    const cover = coveringPairs(term)!;
    const tokens = indexTokens(text);
    const positions = cover.map(({ token }) => tokens.flatMap((t, i) => (t === token ? [i] : [])));
    return (
      placesHeld(
        positions,
        cover.map((pair) => pair.offset),
      ) > 0
    );
  };
  test('asks every other pair of a term of four or more Han characters, and the last', () => {
    const pairs = termQuery('党群服务中心').phrase;
    expect(coveringPairs('党群服务中心')).toEqual([0, 2, 4].map((offset) => ({ token: pairs[offset], offset })));
    expect(coveringPairs('产业集群')?.map((pair) => pair.offset)).toEqual([0, 2]);
    expect(coveringPairs('沈阳表彰大')?.map((pair) => pair.offset)).toEqual([0, 2, 3]);
  });
  test('leaves short terms and terms with numbers or letters to the other searches', () => {
    for (const term of ['西柳', '交易额', '905亿元', 'cotton', '2022年度总结'])
      expect(coveringPairs(term), term).toBeNull();
  });
  test('the pairs at their offsets are the term whole; anywhere else they are not', () => {
    expect(whole('辽宁产业集群发展', '产业集群')).toBe(true);
    expect(whole('集群产业', '产业集群')).toBe(false);
    expect(whole('产业、集群', '产业集群')).toBe(false);
    // Spaces, line breaks and full-width spaces: the index holds a break between runs of Han characters apart.
    expect(whole('产业 集群', '产业集群')).toBe(false);
    expect(whole('产业\n集群', '产业集群')).toBe(false);
    expect(whole('产业　集群', '产业集群')).toBe(false);
    expect(whole('党群服务 中心', '党群服务中心')).toBe(false);
    expect(whole('产业产业集群', '产业集群')).toBe(true);
    expect(whole('产业产业', '产业集群')).toBe(false);
    expect(whole('党群服务中心', '党群服务中心')).toBe(true);
    expect(whole('党群服务，中心', '党群服务中心')).toBe(false);
    expect(whole('沈阳表彰大会', '沈阳表彰大')).toBe(true);
    expect(whole('沈阳表彰，彰大', '沈阳表彰大')).toBe(false);
  });
  test('proves terms with a character twice, which pairs side by side cannot', () => {
    expect(whole('一心一意谋发展', '一心一意')).toBe(true);
    expect(whole('一意一心', '一心一意')).toBe(false);
    expect(whole('一心一心', '一心一心')).toBe(true);
    expect(whole('一心，一心', '一心一心')).toBe(false);
  });
});

describe('characterTokens', () => {
  test('splits a term into single-character prefixes', () => {
    expect(characterTokens('刘毅')).toEqual([termQuery('刘').prefix, termQuery('毅').prefix]);
  });
});

describe('queryTerms', () => {
  test('splits at half- and full-width spaces and punctuation, and drops repeats', () => {
    expect(queryTerms(' 西柳\u3000党建  西柳 ')).toEqual(['西柳', '党建']);
    expect(queryTerms('西柳，党建、2.3万')).toEqual(['西柳', '党建', '2.3万']);
  });
  test('ignores input without letters, digits or Han characters', () => {
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('😀 <>!!')).toEqual([]);
    expect(queryTerms('<script>alert(1)</script>')).toEqual(['alert']);
  });
  test('reads full-width digits and letters as half-width', () => {
    expect(queryTerms('２０２２年 ＬＮＧＡ')).toEqual(['2022年', 'lnga']);
  });
  test('does not search markup, nor a lone letter or digit beside other terms', () => {
    expect(queryTerms('<img src=x onerror=alert(1)>')).toEqual([]);
    expect(queryTerms('alert(1) x')).toEqual(['alert']);
    expect(queryTerms('1')).toEqual(['1']);
    expect(queryTerms('1 号')).toEqual(['号']);
  });
  test('bounds the number and length of terms', () => {
    expect(queryTerms('甲 乙 丙 丁 戊 己 庚 辛 壬 癸')).toHaveLength(8);
    expect([...queryTerms('长'.repeat(200))[0]!]).toHaveLength(32);
  });
});

describe('words of letters and digits', () => {
  test('never start like a pair token or a pinyin word, in the index and in queries alike', () => {
    const tokens = indexTokens('Q1 V领 qingdao vip cotton');
    for (const token of tokens.filter((t) => !t.startsWith(termQuery('领').prefix!)))
      expect(token, token).not.toMatch(new RegExp(`^[${PINYIN_MARK}q]`));
    expect(tokens).toContain('cotton');
    expect(termQuery('qingdao').prefix).toBe(tokens[tokens.length - 3]);
    expect(termQuery('vip').prefix).toBe(tokens[tokens.length - 2]);
    expect(characterTokens('qq')).toEqual([termQuery('qq').prefix]);
  });
});

describe('splittable', () => {
  test('takes Han terms of four characters or more', () => {
    expect(splittable('党员捐款')).toBe(true);
    expect(splittable('沈阳表彰大会')).toBe(true);
    for (const term of ['刘毅', '服务中', '2022年表彰大会', 'laomo']) expect(splittable(term), term).toBe(false);
  });
});

describe('pinyinWords', () => {
  test('marks letter-only terms as pinyin, and nothing else', () => {
    expect(pinyinWords(['gu', 'dongzhao'])).toEqual([PINYIN_MARK + 'gu', PINYIN_MARK + 'dongzhao']);
    expect(pinyinWords(['gdz'])).toEqual([PINYIN_MARK + 'gdz']);
    expect(pinyinWords(['刘毅'])).toBeNull();
    expect(pinyinWords(['2022'])).toBeNull();
    expect(pinyinWords([])).toBeNull();
  });
});

describe('hasHan and normalizeText', () => {
  test('recognise Han characters and fold width and case', () => {
    expect(hasHan('abc')).toBe(false);
    expect(hasHan('a西')).toBe(true);
    expect(normalizeText('ＡＢ　Ｃ')).toBe('ab c');
  });
});
