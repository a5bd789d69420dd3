import { describe, expect, test } from 'vitest';
import { checkArticle, duplicateAddresses } from '../../src/lib/content-checks.ts';

describe('checkArticle', () => {
  test('finds an impossible date that YAML would roll over, with its line', () => {
    const problems = checkArticle('a.md', '---\ntitle: 标题\ndate: 2024-02-30\ncolumn: 协会动态\n---\n正文');
    expect(problems).toEqual([
      { file: 'a.md', line: 3, message: expect.stringMatching(/日期「2024-02-30」不存在.*not a real date/) },
    ]);
  });
  test('accepts real dates, quoted or with a time', () => {
    expect(checkArticle('a.md', "---\ndate: '2024-02-29 09:30'\n---\n")).toEqual([]);
  });
  test('reports raw script and iframe tags outside code blocks', () => {
    const text =
      '---\ntitle: x\n---\n\n<iframe src="https://v.example"></iframe>\n\n```html\n<script>ok()</script>\n```\n\n<SCRIPT>bad()</SCRIPT>';
    expect(checkArticle('a.mdx', text).map((p) => [p.line, p.message.slice(0, 20)])).toEqual([
      [5, '正文里不能直接写 <iframe>：它会'],
      [11, '正文里不能直接写 <script>：它会'],
    ]);
  });
});

describe('duplicateAddresses', () => {
  test('names files that would share one address', () => {
    const [problem] = duplicateAddresses(['2022/liu-yi.md', '2023/liu-yi.mdx', 'other.md']);
    expect(problem?.message).toMatch(/\/news\/liu-yi\/：2022\/liu-yi\.md、2023\/liu-yi\.mdx/);
    expect(duplicateAddresses(['a.md', 'b/index.mdx'])).toEqual([]);
  });
});
