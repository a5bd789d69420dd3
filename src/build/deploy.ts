// Prepares dist/ for production hosting after the build: rel="noopener noreferrer" on
// links to other sites, the security headers (with the hashes of our inline scripts, so the Content-Security-Policy needs no 'unsafe-inline'),
// written for nginx (dist/_nginx/headers.conf) and for static hosts that read a _headers
// file, and brotli copies of every text file (gzip too for shared assets) for precompressed serving.
import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serialize } from 'node:v8';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { renameClasses, renamedStylesheet, shortenClasses } from './class-names.ts';
import { codeHash, fileIdentity, filesNow, inLanes, linkOrCopy, readKept } from './files.ts';
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

/** The files of dist/ deploy changes: the pages, the stylesheets and the search's scripts. */
function distFiles(dist: string): { pages: string[]; stylesheets: string[]; searchScripts: string[] } {
  const found = { pages: [] as string[], stylesheets: [] as string[], searchScripts: [] as string[] };
  for (const file of filesNow(dist)) {
    const type = extname(file);
    if (type === '.html' && !file.startsWith(join(dist, 'pagefind') + sep)) found.pages.push(file);
    else if (type === '.css' && file.startsWith(join(dist, '_astro') + sep)) found.stylesheets.push(file);
    else if (type === '.js' && file.startsWith(join(dist, '_search') + sep)) found.searchScripts.push(file);
  }
  return found;
}

/** The best brotli of a page: ~1.1 ms at quality 7 (see `precompress`). */
const PAGE_QUALITY = 7;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const compressPage = (body: Buffer): Promise<Buffer> =>
  brotli(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: PAGE_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });

/** The code of what deploy makes of a page, for the cache of its pages: this file and the class renamer. */
const DEPLOY_CODE = [import.meta.url, new URL('./class-names.ts', import.meta.url)].map((url) => fileURLToPath(url));

/** A page deploy kept: its inline script hashes and whether it has a brotli copy (not when too small). */
interface KeptPage {
  hashes: string[];
  br: boolean;
}

/** What `pages.v8` holds: the pages kept by key, and the key of each page file by its identity. */
interface KeptPages {
  pages: Map<string, KeptPage>;
  files: Map<string, string>;
}

/**
 * The pages deploy prepared in the last build and their brotli copies, by what Astro wrote
 * and how deploy prepares it (`how`: its code, the site's address and the shortened class
 * names). A rebuild finds most pages as Astro wrote them last time, and links their two
 * files instead of preparing and compressing them again; a page Astro linked from its own
 * cache is not even read (`fileIdentity`). Kept in a folder of their own: `<key>.html`,
 * `<key>.html.br` and `pages.v8`. With no folder, nothing is kept.
 */
export class PageCache {
  private readonly folder: string | undefined;
  private readonly how: string;
  private readonly last: KeptPages;
  private readonly next: KeptPages = { pages: new Map(), files: new Map() };
  private made: Promise<unknown> | undefined;

  private constructor(folder: string | undefined, how: string, last: KeptPages) {
    this.folder = folder;
    this.how = how;
    this.last = last;
  }

  static async open(folder: string | undefined, how: string): Promise<PageCache> {
    const last = folder ? ((await readKept(join(folder, 'pages.v8'))) as Partial<KeptPages> | undefined) : undefined;
    const valid = last?.pages instanceof Map && last.files instanceof Map;
    return new PageCache(folder, how, valid ? (last as KeptPages) : { pages: new Map(), files: new Map() });
  }

  /**
   * The key of the page `file` as Astro wrote it, and its bytes when they had to be read:
   * not when the file is the one the last build prepared.
   */
  async keyAt(file: string): Promise<{ key: string; written: Buffer | undefined }> {
    const known = `${this.how}\0${await fileIdentity(file)}`;
    let key = this.last.files.get(known);
    let written: Buffer | undefined;
    if (key === undefined || !this.last.pages.has(key)) {
      written = await readFile(file);
      key = createHash('sha256').update(this.how).update('\0').update(written).digest('base64url');
    }
    this.next.files.set(known, key);
    return { key, written };
  }

  /** What the last build kept of the page of `key`: its inline script hashes and whether it has a brotli copy. */
  kept(key: string): KeptPage | undefined {
    return this.folder ? this.last.pages.get(key) : undefined;
  }

  /**
   * Puts the prepared page of `key` and its brotli copy at `file`, as the last build made
   * them, both as links: the page in place of the one Astro wrote (removed, not written
   * over: Astro links its pages with its own cache). Returns what was kept of it, or
   * undefined when nothing was or the cache has lost the files; the page Astro wrote is then
   * still there, and perhaps the brotli copy.
   */
  async restore(key: string, file: string): Promise<KeptPage | undefined> {
    const kept = this.kept(key);
    if (!kept) return undefined;
    const from = join(this.folder!, `${key}.html`);
    try {
      // Both there before the page Astro wrote is removed, so a failure leaves it in place.
      await access(from);
      if (kept.br) await linkOrCopy(`${from}.br`, `${file}.br`);
      await rm(file);
      await linkOrCopy(from, file);
    } catch {
      return undefined;
    }
    this.next.pages.set(key, kept);
    return kept;
  }

  /**
   * Keeps the page `file` as prepared, with its brotli copy if it has one, for the next
   * build: linked, as neither changes once deploy wrote it.
   */
  async keep(key: string, file: string, br: boolean, hashes: string[]): Promise<void> {
    if (!this.folder || this.next.pages.has(key)) return;
    this.next.pages.set(key, { hashes, br });
    await (this.made ??= mkdir(this.folder, { recursive: true }));
    const to = join(this.folder, `${key}.html`);
    await rm(to, { force: true });
    await rm(`${to}.br`, { force: true });
    await Promise.all([linkOrCopy(file, to), br && linkOrCopy(`${file}.br`, `${to}.br`)]);
  }

  /**
   * Removes the pages the last build kept that this one did not use, and records this
   * build's. Without a record of the last build's pages, removes whatever else the folder holds.
   */
  async save(): Promise<void> {
    if (!this.folder) return;
    await (this.made ??= mkdir(this.folder, { recursive: true }));
    const unused = this.last.pages.size
      ? [...this.last.pages.keys()]
          .filter((key) => !this.next.pages.has(key))
          .flatMap((key) => [`${key}.html`, `${key}.html.br`])
      : (await readdir(this.folder)).filter(
          (name) => name !== 'pages.v8' && !this.next.pages.has(name.replace(/\.html(\.br)?$/, '')),
        );
    await inLanes(unused, (name) => rm(join(this.folder!, name), { force: true }));
    await writeFile(join(this.folder, 'pages.v8'), serialize(this.next));
  }
}

/**
 * Prepares every page once: links the shortened stylesheets, marks external links and writes
 * a brotli copy (`precompress` says why pages get no gzip), or links both from the last
 * build when Astro wrote the page as it did then (`PageCache`). Returns the hashes of all the pages'
 * inline scripts, for the Content-Security-Policy, and how many copies it wrote.
 */
async function preparePages(
  pages: string[],
  siteUrl: string,
  shortened: ReadonlyMap<string, Shortened>,
  cache: PageCache,
): Promise<{ hashes: string[]; compressed: number }> {
  const hashes = new Set<string>();
  let compressed = 0;
  await inLanes(pages, async (file) => {
    const { key, written: read } = await cache.keyAt(file);
    const tried = cache.kept(key) !== undefined;
    let prepared = tried ? await cache.restore(key, file) : undefined;
    if (!prepared) {
      const written = read ?? (await readFile(file));
      const html = written.toString('utf8');
      const marked = markExternalLinks(linkShortened(html, shortened, file), siteUrl);
      const page = marked === html ? written : Buffer.from(marked);
      const br = page.length >= MIN_BYTES ? await compressPage(page) : undefined;
      prepared = { hashes: scriptHashes(marked), br: !!br };
      // A restore that failed half way may have left the brotli copy, as a link. The page is
      // replaced, not written over: Astro may have linked it from its cache (patches/astro+*.patch).
      if (tried) await rm(`${file}.br`, { force: true });
      if (page !== written || tried) await rm(file, { force: true }).then(() => writeFile(file, page));
      if (br) await writeFile(`${file}.br`, br);
      await cache.keep(key, file, !!br, prepared.hashes);
    }
    if (prepared.br) compressed++;
    for (const hash of prepared.hashes) hashes.add(hash);
  });
  return { hashes: [...hashes].sort(), compressed };
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
 * Brotli copies of the text files under `folder` (but not under `skip`, nor the files of
 * `done`), for servers that send them as they are, and gzip copies of the shared assets.
 * Pages get no gzip copy: every browser takes brotli over HTTPS, nginx gzips a page on the
 * fly for the rare client that does not, and at 10,000 articles the copies were 85 MB of
 * files no reader fetched. The cache keeps the copies it made (`CompressionCache.prune` then
 * drops those not used).
 */
export async function precompress(
  folder: string,
  skip: string[] = [],
  cache = new CompressionCache(undefined),
  done: ReadonlySet<string> = new Set(),
): Promise<number> {
  const todo: string[] = [];
  for (const file of filesNow(folder))
    if (COMPRESSED.has(extname(file)) && !done.has(file) && !skip.some((s) => file.startsWith(s + sep)))
      todo.push(file);
  let count = 0;
  const compress = async (file: string): Promise<void> => {
    const body = await readFile(file);
    if (body.length < MIN_BYTES) return;
    // The best brotli (11) costs ~40 ms a page; 5 costs ~0.6 ms for ~10% more bytes, and 7
    // ~1.1 ms for 1.5% less than 5 (6 and 8 gain nothing over 5 and 7). Shared assets,
    // fetched by every reader and cached for long, get the best; pages get 7
    // (`PAGE_QUALITY`). The scripts under _astro/ are the back office's alone (readers'
    // pages carry theirs inline, and the search's are under _search/): 1.1 MB that only
    // editors fetch, which took 5 s at 11 on every first build, get 9 (0.3 s, 8% more bytes).
    const shared = /[\\/](_astro|_search)[\\/]/.test(file);
    const backOffice = /[\\/]_astro[\\/][^\\/]+\.m?js$/.test(file);
    const quality = backOffice ? 9 : shared ? 11 : PAGE_QUALITY;
    const [gzipped, compressed] = await Promise.all([
      shared ? cache.get(body, 'gz9', () => gz(body, { level: 9 })) : undefined,
      cache.get(body, `br${quality}`, () =>
        brotli(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
      ),
    ]);
    await Promise.all([gzipped && writeFile(`${file}.gz`, gzipped), writeFile(`${file}.br`, compressed)]);
    count++;
  };
  await inLanes(todo, compress);
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
 * scripts' hashes, and compresses every text file. The search index may still be being
 * written meanwhile, once it has read the pages: its folder is compressed once `indexed`.
 */
export async function deploySite(
  dist: string,
  { siteUrl, cmsHosts, project }: { siteUrl: string; cmsHosts: string[]; project: string },
  logger: Pick<AstroIntegrationLogger, 'info'>,
  indexed: Promise<unknown> = Promise.resolve(),
): Promise<Deployed> {
  const { pages, stylesheets, searchScripts } = distFiles(dist);
  const shortened = await shortenStylesheets(dist, stylesheets, searchScripts);
  const started = performance.now();
  const how = JSON.stringify([
    await codeHash(DEPLOY_CODE),
    siteUrl,
    [...shortened].map(([from, to]) => [from, to.href, [...to.names]]),
  ]);
  const pageCache = await PageCache.open(join(project, CACHE.deployedPages), how);
  const prepared = await preparePages(pages, siteUrl, shortened, pageCache);
  await writeHeaders(dist, securityHeaders(prepared.hashes), adminHeaders(prepared.hashes, cmsHosts));
  const cache = new CompressionCache(join(project, CACHE.compressed));
  const index = join(dist, 'pagefind');
  let count = prepared.compressed + (await precompress(dist, [index], cache, new Set(pages)));
  await pageCache.save();
  let compressMs = performance.now() - started;
  await indexed;
  const later = performance.now();
  count += await precompress(index, [], cache);
  await cache.prune();
  compressMs += performance.now() - later;
  logger.info(
    `安全响应头与预压缩：${prepared.hashes.length} 个内联脚本哈希，${count} 个文件 / headers and ${count} precompressed files`,
  );
  return { scriptHashes: prepared.hashes.length, compressed: count, compressMs: Math.round(compressMs) };
}
