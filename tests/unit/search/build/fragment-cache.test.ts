import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FragmentCache } from '../../../../src/search/build/fragment-cache.ts';
import { CACHE } from '../../../../src/build/options.ts';

const project = await mkdtemp(join(tmpdir(), 'fragment-cache-'));
afterAll(() => rm(project, { recursive: true, force: true }));

describe('FragmentCache', () => {
  test('writes each fragment once, links it under a new name in the next build, and prunes the rest', async () => {
    let made = 0;
    const make = (content: string) => (made++, new TextEncoder().encode(content.toUpperCase()));
    /** One build's index: its fragments, name → content, written into a folder of its own. */
    const build = (folder: string, fragments: Record<string, string>): string => {
      mkdirSync(join(project, folder));
      const cache = FragmentCache.open(project);
      for (const [name, content] of Object.entries(fragments)) cache.write(join(project, folder, name), content, make);
      cache.prune();
      return join(project, folder);
    };
    const first = build('first', { a1: 'page a', b1: 'page b' });
    expect(made).toBe(2);

    const second = build('second', { a2: 'page a', c2: 'page c' });
    expect(made).toBe(3);
    expect(await readFile(join(second, 'a2'), 'utf8')).toBe('PAGE A');
    expect(await readFile(join(second, 'c2'), 'utf8')).toBe('PAGE C');
    expect((await stat(join(second, 'a2'))).ino).toBe((await stat(join(first, 'a1'))).ino);
    expect(await readdir(join(project, CACHE.searchFragments))).toHaveLength(2);
  });

  test('writes every fragment without a project', async () => {
    const folder = join(project, 'none');
    mkdirSync(folder);
    let made = 0;
    const cache = FragmentCache.open();
    cache.write(join(folder, 'x'), 'same', () => (made++, new Uint8Array([1])));
    cache.write(join(folder, 'y'), 'same', () => (made++, new Uint8Array([1])));
    expect(made).toBe(2);
  });
});
