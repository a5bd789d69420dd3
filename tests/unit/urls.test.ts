import { describe, expect, test } from 'vitest';
import { absoluteUrl, articleUrl, columnUrl, galleryUrl, homeUrl, searchUrl } from '../../src/lib/urls.ts';

describe('urls', () => {
  test('builds every URL shape', () => {
    expect(homeUrl()).toBe('/');
    expect(columnUrl({ slug: 'laomo-fengcai' })).toBe('/column/laomo-fengcai/');
    expect(columnUrl({ slug: 'laomo-fengcai' }, 1)).toBe('/column/laomo-fengcai/');
    expect(columnUrl({ slug: 'laomo-fengcai' }, 3)).toBe('/column/laomo-fengcai/3/');
    expect(articleUrl({ id: 'laomo-liu-yi' })).toBe('/news/laomo-liu-yi/');
    expect(galleryUrl()).toBe('/laomo/');
  });
  test('encodes the search query', () => {
    expect(searchUrl()).toBe('/search/');
    expect(searchUrl('西柳 党建')).toBe('/search/?q=%E8%A5%BF%E6%9F%B3%20%E5%85%9A%E5%BB%BA');
  });
  test('makes paths absolute with or without a trailing slash on the site', () => {
    expect(absoluteUrl('/news/a/', 'https://example.org')).toBe('https://example.org/news/a/');
    expect(absoluteUrl('/news/a/', 'https://example.org/')).toBe('https://example.org/news/a/');
  });
});
