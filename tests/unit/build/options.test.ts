import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { heapLimitMb, parseBuildOptions, siteUrl } from '../../../src/build/options.ts';
import { SHARD_PAGES } from '../../../src/search/shared/shards.ts';

describe('parseBuildOptions', () => {
  test('gives the defaults when nothing is set', () => {
    expect(parseBuildOptions({}, '/site')).toEqual({
      siteUrl: undefined,
      searchShardPages: SHARD_PAGES,
      shareCardWorkers: undefined,
      shareImageCache: join('/site', '.cache/share-cards'),
    });
  });

  test('reads each setting, and a count only when it is a whole number of 1 or more', () => {
    const env = {
      SITE_URL: 'https://www.example.org',
      SEARCH_SHARD_PAGES: '800',
      SHARE_CARD_WORKERS: '3',
      SHARE_IMAGE_CACHE: '/tmp/cards',
    };
    expect(parseBuildOptions(env, '/site')).toEqual({
      siteUrl: 'https://www.example.org',
      searchShardPages: 800,
      shareCardWorkers: 3,
      shareImageCache: '/tmp/cards',
    });
    for (const wrong of ['', '0', '-2', '1.5', 'many'])
      expect(parseBuildOptions({ SEARCH_SHARD_PAGES: wrong, SHARE_CARD_WORKERS: wrong }, '/site')).toMatchObject({
        searchShardPages: SHARD_PAGES,
        shareCardWorkers: undefined,
      });
    expect(parseBuildOptions({ SITE_URL: '' }, '/site').siteUrl).toBeUndefined();
  });
});

describe('siteUrl', () => {
  const config = { url: 'https://www.example.org' };

  test("is SITE_URL when set, else the config's url", () => {
    expect(siteUrl(parseBuildOptions({}, '/site'), config)).toBe('https://www.example.org');
    expect(siteUrl(parseBuildOptions({ SITE_URL: '' }, '/site'), config)).toBe('https://www.example.org');
    expect(siteUrl(parseBuildOptions({ SITE_URL: 'https://lnga.example.cn' }, '/site'), config)).toBe(
      'https://lnga.example.cn',
    );
  });

  test("refuses a malformed address in the site schema's words, naming url", () => {
    for (const wrong of ['https://www.example.org/', 'www.example.org', 'ftp://example.org']) {
      let issues: { path: PropertyKey[]; message: string }[] = [];
      try {
        siteUrl(parseBuildOptions({ SITE_URL: wrong }, '/site'), config);
      } catch (error) {
        issues = (error as { issues: typeof issues }).issues;
      }
      expect(issues.length, wrong).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue.path).toEqual(['url']);
        expect(issue.message).toMatch(/^url（或 SITE_URL）须是网站的公开地址/);
      }
    }
  });
});

describe('heapLimitMb', () => {
  test("three quarters of the machine's memory, never below Node's own 4 GB, unless NODE_OPTIONS sets one", () => {
    const gb = 1024 ** 3;
    expect(heapLimitMb(24 * gb)).toBe(18432);
    expect(heapLimitMb(4 * gb)).toBe(4096);
    expect(heapLimitMb(24 * gb, '--enable-source-maps')).toBe(18432);
    expect(heapLimitMb(24 * gb, '--max-old-space-size=2048')).toBeUndefined();
  });
});
