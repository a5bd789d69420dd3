import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, test } from 'vitest';
import { parseBuildOptions } from '../../../src/build/options.ts';
import { cardCost, cardPool, costLine, poolSizes, type DrawnCard } from '../../../src/share-card/integration.ts';
import { siteCard } from '../../../src/share-card/card.ts';
import { site } from '../../../src/site.config.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('poolSizes', () => {
  test('leaves a core to Astro while it renders, then uses them all', () => {
    expect(poolSizes(2, undefined)).toEqual({ rendering: 1, after: 2 });
    expect(poolSizes(8, undefined)).toEqual({ rendering: 7, after: 8 });
    expect(poolSizes(1, undefined)).toEqual({ rendering: 1, after: 1 });
  });
  test('SHARE_CARD_WORKERS fixes the size', () => {
    expect(poolSizes(2, parseBuildOptions({ SHARE_CARD_WORKERS: '2' }, '/site').shareCardWorkers)).toEqual({
      rendering: 2,
      after: 2,
    });
    expect(poolSizes(2, parseBuildOptions({ SHARE_CARD_WORKERS: 'many' }, '/site').shareCardWorkers)).toEqual({
      rendering: 1,
      after: 2,
    });
  });
});

const card = (cached: boolean, ms: number): DrawnCard => ({ name: 'a', file: 'a.png', missing: [], cached, ms });

describe('cardCost', () => {
  test('counts the cards drawn and found in the cache, with the mean time of each', () => {
    expect(cardCost([card(false, 20), card(false, 10), card(true, 1)], '1→2', 40_000.4, 1234.6)).toEqual({
      count: 3,
      drawn: 2,
      drawnMs: 15,
      cached: 1,
      cachedMs: 1,
      workers: '1→2',
      poolMs: 40_000,
      waitedMs: 1235,
    });
    expect(cardCost([], '2→2', 0, 0)).toMatchObject({ count: 0, drawnMs: 0, cachedMs: 0 });
  });
});

describe('costLine', () => {
  test('gives counts and times per drawn and per cached card, and the wait', () => {
    expect(costLine(cardCost([card(false, 20), card(false, 10), card(true, 1)], '1→2', 40_000.4, 1234.6))).toBe(
      '分享图 3 张：新绘 2 张，取自缓存 1 张 / share cards: 3 (2 drawn, 15.0 ms each; 1 from cache, 1.0 ms each), ' +
        '1→2 workers, pool 40000 ms, build waited 1235 ms',
    );
  });
});

describe('cardPool', () => {
  test('draws cards in worker threads into the cache, and finds them there the second time', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'lnga-pool-test-'));
    dirs.push(cacheDir);
    const pool = cardPool(1);
    pool.ref();
    try {
      const jobs = ['one', 'two'].map((name) => ({ name, card: { ...siteCard(site), title: name }, cacheDir }));
      const first = await Promise.all(jobs.map((job) => pool.draw(job)));
      expect(first.map((c) => [c.name, c.cached])).toEqual([
        ['one', false],
        ['two', false],
      ]);
      const png = PNG.sync.read(readFileSync(first[0]!.file));
      expect([png.width, png.height]).toEqual([1200, 630]);
      pool.grow(2);
      expect(pool.size()).toBe(2);
      const second = await Promise.all(jobs.map((job) => pool.draw(job)));
      expect(second.map((c) => [c.file, c.cached])).toEqual(first.map((c) => [c.file, true]));
      expect((await readdir(cacheDir)).sort()).toEqual(first.map((c) => c.file.slice(cacheDir.length + 1)).sort());
    } finally {
      await pool.close();
    }
  }, 60_000);

  test('a card that cannot be written fails with its name', async () => {
    const pool = cardPool(1);
    pool.ref();
    try {
      const job = { name: 'nowhere', card: siteCard(site), cacheDir: '/dev/null/cards' };
      await expect(pool.draw(job)).rejects.toThrow(/分享图 nowhere：.*ENOTDIR/s);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
