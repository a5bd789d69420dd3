import { describe, expect, test } from 'vitest';
import { parseMdx } from '../../../src/content-checks/mdx-syntax.ts';

describe('parseMdx', () => {
  test('finds every < and { of ordinary text in one run, each with its line and escape', () => {
    const { tree, problems } = parseMdx('---\ntitle: x\n---\n\n返修率降到<1%以下。\n\n产量达到{120万件}。\n\n甲<乙\n');
    expect(problems.map((p) => p.line)).toEqual([5, 7, 9]);
    expect(problems[0]!.message).toMatch(/^「<」在 MDX 文件里表示标签开始.*请写成 \\</);
    expect(problems[1]!.message).toMatch(/^「\{」在 MDX 文件里表示代码.*请写成 \\\{/);
    expect(tree).toBeDefined();
  });

  test('names a tag that is not closed', () => {
    const { problems } = parseMdx('第一段。\n\n<div>\n没有闭合\n');
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(/^标签 <div> 没有闭合/) }]);
  });

  test('passes correct MDX, escapes included', () => {
    expect(parseMdx('返修率降到\\<1%，产量\\{120万件}。\n\n{/* 备注 */}\n').problems).toEqual([]);
  });
});
