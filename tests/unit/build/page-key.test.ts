import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pageKey } from '../../../src/build/page-key.ts';

const entry = (digest: string, title: string, body = '正文') => ({
  id: 'a',
  collection: 'articles',
  digest,
  body,
  rendered: { html: `<p>${body}</p>` },
  data: { title, date: new Date('2024-05-01T00:00:00Z'), tags: ['纺织'] },
});

const dir = await mkdtemp(join(tmpdir(), 'page-key-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pageKey', () => {
  test('is the same for the same props, written anew', () => {
    expect(pageKey({ entry: entry('d1', '标题'), ownCard: true })).toBe(
      pageKey({ entry: entry('d1', '标题'), ownCard: true }),
    );
  });

  test('changes with any prop a page shows: data, digest, neighbours, flags, dates', () => {
    const base = pageKey({ entry: entry('d1', '标题'), related: [entry('d2', '相关')], ownCard: true });
    const changed = [
      { entry: entry('d1', '新标题'), related: [entry('d2', '相关')], ownCard: true },
      { entry: entry('d9', '标题'), related: [entry('d2', '相关')], ownCard: true },
      { entry: entry('d1', '标题'), related: [entry('d2', '相关（改）')], ownCard: true },
      { entry: entry('d1', '标题'), related: [], ownCard: true },
      { entry: entry('d1', '标题'), related: [entry('d2', '相关')], ownCard: false },
      {
        entry: {
          ...entry('d1', '标题'),
          data: { ...entry('d1', '标题').data, date: new Date('2024-05-02T00:00:00Z') },
        },
        related: [entry('d2', '相关')],
        ownCard: true,
      },
    ];
    for (const props of changed) expect(pageKey(props)).not.toBe(base);
  });

  test("leaves out an entry's text and HTML, which its digest stands for, but not a text without one", () => {
    expect(pageKey({ entry: entry('d1', '标题', '甲') })).toBe(pageKey({ entry: entry('d1', '标题', '乙') }));
    expect(pageKey({ note: { body: '甲' } })).not.toBe(pageKey({ note: { body: '乙' } }));
  });

  test('writes Maps and Sets by their contents', () => {
    expect(pageKey({ seen: new Set(['a']) })).not.toBe(pageKey({ seen: new Set(['b']) }));
    expect(pageKey({ by: new Map([['a', 1]]) })).not.toBe(pageKey({ by: new Map([['a', 2]]) }));
  });

  test('changes when a file the page reads changes size, appears or goes', async () => {
    const file = join(dir, '报名表.xlsx');
    const absent = pageKey({}, [file]);
    await writeFile(file, 'x'.repeat(100));
    const small = pageKey({}, [file]);
    await writeFile(file, 'x'.repeat(200));
    const large = pageKey({}, [file]);
    expect(new Set([absent, small, large]).size).toBe(3);
    expect(pageKey({}, [file])).toBe(large);
  });
});
