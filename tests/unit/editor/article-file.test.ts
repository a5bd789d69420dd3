import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { chooseSlug, newArticleBody, renderArticle, renderFrontMatter } from '../../../editor/article-file.ts';
import { schema } from '../fixtures.ts';

const front = (text: string): Record<string, unknown> =>
  load(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;

const profile = {
  title: '劳模风采 | 全国纺织工业劳动模范——刘毅:不忘初心抓主业 一心一意谋发展',
  date: '2022-07-12',
  column: '劳模风采',
  person: {
    name: '刘毅',
    honour: '全国纺织工业劳动模范',
    organisation: '辽宁西柳服装商业管理集团有限公司',
    position: undefined,
  },
  draft: true,
};

describe('renderFrontMatter', () => {
  test('writes the fields in the schema order, whatever order they come in', () => {
    const text = renderFrontMatter({ draft: true, column: '协会动态', date: '2026-11-29', title: '协会召开年会' });
    expect(text).toBe('---\ntitle: 协会召开年会\ndate: 2026-11-29\ncolumn: 协会动态\ndraft: true\n---\n');
  });

  test('nests the person and leaves out empty fields and false flags', () => {
    const text = renderFrontMatter({ ...profile, draft: false });
    expect(text).toContain(
      '\nperson:\n  name: 刘毅\n  honour: 全国纺织工业劳动模范\n  organisation: 辽宁西柳服装商业管理集团有限公司\n---',
    );
    expect(text).not.toMatch(/position|draft/);
  });

  test('quotes text only where YAML needs it, and the schema reads it back unchanged', () => {
    for (const title of [
      '通知: 报名',
      "it's",
      '# 开头',
      '- 开头',
      '2024-01-01',
      'true',
      '[方括号]',
      '“引号”',
      '价格 #1',
    ]) {
      const text = renderFrontMatter({ title, date: '2026-11-29 09:30', column: '通知公告' });
      const data = schema.parse(front(text));
      expect(data.title).toBe(title);
      expect(data.date?.toISOString()).toBe('2026-11-29T01:30:00.000Z');
    }
    expect(renderFrontMatter({ title: '协会动态', date: '2026-11-29', column: '协会动态' })).toContain(
      'title: 协会动态\n',
    );
  });

  test('writes a profile the schema accepts', () => {
    const data = schema.parse(front(renderFrontMatter(profile)));
    expect(data).toMatchObject({
      column: '劳模风采',
      draft: true,
      person: { name: '刘毅', honour: '全国纺织工业劳动模范' },
    });
    expect(data.person?.position).toBeUndefined();
  });

  test('refuses a field the schema does not have', () => {
    expect(() => renderFrontMatter({ ...profile, tilte: 'x' } as never)).toThrow(/tilte/);
  });
});

describe('newArticleBody', () => {
  test('is one HTML comment, so nothing in it can be published', () => {
    for (const isProfile of [false, true]) {
      const body = newArticleBody(isProfile);
      expect(body.trim()).toMatch(/^<!--\n[\s\S]*\n-->$/);
      // A comment ends at the first `-->`; `--` inside one is not valid HTML either.
      expect(body.trim().slice(4, -3)).not.toContain('--');
    }
    expect(newArticleBody(true)).toContain('portrait:');
    expect(newArticleBody(false)).not.toContain('portrait:');
  });

  test('follows the front matter after an empty line', () => {
    const text = renderArticle({ title: '标题', date: '2026-11-29', column: '协会动态' }, newArticleBody(false));
    expect(text).toMatch(/^---\n[\s\S]*\n---\n\n<!--\n[\s\S]*\n-->\n$/);
  });
});

describe('chooseSlug', () => {
  const none = new Set<string>();
  test('names a profile laomo- and the person, as the existing profiles are named', () => {
    expect(chooseSlug(profile, { profile: true }, none)).toEqual({ slug: 'laomo-liu-yi', wanted: 'laomo-liu-yi' });
  });

  test('uses the headline pinyin for other articles', () => {
    expect(chooseSlug({ title: '关于2024年ABC展会的通知' }, { profile: false }, none).slug).toBe(
      'guan-yu-2024-nian-abc-zhan-hui-de',
    );
  });

  test('numbers a slug that another article has, in any year', () => {
    expect(chooseSlug(profile, { profile: true }, new Set(['laomo-liu-yi']))).toEqual({
      slug: 'laomo-liu-yi-2',
      wanted: 'laomo-liu-yi',
    });
  });

  test('falls back to a word when the headline has none', () => {
    expect(chooseSlug({ title: '！？' }, { profile: false }, none).slug).toBe('wenzhang');
  });

  test("keeps the editor's own slug, and refuses it when it is taken or malformed", () => {
    expect(chooseSlug(profile, { profile: true, slug: 'liu-yi-2022' }, none).slug).toBe('liu-yi-2022');
    expect(() => chooseSlug(profile, { profile: true, slug: 'liu-yi' }, new Set(['liu-yi']))).toThrow(
      /网址 liu-yi 已被另一篇文章使用[\s\S]*taken/,
    );
    expect(() => chooseSlug(profile, { profile: true, slug: 'Liu Yi' }, none)).toThrow(/只能用小写拼音字母/);
  });
});
