// Prepares dist/ for production hosting after the build: rel="noopener noreferrer" on
// links to other sites, the security headers (with the hashes of our inline scripts, so the Content-Security-Policy needs no 'unsafe-inline'),
// written for nginx (dist/_nginx/headers.conf) and for static hosts that read a _headers
// file, and brotli copies of every text file (gzip too for shared assets) for precompressed serving.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { renameClasses, renamedStylesheet, shortenClasses } from './class-names.ts';
import { files, inLanes } from './files.ts';
import { CACHE } from './options.ts';
import { adminUrl } from '../site/urls.ts';

const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.webmanifest']);
const MIN_BYTES = 512;

/**
 * The sha256 sources of the inline scripts of one page (JSON data blocks aside). Astro
 * writes every <script> whole, so a pattern finds them in a tenth of the time of parsing
 * each of 10,000 pages.
 */
export function scriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc=/i.test(attributes)) continue;
    const type = /\stype=["']?([^"'\s>]*)/i.exec(attributes)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return hashes;
}

/** The security headers every response carries. */
export function securityHeaders(scriptHashes: string[]): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // Pagefind compiles its WebAssembly search: that, and nothing inline but our hashed scripts.
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/**
 * The headers of the back office (/admin/): the CMS styles its interface inline, makes its
 * fonts, previews of uploaded pictures and the site's stylesheet in the preview as blob: URLs,
 * encodes pictures in WebAssembly, talks to the Git server's API (`hosts`) and shows the
 * signed-in editor's avatar from that server; it loads nothing from any other host.
 */
export function adminHeaders(scriptHashes: string[], hosts: string[]): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline' blob:",
    `img-src 'self' data: blob: ${hosts.join(' ')}`.trim(),
    "media-src 'self' blob:",
    "font-src 'self' data: blob:",
    `connect-src 'self' blob: data: ${hosts.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { ...securityHeaders(scriptHashes), 'Content-Security-Policy': csp, 'Cache-Control': 'no-cache' };
}

/** Writes the headers for nginx and for _headers-reading hosts: the site's, and the back office's under /admin/. */
async function writeHeaders(dist: string, site: Record<string, string>, admin: Record<string, string>): Promise<void> {
  await mkdir(join(dist, '_nginx'), { recursive: true });
  const nginx = (headers: Record<string, string>) =>
    `# Made by the build; see deploy/nginx.conf.\n${Object.entries(headers)
      .map(([name, value]) => `add_header ${name} "${value}" always;`)
      .join('\n')}\n`;
  await writeFile(join(dist, '_nginx', 'headers.conf'), nginx(site));
  await writeFile(join(dist, '_nginx', 'admin-headers.conf'), nginx(admin));
  const lines = (headers: Record<string, string>) =>
    Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  const rules = [
    '/*',
    ...lines(site),
    '  Cache-Control: public, max-age=300, must-revalidate',
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    // Hosts that add every matching rule's headers: drop the site's policy, then set the back office's.
    `${adminUrl()}*`,
    '  ! Content-Security-Policy',
    '  ! Cache-Control',
    ...lines(admin),
  ];
  await writeFile(join(dist, '_headers'), rules.join('\n') + '\n');
}

/**
 * Adds rel="noopener noreferrer" to every link to another host that has no rel, so links
 * editors put in articles never hand the page to the site they open.
 */
export function markExternalLinks(html: string, siteUrl: string): string {
  const own = new URL(siteUrl).host;
  return html.replace(/<a\s[^>]*>/g, (tag) => {
    const href = /\shref="(https?:\/\/[^"]+)"/i.exec(tag)?.[1];
    if (!href || /\srel=/i.test(tag)) return tag;
    try {
      if (new URL(href).host === own) return tag;
    } catch {
      return tag;
    }
    return tag.replace(/^<a\s/, '<a rel="noopener noreferrer" ');
  });
}

/** A stylesheet whose classes deploy shortened: its new address and the new names. */
interface Shortened {
  href: string;
  names: ReadonlyMap<string, string>;
}

/**
 * Shortens the utility classes of the site's stylesheets (see class-names.ts), each saved
 * under a new name, and returns them by their old address (`/_astro/x.css`). Classes the
 * readers' scripts name keep theirs: the search (`_search/`) and each page's inline scripts,
 * the same on every page (the home page's are read). The back office's scripts are not
 * read: they style its preview with their own copy of the stylesheet, which keeps its names.
 */
async function shortenStylesheets(
  dist: string,
  stylesheets: string[],
  searchScripts: string[],
): Promise<Map<string, Shortened>> {
  const scripts = await Promise.all(searchScripts.map((file) => readFile(file, 'utf8')));
  const home = await readFile(join(dist, 'index.html'), 'utf8').catch(() => '');
  for (const [, body] of home.matchAll(/<script(?![^>]*\b(?:src|type)=)[^>]*>([\s\S]*?)<\/script>/g))
    scripts.push(body!);
  const shortened = new Map<string, Shortened>();
  for (const file of stylesheets) {
    const { css, names } = shortenClasses(await readFile(file, 'utf8'), scripts.join('\n'));
    if (names.size === 0) continue;
    const renamed = join(dirname(file), renamedStylesheet(basename(file), css));
    await writeFile(file, css);
    await rename(file, renamed);
    const href = (path: string) => `/${relative(dist, path).split(sep).join('/')}`;
    shortened.set(href(file), { href: href(renamed), names });
  }
  return shortened;
}

/**
 * A page with its stylesheet's new address and its classes renamed to match. A page links
 * one stylesheet (layouts/BaseLayout.astro or ArticleLayout.astro): with two, a class could
 * have a different name in each.
 */
export function linkShortened(html: string, stylesheets: ReadonlyMap<string, Shortened>, page = ''): string {
  const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].filter(([, href]) =>
    stylesheets.has(href!),
  );
  if (links.length > 1)
    throw new Error(`${page} 链接了多个样式表 / links ${links.length} stylesheets whose classes were shortened`);
  const [link] = links;
  if (!link) return html;
  const { href, names } = stylesheets.get(link[1]!)!;
  return renameClasses(html.replace(link[0], `<link rel="stylesheet" href="${href}"`), names);
}

/**
 * One pass over the built pages: links the shortened stylesheets, marks their external links,
 * and returns the hashes of all their inline scripts for the Content-Security-Policy.
 */
async function preparePages(dist: string, siteUrl: string): Promise<string[]> {
  const pages: string[] = [];
  const stylesheets: string[] = [];
  const searchScripts: string[] = [];
  for await (const file of files(dist)) {
    const type = extname(file);
    if (type === '.html' && !file.startsWith(join(dist, 'pagefind') + sep)) pages.push(file);
    else if (type === '.css' && file.startsWith(join(dist, '_astro') + sep)) stylesheets.push(file);
    else if (type === '.js' && file.startsWith(join(dist, '_search') + sep)) searchScripts.push(file);
  }
  const shortened = await shortenStylesheets(dist, stylesheets, searchScripts);
  const hashes = new Set<string>();
  await inLanes(pages, async (file) => {
    const html = await readFile(file, 'utf8');
    const marked = markExternalLinks(linkShortened(html, shortened, file), siteUrl);
    if (marked !== html) await writeFile(file, marked);
    for (const hash of scriptHashes(marked)) hashes.add(hash);
  });
  return [...hashes].sort();
}

/**
 * Compressed copies kept between builds by what they compress and how: the back office's
 * script alone takes 7 s at the best brotli, and a rebuild finds most pages unchanged. With
 * no folder, nothing is kept.
 */
export class CompressionCache {
  private readonly used = new Set<string>();
  private readonly folder: string | undefined;
  /** The folder made, once, when the first copy is kept. */
  private made: Promise<unknown> | undefined;

  constructor(folder: string | undefined) {
    this.folder = folder;
  }

  /** The copy of `body` made by `how` (e.g. `br11`), from the cache or made and kept. */
  async get(body: Buffer, how: string, make: () => Promise<Buffer>): Promise<Buffer> {
    if (!this.folder) return make();
    const name = `${createHash('sha256').update(body).digest('base64url')}.${how}`;
    this.used.add(name);
    const file = join(this.folder, name);
    const kept = await readFile(file).catch(() => undefined);
    if (kept) return kept;
    const made = await make();
    await (this.made ??= mkdir(this.folder, { recursive: true }));
    await writeFile(file, made);
    return made;
  }

  /** Removes the copies this build did not use. */
  async prune(): Promise<void> {
    if (!this.folder) return;
    const names = await readdir(this.folder).catch(() => []);
    await inLanes(
      names.filter((name) => !this.used.has(name)),
      (name) => rm(join(this.folder!, name), { force: true }),
    );
  }
}

/**
 * Brotli copies of the text files under `folder` (but not under `skip`), for servers that
 * send them as they are, and gzip copies of the shared assets. Pages get no gzip copy: every
 * browser takes brotli over HTTPS, nginx gzips a page on the fly for the rare client that
 * does not, and at 10,000 articles the copies were 85 MB of files no reader fetched.
 */
export async function precompress(
  folder: string,
  skip: string[] = [],
  cache = new CompressionCache(undefined),
): Promise<number> {
  const gz = promisify(gzip);
  const br = promisify(brotliCompress);
  const todo: string[] = [];
  for await (const file of files(folder))
    if (COMPRESSED.has(extname(file)) && !skip.some((s) => file.startsWith(s + sep))) todo.push(file);
  let count = 0;
  const compress = async (file: string): Promise<void> => {
    const body = await readFile(file);
    if (body.length < MIN_BYTES) return;
    // The best brotli (11) costs ~40 ms a page; 5 costs ~0.6 ms for ~10% more bytes, and 7
    // ~1.1 ms for 1.5% less than 5 (6 and 8 gain nothing over 5 and 7). Shared assets,
    // fetched by every reader and cached for long, get the best; pages get 7. The scripts
    // under _astro/ are the back office's alone (readers' pages carry theirs inline, and the
    // search's are under _search/): 1.1 MB that only editors fetch, which took 5 s at 11 on
    // every first build, get 9 (0.3 s, 8% more bytes).
    const shared = /[\\/](_astro|_search)[\\/]/.test(file);
    const backOffice = /[\\/]_astro[\\/][^\\/]+\.m?js$/.test(file);
    const quality = backOffice ? 9 : shared ? 11 : 7;
    const [gzipped, brotli] = await Promise.all([
      shared ? cache.get(body, 'gz9', () => gz(body, { level: 9 })) : undefined,
      cache.get(body, `br${quality}`, () =>
        br(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
      ),
    ]);
    await Promise.all([gzipped && writeFile(`${file}.gz`, gzipped), writeFile(`${file}.br`, brotli)]);
    count++;
  };
  await inLanes(todo, compress);
  await cache.prune();
  return count;
}

/** What deploy did, for the log and the build report. */
export interface Deployed {
  /** Inline script hashes in the Content-Security-Policy. */
  scriptHashes: number;
  /** Files given a compressed copy. */
  compressed: number;
  /** Time spent compressing, ms. */
  compressMs: number;
}

/**
 * The last stage of a build: marks external links, writes the headers with the inline
 * scripts' hashes, and compresses every text file.
 */
export async function deploySite(
  dist: string,
  { siteUrl, cmsHosts, project }: { siteUrl: string; cmsHosts: string[]; project: string },
  logger: Pick<AstroIntegrationLogger, 'info'>,
): Promise<Deployed> {
  const hashes = await preparePages(dist, siteUrl);
  await writeHeaders(dist, securityHeaders(hashes), adminHeaders(hashes, cmsHosts));
  const started = performance.now();
  const count = await precompress(dist, [], new CompressionCache(join(project, CACHE.compressed)));
  const compressMs = performance.now() - started;
  logger.info(
    `安全响应头与预压缩：${hashes.length} 个内联脚本哈希，${count} 个文件 / headers and ${count} precompressed files`,
  );
  return { scriptHashes: hashes.length, compressed: count, compressMs: Math.round(compressMs) };
}
