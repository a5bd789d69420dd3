import { describe, expect, test } from 'vitest';
import {
  articlesInColumn,
  columnOf,
  isAwaitingText,
  isPublished,
  listedArticles,
  neighbours,
  profiles,
  publishedArticles,
  previewStatus,
  shortTitle,
  statusOf,
} from '../../../src/site/articles.ts';
import { site } from '../../../src/site.config.ts';
import { article } from '../fixtures.ts';

const now = new Date('2024-06-01T00:00:00Z');
const live = { drafts: false, now };
const dev = { drafts: true, now };

const older = article('older', { title: '旧闻', date: '2022-01-01', column: '协会动态' });
const newer = article('newer', { title: '新闻', date: '2023-01-01', column: '协会动态' });
const newest = article('newest', { title: '最新', date: '2024-01-01', column: '协会动态' });
const other = article('other', { title: '通知', date: '2023-06-01', column: '通知公告' });
const draft = article('draft', { title: '草稿', date: '2023-01-02', column: '协会动态', draft: true });
const future = article('future', { title: '预告', date: '2030-01-01', column: '协会动态' });
const awaitingB = article('await-b', { title: '乙待补', column: '协会动态', awaitingText: true }, '');
const awaitingA = article('await-a', { title: '甲待补', column: '协会动态', awaitingText: true }, '');
const all = [older, awaitingB, newest, draft, other, future, newer, awaitingA];

describe('isPublished', () => {
  test('publishes dated entries whose date has come', () => {
    expect(isPublished(older, live)).toBe(true);
  });
  test('keeps drafts to dev, scheduled entries to their date, and entries awaiting text out', () => {
    expect(isPublished(draft, live)).toBe(false);
    expect(isPublished(draft, dev)).toBe(true);
    expect(isPublished(future, dev)).toBe(false);
    expect(isPublished(awaitingA, dev)).toBe(false);
  });
});

describe('statusOf', () => {
  const draftAwaiting = article(
    'draft-await',
    { title: '待补草稿', column: '协会动态', awaitingText: true, draft: true },
    '',
  );
  test('is the one publication rule: the others say what it says', () => {
    const entries = [older, draft, future, awaitingA, draftAwaiting];
    expect(entries.map((a) => statusOf(a.data, now))).toEqual(['published', 'draft', 'scheduled', 'awaiting', 'draft']);
    expect(entries.map((a) => statusOf(a.data, now, dev))).toEqual([
      'published',
      'published',
      'scheduled',
      'awaiting',
      'awaiting',
    ]);
    for (const visibility of [live, dev])
      for (const a of entries) {
        expect(isPublished(a, visibility), a.id).toBe(statusOf(a.data, now, visibility) === 'published');
        expect(isAwaitingText(a, visibility), a.id).toBe(statusOf(a.data, now, visibility) === 'awaiting');
      }
    expect(entries.map((a) => previewStatus(a, now))).toEqual([undefined, 'draft', 'scheduled', undefined, 'draft']);
  });
});

describe('publishedArticles', () => {
  test('lists published articles newest first', () => {
    expect(publishedArticles(all, live).map((a) => a.id)).toEqual(['newest', 'other', 'newer', 'older']);
  });
});

describe('listedArticles', () => {
  test('puts entries awaiting text after the published ones, by headline', () => {
    expect(listedArticles(all, live).map((a) => a.id)).toEqual([
      'newest',
      'other',
      'newer',
      'older',
      'await-a',
      'await-b',
    ]);
  });
});

describe('articlesInColumn', () => {
  test('keeps only the column, in listing order', () => {
    const column = site.columns.find((c) => c.name === '协会动态')!;
    expect(articlesInColumn(all, column, live).map((a) => a.id)).toEqual([
      'newest',
      'newer',
      'older',
      'await-a',
      'await-b',
    ]);
  });
});

describe('neighbours', () => {
  const column = publishedArticles([older, newer, newest], live);
  test('上一篇 is the next older, 下一篇 the next newer', () => {
    expect(neighbours(newer, column)).toEqual({ previous: older, next: newest });
  });
  test('the ends have one neighbour', () => {
    expect(neighbours(older, column)).toEqual({ previous: undefined, next: newer });
    expect(neighbours(newest, column)).toEqual({ previous: newer, next: undefined });
  });
  test('an entry outside the list has none', () => {
    expect(neighbours(awaitingA, column)).toEqual({ previous: undefined, next: undefined });
  });
});

describe('columnOf', () => {
  test('finds the configured column by name', () => {
    expect(columnOf(other, site).slug).toBe('tongzhi-gonggao');
  });
});

describe('profiles', () => {
  test('lists every entry naming a person, published first', () => {
    const liu = article('liu', {
      title: '刘毅',
      date: '2022-07-12',
      column: '劳模风采',
      person: { name: '刘毅', honour: '全国纺织工业劳动模范' },
    });
    const zhang = article(
      'zhang',
      {
        title: '张存',
        column: '劳模风采',
        awaitingText: true,
        person: { name: '张存', honour: '全国纺织工业劳动模范' },
      },
      '',
    );
    expect(profiles([zhang, older, liu], live).map((a) => a.id)).toEqual(['liu', 'zhang']);
  });
});

describe('shortTitle', () => {
  test('drops a leading column label', () => {
    expect(shortTitle('劳模风采 | 全国纺织工业劳动模范——刘毅')).toBe('全国纺织工业劳动模范——刘毅');
    expect(shortTitle('没有标签的标题')).toBe('没有标签的标题');
  });
});
