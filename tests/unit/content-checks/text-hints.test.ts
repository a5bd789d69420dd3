import { describe, expect, test } from 'vitest';
import { fixText, textHints } from '../../../src/content-checks/text-hints.ts';

const FILE = `---
title: 刘毅:不忘初心 一心一意
date: 2022-07-12
column: 劳模风采
---

7月12日,全国纺织工业表彰大会在沈阳召开。。会议于 9:30 开始 , 共三项议程。

党群服务中心主任 刘毅，见[西柳:市场](/news/a:b/)与 \`a,b\`。

\`\`\`
代码,不动
\`\`\`
`;

describe('textHints', () => {
  test('finds half-width punctuation, doubled punctuation and spaces inside Chinese, with line and column', () => {
    expect(textHints(FILE).map((h) => `${h.line}:${h.column} ${h.message.split(' / ')[0]}`)).toEqual([
      '2:10 中文之间用了半角冒号「:」，应为全角「：」。',
      '7:6 中文之间用了半角逗号「,」，应为全角「，」。',
      '7:22 标点重复「。。」。',
      '7:35 中文之间用了半角逗号「,」，应为全角「，」。',
      '9:9 中文之间有空格。',
      '9:17 中文之间用了半角冒号「:」，应为全角「：」。',
    ]);
  });

  test('leaves times, English, code, link targets and tags alone', () => {
    expect(textHints('---\ntitle: x\n---\n\n9:30 开始，a, b。<img alt="图 片" src="a.jpg" /> `中,文`\n')).toEqual([]);
  });

  test('names each hint in Chinese and English', () => {
    expect(textHints('---\n---\n中,文')[0]?.message).toBe(
      '中文之间用了半角逗号「,」，应为全角「，」。 / Half-width "," between Chinese characters: use "，".',
    );
  });
});

describe('textHints, from the syntax tree', () => {
  const hinted = (text: string, file?: string) => textHints(`---\ntitle: x\n---\n\n${text}`, file).map((h) => h.line);

  test('leaves code alone however it is written: doubled backticks, indented blocks, longer fences', () => {
    expect(hinted('见 ``中,文`b`` 与甲,乙。')).toEqual([5]);
    expect(hinted('前文。\n\n    代码,不动\n\n后文,加上。')).toEqual([9]);
    expect(hinted('````\n```\n代码,不动\n```\n````\n\n后文,加上。')).toEqual([11]);
  });

  test('leaves comments, link definitions and attributes alone', () => {
    expect(hinted('<!--\n备注,不显示\n-->\n\n正文,加上。')).toEqual([9]);
    expect(hinted('{/* 备注,不显示 */}\n\n正文,加上。', 'a.mdx')).toEqual([7]);
    expect(hinted('[甲]: /news/中,文/\n\n正文,加上。')).toEqual([7]);
    expect(hinted('<span title="甲>乙,丙">文字</span>')).toEqual([]);
  });

  test("reads prose inside HTML, components and pictures' descriptions", () => {
    expect(hinted('<p>中,文</p>')).toEqual([5]);
    expect(hinted('<Signoff>协会,主任</Signoff>', 'a.mdx')).toEqual([5]);
    expect(hinted('![会场,全景](./a.jpg)')).toEqual([5]);
  });
});

describe('fixText', () => {
  test('applies exactly the hinted fixes and counts them', () => {
    const { text, changes } = fixText(FILE);
    expect(changes).toBe(6);
    expect(text).toContain('title: 刘毅：不忘初心 一心一意');
    expect(text).toContain('7月12日，全国纺织工业表彰大会在沈阳召开。会议于 9:30 开始，共三项议程。');
    expect(text).toContain('党群服务中心主任刘毅，见[西柳：市场](/news/a:b/)与 `a,b`。');
    expect(text).toContain('代码,不动');
    expect(textHints(text)).toEqual([]);
  });

  test('changes prose only, leaving code, comments and attributes as they are', () => {
    const text =
      '---\ntitle: 甲,乙\n---\n\n    代码,不动\n\n<!-- 备注,不动 -->\n\n<p title="甲,乙">中,文</p>\n\n见 ``a`中,文`` 与\n';
    expect(fixText(text)).toEqual({
      text: '---\ntitle: 甲，乙\n---\n\n    代码,不动\n\n<!-- 备注,不动 -->\n\n<p title="甲,乙">中，文</p>\n\n见 ``a`中,文`` 与\n',
      changes: 2,
    });
  });

  test('keeps tags whole when removing spaces next to them', () => {
    expect(fixText('中 <b>文</b> 字').text).toBe('中 <b>文</b> 字');
  });
});
