import { execFile } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempSite, type TempSite } from '../support/temp-site.ts';

const git = promisify(execFile);

/** The files `npm run check:content` gave hints for, once each. */
const hinted = (output: string): string[] => [
  ...new Set([...output.matchAll(/^提示 \/ hint +(\S+?):\d+:\d+$/gm)].map((m) => m[1]!)),
];
const hintCount = (output: string): number => Number(/(\d+) hint\(s\)/.exec(output)![1]);

describe('npm run check:content', () => {
  let temp: TempSite;
  const edited = 'content/articles/2022/laomo-liu-yi.mdx';
  const added = 'content/articles/2024/xin-wen-zhang.md';

  beforeAll(async () => {
    temp = await createTempSite();
  });
  afterAll(() => temp?.remove());

  test('gives hints for every article where git cannot tell what changed', async () => {
    const { code, output } = await temp.run('check-content', []);
    expect(code, output).toBe(0);
    // The shipped articles keep their original punctuation, so they have hints.
    expect(hinted(output).length).toBeGreaterThan(1);
    expect(output).not.toContain('标点提示只针对');
  }, 120_000);

  test('in a repository, gives hints only for articles changed or added since the last commit', async () => {
    const run = (...args: string[]) => git('git', args, { cwd: temp.dir });
    await run('init', '--quiet');
    await run('add', '.');
    await run('-c', 'user.name=测试', '-c', 'user.email=test@example.org', 'commit', '--quiet', '-m', '初始');

    const clean = await temp.run('check-content', []);
    expect(clean.code, clean.output).toBe(0);
    expect(hintCount(clean.output)).toBe(0);
    expect(clean.output).toContain('标点提示只针对上次提交以来改动的 0 篇文章');

    await appendFile(join(temp.dir, edited), '\n她说,这是大家的功劳。\n');
    await temp.write(added, '---\ntitle: 新文章\ndate: 2024-05-20\ncolumn: 协会动态\n---\n\n协会召开会议,研究工作。\n');
    const changed = await temp.run('check-content', []);
    expect(changed.code, changed.output).toBe(0);
    expect(hinted(changed.output).sort()).toEqual([edited, added].sort());
    expect(changed.output).toContain('标点提示只针对上次提交以来改动的 2 篇文章');

    // Without git on the PATH nothing can be told apart: hints for every article.
    const noGit = await temp.run('check-content', [], { PATH: '/nonexistent' });
    expect(noGit.code, noGit.output).toBe(0);
    expect(hinted(noGit.output).length).toBeGreaterThan(2);
    expect(noGit.output).not.toContain('标点提示只针对');

    const all = await temp.run('check-content', ['--all']);
    expect(all.code, all.output).toBe(0);
    expect(hinted(all.output).length).toBeGreaterThan(2);
    expect(hintCount(all.output)).toBeGreaterThan(hintCount(changed.output));
  }, 180_000);

  test('reports errors in every article, changed or not', async () => {
    // A committed article broken outside git's view (as a merge might leave it) still stops the build.
    await temp.write(
      'content/articles/2024/jiu-wen-zhang.md',
      '---\ntitle: 旧文章\ndate: 2024-02-30\ncolumn: 协会动态\n---\n\n正文。\n',
    );
    await git('git', ['add', '.'], { cwd: temp.dir });
    await git('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', 'commit', '--quiet', '-m', '旧'], {
      cwd: temp.dir,
    });
    const { code, output } = await temp.run('check-content', []);
    expect(code).toBe(1);
    expect(output).toMatch(/错误 \/ error {2}content\/articles\/2024\/jiu-wen-zhang\.md:\d+/);
    expect(hintCount(output)).toBe(0);
  }, 120_000);
});
