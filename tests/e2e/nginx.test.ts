// The production server: deploy/nginx.conf serving dist/ through Debian's nginx.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminUrl, articleUrl } from '../../src/site/urls.ts';
import { useBrowser } from './support/page.ts';
import { startNginx, type Nginx } from '../support/nginx.ts';
import { rawRequest } from '../support/raw-http.ts';

let nginx: Nginx;
beforeAll(async () => {
  nginx = await startNginx();
});
afterAll(() => nginx?.stop());

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(new URL(path, nginx.origin), { headers, redirect: 'manual' });

describe('nginx', () => {
  test('sends the security headers with a strict Content-Security-Policy', async () => {
    const response = await get(articleUrl({ id: 'laomo-liu-yi' }));
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const scripts = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scripts).toContain("'wasm-unsafe-eval'");
    expect(scripts).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
    expect(scripts).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
  });

  test('sends precompressed brotli and gzip, pages gzipped on the fly, and caches hashed assets for a year', async () => {
    const css = (await readdir('dist/_astro')).find((f) => f.endsWith('.css'))!;
    const br = await get(`/_astro/${css}`, { 'Accept-Encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-security-policy')).toBeTruthy();
    expect((await get(`/_astro/${css}`, { 'Accept-Encoding': 'gzip' })).headers.get('content-encoding')).toBe('gzip');
    // A page has a brotli copy only; a client without brotli gets it gzipped by nginx.
    expect(existsSync('dist/index.html.br')).toBe(true);
    expect(existsSync('dist/index.html.gz')).toBe(false);
    const gz = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toContain('辽宁省纺织服装协会');
  });

  test('sends the search metadata and WebAssembly as brotli where the browser takes it, else as Pagefind wrote them', async () => {
    const files = await readdir('dist/pagefind');
    for (const file of [
      files.find((f) => f.endsWith('.pf_meta'))!,
      files.find((f) => /^wasm\..*\.pagefind$/.test(f))!,
    ]) {
      const br = await get(`/pagefind/${file}`, { 'Accept-Encoding': 'br' });
      expect(br.headers.get('content-encoding'), file).toBe('br');
      expect(br.headers.get('vary')).toBe('Accept-Encoding');
      expect(
        Buffer.from(await br.arrayBuffer())
          .subarray(0, 12)
          .toString(),
      ).toBe('pagefind_dcd');
      const plain = await get(`/pagefind/${file}`, { 'Accept-Encoding': 'gzip' });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect([...Buffer.from(await plain.arrayBuffer()).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    }
  });

  test('caches the search index briefly', async () => {
    const response = await get('/pagefind/pagefind.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
  });

  test('answers a missing page with the 404 page, lists no folder and hides build files', async () => {
    const missing = await get('/no-such-page/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('页面不存在');
    expect(missing.headers.get('content-security-policy')).toBeTruthy();
    expect((await get('/_astro/')).status).not.toBe(200);
    expect((await get('/_nginx/headers.conf')).status).toBe(404);
    expect((await get('/_headers')).status).toBe(404);
  });

  test('redirects a folder to its slash by path alone, not naming its own host and port', async () => {
    const redirect = await get('/news/laomo-liu-yi?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/news/laomo-liu-yi/?x=1');
  });

  test("sends the security headers on nginx's own error pages too", async () => {
    const cases: [string, number, string?][] = [
      ['/%', 400],
      [`/${'a'.repeat(10_000)}`, 414],
      ['/no-such-page/', 404],
      ['/_astro/', 404], // a folder without index.html: 403, answered as missing
      ['/', 405, 'POST'],
    ];
    for (const [target, status, method] of cases) {
      const reply = await rawRequest(nginx.origin, target, { method: method ?? 'GET' });
      const name = `${method ?? 'GET'} ${target.slice(0, 20)}`;
      expect(reply.status, name).toBe(status);
      expect(reply.headers['content-security-policy'], name).toContain("frame-ancestors 'none'");
      expect(reply.headers['x-content-type-options'], name).toBe('nosniff');
      expect(reply.headers['x-frame-options'], name).toBe('DENY');
      expect(reply.headers['strict-transport-security'], name).toBe('max-age=31536000');
      expect(reply.headers['cache-control'], name).toBe('no-cache');
      expect(reply.body.toString(), name).not.toMatch(/nginx\/\d/);
    }
  });

  test('serves a real favicon.ico', async () => {
    const response = await get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const ico = Buffer.from(await response.arrayBuffer());
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const offset = ico.readUInt32LE(6 + 12);
    expect(ico.subarray(offset + 1, offset + 4).toString()).toBe('PNG');
  });
});

describe('nginx over HTTPS', () => {
  test('serves the site with HSTS and the security headers, over a certificate made for the test', async () => {
    const reply = await rawRequest(nginx.httpsOrigin, articleUrl({ id: 'laomo-liu-yi' }), { ca: nginx.certificate });
    expect(reply.status).toBe(200);
    expect(reply.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect(reply.body.toString()).toContain('刘毅');
  });

  test('refuses a client that does not trust the certificate', async () => {
    await expect(rawRequest(nginx.httpsOrigin, '/')).rejects.toThrow(/self-signed|certificate/);
  });

  test('sends plain HTTP to HTTPS with the same path and query', async () => {
    const reply = await rawRequest(nginx.redirectOrigin, '/news/laomo-liu-yi/?x=1');
    expect(reply.status).toBe(301);
    expect(reply.headers['location']).toBe('https://127.0.0.1/news/laomo-liu-yi/?x=1');
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('search under the Content-Security-Policy', () => {
  const browser = useBrowser();
  test('works in Chromium through nginx with no CSP violation', async () => {
    const page = await (await browser.context({ baseURL: nginx.origin })).newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective}`),
      );
    });
    await page.goto(articleUrl({ id: 'laomo-wu-qi' }));
    await page.locator('#site-search').click();
    await page.keyboard.type('西柳');
    await expect.poll(() => page.locator('#search-panel-list [role="option"]').first().innerText()).toContain('刘毅');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/news/laomo-liu-yi/?hl=*');
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '大号字' }).click();
    await expect(page.locator('html').getAttribute('data-font')).resolves.toBe('l');
    expect(problems).toEqual([]);
  });
});

describe('the back office under its own Content-Security-Policy', () => {
  const browser = useBrowser();
  test('gets a policy of its own, never cached, while pages keep the strict one', async () => {
    const admin = await get(adminUrl());
    expect(admin.status).toBe(200);
    const csp = admin.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("font-src 'self' data: blob:");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(admin.headers.get('cache-control')).toBe('no-cache');
    expect(admin.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await get(articleUrl({ id: 'laomo-liu-yi' }));
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  test('opens in Chromium through nginx, in Chinese, with no CSP violation and nothing from other hosts', async () => {
    const context = await browser.context({ baseURL: nginx.origin });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(adminUrl());
    await page.getByRole('button', { name: '使用本地仓库' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(nginx.origin) && !/^(data|blob):/.test(url))).toEqual([]);
  });
});
