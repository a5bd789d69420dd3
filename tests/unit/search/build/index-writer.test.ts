// The index we write against the index Pagefind 1.6 writes for the same records, fed as the
// pages the site used to hand it (`pagefindPage`): every word at the same positions and
// weights on the same pages, the same word counts and filters, decoded from
// the files. Words Pagefind takes from the Chinese headline metadata (never asked: queries
// are tokens) are left aside.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeCbor, type CborValue } from '../../../../src/search/build/cbor.ts';
import { IndexWriter, lengthForRanking, pagefindAssets } from '../../../../src/search/build/index-writer.ts';
import { unwrapPagefind } from '../../../../src/search/build/pagefind-format.ts';
import type { SearchRecord } from '../../../../src/search/build/record.ts';
import { pinyinIndexWords } from '../../../../src/search/build/pinyin.ts';
import { indexTokens, NAME_PINYIN_MARK } from '../../../../src/search/shared/tokens.ts';
import { isAwaiting } from '../../../../src/search/shared/shards.ts';
import { escapeHtml } from '../../../../src/site/text.ts';
import { generateArticles } from '../../../../tools/generate-articles.ts';

/** The page the site handed Pagefind for a record until it wrote the index itself (e1c337b's recordHtml). */
function pagefindPage(record: SearchRecord): string {
  const year = record.date.slice(0, 4);
  const tokens = (s: string): string => indexTokens(s).join(' ');
  const paragraphs = record.text
    .split('\n')
    .map((p) => `<p>${tokens(p)}</p>`)
    .join('');
  const pinyin = [
    ...(record.person ? pinyinIndexWords(record.person, NAME_PINYIN_MARK) : []),
    ...[record.title, record.person ?? '', ...(record.fields ?? [])].flatMap((t) => pinyinIndexWords(t)),
  ];
  const spoken = pinyin.length ? `<p>${pinyin.join(' ')}</p>` : '';
  const outside = [
    `<div data-pagefind-meta="title">${escapeHtml(record.title)}</div>`,
    record.column ? `<div data-pagefind-filter="栏目">${escapeHtml(record.column)}</div>` : '',
    year ? `<div data-pagefind-filter="年份">${escapeHtml(year)}</div>` : '',
  ].join('');
  return (
    `<!doctype html><html lang="zh"><head><title>${escapeHtml(record.title)}</title></head>` +
    `<body><main data-pagefind-body data-pagefind-sort="date:${escapeHtml(record.date)}">` +
    `<h1>${tokens(record.title)}</h1>${paragraphs}${spoken}</main>${outside}</body></html>`
  );
}

const handmade: SearchRecord[] = [
  {
    url: '/news/a/',
    title: '刘毅：不忘初心抓主业 2024年',
    text: '刘毅是西柳服装集团党群服务中心主任。\n市场总占地4.5平方公里，摊位2.3万个，日均上市10万人。\n\nSGS检测 Q1 v领 café ＡＢＣ 543名',
    column: '劳模风采',
    date: '2022-07-12',
    person: '刘毅',
    fields: ['西柳服装集团', '党建'],
  },
  {
    url: '/news/b/',
    title: '关于组织参加2024中国国际服装服饰博览会（春季）的通知',
    text: '谷冬昭 · 全国纺织工业劳动模范 · 通知公告',
    column: '通知公告',
    date: '',
    awaiting: true,
    person: '谷冬昭',
    fields: ['全国纺织工业劳动模范'],
  },
  {
    url: '/news/c/',
    title: '一心一意谋发展',
    text: '一心一意，一心一意谋发展。发展发展发展！',
    column: '协会动态',
    date: '2022-07-12',
    image: '/news/c/cover.jpg',
  },
];

const generated: SearchRecord[] = generateArticles(40, 7).map((a, i) => {
  const title = /^title: '?(.*?)'?$/m.exec(a.source)![1]!;
  const column = /^column: (.*)$/m.exec(a.source)![1]!.replace(/['"]/g, '');
  const date = /^date: (\d{4}-\d{2}-\d{2})/m.exec(a.source)![1]!;
  const text = a.source.slice(a.source.indexOf('\n---', 3) + 4).trim();
  return { url: `/news/g${i}/`, title, text, column, date };
});
const records = [...handmade, ...generated];

/** A decoded index: by URL, each word's runs of [weight, absolute positions], word counts, filters, date order. */
interface Decoded {
  words: Map<string, Map<string, [number, number[]][]>>;
  counts: Map<string, number>;
  filters: Map<string, Map<string, string[]>>;
  order: string[];
  chunks: { from: string; to: string; words: string[] }[];
  fragments: Map<string, Record<string, unknown>>;
  /** The metadata's fields after the sorts. */
  rest: CborValue[];
}

async function decodeIndex(read: (path: string) => Promise<Uint8Array | undefined>, paths: string[]): Promise<Decoded> {
  const body = async (path: string): Promise<CborValue> =>
    decodeCbor(unwrapPagefind(gunzipSync((await read(path))!), path));
  const metaPath = paths.find((p) => /^pagefind\.[\w]+\.pf_meta$/.test(p))!;
  const meta = (await body(metaPath)) as [
    string,
    [string, number, string][],
    [string, string, string][],
    [string, string][],
    [string, number[]][],
  ];
  const urls: string[] = [];
  const fragments = new Map<string, Record<string, unknown>>();
  const counts = new Map<string, number>();
  for (const [name, count] of meta[1]) {
    const path = `fragment/${name}.pf_fragment`;
    const fragment = JSON.parse(new TextDecoder().decode(unwrapPagefind(gunzipSync((await read(path))!), path)));
    urls.push(fragment.url);
    fragments.set(fragment.url, fragment);
    counts.set(fragment.url, count);
  }
  const words = new Map<string, Map<string, [number, number[]][]>>();
  const chunks: Decoded['chunks'] = [];
  for (const [from, to, hash] of meta[2]) {
    const chunk = ((await body(`index/${hash}.pf_index`)) as CborValue[])[0] as [
      string,
      [number, number[], number[]][],
      unknown[],
    ][];
    chunks.push({ from, to, words: chunk.map(([word]) => word) });
    for (const [word, pages] of chunk) {
      let page = 0;
      const byUrl = new Map<string, [number, number[]][]>();
      for (const [delta, locs] of pages) {
        page += delta;
        const runs: [number, number[]][] = [];
        for (const loc of locs) {
          if (loc < 0) runs.push([-loc - 1, []]);
          else {
            const positions = runs.at(-1)![1];
            positions.push(positions.length ? positions.at(-1)! + loc : loc);
          }
        }
        if (runs.length) byUrl.set(urls[page]!, runs);
      }
      if (byUrl.size) words.set(word, byUrl);
    }
  }
  const filters = new Map<string, Map<string, string[]>>();
  for (const [name, hash] of meta[3]) {
    const [, values] = (await body(`filter/${hash}.pf_filter`)) as [string, [string, number[]][]];
    filters.set(name, new Map(values.map(([value, pages]) => [value, pages.map((n) => urls[n]!).sort()])));
  }
  const order = (meta[4].find(([name]) => name === 'date')?.[1] ?? []).map((n) => urls[n]!);
  return { words, counts, filters, order, chunks, fragments, rest: (meta as CborValue[]).slice(5) };
}

let ours: Decoded;
let theirs: Decoded;
let folder: string;

beforeAll(async () => {
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
  for (const record of records) await index!.addHTMLFile({ url: record.url, content: pagefindPage(record) });
  const { files } = await index!.getFiles();
  await pagefind.close();
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  theirs = await decodeIndex(async (p) => byPath.get(p), [...byPath.keys()]);

  folder = await mkdtemp(join(tmpdir(), 'lnga-index-'));
  const writer = new IndexWriter();
  for (const record of records) writer.add(record);
  await writer.write(folder, 0, await pagefindAssets());
  const written = [...(await readdir(folder)), ...(await readdir(join(folder, 'index'))).map((f) => `index/${f}`)];
  ours = await decodeIndex((p) => readFile(join(folder, p)), written);
}, 60_000);

afterAll(() => rm(folder, { recursive: true, force: true }));

describe('the index we write, against Pagefind 1.6 for the same pages', () => {
  test('holds every token word at the same positions and weights on the same pages', () => {
    const tokenWords = [...theirs.words.keys()].filter((w) => !/[\u4e00-\u9fff]/.test(w));
    // Pagefind lost a word with a letter outside ASCII (café), keeping only its position.
    expect(ours.words.get('café')).toEqual(new Map([['/news/a/', [[24, [62]]]]]));
    ours.words.delete('café');
    expect(new Set(ours.words.keys())).toEqual(new Set(tokenWords));
    for (const word of tokenWords) expect(ours.words.get(word), word).toEqual(theirs.words.get(word));
  });

  test('leaves out only the words of the Chinese headline metadata', () => {
    const others = [...theirs.words.keys()].filter((w) => /[\u4e00-\u9fff]/.test(w));
    for (const word of others) expect(word, word).toMatch(/[\u4e00-\u9fff]/);
  });

  test('counts the same words on each page (rounded in the metadata), with the same filters, and no date order', () => {
    expect(ours.counts).toEqual(new Map([...theirs.counts].map(([url, count]) => [url, lengthForRanking(count)])));
    expect(ours.filters).toEqual(theirs.filters);
    // Pages come newest first (search/shared/shards.ts): the browser orders by their numbers.
    expect(theirs.order.length).toBeGreaterThan(1);
    expect(ours.order).toEqual([]);
    expect(ours.rest).toEqual(theirs.rest);
  });

  test('cuts the words into ordered chunks whose edges tell them apart', () => {
    expect(ours.chunks.length).toBeGreaterThan(1);
    const all = ours.chunks.flatMap((c) => c.words);
    expect(all).toEqual([...all].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    for (const chunk of ours.chunks) {
      expect(chunk.words[0]!.startsWith(chunk.from) || chunk.words[0]! >= chunk.from).toBe(true);
      expect(chunk.words.at(-1)!.startsWith(chunk.to) || chunk.words.at(-1)! <= chunk.to).toBe(true);
    }
  });

  test('gives results their fields and short names, and no tokens', () => {
    const fragment = ours.fragments.get('/news/a/')!;
    expect(fragment).toMatchObject({
      url: '/news/a/',
      content: '',
      word_count: theirs.counts.get('/news/a/'),
      filters: { 年份: ['2022'], 栏目: ['劳模风采'] },
      meta: { title: handmade[0]!.title, text: handmade[0]!.text, column: '劳模风采', date: '2022-07-12' },
      anchors: [],
    });
    expect(ours.fragments.get('/news/c/')!['meta']).toMatchObject({ image: '/news/c/cover.jpg' });
    expect(ours.fragments.get('/news/b/')!['meta']).toMatchObject({ awaiting: '1' });
  });
});

describe('page names', () => {
  test('mark entries awaiting their text, and change with what a result shows', async () => {
    const names = async (list: SearchRecord[]): Promise<string[]> => {
      const dir = await mkdtemp(join(tmpdir(), 'lnga-index-'));
      const writer = new IndexWriter();
      for (const record of list) writer.add(record);
      await writer.write(dir, 2, { files: [], includeCharacters: [] });
      const found = (await readdir(join(dir, 'fragment'))).map((f) => f.replace('.pf_fragment', ''));
      await rm(dir, { recursive: true });
      return found.sort();
    };
    const first = await names(handmade);
    expect(first).toHaveLength(3);
    for (const name of first) expect(name).toMatch(/^[0-9a-f]{8}2[-_][0-9a-z]+$/);
    expect(first.filter(isAwaiting)).toHaveLength(1);
    const changed = await names([{ ...handmade[0]!, date: '2022-07-13' }, ...handmade.slice(1)]);
    expect(changed.some((n) => first.includes(n))).toBe(false);
  });
});

describe('lengthForRanking', () => {
  test('keeps short counts, and rounds longer ones to within 5%, the same count the same way', () => {
    for (const n of [0, 1, 7, 16, 100]) expect(lengthForRanking(n)).toBe(n);
    for (let n = 101; n < 200_000; n = Math.ceil(n * 1.013)) {
      const rounded = lengthForRanking(n);
      expect(Math.abs(rounded - n) / n, String(n)).toBeLessThanOrEqual(0.05);
      expect(lengthForRanking(rounded), String(n)).toBe(rounded);
    }
    expect(new Set(Array.from({ length: 1000 }, (_, i) => lengthForRanking(1000 + i))).size).toBeLessThan(12);
  });
});
