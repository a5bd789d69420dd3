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

  test('keeps tags whole when removing spaces next to them', () => {
    expect(fixText('中 <b>文</b> 字').text).toBe('中 <b>文</b> 字');
  });
});
