import { describe, expect, test } from 'vitest';
import { safetyFindings } from '../../../src/content-safety/check.ts';

const front = '---\ntitle: 标题\ndate: 2024-02-01\ncolumn: 协会动态\n---\n\n';

describe('safetyFindings', () => {
  test('names the line of each removal, errors for code and frames, warnings for markup', () => {
    const findings = safetyFindings(
      'a.md',
      front +
        '正文。\n\n<span onclick="x()">a</span>\n\n<iframe src="https://v.example/"></iframe>\n\n[a](javascript:x)\n',
    );
    expect(findings).toEqual([
      { line: 9, severity: 'warning', message: expect.stringMatching(/^「span onclick」属性已从网页中删去/) },
      { line: 11, severity: 'error', message: expect.stringMatching(/^正文里不能直接写 <iframe>/) },
      { line: 13, severity: 'warning', message: expect.stringMatching(/^不安全的地址「javascript:x」/) },
    ]);
    expect(findings.every((f) => / \/ [A-Za-z<{]/.test(f.message))).toBe(true);
  });

  test('lets MDX comments through, and explains a brace in ordinary text', () => {
    const [brace, ...rest] = safetyFindings('a.mdx', front + '{/* 备注 */}\n\n产量{数量}。\n');
    expect(rest).toEqual([]);
    expect(brace).toMatchObject({ line: 9, severity: 'error' });
    expect(brace!.message).toContain('请把 { 写成 \\{');
  });
});
