import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { leftovers, newBuildFolder, switchSite } from '../../scripts/site-switch.ts';

let root: string;
let dist: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lnga-switch-'));
  dist = join(root, 'dist');
});
afterEach(() => rm(root, { recursive: true, force: true }));

let builds = 0;
/** A build folder, named as newBuildFolder names them, holding an index.html that says `text`. */
async function built(text: string): Promise<string> {
  const folder = (await newBuildFolder(root)).replace(/\d+-(\d+)$/, `${++builds}-$1`);
  await mkdir(folder);
  await writeFile(join(folder, 'index.html'), text);
  return folder;
}

describe('switchSite', () => {
  test('makes dist a relative link to the build, and moves it to the next', async () => {
    const first = await built('first');
    expect(await switchSite(dist, first)).toBe('symlink');
    expect((await lstat(dist)).isSymbolicLink()).toBe(true);
    expect(await readlink(dist)).toBe(join('.dist', first.split('/').pop()!));
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('first');
    await switchSite(dist, await built('second'));
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('second');
    expect(existsSync(first)).toBe(true);
  });

  test('never leaves a moment without dist/index.html', async () => {
    await switchSite(dist, await built('0'));
    // A thread of its own looks for the page as fast as it can while the site is switched.
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const watcher = new Worker(
      `const { existsSync } = require('node:fs');
       const { workerData, parentPort } = require('node:worker_threads');
       let misses = 0, looks = 0;
       while (Atomics.load(workerData.stop, 0) === 0) { looks++; if (!existsSync(workerData.page)) misses++; }
       parentPort.postMessage({ misses, looks });`,
      { eval: true, workerData: { page: join(dist, 'index.html'), stop } },
    );
    const counts = new Promise<{ misses: number; looks: number }>((done) => watcher.once('message', done));
    await new Promise((r) => setTimeout(r, 50));
    for (let n = 1; n <= 100; n++) await switchSite(dist, await built(String(n)));
    Atomics.store(stop, 0, 1);
    const { misses, looks } = await counts;
    expect(looks).toBeGreaterThan(100);
    expect(misses).toBe(0);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('100');
  });

  test('moves a dist/ folder of the former kind into .dist/ and links in its place', async () => {
    await mkdir(dist);
    await writeFile(join(dist, 'index.html'), 'old');
    await switchSite(dist, await built('new'));
    expect((await lstat(dist)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('new');
    const left = await leftovers(root, []);
    expect(left.some((path) => /\.dist\/old-\d+$/.test(path))).toBe(true);
  });
});

describe('leftovers', () => {
  test('lists earlier builds, stray links and the former .dist-next/.dist-old folders, never the kept build or the lock', async () => {
    const kept = await built('kept');
    const old = await built('old');
    await mkdir(join(root, '.dist-next'));
    await mkdir(join(root, '.dist-old-123'));
    await writeFile(join(root, '.dist', 'build.lock'), '{}');
    await writeFile(join(root, '.dist', 'link-42'), '');
    const names = (await leftovers(root, [kept])).map((path) => path.slice(root.length + 1)).sort();
    expect(names).toEqual(['.dist-next', '.dist-old-123', '.dist/link-42', `.dist/${old.split('/').pop()}`].sort());
  });
});
