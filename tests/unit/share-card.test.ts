import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { PublishedArticle } from '../../src/lib/articles.ts';
import {
  articleCard,
  cardTree,
  charactersByWeight,
  chunksFor,
  drawsShareCard,
  headlineSize,
  parseUnicodeRanges,
  siteCard,
} from '../../src/lib/share-card.ts';
import { site } from '../../src/site.config.ts';
import { article } from './fixtures.ts';

const LIU_YI = '劳模风采 | 全国纺织工业劳动模范——刘毅:不忘初心抓主业 一心一意谋发展';
const liu = article('laomo-liu-yi', { title: LIU_YI, date: '2022-07-12', column: '劳模风采' }) as PublishedArticle;
const column = site.columns.find((c) => c.name === '劳模风采')!;
const logo = readFileSync('public/favicon.svg', 'utf8');
const fontsource = parseUnicodeRanges(
  JSON.parse(readFileSync('node_modules/@fontsource/noto-sans-sc/unicode.json', 'utf8')) as Record<string, string>,
);

describe('articleCard', () => {
  test('shows the headline (without the column label it repeats), the column, the date in Chinese and the association', () => {
    expect(articleCard(liu, column, site)).toEqual({
      title: '全国纺织工业劳动模范——刘毅:不忘初心抓主业 一心一意谋发展',
      label: '劳模风采',
      date: '2022年7月12日',
      siteName: '辽宁省纺织服装协会',
      partnerName: '辽宁省服装设计师协会',
    });
  });
  test('the site card has no date and carries the site description', () => {
    expect(siteCard(site)).toMatchObject({ title: site.description, label: '官方网站' });
    expect(siteCard(site).date).toBeUndefined();
  });
});

describe('drawsShareCard', () => {
  test('only articles without a cover of their own get a drawn card', () => {
    expect(drawsShareCard(liu)).toBe(true);
    expect(drawsShareCard({ data: { ...liu.data, cover: './a.jpg' as never } })).toBe(false);
  });
});

describe('headlineSize', () => {
  test('short headlines are large, long ones smaller, the longest cut at four lines', () => {
    expect(headlineSize('协会召开第三次会议')).toEqual({ fontSize: 80, lines: 3 });
    const liuSize = headlineSize(LIU_YI);
    expect(liuSize.fontSize).toBeLessThan(80);
    expect(liuSize.fontSize).toBeGreaterThanOrEqual(58);
    expect(headlineSize('纺'.repeat(200))).toEqual({ fontSize: 46, lines: 4 });
  });
  test('Latin letters and digits count about half a Chinese character', () => {
    expect(headlineSize('ABCDEFGHIJKLMNOPQRSTUVWXYZ').fontSize).toBe(80);
    expect(headlineSize('纺织服装行业'.repeat(4) + '纺织').fontSize).toBeLessThan(80);
  });
});

describe('cardTree', () => {
  test('draws the headline bold and the date regular, at 1200×630', () => {
    const tree = cardTree(articleCard(liu, column, site), logo);
    expect(tree.props.style).toMatchObject({ width: 1200, height: 630 });
    const weights = charactersByWeight(tree);
    for (const ch of '全国纺织工业劳动模范刘毅辽宁省纺织服装协会') expect(weights.get(700)?.has(ch), ch).toBe(true);
    for (const ch of '2022年7月12日') expect(weights.get(400)?.has(ch), ch).toBe(true);
    expect(weights.get(400)?.has(' ')).toBe(false);
  });
});

describe('chunksFor', () => {
  test('reads Fontsource unicode ranges', () => {
    expect(parseUnicodeRanges({ '[3]': 'U+4e00-4e01,U+4e03', latin: 'U+0000-00FF' })).toEqual([
      {
        name: '3',
        ranges: [
          [0x4e00, 0x4e01],
          [0x4e03, 0x4e03],
        ],
      },
      { name: 'latin', ranges: [[0, 0xff]] },
    ]);
  });
  test('every character of the 刘毅 headline is in a Noto Sans SC chunk', () => {
    const { names, missing } = chunksFor(LIU_YI.replace(/\s/g, ''), fontsource);
    expect(missing).toEqual([]);
    expect(names.length).toBeGreaterThan(3);
    expect(names.length).toBeLessThan(20);
  });
  test('names the characters no chunk holds', () => {
    expect(chunksFor(['纺', '\u{10FFFD}'], fontsource).missing).toEqual(['\u{10FFFD}']);
  });
});
