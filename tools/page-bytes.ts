// What a page of the built site costs a reader: its HTML and stylesheets as the production
// server sends them (the precompressed .br and .gz copies), and what inside the HTML is
// repeated on every page (inline script, inline SVG, JSON-LD). Used by the bench, the
// page-weight test and by hand:
// Usage: node tools/page-bytes.ts [--dist dist] /news/laomo-liu-yi/ / /search/ ...
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

export interface PageBytes {
  html: number;
  htmlBrotli: number;
  htmlGzip: number;
  /** The page's stylesheets, together. */
  css: number;
  cssBrotli: number;
  cssGzip: number;
  /** Inline scripts, JSON data blocks aside. */
  inlineScript: number;
  inlineSvg: number;
  jsonLd: number;
  /** Scripts fetched before the reader does anything. */
  externalScripts: number;
}

/**
 * The size of a file's compressed copy as nginx sends it: its .br or .gz copy; a page has no
 * .gz copy and is gzipped on the fly (nginx's default level 1); a file too small to be worth
 * compressing is sent as it is.
 */
function sent(file: string, encoding: 'br' | 'gz'): number {
  if (existsSync(`${file}.${encoding}`)) return statSync(`${file}.${encoding}`).size;
  if (encoding === 'gz' && existsSync(`${file}.br`)) return gzipSync(readFileSync(file), { level: 1 }).length;
  return statSync(file).size;
}

/** The bytes of the page at `path` (a site path such as `/news/x/`) in the built site at `dist`. */
export async function pageBytes(dist: string, path: string): Promise<PageBytes> {
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  const text = await readFile(file, 'utf8');
  const root = parse(text);
  const css = root.querySelectorAll('link[rel="stylesheet"]').map((l) => join(dist, l.getAttribute('href')!));
  const scripts = root.querySelectorAll('script:not([src])');
  const isJson = (type: string | undefined): boolean => !!type?.includes('json');
  const sum = (xs: number[]): number => xs.reduce((n, x) => n + x, 0);
  return {
    html: Buffer.byteLength(text),
    htmlBrotli: sent(file, 'br'),
    htmlGzip: sent(file, 'gz'),
    css: sum(css.map((f) => statSync(f).size)),
    cssBrotli: sum(css.map((f) => sent(f, 'br'))),
    cssGzip: sum(css.map((f) => sent(f, 'gz'))),
    inlineScript: sum(scripts.filter((s) => !isJson(s.getAttribute('type'))).map((s) => Buffer.byteLength(s.rawText))),
    inlineSvg: sum(root.querySelectorAll('svg').map((s) => Buffer.byteLength(s.outerHTML))),
    jsonLd: sum(scripts.filter((s) => isJson(s.getAttribute('type'))).map((s) => Buffer.byteLength(s.rawText))),
    externalScripts: root.querySelectorAll('script[src]').length,
  };
}

/** Bytes as kilobytes with one decimal. */
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** One page's figures as a row of a table. */
export const bytesRow = (b: PageBytes): Record<string, string> => ({
  'HTML raw / br': `${kb(b.html)} / ${kb(b.htmlBrotli)}`,
  'CSS raw / br': `${kb(b.css)} / ${kb(b.cssBrotli)}`,
  'HTML+CSS br': kb(b.htmlBrotli + b.cssBrotli),
  'inline script': `${b.inlineScript} B`,
  'inline SVG': `${b.inlineSvg} B`,
  'JSON-LD': `${b.jsonLd} B`,
});

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dist: { type: 'string', default: 'dist' } },
  });
  const rows: Record<string, Record<string, string>> = {};
  for (const path of positionals.length ? positionals : ['/'])
    rows[path] = bytesRow(await pageBytes(values.dist, path));
  console.table(rows);
}
