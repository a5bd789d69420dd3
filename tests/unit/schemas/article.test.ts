import { describe, expect, test } from 'vitest';
import { meantField } from '../../../src/schemas/article.ts';
import { article, problems, schema } from '../fixtures.ts';

const good = { title: '标题', date: '2022-07-12', column: '协会动态' };

describe('articleSchema', () => {
  test('accepts minimal front matter and fills defaults', () => {
    const a = article('x', good);
    expect(a.data).toMatchObject({ title: '标题', column: '协会动态', tags: [], draft: false, awaitingText: false });
    expect(a.data.date?.toISOString()).toBe('2022-07-11T16:00:00.000Z');
  });

  test('reads a YAML date as Beijing wall-clock time', () => {
    const data = schema.parse({ ...good, date: new Date(Date.UTC(2022, 6, 12, 9, 30)) });
    expect(data.date?.toISOString()).toBe('2022-07-12T01:30:00.000Z');
  });

  test('accepts an entry awaiting its text without a date', () => {
    const data = schema.parse({ title: '标题', column: '通知公告', awaitingText: true });
    expect(data.date).toBeUndefined();
  });

  test('takes only picture files beside the article as cover and portrait', () => {
    expect(schema.parse({ ...good, cover: './a.jpg', coverAlt: '会场' }).cover).toBe('./a.jpg');
    for (const cover of ['./evil.mjs', './a.svg', '/favicon.svg', 'https://e.cn/a.png'])
      expect(problems({ ...good, cover, coverAlt: '会场' }), cover).toEqual([
        expect.stringMatching(/^cover: 封面图（cover）必须是文章旁边的图片文件/),
      ]);
    expect(
      problems({ ...good, column: '劳模风采', person: { name: '刘毅', honour: '劳模', portrait: './x.ts' } }),
    ).toEqual([expect.stringMatching(/^person.portrait: 肖像（person.portrait）必须是文章旁边的图片文件/)]);
  });

  test('accepts a profile with its person', () => {
    const data = schema.parse({
      ...good,
      column: '劳模风采',
      person: { name: '刘毅', honour: '全国纺织工业劳动模范' },
    });
    expect(data.person?.name).toBe('刘毅');
  });

  test('names a missing headline in Chinese and English', () => {
    const { title: _, ...rest } = good;
    expect(problems(rest)).toEqual([expect.stringMatching(/^title: 缺少标题 title.*Missing headline/)]);
  });

  test('rejects an empty headline', () => {
    expect(problems({ ...good, title: '  ' })).toEqual([expect.stringMatching(/^title: 标题 title 不能为空/)]);
  });

  test('lists the valid columns when the column is unknown', () => {
    expect(problems({ ...good, column: '协会新闻' })).toEqual([
      expect.stringMatching(/^column: 栏目「协会新闻」不存在。请写其中之一：协会动态、通知公告.*Unknown column/),
    ]);
  });

  test('asks for a column when it is missing', () => {
    const { column: _, ...rest } = good;
    expect(problems(rest)).toEqual([expect.stringMatching(/^column: 缺少栏目 column/)]);
  });

  test('rejects a misspelt field by name, saying which field it means', () => {
    expect(problems({ ...good, tilte: '标题' })).toEqual([
      expect.stringMatching(
        /未知字段：tilte。请检查拼写：tilte 是不是要写成 title？.*Unknown field tilte: did you mean title/,
      ),
    ]);
    expect(problems({ ...good, tag: ['西柳'] })).toEqual([expect.stringMatching(/tag 是不是要写成 tags？/)]);
    expect(problems({ ...good, column: '劳模风采', person: { name: '刘毅', honour: '劳模', 单位: '西柳' } })).toEqual([
      expect.stringMatching(/未知字段：单位。请检查拼写：单位 是不是要写成 organisation？/),
    ]);
  });

  test('gives examples where no field is close to the unknown one', () => {
    expect(problems({ ...good, weather: '晴' })).toEqual([
      expect.stringMatching(/未知字段：weather。请检查拼写（如 title、date、column）.*check the spelling/),
    ]);
  });

  test('rejects an impossible date', () => {
    expect(problems({ ...good, date: '2024-02-30' })).toEqual([
      expect.stringMatching(/^date: 日期「2024-02-30」无效.*Invalid date/),
    ]);
  });

  test('requires a date unless the entry awaits its text', () => {
    const { date: _, ...rest } = good;
    expect(problems(rest)).toEqual([expect.stringMatching(/^date: 缺少发布日期 date/)]);
  });

  test('requires alt text for a cover image', () => {
    expect(problems({ ...good, cover: './cover.jpg' })).toEqual([expect.stringMatching(/^coverAlt: 封面图缺少说明/)]);
  });

  test('requires the person of a profile to have a name and honour', () => {
    expect(problems({ ...good, person: { name: '刘毅' } })).toEqual([
      expect.stringMatching(/^person\.honour: 荣誉称号（person\.honour）/),
    ]);
  });
});

describe('meantField', () => {
  const fields = schema.shape;
  test('finds a field by its Chinese label, as the back office names it', () => {
    expect(meantField('标题', fields)).toBe('title');
    expect(meantField('发布日期', fields)).toBe('date');
    expect(meantField(' 栏目 ', fields)).toBe('column');
  });

  test('finds a field misspelt by a letter, or two in a longer name', () => {
    expect(meantField('data', fields)).toBe('date');
    expect(meantField('Title', fields)).toBe('title');
    expect(meantField('sumary', fields)).toBe('summary');
    expect(meantField('attachment', fields)).toBe('attachments');
    expect(meantField('feautred', fields)).toBe('featured');
  });

  test('suggests nothing for a word no field is close to', () => {
    expect(meantField('weather', fields)).toBeUndefined();
    expect(meantField('作者姓名', fields)).toBeUndefined();
  });
});
