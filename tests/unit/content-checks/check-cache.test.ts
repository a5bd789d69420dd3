import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CheckContext, Problem } from '../../../src/content-checks/article-checks.ts';
import { CheckCache } from '../../../src/content-checks/check-cache.ts';

const project = await mkdtemp(join(tmpdir(), 'check-cache-'));
afterAll(() => rm(project, { recursive: true, force: true }));
await writeFile(join(project, 'package-lock.json'), '{"lockfileVersion":3}');

const article = { file: 'content/articles/2024/a.md', text: '---\ntitle: 甲\n---\n![图](./a.jpg)\n' };
const context = (files: string[], addresses: string[] = ['/']): CheckContext => ({
  exists: (path) => files.includes(path),
  size: (path) => (files.includes(path) ? 1000 : undefined),
  addresses: new Set(addresses),
  siteUrl: 'https://example.org',
});

/** A check that asks what the article checks ask, and counts its runs. */
let runs = 0;
const check = (asking: CheckContext): Problem[] => {
  runs++;
  const problems: Problem[] = [];
  if (!asking.exists('content/articles/2024/a.jpg'))
    problems.push({ file: article.file, line: 4, message: '找不到图片' });
  if (!asking.addresses.has('/news/b/')) problems.push({ file: article.file, line: 5, message: '链接不存在' });
  return problems;
};

async function run(
  files: string[],
  addresses?: string[],
  text = article.text,
  where: string | null = project,
): Promise<Problem[]> {
  const cache = await CheckCache.open(where ?? undefined, 'https://example.org');
  const problems = cache.problems({ ...article, text }, context(files, addresses), check);
  await cache.save();
  return problems;
}

describe('CheckCache', () => {
  test('checks an article again only when it, or an answer its checks had, changed', async () => {
    expect((await run([])).map((p) => p.message)).toEqual(['找不到图片', '链接不存在']);
    expect(runs).toBe(1);
    expect((await run([])).map((p) => p.message)).toEqual(['找不到图片', '链接不存在']);
    expect(runs).toBe(1);
    // The picture added beside it: checked again.
    expect((await run(['content/articles/2024/a.jpg'])).map((p) => p.message)).toEqual(['链接不存在']);
    expect(runs).toBe(2);
    // The article it links to now exists.
    expect(await run(['content/articles/2024/a.jpg'], ['/', '/news/b/'])).toEqual([]);
    expect(runs).toBe(3);
    // Its text changed.
    await run(['content/articles/2024/a.jpg'], ['/', '/news/b/'], article.text + '又一段。\n');
    expect(runs).toBe(4);
    // Nothing changed since.
    await run(['content/articles/2024/a.jpg'], ['/', '/news/b/'], article.text + '又一段。\n');
    expect(runs).toBe(4);
  });

  test('checks every time without a project, or when the packages change', async () => {
    const before = runs;
    await run([], undefined, article.text, null);
    await run([], undefined, article.text, null);
    expect(runs).toBe(before + 2);
    const text = article.text + '又一段。\n';
    await run(['content/articles/2024/a.jpg'], ['/', '/news/b/'], text);
    expect(runs).toBe(before + 2);
    await writeFile(join(project, 'package-lock.json'), '{"lockfileVersion":3,"changed":true}');
    await run(['content/articles/2024/a.jpg'], ['/', '/news/b/'], text);
    expect(runs).toBe(before + 3);
  });
});
