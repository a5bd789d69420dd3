// 发布.sh (the POSIX twin of 发布.cmd, which editors double-click on Windows): checks the
// articles, then commits content/ and pushes it; a broken article stops it before the commit.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempSite, siteEnv, type TempSite } from '../support/temp-site.ts';

const SCRIPT = '发布.sh';

describe(SCRIPT, () => {
  let temp: TempSite;
  let remote: string;
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  const publish = (message: string) =>
    spawnSync('sh', [SCRIPT], {
      cwd: temp.dir,
      input: `${message}\n`,
      encoding: 'utf8',
      env: {
        ...siteEnv(),
        NO_COLOR: '1',
        GIT_AUTHOR_NAME: '编辑',
        GIT_AUTHOR_EMAIL: 'editor@example.org',
        GIT_COMMITTER_NAME: '编辑',
        GIT_COMMITTER_EMAIL: 'editor@example.org',
      },
    });

  beforeAll(async () => {
    temp = await createTempSite();
    await copyFile(SCRIPT, join(temp.dir, SCRIPT));
    remote = await mkdtemp(join(tmpdir(), 'lnga-remote-'));
    git(remote, 'init', '--bare', '--initial-branch=main', '-q');
    git(temp.dir, 'init', '--initial-branch=main', '-q');
    await temp.write('.gitignore', 'node_modules\ndist\n.astro\n');
    git(temp.dir, 'add', '.');
    git(temp.dir, '-c', 'user.name=维护', '-c', 'user.email=m@example.org', 'commit', '-qm', '网站');
    git(temp.dir, 'remote', 'add', 'origin', remote);
    git(temp.dir, 'push', '-q', '-u', 'origin', 'main');
  });

  afterAll(async () => {
    await temp?.remove();
    if (remote) await rm(remote, { recursive: true, force: true });
  });

  test('checks, commits content/ with the editor’s message and pushes it', async () => {
    await temp.write(
      'content/articles/2024/2024-05-20-laomo-张三/index.md',
      '---\ntitle: 全国纺织工业劳动模范——张三\ndate: 2024-05-20\ncolumn: 劳模风采\nperson:\n  name: 张三\n  honour: 全国纺织工业劳动模范\n---\n\n张三扎根一线。\n',
    );
    const run = publish('新增劳模风采：张三');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('已发布');
    expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe('新增劳模风采：张三');
    expect(git(remote, 'ls-tree', '-r', '--name-only', 'main', 'content/articles/2024')).toContain('index.md');
  }, 120_000);

  test('stops before committing when an article is broken', async () => {
    const before = git(remote, 'rev-parse', 'main');
    await temp.write('content/articles/2024/broken.md', '---\ndate: 2024-05-20\ncolumn: 协会动态\n---\n\n没有标题。\n');
    const run = publish('有错的文章');
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('缺少标题');
    expect(git(remote, 'rev-parse', 'main')).toBe(before);
    expect(git(temp.dir, 'log', '-1', '--format=%s')).not.toBe('有错的文章');
  }, 120_000);
});
