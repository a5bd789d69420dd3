import { describe, expect, test } from 'vitest';
import { decodeCbor, encodeCbor, type CborValue } from '../../../../src/search/build/cbor.ts';
import {
  indexTag,
  renamePages,
  slimFragment,
  unwrapPagefind,
  wrapPagefind,
} from '../../../../src/search/build/pagefind-format.ts';
import { isAwaiting } from '../../../../src/search/shared/shards.ts';

// Pagefind 1.6's metadata: version, pages [hash, words, fragment group], index chunks, filters, sorts, meta fields.
const meta: CborValue = [
  '1.6.0',
  [
    ['zh_1c3b695', 896, ''],
    ['zh_461704b', 1109, ''],
    ['zh_1c1f704', 939, ''],
  ],
  [['01', '06', 'zh_71ae135']],
  [['年份', 'zh_adbdf2c']],
  [['date', [2, 0, 1]]],
  ['column', 'date', 'text', 'title'],
];

describe('renamePages', () => {
  test('names each page by a tag and its place, keeping everything else', () => {
    const { meta: renamed, renames } = renamePages(meta, 'ab12c0');
    expect(renames).toEqual([
      ['zh_1c3b695', 'ab12c0-0'],
      ['zh_461704b', 'ab12c0-1'],
      ['zh_1c1f704', 'ab12c0-2'],
    ]);
    const fields = renamed as CborValue[];
    expect(fields[1]).toEqual([
      ['ab12c0-0', 896, ''],
      ['ab12c0-1', 1109, ''],
      ['ab12c0-2', 939, ''],
    ]);
    expect(fields.slice(2)).toEqual((meta as CborValue[]).slice(2));
    expect(decodeCbor(encodeCbor(renamed))).toEqual(renamed);
  });
  test('stops at fragments in a group rather than leave their pages without result fields', () => {
    expect(() => renamePages(['1.6.0', [['zh_1', 9, 'zh_g']]], 't', 'm.pf_meta')).toThrow(
      /m\.pf_meta: page zh_1 has its fragment in group zh_g/,
    );
  });
  test('names an entry awaiting its text so the browser knows it by its name', () => {
    const { renames } = renamePages(meta, 'ab12c0', 'pf_meta', new Set(['zh_461704b']));
    expect(renames.map(([, to]) => to)).toEqual(['ab12c0-0', 'ab12c0_1', 'ab12c0-2']);
    expect(renames.map(([, to]) => isAwaiting(to))).toEqual([false, true, false]);
  });
  test('stops at another Pagefind version or a layout it does not know, naming the file', () => {
    expect(() => renamePages(['2.0.0', []], 't', 'pagefind.zh_1.pf_meta')).toThrow(
      /pagefind\.zh_1\.pf_meta: written by Pagefind 2\.0\.0, not 1\.6\.0/,
    );
    expect(() => renamePages(['1.6.0', [['zh_1', '896']]], 't', 'm.pf_meta')).toThrow(
      /m\.pf_meta: unexpected metadata layout/,
    );
  });
});

describe('indexTag', () => {
  test('follows the index and the result fields, and tells shards apart', () => {
    const body = Uint8Array.of(1, 2, 3);
    const results = [['/news/a/', { date: '2022-07-12' }]];
    expect(indexTag(body, results, 0)).toMatch(/^[0-9a-f]{8}0$/);
    expect(indexTag(body, results, 0)).toBe(
      indexTag(Uint8Array.of(1, 2, 3), [['/news/a/', { date: '2022-07-12' }]], 0),
    );
    expect(indexTag(body, results, 0)).not.toBe(indexTag(Uint8Array.of(1, 2, 4), results, 0));
    expect(indexTag(body, results, 0)).not.toBe(indexTag(body, [['/news/a/', { date: '2022-07-13' }]], 0));
    expect(indexTag(body, results, 1)).not.toBe(indexTag(body, results, 0));
  });
});

describe('wrapPagefind and unwrapPagefind', () => {
  test('put the signature before a body and take it off', () => {
    const body = Uint8Array.of(0x82, 1, 2);
    const file = wrapPagefind(body);
    expect(new TextDecoder().decode(file.subarray(0, 12))).toBe('pagefind_dcd');
    expect([...unwrapPagefind(file, 'f')]).toEqual([...body]);
  });
  test('refuse a file without the signature', () => {
    expect(() => unwrapPagefind(Uint8Array.of(0x1f, 0x8b), 'fragment/x.pf_fragment')).toThrow(
      /fragment\/x\.pf_fragment: not a Pagefind 1\.6 file/,
    );
  });
});

describe('slimFragment', () => {
  test('drops the page’s tokens and adds the result fields to its metadata', () => {
    const fragment = {
      url: '/news/a/',
      content: 'q62baox q6wtere',
      word_count: 2,
      meta: { title: '标题' },
      anchors: [],
    };
    expect(slimFragment(fragment, { text: '正文', date: '2022-07-12' })).toEqual({
      ...fragment,
      content: '',
      meta: { title: '标题', text: '正文', date: '2022-07-12' },
    });
  });
});
