import { describe, expect, test } from 'vitest';
import { relatedFinder, relatedScore } from '../../../src/site/related.ts';
import { seededRandom } from '../../../tools/seeded-random.ts';
import { article } from '../fixtures.ts';
import type { Article } from '../../../src/site/articles.ts';

const person = { name: '刘毅', honour: '全国纺织工业劳动模范' };
const base = article('base', {
  title: '刘毅事迹',
  date: '2022-07-12',
  column: '劳模风采',
  tags: ['西柳', '党建'],
  person,
});
const samePerson = article('same-person', { title: '刘毅再获表彰', date: '2020-01-01', column: '协会动态', person });
const twoTags = article('two-tags', {
  title: '西柳党建',
  date: '2019-01-01',
  column: '行业资讯',
  tags: ['西柳', '党建'],
});
const oneTagOld = article('one-tag-old', { title: '西柳旧闻', date: '2018-01-01', column: '行业资讯', tags: ['西柳'] });
const oneTagNew = article('one-tag-new', { title: '西柳新闻', date: '2021-01-01', column: '行业资讯', tags: ['西柳'] });
const sameColumn = article('same-column', { title: '另一位劳模', date: '2023-01-01', column: '劳模风采' });
const sameColumnAwaiting = article(
  'same-column-awaiting',
  { title: '待补', column: '劳模风采', awaitingText: true },
  '',
);
const unrelated = article('unrelated', { title: '无关', date: '2024-01-01', column: '通知公告', tags: ['展会'] });

describe('relatedScore', () => {
  test('weighs the same person above tags, and tags above the column', () => {
    expect(relatedScore(base, samePerson)).toBeGreaterThan(relatedScore(base, twoTags));
    expect(relatedScore(base, twoTags)).toBeGreaterThan(relatedScore(base, oneTagNew));
    expect(relatedScore(base, oneTagNew)).toBeGreaterThan(relatedScore(base, sameColumn));
    expect(relatedScore(base, unrelated)).toBe(0);
  });
});

describe('relatedFinder', () => {
  const relatedArticles = (a: Article, all: Article[], limit = 6) => relatedFinder(all, limit)(a);
  const candidates = [unrelated, sameColumnAwaiting, oneTagOld, sameColumn, base, oneTagNew, twoTags, samePerson];
  test('prefers the same person, then shared tags, then the same column, then recency', () => {
    expect(relatedArticles(base, candidates).map((a) => a.id)).toEqual([
      'same-person',
      'two-tags',
      'one-tag-new',
      'one-tag-old',
      'same-column',
      'same-column-awaiting',
    ]);
  });
  test('never lists the article itself or unrelated ones, and honours the limit', () => {
    const ids = relatedArticles(base, candidates, 3).map((a) => a.id);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain('base');
    expect(relatedArticles(base, candidates, 20).map((a) => a.id)).not.toContain('unrelated');
  });
});

describe('relatedFinder on many articles', () => {
  test('ranks exactly like scoring every pair, on a few hundred random articles', () => {
    const next = seededRandom(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const columns = ['协会动态', '通知公告', '劳模风采'];
    const tags = ['西柳', '党建', '展会', '标准', '培训', '品牌'];
    const people = ['刘毅', '张存', '王丹凤'];
    const all = Array.from({ length: 300 }, (_, i) =>
      article(`a-${i}`, {
        title: `文章${i}`,
        column: pick(columns),
        tags: Array.from({ length: Math.floor(next() * 3) }, () => pick(tags)),
        ...(next() < 0.1 ? { awaitingText: true } : { date: `20${10 + Math.floor(next() * 14)}-01-0${1 + (i % 9)}` }),
        ...(next() < 0.2 ? { person: { name: pick(people), honour: '劳动模范' } } : {}),
      }),
    );
    const time = (a: (typeof all)[number]) => a.data.date?.getTime() ?? Number.NEGATIVE_INFINITY;
    const everyPair = (a: (typeof all)[number]) =>
      all
        .filter((c) => c.id !== a.id && relatedScore(a, c) > 0)
        .sort((x, y) => relatedScore(a, y) - relatedScore(a, x) || time(y) - time(x) || x.id.localeCompare(y.id))
        .slice(0, 6)
        .map((c) => c.id);
    const find = relatedFinder(all, 6);
    for (const a of all) expect(find(a).map((c) => c.id)).toEqual(everyPair(a));
  });
});

describe('relatedFinder on a tag of many articles', () => {
  test('reads the articles of a tag nearest the article in time, when the tag has more than its window', () => {
    // One tag on 40 articles, one a year from 2000 to 2039.
    const all = Array.from({ length: 40 }, (_, n) =>
      article(`y${2000 + n}`, { title: `第${n}篇`, date: `${2000 + n}-06-01`, column: '行业资讯', tags: ['西柳'] }),
    );
    const of2010 = all[10]!;
    // The whole list: the newest.
    expect(relatedFinder(all, 3)(of2010).map((a) => a.id)).toEqual(['y2039', 'y2038', 'y2037']);
    // A window of 8: the articles of 2007–2014 only (2010 itself left out), newest first.
    expect(relatedFinder(all, 3, 8)(of2010).map((a) => a.id)).toEqual(['y2014', 'y2013', 'y2012']);
    // An entry awaiting its text (undated, so after every dated one) reads the oldest end.
    const awaiting = article('awaiting', { title: '待补', column: '行业资讯', tags: ['西柳'], awaitingText: true }, '');
    expect(relatedFinder(all, 2, 8)(awaiting).map((a) => a.id)).toEqual(['y2007', 'y2006']);
  });
});
