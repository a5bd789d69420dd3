import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { keepBuild, leftovers, newBuildFolder, stagingFolder, switchSite } from '../../../src/build/site-switch.ts';

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

describe('stagingFolder', () => {
  test('is the same folder every build, and moves aside what a killed build left there', async () => {
    const staging = await stagingFolder(root);
    expect(staging).toBe(join(root, '.dist', 'building'));
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, 'half.html'), 'half');
    expect(await stagingFolder(root)).toBe(staging);
    expect(existsSync(staging)).toBe(false);
    const left = await leftovers(root, []);
    expect(left).toHaveLength(1);
    expect(await readFile(join(left[0]!, 'half.html'), 'utf8')).toBe('half');
  });
});

describe('keepBuild', () => {
  test('moves the finished build into a folder of its own, named as newBuildFolder names them', async () => {
    const staging = await stagingFolder(root);
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, 'index.html'), 'built');
    const folder = await keepBuild(root, staging);
    expect(folder).toMatch(/[\\/]\.dist[\\/]\d+-\d+$/);
    expect(existsSync(staging)).toBe(false);
    expect(await readFile(join(folder, 'index.html'), 'utf8')).toBe('built');
  });

  test('fails at once when there is no build to keep', async () => {
    await expect(keepBuild(root, join(root, '.dist', 'building'))).rejects.toThrow(/ENOENT/);
  });
});

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
    // A thread of its own looks for the page as fast as it can while the site is switched,
    // counting its looks in shared memory; switching goes on until it has looked often.
    const shared = new Int32Array(new SharedArrayBuffer(12)); // stop, looks, misses
    const watcher = new Worker(
      `const { existsSync } = require('node:fs');
       const { workerData: { page, shared } } = require('node:worker_threads');
       while (Atomics.load(shared, 0) === 0) {
         if (!existsSync(page)) Atomics.add(shared, 2, 1);
         Atomics.add(shared, 1, 1);
       }`,
      { eval: true, workerData: { page: join(dist, 'index.html'), shared } },
    );
    const ended = new Promise((done) => watcher.once('exit', done));
    let n = 0;
    while (n < 100 || Atomics.load(shared, 1) < 1000) await switchSite(dist, await built(String(++n)));
    Atomics.store(shared, 0, 1);
    await ended;
    expect(Atomics.load(shared, 1)).toBeGreaterThanOrEqual(1000);
    expect(Atomics.load(shared, 2)).toBe(0);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe(String(n));
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
