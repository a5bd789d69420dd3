import { describe, expect, test } from 'vitest';
import {
  absoluteUrl,
  articleUrl,
  columnUrl,
  encodeQueryValue,
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
  test('share links carry the address and headline, Chinese, `:` and `/` as they are and the rest of ASCII encoded', () => {
    const url = 'https://example.org/news/a/';
    const enc = '劳模%20%7C%20刘毅'; // 劳模 | 刘毅
    expect(weiboShareUrl(url, '劳模 | 刘毅')).toBe(
      `https://service.weibo.com/share/share.php?url=https://example.org/news/a/&title=${enc}`,
    );
    expect(qzoneShareUrl(url, '劳模 | 刘毅', '摘要&更多')).toBe(
      `https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=https://example.org/news/a/&title=${enc}&summary=摘要%26更多`,
    );
    expect(mailShareUrl(url, '劳模 | 刘毅')).toBe(
      // mailto: values may not hold `/` (RFC 6068).
      `mailto:?subject=${enc}&body=${enc}%0Ahttps:%2F%2Fexample.org%2Fnews%2Fa%2F`,
    );
  });
  test('a share link reads back every value, whatever it holds', () => {
    const values = [
      '全国纺织工业劳动模范——刘毅：不忘初心',
      'a&b=c#d%e+f g?h/i',
      '１００％，“引号”、《书名》',
      '表情😀\u00a0\u0085',
    ];
    for (const value of values) {
      const link = new URL(qzoneShareUrl('https://example.org/news/a/?x=1&y=2', value, value));
      expect(link.searchParams.get('url')).toBe('https://example.org/news/a/?x=1&y=2');
      expect(link.searchParams.get('title')).toBe(value);
      expect(link.searchParams.get('summary')).toBe(value);
      const mail = new URL(mailShareUrl('https://example.org/news/a/?x=1&y=2', value));
      expect(new URLSearchParams(mail.search).get('subject')).toBe(value);
      expect(mail.search).not.toContain('/');
    }
    expect(encodeQueryValue('刘毅\u0085\ufffe')).toBe('刘毅%C2%85%EF%BF%BE');
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
