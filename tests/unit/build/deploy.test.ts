import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adminHeaders,
  CompressionCache,
  markExternalLinks,
  scriptHashes,
  securityHeaders,
} from '../../../src/build/deploy.ts';

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
