import { describe, expect, test } from 'vitest';
import {
  absoluteUrl,
  articleUrl,
  columnUrl,
  galleryUrl,
  homeUrl,
  mailShareUrl,
  qzoneShareUrl,
  searchUrl,
  shareImageUrl,
  weiboShareUrl,
} from '../../../src/site/urls.ts';

describe('urls', () => {
  test('builds every URL shape', () => {
    expect(homeUrl()).toBe('/');
    expect(columnUrl({ slug: 'laomo-fengcai' })).toBe('/column/laomo-fengcai/');
    expect(columnUrl({ slug: 'laomo-fengcai' }, 1)).toBe('/column/laomo-fengcai/');
    expect(columnUrl({ slug: 'laomo-fengcai' }, 3)).toBe('/column/laomo-fengcai/3/');
    expect(articleUrl({ id: 'laomo-liu-yi' })).toBe('/news/laomo-liu-yi/');
    expect(galleryUrl()).toBe('/laomo/');
    expect(shareImageUrl({ id: 'laomo-liu-yi' })).toBe('/news/laomo-liu-yi/share.png');
    expect(shareImageUrl()).toBe('/share.png');
  });
  test('share links carry the encoded address and headline', () => {
    const url = 'https://example.org/news/a/';
    const enc = '%E5%8A%B3%E6%A8%A1%20%7C%20%E5%88%98%E6%AF%85'; // 劳模 | 刘毅
    expect(weiboShareUrl(url, '劳模 | 刘毅')).toBe(
      `https://service.weibo.com/share/share.php?url=https%3A%2F%2Fexample.org%2Fnews%2Fa%2F&title=${enc}`,
    );
    expect(qzoneShareUrl(url, '劳模 | 刘毅', '摘要&更多')).toBe(
      `https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=https%3A%2F%2Fexample.org%2Fnews%2Fa%2F&title=${enc}&summary=%E6%91%98%E8%A6%81%26%E6%9B%B4%E5%A4%9A`,
    );
    expect(mailShareUrl(url, '劳模 | 刘毅')).toBe(
      `mailto:?subject=${enc}&body=${enc}%0Ahttps%3A%2F%2Fexample.org%2Fnews%2Fa%2F`,
    );
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
