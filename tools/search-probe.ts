// Measures the header search box of a built site in Chromium, served by the production
// nginx: per query, its time, every request it made (bytes as sent over the wire, i.e.
// compressed), and each Pagefind search() it ran. The bench uses it for its search figures.
// Usage: npm exec -- node tools/search-probe.ts --dist /tmp/lnga-site-…/dist [--out probe.json]
// [--unspaced] (the queries typed without spaces instead)
// (`npm run bench -- --keep` leaves its generated site in place and prints where.)
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Page, Request } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { startNginx } from '../tests/support/nginx.ts';

/** The first search of a visit, then the later ones: the bench's queries. */
export const PROBE_QUERIES = [
  '产业集群',
  ...Array.from(
    { length: 20 },
    (_, i) =>
      ['品牌培育', '沈阳', '智能制造', '西柳 商会', '设计大赛', '绿色发展', '大连', '检测中心', '交易额', '人才培养'][
        i % 10
      ]! + (i >= 10 ? ' 辽阳' : ''),
  ),
];

/**
 * Queries typed as several words without spaces (a place, organisation or event, and a
 * topic), on a fresh visit: the first and the later ones. Each asks its pairs one by one
 * when fewer than a page of results hold it whole.
 */
export const UNSPACED_QUERIES = [
  '沈阳智能制造',
  '大连品牌培育',
  '西柳商会交易额',
  '辽阳绿色发展',
  '丹东设计大赛',
  '营口人才培养',
  '检测中心质量提升',
  '海城跨境电商',
  '锦州表彰大会',
  '盘锦技术创新',
  '鞍山论坛数字化转型',
];

export interface ProbeRequest {
  /** Path without the origin, e.g. /pagefind/index/zh_1234.pf_index. */
  path: string;
  /** Body bytes as received (compressed when the server compressed it). */
  bodyBytes: number;
  /** Body plus response headers: what went over the wire. */
  wireBytes: number;
  encoding: string;
}

export interface PagefindCall {
  query: string;
  ms: number;
  results: number;
  /** Pagefind's own split: fetching chunks (preload) and the search in WebAssembly. */
  timings?: unknown;
}

export interface ProbeQuery {
  query: string;
  /** From typing (less the panel's 120 ms pause) to the results shown. */
  ms: number;
  requests: ProbeRequest[];
  wireBytes: number;
  calls: PagefindCall[];
  /** Result fragments fetched, and the longest wait for one result's data(). */
  fragments: number;
  dataMs: number;
}

/**
 * Served in place of /pagefind/pagefind.js: Pagefind itself (under ?probe, which keeps its
 * base path), with search() timed and recorded in window.__probe (see PagefindCall).
 */
export const TIMED_PAGEFIND = `import * as pf from '/pagefind/pagefind.js?probe';
export const { options, init, destroy, mergeIndex, preload, filters, debouncedSearch, createInstance } = pf;
export async function search(q, o) {
  const started = performance.now();
  const found = await pf.search(q, o);
  (globalThis.__probe ??= []).push({ query: q, ms: performance.now() - started, results: found?.results.length ?? 0, timings: found?.timings });
  for (const r of found?.results ?? []) {
    const data = r.data;
    r.data = async () => {
      const asked = performance.now();
      const d = await data();
      (globalThis.__probeData ??= []).push(performance.now() - asked);
      return d;
    };
  }
  return found;
}`;

/** Search box timings and traffic for `queries` on the site at `origin` (an article page). */
export async function probeSearch(origin: string, path: string, queries = PROBE_QUERIES): Promise<ProbeQuery[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.route(/\/pagefind\/pagefind\.js$/, (route) =>
      route.fulfill({ body: TIMED_PAGEFIND, contentType: 'text/javascript' }),
    );
    let pending: Promise<ProbeRequest>[] = [];
    const record = async (request: Request): Promise<ProbeRequest> => {
      const sizes = await request.sizes();
      const response = await request.response();
      const url = new URL(request.url());
      // Chromium reports no body size for a worker's own script: take the header's.
      const body = sizes.responseBodySize || Number((await response?.headerValue('content-length')) ?? 0);
      return {
        path: url.pathname + (url.search === '?probe' ? '' : url.search),
        bodyBytes: body,
        wireBytes: body + sizes.responseHeadersSize,
        encoding: (await response?.headerValue('content-encoding')) ?? '',
      };
    };
    context.on('requestfinished', (request) => {
      if (new URL(request.url()).search !== '' || !/\/pagefind\/pagefind\.js$/.test(request.url()))
        pending.push(record(request));
    });
    await page.goto(origin + path);
    await page.waitForLoadState('networkidle');
    pending = [];
    const results: ProbeQuery[] = [];
    for (const query of queries) {
      const ms = await timeSearch(page, query);
      await page.waitForLoadState('networkidle');
      const requests = (await Promise.all(pending)).filter((r) => !r.path.startsWith('/favicon'));
      pending = [];
      const [calls, data] = await page.evaluate(() => {
        const probe = globalThis as { __probe?: PagefindCall[]; __probeData?: number[] };
        return [(probe.__probe ??= []).splice(0), (probe.__probeData ??= []).splice(0)] as const;
      });
      results.push({
        query,
        ms,
        requests,
        wireBytes: requests.reduce((n, r) => n + r.wireBytes, 0),
        calls,
        fragments: requests.filter((r) => r.path.endsWith('.pf_fragment')).length,
        dataMs: Math.max(0, ...data),
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** Types a query into the header box and waits for the panel to show its results. */
function timeSearch(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#site-search')!;
    input.focus();
    const list = (): Element | null => document.querySelector('#search-panel-list');
    const before = list()?.innerHTML ?? '';
    const started = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    await new Promise<void>((done) => {
      const check = (): void => {
        const now = list()?.innerHTML ?? '';
        if (now && now !== before) done();
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - started - 120; // the panel waits 120 ms for typing to pause
  }, query);
}

/** What kind of file a request fetched, for the summary. */
export function requestKind(path: string): string {
  const kinds: [RegExp, string][] = [
    [/\.pf_index$/, 'index chunk'],
    [/\.pf_fragment$/, 'fragment'],
    [/\.pf_filter$/, 'filter chunk'],
    [/\.pf_meta$/, 'meta'],
    [/^\/pagefind\/wasm\./, 'wasm'],
    [/pagefind-worker\.js$/, 'pagefind-worker.js'],
    [/pagefind\.js$/, 'pagefind.js'],
    [/pagefind-entry\.json/, 'entry'],
    [/^\/_search\//, 'our search code'],
  ];
  return kinds.find(([re]) => re.test(path))?.[1] ?? path;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** One line per query, then the requests of the first search by kind. */
export function probeSummary(queries: ProbeQuery[]): string {
  const lines = queries.map(
    (q) =>
      `${q.query.padEnd(10, '　')} ${q.ms.toFixed(0).padStart(5)} ms  ${kb(q.wireBytes).padStart(9)}  ` +
      `${String(q.requests.length).padStart(2)} req (${q.fragments} frag, data ${q.dataMs.toFixed(0)} ms)  ` +
      `${q.calls.length} calls: ${q.calls.map((c) => `${c.ms.toFixed(0)}ms/${c.results}`).join(' ')}`,
  );
  const byKind = new Map<string, { count: number; bytes: number }>();
  for (const r of queries[0]?.requests ?? []) {
    const kind = requestKind(r.path);
    const entry = byKind.get(kind) ?? { count: 0, bytes: 0 };
    byKind.set(kind, { count: entry.count + 1, bytes: entry.bytes + r.wireBytes });
  }
  const first = [...byKind].map(([kind, { count, bytes }]) => `  ${kind}: ${count} × → ${kb(bytes)}`);
  const encodings = [...new Set(queries.flatMap((q) => q.requests.map((r) => r.encoding || 'none')))].join(', ');
  return [...lines, `first search by kind (content-encoding seen: ${encodings}):`, ...first].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string' },
      path: { type: 'string' },
      unspaced: { type: 'boolean', default: false },
    },
  });
  const nginx = await startNginx(values.dist);
  try {
    const path = values.path ?? '/';
    const queries = await probeSearch(nginx.origin, path, values.unspaced ? UNSPACED_QUERIES : PROBE_QUERIES);
    console.log(probeSummary(queries));
    if (values.out) await writeFile(values.out, JSON.stringify(queries, null, 2));
  } finally {
    await nginx.stop();
  }
}
