// `npm run build` (src/build/build.ts) in a copy of the site: one build at a time, dist/
// switched whole, and the public address checked and reported.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempSite, type TempSite } from '../support/temp-site.ts';
import { sitemapPages } from '../../src/site/sitemap.ts';
import { articleUrl } from '../../src/site/urls.ts';
import { files } from '../../src/build/files.ts';

let temp: TempSite;
beforeAll(async () => {
  temp = await createTempSite();
});
afterAll(() => temp?.remove());

/** The build folder a successful build names in its last line: `.dist/<time>-<pid>`. */
const builtFolder = (output: string): string => /网站已构建到 dist\/ → (\.dist\/\d+-\d+) /.exec(output)?.[1] ?? '';

/** Every file of a built site, by its path in it. */
async function snapshot(folder: string): Promise<Map<string, Buffer>> {
  const all = new Map<string, Buffer>();
  const real = await realpath(folder);
  for await (const file of files(real)) all.set(relative(real, file), await readFile(file));
  return all;
}

/** The canonical address of the home page in the site in place. */
async function homeCanonical(): Promise<string> {
  const html = await readFile(join(temp.dir, 'dist/index.html'), 'utf8');
  return /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? '';
}

describe('npm run build', () => {
  test('two builds started together take turns and leave a complete site, each telling what it did', async () => {
    // A lock left by a killed build: taken over, not waited for.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await temp.write('.dist/build.lock', JSON.stringify({ pid: dead, host: hostname(), started: '2026-01-01' }));

    const [published, local] = await Promise.all([
      temp.run('build', ['--production'], { SITE_URL: 'https://www.example.org' }),
      temp.run('build', [], { SITE_URL: '' }),
    ]);
    expect(published.code, published.output).toBe(0);
    expect(local.code, local.output).toBe(0);
    expect(published.output).toContain('网站地址 / Site address: https://www.example.org（取自 / from SITE_URL）');
    expect(local.output).toContain('网站地址 / Site address: http://localhost:4321（取自 / from src/site.config.ts）');

    // Exactly one waited, naming the other by the pid in its build folder's name.
    const waited = [published, local].filter((run) => run.output.includes('另一个构建正在进行'));
    expect(waited).toHaveLength(1);
    const [last] = waited;
    const first = last === local ? published : local;
    const firstPid = builtFolder(first.output).split('-').pop();
    expect(firstPid).toMatch(/^\d+$/);
    expect(last!.output).toContain(`另一个构建正在进行（pid ${firstPid},`);
    expect(last!.output).toContain('另一个构建已结束，开始本次构建。');
    expect(first.output).not.toContain(`pid ${dead}`);

    // dist is the build that finished last, whole: every page of its sitemap is there.
    expect(await realpath(join(temp.dir, 'dist'))).toBe(join(await realpath(temp.dir), builtFolder(last!.output)));
    expect(await homeCanonical()).toBe(last === local ? 'http://localhost:4321/' : 'https://www.example.org/');
    const pages = await sitemapPages((path) => readFile(join(temp.dir, 'dist', path), 'utf8'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of [...pages, '/404.html', '/pagefind/pagefind.js'])
      expect(existsSync(join(temp.dir, 'dist', page.endsWith('/') ? `${page}index.html` : page)), page).toBe(true);
    expect(existsSync(join(temp.dir, '.dist/build.lock'))).toBe(false);
  }, 240_000);

  test('a production build with a local address stops at once, leaving the site in place', async () => {
    const before = await realpath(join(temp.dir, 'dist'));
    const folders = await readdir(join(temp.dir, '.dist'));
    const run = await temp.run('build', ['--production'], { SITE_URL: '' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('正式构建不能使用本机地址 http://localhost:4321');
    expect(run.output).toContain('A production build cannot use the local address http://localhost:4321');
    expect(run.output).not.toContain('[build]');
    expect(await realpath(join(temp.dir, 'dist'))).toBe(before);
    expect((await readdir(join(temp.dir, '.dist'))).filter((name) => !folders.includes(name))).toEqual([]);
  });

  test("a build with a malformed SITE_URL stops at once with the schema's words", async () => {
    const run = await temp.run('build', [], { SITE_URL: 'https://www.example.org/' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('src/site.config.ts 有误 / src/site.config.ts is wrong:');
    expect(run.output).toContain('url: url（或 SITE_URL）须是网站的公开地址，只写协议和域名，结尾不加 /');
    expect(run.output).not.toContain('ZodError');
    expect(run.output).not.toContain('[build]');
  });

  test('a rebuild copies the pages nothing changed and writes the same site as a full build', async () => {
    const article = (title: string, date: string, more = 'column: 通知公告\ntags: [增量构建]\n') =>
      `---\ntitle: ${title}\ndate: ${date}\n${more}---\n\n${title}的正文。\n`;
    const folder = 'content/articles/incremental';
    await temp.write(`${folder}/first.md`, article('第一篇通知', '2024-05-04'));
    await temp.write(`${folder}/second.md`, article('第二篇通知', '2024-05-05'));
    // In a column and with tags of their own: only an attachment, or a picture, changes these.
    const attached = 'column: 政策法规\ntags: [附件]\nattachments:\n  - ./名单.xlsx\n';
    await temp.write(`${folder}/notice.md`, article('附件通知', '2020-05-06', attached));
    const pictured = article('会场照片', '2019-05-06', 'column: 政策法规\ntags: [图片]\n');
    await temp.write(`${folder}/picture.md`, `${pictured}\n![会场](./会场.png)\n`);
    await temp.write(`${folder}/名单.xlsx`, 'x'.repeat(3000));
    const picture = (width: number, height: number, grey: number): Buffer => {
      const png = new PNG({ width, height });
      png.data.fill(grey);
      return PNG.sync.write(png);
    };
    await writeFile(join(temp.dir, folder, '会场.png'), picture(800, 600, 120));
    const primed = await temp.run('build', [], { SITE_URL: '' });
    expect(primed.code, primed.output).toBe(0);

    // An editor's day: a headline changed (its neighbours and lists show it), an attachment
    // replaced by a larger one, an article removed and another added.
    await temp.write(`${folder}/first.md`, article('第一篇通知（更正）', '2024-05-04'));
    await temp.write(`${folder}/名单.xlsx`, 'x'.repeat(9000));
    await writeFile(join(temp.dir, folder, '会场.png'), picture(600, 800, 200));
    await rm(join(temp.dir, folder, 'second.md'));
    await temp.write(`${folder}/third.md`, article('第三篇通知', '2024-05-07'));
    const rebuild = await temp.run('build', [], { SITE_URL: '' });
    expect(rebuild.code, rebuild.output).toBe(0);
    const restored = rebuild.output.match(/\(restored\)$/gm)?.length ?? 0;
    expect(restored, rebuild.output).toBeGreaterThan(5);
    const notice = await readFile(join(temp.dir, 'dist', articleUrl({ id: 'notice' }), 'index.html'), 'utf8');
    expect(notice).toContain('8.8 KB');
    const pictures = await readFile(join(temp.dir, 'dist', articleUrl({ id: 'picture' }), 'index.html'), 'utf8');
    expect(pictures).toMatch(/<img[^>]+alt="会场"[^>]+width="600"/);
    const incremental = await snapshot(join(temp.dir, 'dist'));

    const full = await temp.run('build', ['--force'], { SITE_URL: '' });
    expect(full.code, full.output).toBe(0);
    expect(full.output).not.toMatch(/\(restored\)$/m);
    const rendered = await snapshot(join(temp.dir, 'dist'));
    expect([...incremental.keys()].sort()).toEqual([...rendered.keys()].sort());
    const differ = [...rendered].filter(([path, bytes]) => !bytes.equals(incremental.get(path)!)).map(([path]) => path);
    expect(differ).toEqual([]);
  }, 300_000);

  test('a failed build says the last good site is still in dist/', async () => {
    const before = await realpath(join(temp.dir, 'dist'));
    await writeFile(join(temp.dir, 'content/articles/broken.md'), '---\ntitle: 坏文章\n---\n\n没有日期和栏目。\n');
    const run = await temp.run('build', [], { SITE_URL: '' });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('构建没有成功，dist/ 仍是上一次成功构建的网站。');
    expect(await realpath(join(temp.dir, 'dist'))).toBe(before);
    expect(existsSync(join(temp.dir, 'dist/index.html'))).toBe(true);
  }, 120_000);
});
