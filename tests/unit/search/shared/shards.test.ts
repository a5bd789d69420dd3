import { describe, expect, test } from 'vitest';
import { newestPlace, pageName, planShards, shardPath } from '../../../../src/search/shared/shards.ts';

const page = (n: number, date: string) => ({ url: `/news/a${n}/`, date });

describe('planShards', () => {
  test('keeps a site up to the limit in one index, newest first', () => {
    const pages = [page(1, '2020-01-01'), page(2, '2024-01-01'), page(3, '')];
    expect(planShards(pages, 3)).toEqual([[pages[1], pages[0], pages[2]]]);
  });
  test('splits a larger site into even shards of at most the limit, newest first', () => {
    const pages = Array.from({ length: 7 }, (_, i) => page(i, `2020-01-0${i + 1}`));
    const shards = planShards(pages, 3);
    expect(shards.map((s) => s.length)).toEqual([2, 2, 3]);
    expect(shards.flat().map((p) => p.date)).toEqual([...pages.map((p) => p.date)].reverse());
  });
  test('balances the shards rather than filling each to the limit', () => {
    const pages = Array.from({ length: 10 }, (_, i) => page(i, '2020-01-01'));
    expect(planShards(pages, 6).map((s) => s.length)).toEqual([5, 5]);
  });
  test('orders pages of one day by URL, so every build splits them alike', () => {
    const pages = [page(2, '2020-01-01'), page(1, '2020-01-01'), page(3, '2021-01-01')];
    expect(
      planShards(pages, 2)
        .flat()
        .map((p) => p.url),
    ).toEqual(['/news/a3/', '/news/a1/', '/news/a2/']);
  });
});

describe('shardPath', () => {
  test('puts the first shard in Pagefind’s folder and the others below it', () => {
    expect([0, 1, 2].map(shardPath)).toEqual(['/pagefind/', '/pagefind/shard-1/', '/pagefind/shard-2/']);
  });
});

describe('newestPlace', () => {
  const newestFirst = (a: string, b: string) => newestPlace(a) - newestPlace(b);
  test('orders page names by shard, then by number, as planShards numbers them', () => {
    const second = [pageName('0123abcd1', 35), pageName('0123abcd1', 2, true)];
    const first = [pageName('0123abcd0', 36), pageName('0123abcd0', 9, true)];
    expect([...second, ...first].sort(newestFirst)).toEqual([first[1], first[0], second[1], second[0]]);
  });
  test('reads shards past 9', () => {
    expect([pageName('0123abcd10', 0), pageName('0123abcd2', 5)].sort(newestFirst)).toEqual([
      pageName('0123abcd2', 5),
      pageName('0123abcd10', 0),
    ]);
  });
});
