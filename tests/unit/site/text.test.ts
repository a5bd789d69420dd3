import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describe as describeText, paragraphsOf } from '../../../src/site/text.ts';

const liuYi = readFileSync('content/articles/2022/laomo-liu-yi.mdx', 'utf8').split(/^---$/m)[2] ?? '';

describe('paragraphsOf', () => {
  test('finds the 21 paragraphs of the 刘毅 profile, headings included', () => {
    const paragraphs = paragraphsOf(liuYi);
    expect(paragraphs).toHaveLength(21);
    expect(paragraphs[0]).toMatch(/^7月12日,全国纺织工业先进集体/);
    expect(paragraphs[5]).toBe('一、市场党建工作不断创新');
    expect(paragraphs[20]).toMatch(/贡献自己的力量!$/);
  });
  test('strips Markdown and JSX marks but keeps the words', () => {
    const body =
      'import X from \'./x.astro\';\n\n## 标题\n\n**加粗**和[链接](/a/)。\n\n<X foo="1" />\n\n- 一项\n- 两项';
    expect(paragraphsOf(body)).toEqual(['标题', '加粗和链接。', '一项两项']);
  });
});

describe('describe', () => {
  test('keeps whole sentences within the limit', () => {
    expect(describeText(['第一句话。第二句话比较长一些。'], 8)).toBe('第一句话。');
  });
  test('cuts one over-long sentence with an ellipsis', () => {
    expect(describeText(['一二三四五六七八九十'], 5)).toBe('一二三四…');
  });
  test('returns short text whole', () => {
    expect(describeText(['短文。'], 50)).toBe('短文。');
  });
});
