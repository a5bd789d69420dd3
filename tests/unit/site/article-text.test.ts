import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describe as describeText, paragraphsOf } from '../../../src/site/article-text.ts';

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

describe('paragraphsOf, read from the syntax tree', () => {
  test('keeps what a page shows of code, words with underscores, escapes and entities', () => {
    expect(paragraphsOf('用 `npm run build` 构建 snake_case_name，\\*不是强调\\*，甲&amp;乙。', 'a.md')).toEqual([
      '用 npm run build 构建 snake_case_name，*不是强调*，甲&乙。',
    ]);
  });

  test("takes a link's words whatever its target, and an address written as a link", () => {
    expect(paragraphsOf("[链接一](javascript:alert('js')) 见 <https://www.example.org/>", 'a.md')).toEqual([
      '链接一 见 https://www.example.org/',
    ]);
  });

  test('reads raw HTML as a page shows it: no styles, scripts or comments', () => {
    const body = '<style>body { display: none }</style>\n\n<p class="signoff">协会<!-- 备注 -->\n2024年</p>\n';
    expect(paragraphsOf(body, 'a.md')).toEqual(['协会2024年']);
  });

  test('leaves out MDX expressions, which no page shows, but keeps braces in a Markdown file', () => {
    expect(paragraphsOf('本机名：{host}', 'a.mdx')).toEqual(['本机名：']);
    expect(paragraphsOf('产量{数量}万件。', 'a.md')).toEqual(['产量{数量}万件。']);
  });

  test('reads as Markdown a body that is not valid MDX', () => {
    expect(paragraphsOf('返修率降到<1%。')).toEqual(['返修率降到<1%。']);
  });

  test('gives a loose list an item a paragraph, and a code block its lines', () => {
    expect(paragraphsOf('- 一项\n\n- 两项\n\n```\n代码\n```', 'a.md')).toEqual(['一项', '两项', '代码']);
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
