import { describe, expect, test } from 'vitest';
import { planShards, shardPath } from '../../../../src/search/shared/shards.ts';

const page = (n: number, date: string) => ({ url: `/news/a${n}/`, date });

describe('planShards', () => {
  test('keeps a site up to the limit in one index, in its own order', () => {
    const pages = [page(1, '2020-01-01'), page(2, '2024-01-01')];
    expect(planShards(pages, 2)).toEqual([pages]);
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
