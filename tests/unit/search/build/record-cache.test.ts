import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, describe, expect, test } from 'vitest';
import { RecordCache } from '../../../../src/search/build/record-cache.ts';
import { extractRecord } from '../../../../src/search/build/record.ts';

const page = (text: string) =>
  `<html><body><div data-pagefind-body data-search-column="协会动态" data-search-date="2024-05-01">` +
  `<h1>标题</h1><p>${text}</p></div></body></html>`;

const project = await mkdtemp(join(tmpdir(), 'record-cache-'));
afterAll(() => rm(project, { recursive: true, force: true }));
const kept = async () => deserialize(await readFile(join(project, '.cache/search-records.v8'))) as Map<string, unknown>;

describe('RecordCache', () => {
  test("gives each page the record extractRecord reads, and keeps only this build's pages", async () => {
    await writeFile(join(project, 'package-lock.json'), '{"lockfileVersion":3}');
    const first = await RecordCache.open(project);
    expect(first.record(page('第一段'), '/news/a/')).toEqual(extractRecord(page('第一段'), '/news/a/'));
    expect(first.record(page('第二段'), '/news/b/')).toEqual(extractRecord(page('第二段'), '/news/b/'));
    expect(first.record('<html><body>无索引</body></html>', '/')).toBeNull();
    await first.save();
    expect((await kept()).size).toBe(3);

    // The next build: a page unchanged, a page changed, one gone, and one at a new address.
    const second = await RecordCache.open(project);
    expect(second.record(page('第一段'), '/news/a/')).toEqual(extractRecord(page('第一段'), '/news/a/'));
    expect(second.record(page('改过的'), '/news/b/')?.text).toBe('改过的');
    expect(second.record(page('第一段'), '/news/c/')?.url).toBe('/news/c/');
    await second.save();
    expect((await kept()).size).toBe(3);
  });

  test('reads the pages again when the packages change, and starts empty from an unreadable file', async () => {
    const before = [...(await kept()).keys()];
    await writeFile(join(project, 'package-lock.json'), '{"lockfileVersion":3,"changed":true}');
    const cache = await RecordCache.open(project);
    expect(cache.record(page('第一段'), '/news/a/')?.text).toBe('第一段');
    await cache.save();
    expect([...(await kept()).keys()].some((key) => before.includes(key))).toBe(false);

    await writeFile(join(project, '.cache/search-records.v8'), 'not a cache');
    expect((await RecordCache.open(project)).record(page('甲'), '/news/d/')?.text).toBe('甲');
  });

  test('keeps nothing without a project', async () => {
    const cache = await RecordCache.open();
    expect(cache.record(page('乙'), '/news/e/')?.text).toBe('乙');
    await expect(cache.save()).resolves.toBeUndefined();
  });
});
