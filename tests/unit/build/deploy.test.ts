import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  adminHeaders,
  CompressionCache,
  deploySite,
  markExternalLinks,
  scriptHashes,
  securityHeaders,
} from '../../../src/build/deploy.ts';
import { CACHE } from '../../../src/build/options.ts';

const sha = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('scriptHashes', () => {
  test('hashes inline scripts exactly as written, and no script files or data blocks', () => {
    const html =
      '<head><script>boot()</script><script type="module">\n import("/a.js");\n</script>' +
      '<script src="/x.js"></script><script type="application/ld+json">{"a":1}</script></head>' +
      '<body><SCRIPT type=text/javascript>b()</SCRIPT></body>';
    expect(scriptHashes(html)).toEqual([sha('boot()'), sha('\n import("/a.js");\n'), sha('b()')]);
  });
});

describe('securityHeaders', () => {
  test('allow only our own and hashed scripts, and WebAssembly for search', () => {
    const headers = securityHeaders(["'sha256-abc='"]);
    const csp = headers['Content-Security-Policy']!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
});

describe('adminHeaders', () => {
  test('let the back office style itself inline and use blob: pictures and fonts, and reach only its Git server', () => {
    const headers = adminHeaders(["'sha256-abc='"], ['https://git.example.org']);
    const csp = headers['Content-Security-Policy']!;
    // The preview's copy of the site's stylesheet is a blob: URL.
    expect(csp).toContain("style-src 'self' 'unsafe-inline' blob:;");
    expect(csp).toContain("font-src 'self' data: blob:");
    // The signed-in editor's avatar comes from the Git server.
    expect(csp).toContain("img-src 'self' data: blob: https://git.example.org;");
    expect(adminHeaders([], [])['Content-Security-Policy']).toContain("img-src 'self' data: blob:;");
    expect(csp).toContain("connect-src 'self' blob: data: https://git.example.org");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['Cache-Control']).toBe('no-cache');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    // The rest of the site keeps its strict policy.
    expect(securityHeaders([])['Content-Security-Policy']).not.toContain('unsafe-inline');
  });
});

describe('markExternalLinks', () => {
  test('adds rel to links to other hosts only', () => {
    const html =
      '<a href="https://www.miit.gov.cn/">工信部</a><a class="x" href="https://example.org/news/">本站</a>' +
      '<a href="/news/a/">内链</a><a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">备案</a>';
    expect(markExternalLinks(html, 'https://example.org')).toBe(
      '<a rel="noopener noreferrer" href="https://www.miit.gov.cn/">工信部</a><a class="x" href="https://example.org/news/">本站</a>' +
        '<a href="/news/a/">内链</a><a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">备案</a>',
    );
  });
});

describe('CompressionCache', () => {
  test('makes each copy once, serves it again by content, and prunes what a build did not use', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'compressed-'));
    try {
      let made = 0;
      const make = (text: string) => async () => (made++, Buffer.from(text.toUpperCase()));
      const first = new CompressionCache(folder);
      expect(String(await first.get(Buffer.from('page one'), 'br5', make('page one')))).toBe('PAGE ONE');
      expect(String(await first.get(Buffer.from('page two'), 'br5', make('page two')))).toBe('PAGE TWO');
      expect(String(await first.get(Buffer.from('page two'), 'br11', make('best two')))).toBe('BEST TWO');
      await first.prune();
      expect(made).toBe(3);

      // The next build: one page unchanged, one changed.
      const second = new CompressionCache(folder);
      expect(String(await second.get(Buffer.from('page one'), 'br5', make('again')))).toBe('PAGE ONE');
      expect(String(await second.get(Buffer.from('page 2'), 'br5', make('page 2')))).toBe('PAGE 2');
      expect(made).toBe(4);
      await second.prune();
      expect(await readdir(folder)).toHaveLength(2);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('keeps nothing without a folder', async () => {
    const cache = new CompressionCache(undefined);
    let made = 0;
    const make = async () => (made++, Buffer.from('x'));
    await cache.get(Buffer.from('a'), 'br5', make);
    await cache.get(Buffer.from('a'), 'br5', make);
    expect(made).toBe(2);
  });
});

describe('deploySite', () => {
  const css = '@layer utilities{.text-lg{font-size:1.125rem}.mt-4{margin-top:1rem}}';
  const article = (text: string) =>
    `<!doctype html><html lang="zh"><head><link rel="stylesheet" href="/_astro/site.css"><script>go()</script></head>` +
    `<body><p class="text-lg mt-4">${text.repeat(80)}</p><a href="https://www.miit.gov.cn/">工信部</a></body></html>`;

  /** A built site as Astro leaves it: two pages, a stylesheet, the search's script and index. */
  async function built(folder: string, second: string): Promise<string> {
    const dist = join(folder, `dist-${Math.random().toString(36).slice(2)}`);
    await mkdir(join(dist, '_astro'), { recursive: true });
    await mkdir(join(dist, 'news/a'), { recursive: true });
    await mkdir(join(dist, '_search'), { recursive: true });
    await mkdir(join(dist, 'pagefind'), { recursive: true });
    await writeFile(join(dist, '_astro/site.css'), css);
    await writeFile(join(dist, '_search/search.js'), 'search()');
    await writeFile(join(dist, 'index.html'), article('首页'));
    await writeFile(join(dist, 'news/a/index.html'), article(second));
    await writeFile(join(dist, 'pagefind/pagefind-entry.json'), JSON.stringify({ pages: 'x'.repeat(600) }));
    return dist;
  }

  /** Every file of a folder and what it holds (brotli copies decompressed). */
  async function contents(dist: string): Promise<Record<string, string>> {
    const all: Record<string, string> = {};
    for (const name of (await readdir(dist, { recursive: true })).sort()) {
      const file = join(dist, name);
      if (!(await stat(file)).isFile() || name.startsWith('_nginx') || name === '_headers') continue;
      const body = await readFile(file);
      all[name] = String(
        name.endsWith('.br') ? brotliDecompressSync(body) : name.endsWith('.gz') ? gunzipSync(body) : body,
      );
    }
    return all;
  }

  test('a rebuild gives the same files, copying unchanged pages from the last build and preparing changed ones', async () => {
    const project = await mkdtemp(join(tmpdir(), 'deploy-'));
    const logger = { info: () => undefined };
    const context = { siteUrl: 'https://example.org', cmsHosts: [], project };
    try {
      const first = await built(project, '纺织');
      const deployed = await deploySite(first, context, logger, Promise.resolve());
      expect(deployed.compressed).toBe(3); // two pages and the index's entry file (the stylesheet is too small)
      const page = await readFile(join(first, 'news/a/index.html'), 'utf8');
      expect(page).toContain('rel="noopener noreferrer"');
      expect(page).not.toContain('text-lg');

      // The same site again: the same files, the pages' brotli copies linked from the cache.
      const second = await built(project, '纺织');
      await deploySite(second, context, logger);
      expect(await contents(second)).toEqual(await contents(first));
      expect((await stat(join(second, 'news/a/index.html.br'))).nlink).toBeGreaterThan(1);

      // One page changed, and the cache lost the other's copies: both prepared again.
      const third = await built(project, '服装');
      for (const name of await readdir(join(project, CACHE.deployedPages)))
        if (name.endsWith('.br')) await rm(join(project, CACHE.deployedPages, name));
      await deploySite(third, context, logger);
      const expected = await contents(first);
      const changed = await contents(third);
      expect(changed['index.html']).toBe(expected['index.html']);
      expect(changed['index.html.br']).toBe(expected['index.html']);
      expect(changed['news/a/index.html']).toBe(expected['news/a/index.html']!.replaceAll('纺织', '服装'));
      expect(changed['news/a/index.html.br']).toBe(changed['news/a/index.html']);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});
