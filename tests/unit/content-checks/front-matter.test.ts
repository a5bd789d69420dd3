import { describe, expect, test } from 'vitest';
import { fieldForChinese, readFrontMatter } from '../../../src/content-checks/front-matter.ts';

const FIELDS = new Set(['title', 'date', 'column', 'person', 'name', 'honour', 'tags']);
const read = (lines: string[]) => readFrontMatter(['---', ...lines, '---', '', '正文'].join('\n'), FIELDS)!;
/** `line: first words` of each problem. */
const problems = (lines: string[]) => read(lines).problems.map((p) => `${p.line}: ${p.message}`);
/** Matches problems by line and first words. */
const starting = (...texts: string[]) =>
  texts.map((t) => expect.stringMatching(new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));

describe('readFrontMatter', () => {
  test('reads fields with the line of each, nested and in lists', () => {
    const front = read([
      'title: 标题',
      'date: 2024-05-20',
      'column: 协会动态',
      'person:',
      '  name: 刘毅',
      'tags: [党建]',
    ]);
    expect(front.problems).toEqual([]);
    expect(front.data).toMatchObject({ title: '标题', person: { name: '刘毅' }, tags: ['党建'] });
    expect(front.lineOf(['column'])).toBe(4);
    expect(front.lineOf(['person', 'name'])).toBe(6);
    // A field that is not there: its nearest parent.
    expect(front.lineOf(['person', 'honour'])).toBe(5);
  });

  test('names a full-width colon, a full-width space and a missing space on their own line', () => {
    expect(problems(['title：标题', 'date:　2024-05-20', 'column:协会动态'])).toEqual(
      starting('2: title 后面的冒号是中文全', '3: date: 后面是全角空格「　', '4: column: 的冒号后面要空一'),
    );
    // Each is read as meant, so the rest of the file is still checked.
    expect(read(['title：标题', 'date:　2024-05-20']).lineOf(['date'])).toBe(3);
  });

  test('names full-width and tab indentation, not the errors they cause further on', () => {
    expect(problems(['title: 标题', 'person:', '\u3000\u3000name: 刘毅', '\thonour: 劳模'])).toEqual(
      starting('4: 行首用了全角空格「　」缩进', '5: 行首用了 Tab 键缩进：文'),
    );
  });

  test('explains a colon or a # inside a value, and a field written twice', () => {
    expect(problems(['title: 刘毅: 不忘初心'])).toEqual(starting('2: 内容里有英文冒号加空格「: 」'));
    expect(problems(['title: 第一届 #1 大会'])).toEqual(starting('2: title 的内容里有「 #」，'));
    expect(problems(['title: 甲', 'title: 乙'])).toEqual(starting('3: 同一个字段写了两次：请删掉其'));
  });

  test('takes Chinese field names for the English ones, and says so', () => {
    const front = read(['标题：刘毅', 'date: 2024-05-20']);
    expect(front.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^字段名要用英文：「标题」请写成 title/),
    ]);
  });

  test('reads Windows line endings, and says when the block is not closed', () => {
    expect(readFrontMatter('---\r\ntitle: 标题\r\n---\r\n正文', FIELDS)!.data).toEqual({ title: '标题' });
    expect(readFrontMatter('---\ntitle: 标题\n\n正文', FIELDS)!.problems[0]!.message).toMatch(/^文章信息没有结束/);
    expect(readFrontMatter('title: 标题\n', FIELDS)).toBeUndefined();
  });
});

describe('fieldForChinese', () => {
  test("takes every field's label in the back office, and the words editors use besides", () => {
    expect(fieldForChinese('标题')).toBe('title');
    expect(fieldForChinese('发布日期')).toBe('date');
    expect(fieldForChinese(' 日期 ')).toBe('date');
    expect(fieldForChinese('首页推荐')).toBe('featured');
    expect(fieldForChinese('封面图')).toBe('cover');
    expect(fieldForChinese('封面')).toBe('cover');
    expect(fieldForChinese('封面说明')).toBe('coverAlt');
    expect(fieldForChinese('人物')).toBe('person');
    expect(fieldForChinese('正文')).toBeUndefined();
    expect(fieldForChinese('constructor')).toBeUndefined();
  });
});
