import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { PublishedArticle } from '../../../src/site/articles.ts';
import {
  articleCard,
  cardTree,
  charactersByWeight,
  chunksFor,
  drawsShareCard,
  headlineSize,
  keepWords,
  namedShareImage,
  parseUnicodeRanges,
  shareCards,
  siteCard,
  articlesWithCards,
} from '../../../src/share-card/card.ts';
import { buildVisibility } from '../../../src/site/articles.ts';
import { shareImageUrl } from '../../../src/site/urls.ts';
import { site } from '../../../src/site.config.ts';
import { article } from '../fixtures.ts';

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
  test('an entry awaiting its text shares the site card, not one of its own', () => {
    const awaiting = article('awaiting', { title: '待补全文', column: '协会动态', awaitingText: true });
    expect(drawsShareCard(awaiting)).toBe(false);
  });
});

describe('shareCards', () => {
  const now = new Date('2024-06-01T00:00:00+08:00');
  const entries = [
    liu,
    article('covered', { title: '有封面', date: '2023-01-01', column: '协会动态', cover: './a.jpg', coverAlt: '封面' }),
    article('awaiting', { title: '待补全文', column: '协会动态', awaitingText: true }),
    article('draft', { title: '草稿', date: '2023-01-01', column: '协会动态', draft: true }),
    article('scheduled', { title: '定时', date: '2099-01-01', column: '协会动态' }),
  ];

  test('a build has the site card and one for each published article without a cover, at their addresses', () => {
    const cards = shareCards(entries, site, buildVisibility(false, now));
    expect(cards.map((c) => [c.name, c.url])).toEqual([
      ['_site', shareImageUrl()],
      ['laomo-liu-yi', shareImageUrl(liu)],
    ]);
    expect(cards[0]!.card).toEqual(siteCard(site));
    expect(cards[1]!.card).toEqual(articleCard(liu, column, site));
  });

  test('dev also has the cards of drafts and scheduled articles, which it previews', () => {
    const names = shareCards(entries, site, buildVisibility(true, now)).map((c) => c.name);
    expect(names).toEqual(['_site', 'laomo-liu-yi', 'draft', 'scheduled']);
  });
});

describe('articlesWithCards', () => {
  const now = new Date('2024-06-01T00:00:00+08:00');
  const news = (id: string, date: string, extra: Record<string, unknown> = {}) =>
    article(id, { title: id, date, column: '协会动态', ...extra });
  const entries = [
    news('oldest', '2020-01-01'),
    news('old-featured', '2020-02-01', { featured: true }),
    news('older', '2021-01-01'),
    news('newer', '2023-01-01'),
    news('newest', '2024-01-01'),
    news('old-cover', '2019-01-01', { cover: './a.jpg', coverAlt: '封面' }),
    article('old-profile', {
      title: '劳模',
      date: '2019-06-01',
      column: '劳模风采',
      person: { name: '刘毅', honour: '全国纺织工业劳动模范' },
    }),
  ];
  const limited = { ...site, shareCardLimit: 2 };

  test('the newest articles get a card, and featured articles and profiles whatever their age', () => {
    const ids = articlesWithCards(entries, limited, buildVisibility(false, now));
    expect([...ids].sort()).toEqual(['newer', 'newest', 'old-featured', 'old-profile']);
  });

  test('the build draws exactly those cards, and the site card', () => {
    const names = shareCards(entries, limited, buildVisibility(false, now)).map((c) => c.name);
    expect(names.sort()).toEqual(['_site', 'newer', 'newest', 'old-featured', 'old-profile']);
  });

  test('with the default limit a site of this size draws a card for every article without a cover', () => {
    expect(site.shareCardLimit).toBeGreaterThanOrEqual(1000);
    expect(articlesWithCards(entries, site, buildVisibility(false, now)).size).toBe(6);
  });
});

describe('namedShareImage', () => {
  const head = (image: string) =>
    `<head><meta property="og:image:width" content="1200"><meta property="og:image" content="${image}"></head>`;

  test('is the path of the picture a page names, when it is on the site', () => {
    expect(namedShareImage(head(`${site.url}/news/a/share.png`), site.url)).toBe('/news/a/share.png');
    expect(namedShareImage(head(`${site.url}/_astro/%E5%B0%81.jpg`), site.url)).toBe('/_astro/封.jpg');
  });

  test('is undefined for a picture elsewhere or a page naming none', () => {
    expect(namedShareImage(head('https://example.com/a.png'), site.url)).toBeUndefined();
    expect(namedShareImage('<head><meta property="og:image:width" content="1200"></head>', site.url)).toBeUndefined();
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

describe('keepWords', () => {
  const JOIN = '\u2060';
  test('joins the characters of each Chinese word and the two dashes of a ——, changing nothing else', () => {
    const title = '全国纺织工业劳动模范——张三：扎根一线 匠心不改';
    const kept = keepWords(title);
    expect(kept.replaceAll(JOIN, '')).toBe(title);
    for (const word of ['张三', '模范', '扎根', '——']) expect(kept).toContain([...word].join(JOIN));
    // Between words, and around punctuation and spaces, a line may still break.
    for (const edge of ['范—', '—张', '三：', '：扎', '线 ', ' 匠']) expect(kept).toContain(edge);
  });

  test('leaves Latin words, numbers and single characters as they are', () => {
    expect(keepWords('2024 CHIC 服装')).toBe(`2024 CHIC 服${JOIN}装`);
  });

  test('draws no missing glyph: the joiner is in the font chunks', () => {
    const tree = cardTree(articleCard(liu, column, site), logo);
    const { missing } = chunksFor(charactersByWeight(tree).get(700)!, fontsource);
    expect(missing).toEqual([]);
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
