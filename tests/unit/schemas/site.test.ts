import { describe, expect, test } from 'vitest';
import { siteSchema } from '../../../src/schemas/site.ts';
import { site } from '../../../src/site.config.ts';

const { police: _, ...base } = site;

describe('siteSchema', () => {
  test('parses the association configuration with its footer facts', () => {
    expect(site.footer.phone).toBe('024-86606281');
    expect(site.icp.number).toBe('辽ICP备2020011239号');
    expect(site.columns.map((c) => c.name)).toEqual(['协会动态', '通知公告', '行业资讯', '劳模风采', '政策法规']);
    expect(site.police).toBeUndefined();
  });

  test('accepts an optional 公安备案 number', () => {
    const parsed = siteSchema.parse({
      ...base,
      police: { number: '辽公网安备21010202000001号', link: 'https://beian.mps.gov.cn/' },
    });
    expect(parsed.police?.number).toBe('辽公网安备21010202000001号');
  });

  test('rejects duplicate columns', () => {
    const columns = [...site.columns, { ...site.columns[0]!, order: 9 }];
    expect(siteSchema.safeParse({ ...base, columns }).success).toBe(false);
  });

  test('rejects a slug that is not lowercase pinyin', () => {
    const columns = [{ ...site.columns[0]!, slug: '协会动态' }, ...site.columns.slice(1)];
    const result = siteSchema.safeParse({ ...base, columns });
    expect(result.error?.issues[0]?.message).toMatch(/slug 只能用小写拼音/);
  });

  test('rejects navigation to a column that does not exist', () => {
    const result = siteSchema.safeParse({ ...base, nav: [{ column: 'nope' }] });
    expect(result.error?.issues[0]?.message).toMatch(/导航中的栏目不存在：nope/);
  });
});

describe('siteSchema url', () => {
  test('takes a public address of scheme and host', () => {
    expect(siteSchema.parse({ ...base, url: 'https://www.example.org' }).url).toBe('https://www.example.org');
  });

  test('refuses a path, a trailing slash or another scheme, saying what to write', () => {
    for (const url of [
      'https://www.example.org/',
      'https://www.example.org/site',
      'ftp://example.org',
      'example.org',
    ]) {
      const result = siteSchema.safeParse({ ...base, url });
      expect(result.error?.issues[0]?.message, url).toMatch(
        /^url（或 SITE_URL）须是网站的公开地址.*https:\/\/www\.example\.org/,
      );
    }
  });
});
