import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseBuildOptions } from '../../../src/build/options.ts';
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
