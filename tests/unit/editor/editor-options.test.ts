import { describe, expect, test } from 'vitest';
import {
  checkDate,
  completeFields,
  EditorInputError,
  findColumn,
  parseImportOptions,
  parseNewOptions,
  type Ask,
} from '../../../editor/editor-options.ts';
import { site } from '../../../src/site.config.ts';

/** Answers from a list, as piped input would give them; records every question. */
function answers(...lines: string[]): Ask & { questions: string[] } {
  const questions: string[] = [];
  const ask = async (question: string) => {
    questions.push(question);
    return lines.shift();
  };
  return Object.assign(ask, { questions });
}

const context = { site, profileColumn: '劳模风采', today: '2026-11-29' };

describe('parseNewOptions', () => {
  test('reads every field as an option, trimmed', () => {
    const options = parseNewOptions([
      '--column',
      '劳模风采',
      '--title',
      ' 标题 ',
      '--name=刘毅',
      '--honour',
      '全国纺织工业劳动模范',
      '--date',
      '2026-11-29',
      '--slug',
      'laomo-liu-yi',
      '--publish',
    ]);
    expect(options).toMatchObject({
      column: '劳模风采',
      title: '标题',
      name: '刘毅',
      honour: '全国纺织工业劳动模范',
      organisation: undefined,
      date: '2026-11-29',
      slug: 'laomo-liu-yi',
      publish: true,
      help: false,
    });
    expect(parseNewOptions(['-h']).help).toBe(true);
  });

  test('names a misspelt option in Chinese, then English', () => {
    expect(() => parseNewOptions(['--tilte', '标题'])).toThrow(EditorInputError);
    expect(() => parseNewOptions(['--tilte', '标题'])).toThrow(
      /^没有 --tilte 这个选项。[\s\S]*\nUnknown option --tilte/,
    );
  });

  test('explains an option without its value and unquoted words', () => {
    expect(() => parseNewOptions(['--title'])).toThrow(/选项 --title 后面要写内容/);
    expect(() => parseNewOptions(['--title', '标题', '副标题'])).toThrow(/多余的内容「副标题」：含空格的内容请加引号/);
  });
});

describe('parseImportOptions', () => {
  test('takes the Word file and alt text by image number', () => {
    const options = parseImportOptions([
      '稿件.docx',
      '--column',
      '协会动态',
      '--alt',
      '2=会场全景',
      '--alt',
      '1＝刘毅发言',
    ]);
    expect(options.file).toBe('稿件.docx');
    expect(options.column).toBe('协会动态');
    expect([...options.alt]).toEqual([
      [2, '会场全景'],
      [1, '刘毅发言'],
    ]);
  });

  test('rejects alt text without its image number, and two files', () => {
    expect(() => parseImportOptions(['a.docx', '--alt', '会场全景'])).toThrow(/--alt 要写成 --alt "2=图片内容的说明"/);
    expect(() => parseImportOptions(['a.docx', '--alt', '0=会场'])).toThrow(EditorInputError);
    expect(() => parseImportOptions(['a.docx', 'b.docx'])).toThrow(/一次只能导入一个 Word 文件/);
  });
});

describe('findColumn', () => {
  test('knows a column by name or slug, and by number when asked', () => {
    expect(findColumn(site, '劳模风采')).toBe('劳模风采');
    expect(findColumn(site, 'tongzhi-gonggao')).toBe('通知公告');
    expect(findColumn(site, '1', true)).toBe('协会动态');
    expect(() => findColumn(site, '1')).toThrow(EditorInputError);
  });

  test('lists the columns when the name is unknown', () => {
    expect(() => findColumn(site, '协会新闻')).toThrow(
      /没有「协会新闻」这个栏目。请写其中之一：协会动态、通知公告、行业资讯、劳模风采、政策法规\nUnknown column/,
    );
  });
});

describe('checkDate', () => {
  test('writes a real date the way the schema reads it', () => {
    expect(checkDate('2026-1-5')).toBe('2026-01-05');
    expect(checkDate('2026-11-29 9:30')).toBe('2026-11-29 09:30');
  });

  test('refuses an impossible date', () => {
    expect(() => checkDate('2024-02-30')).toThrow(/日期「2024-02-30」不存在或格式不对/);
    expect(() => checkDate('明天')).toThrow(EditorInputError);
  });
});

describe('completeFields', () => {
  test('asks for a profile’s column, headline and person, skipping what is left empty', async () => {
    const ask = answers('4', '劳模风采 | 刘毅：不忘初心', '刘毅', '全国纺织工业劳动模范', '', '党群服务中心主任');
    const fields = await completeFields({ publish: false, help: false }, ask, context);
    expect(fields).toEqual({
      title: '劳模风采 | 刘毅：不忘初心',
      date: '2026-11-29',
      column: '劳模风采',
      person: { name: '刘毅', honour: '全国纺织工业劳动模范', organisation: undefined, position: '党群服务中心主任' },
      draft: true,
    });
    expect(ask.questions).toHaveLength(6);
    expect(ask.questions[0]).toContain('4. 劳模风采');
  });

  test('asks nothing that the options or the document give', async () => {
    const ask = answers();
    const fields = await completeFields(
      { column: 'xiehui-dongtai', date: '2026-12-01 08:00', publish: true, help: false },
      ask,
      { ...context, documentTitle: '协会召开年会' },
    );
    expect(fields).toEqual({ title: '协会召开年会', date: '2026-12-01 08:00', column: '协会动态' });
    expect(ask.questions).toEqual([]);
  });

  test("dates the article by --date, else by the document's own date, else today", async () => {
    const options = { column: '协会动态', title: '标题', publish: true, help: false };
    const documentDate = '2024-05-20';
    await expect(completeFields(options, answers(), { ...context, documentDate })).resolves.toMatchObject({
      date: '2024-05-20',
    });
    await expect(
      completeFields({ ...options, date: '2026-12-01' }, answers(), { ...context, documentDate }),
    ).resolves.toMatchObject({ date: '2026-12-01' });
    await expect(completeFields(options, answers(), context)).resolves.toMatchObject({ date: '2026-11-29' });
  });

  test('asks again after a wrong or empty answer, saying why', async () => {
    const ask = answers('协会新闻', '2', '', '关于报名的通知');
    const fields = await completeFields({ publish: false, help: false }, ask, context);
    expect(fields).toMatchObject({ column: '通知公告', title: '关于报名的通知' });
    expect(ask.questions[1]).toMatch(/^没有「协会新闻」这个栏目/);
    expect(ask.questions[3]).toMatch(/^这一项不能空着/);
  });

  test('stops when input ends before a required answer, naming the option to use', async () => {
    await expect(
      completeFields({ column: '劳模风采', title: '标题', publish: false, help: false }, answers(), context),
    ).rejects.toThrow(/没有收到人物姓名：请回答提问，或用 --name 给出/);
  });
});
