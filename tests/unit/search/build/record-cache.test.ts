import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, describe, expect, test } from 'vitest';
import { RecordCache } from '../../../../src/search/build/record-cache.ts';
import { pageWords, Vocabulary } from '../../../../src/search/build/index-writer.ts';
import { extractRecord } from '../../../../src/search/build/record.ts';

const page = (text: string) =>
  `<html><body><div data-pagefind-body data-search-column="协会动态" data-search-date="2024-05-01">` +
  `<h1>标题</h1><p>${text}</p></div></body></html>`;

const project = await mkdtemp(join(tmpdir(), 'record-cache-'));
afterAll(() => rm(project, { recursive: true, force: true }));
const kept = async () =>
  deserialize(await readFile(join(project, '.cache/search-records.v8'))) as {
    pages: Map<string, unknown>;
    vocabulary: string[];
  };

describe('RecordCache', () => {
  test("gives each page the record extractRecord reads, and keeps only this build's pages", async () => {
    await writeFile(join(project, 'package-lock.json'), '{"lockfileVersion":3}');
    const first = await RecordCache.open(project);
    expect(first.page(page('第一段'), '/news/a/')?.record).toEqual(extractRecord(page('第一段'), '/news/a/'));
    expect(first.page(page('第二段'), '/news/b/')?.record).toEqual(extractRecord(page('第二段'), '/news/b/'));
    expect(first.page('<html><body>无索引</body></html>', '/')).toBeNull();
    await first.save(100);
    expect((await kept()).pages.size).toBe(3);

    // The next build: a page unchanged, a page changed, one gone, and one at a new address.
    const second = await RecordCache.open(project);
    expect(second.page(page('第一段'), '/news/a/')?.record).toEqual(extractRecord(page('第一段'), '/news/a/'));
    expect(second.page(page('改过的'), '/news/b/')?.record.text).toBe('改过的');
    expect(second.page(page('第一段'), '/news/c/')?.record.url).toBe('/news/c/');
    await second.save(100);
    expect((await kept()).pages.size).toBe(3);
  });

  test('keeps the words an index counted, numbered in the vocabulary it keeps', async () => {
    const first = await RecordCache.open(project);
    const a = first.page(page('纺织服装'), '/news/w/')!;
    a.words = pageWords(a.record, first.vocabulary);
    const counted = first.vocabulary.words.length;
    expect(counted).toBeGreaterThan(3);
    await first.save(counted);

    const second = await RecordCache.open(project);
    expect(second.vocabulary.words).toEqual(first.vocabulary.words);
    const again = second.page(page('纺织服装'), '/news/w/')!;
    expect(again.words).toEqual(pageWords(again.record, new Vocabulary(first.vocabulary.words)));
    expect(second.page(page('纺织服饰'), '/news/w/')?.words).toBeUndefined();

    // A vocabulary more than twice the words in use starts again, and the words with it.
    await second.save(Math.floor(counted / 3));
    const third = await RecordCache.open(project);
    expect(third.vocabulary.words).toEqual([]);
    expect(third.page(page('纺织服饰'), '/news/w/')?.words).toBeUndefined();
  });

  test('does not read a built file again while it is the one the last build read', async () => {
    const file = join(project, 'built.html');
    const time = new Date('2026-12-01T08:00:00Z'); // whole seconds: utimes sets them exactly
    await writeFile(file, page('原文'));
    await utimes(file, time, time);
    const first = await RecordCache.open(project);
    expect((await first.pageAt(file, '/news/f/'))?.record.text).toBe('原文');
    await first.save(100);

    // The same file, unchanged (as Astro links it from its cache): read from the cache alone,
    // which the same bytes written over it with its old time cannot tell apart.
    await writeFile(file, page('改文'));
    await utimes(file, time, time);
    const second = await RecordCache.open(project);
    expect((await second.pageAt(file, '/news/f/'))?.record.text).toBe('原文');
    await second.save(100);

    // A file written anew is read.
    await rm(file);
    await writeFile(file, page('新文'));
    expect((await (await RecordCache.open(project)).pageAt(file, '/news/f/'))?.record.text).toBe('新文');
  });

  test('reads the pages again when the packages change, and starts empty from an unreadable file', async () => {
    const before = [...(await kept()).pages.keys()];
    await writeFile(join(project, 'package-lock.json'), '{"lockfileVersion":3,"changed":true}');
    const cache = await RecordCache.open(project);
    expect(cache.page(page('第一段'), '/news/a/')?.record.text).toBe('第一段');
    await cache.save(100);
    expect([...(await kept()).pages.keys()].some((key) => before.includes(key))).toBe(false);

    await writeFile(join(project, '.cache/search-records.v8'), 'not a cache');
    expect((await RecordCache.open(project)).page(page('甲'), '/news/d/')?.record.text).toBe('甲');
  });

  test('keeps nothing without a project', async () => {
    const cache = await RecordCache.open();
    expect(cache.page(page('乙'), '/news/e/')?.record.text).toBe('乙');
    await expect(cache.save(100)).resolves.toBeUndefined();
  });
});
