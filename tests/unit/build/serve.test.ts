import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  acceptedEncodings,
  folderRedirect,
  headersFor,
  parseHeaderRules,
  parseRequestPath,
  serveStatic,
} from '../../../src/build/serve.ts';
import { rawRequest, type RawReply } from '../../support/raw-http.ts';

const HEADERS = `/*
  Content-Security-Policy: default-src 'self'
  X-Content-Type-Options: nosniff
  Cache-Control: public, max-age=300, must-revalidate
/_astro/*
  Cache-Control: public, max-age=31536000, immutable
`;

let dir: string;
let server: Server;
let port: number;
const get = (target: string, headers?: Record<string, string>, method?: string): Promise<RawReply> =>
  rawRequest(`http://127.0.0.1:${port}`, target, { headers: headers ?? {}, method: method ?? 'GET' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lnga-serve-'));
  const site = join(dir, '.dist', 'one');
  const files: Record<string, string> = {
    'index.html': 'home page',
    'news/a/index.html': 'article a',
    '404.html': 'missing page',
    _headers: HEADERS,
    '_nginx/headers.conf': 'add_header X "y";',
    '_astro/style.css': 'plain css',
    '_astro/style.css.br': 'brotli css',
    '_astro/style.css.gz': 'gzip css',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(site, path, '..'), { recursive: true });
    await writeFile(join(site, path), text);
  }
  // A sibling whose name starts like dist's, and links that point out of the site.
  await mkdir(join(dir, 'dist-private'));
  await writeFile(join(dir, 'dist-private/secret.txt'), 'secret');
  await symlink(join(dir, 'dist-private/secret.txt'), join(site, 'out.txt'));
  await symlink(join(dir, 'dist-private'), join(site, 'outside'));
  await symlink(join('.dist', 'one'), join(dir, 'dist'));
  server = await serveStatic(join(dir, 'dist'), 0);
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((done) => server?.close(done));
  await rm(dir, { recursive: true, force: true });
});

describe('serveStatic', () => {
  test('answers /// with the home page and keeps serving', async () => {
    const reply = await get('///');
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe('home page');
    expect((await get('/')).status).toBe(200);
  });

  test('answers malformed paths with 400, never crashing', async () => {
    for (const target of ['/%E0%A4%A', '/%', '/a%00b', '/a%5c..%5c..%5csecret', '*', 'http://evil.example/'])
      expect((await get(target)).status, target).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  test('reads nothing outside the site: no sibling folder, no symlink out', async () => {
    for (const target of [
      '/..%2fdist-private/secret.txt',
      '/%2e%2e/dist-private/secret.txt',
      '/../dist-private/secret.txt',
      '/out.txt',
      '/outside/secret.txt',
      '/outside',
    ]) {
      const reply = await get(target);
      expect(reply.status, target).toBeGreaterThanOrEqual(400);
      expect(reply.body.toString(), target).not.toContain('secret');
    }
  });

  test('redirects a folder to its slash, only ever to a path of its own', async () => {
    const folder = await get('/news/a?x=1');
    expect(folder.status).toBe(301);
    expect(folder.headers['location']).toBe('/news/a/?x=1');
    expect((await get('//news//a')).headers['location']).toBe('/news/a/');
    for (const target of [
      '/.//evil.example/%2e%2e%2fnews/a',
      '//evil.example/..//news/a',
      '/%2F%2Fevil.example/../news/a',
      '/.//news/a',
    ]) {
      const reply = await get(target);
      expect(reply.headers['location'], target).toBe('/news/a/');
    }
    expect((await get('/.//evil.example/%2e%2e%2fx')).status).toBe(404);
  });

  test('answers a missing page with 404.html, and hides the build files for servers', async () => {
    for (const target of ['/no-such-page/', '/_headers', '/_nginx/headers.conf', '/index.html/']) {
      const reply = await get(target);
      expect(reply.status, target).toBe(404);
      expect(reply.body.toString(), target).toBe('missing page');
    }
  });

  test('sends the .br or .gz copy the client takes, with Vary', async () => {
    const cases: [string | undefined, string | undefined, string][] = [
      ['br, gzip', 'br', 'brotli css'],
      ['gzip, deflate', 'gzip', 'gzip css'],
      ['br;q=0, gzip', 'gzip', 'gzip css'],
      [undefined, undefined, 'plain css'],
    ];
    for (const [accept, encoding, body] of cases) {
      const reply = await get('/_astro/style.css', accept ? { 'Accept-Encoding': accept } : {});
      expect(reply.headers['content-encoding'], accept).toBe(encoding);
      expect(reply.headers['vary'], accept).toBe('Accept-Encoding');
      expect(reply.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(reply.body.toString(), accept).toBe(body);
    }
  });

  test('sends the headers of _headers on every response, but no caching', async () => {
    for (const [target, status] of [
      ['/news/a/', 200],
      ['/news/a', 301],
      ['/missing/', 404],
      ['/%', 400],
      ['/_astro/style.css', 200],
    ] as const) {
      const reply = await get(target);
      expect(reply.status, target).toBe(status);
      expect(reply.headers['content-security-policy'], target).toBe("default-src 'self'");
      expect(reply.headers['x-content-type-options'], target).toBe('nosniff');
      expect(reply.headers['cache-control'], target).toBe('no-cache');
    }
  });

  test('answers HEAD without a body and other methods with 405', async () => {
    const head = await get('/news/a/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('9');
    expect(head.body.length).toBe(0);
    const post = await get('/', { 'Content-Length': '0' }, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
  });

  test('follows dist to the site in place, and answers 500 while there is none', async () => {
    await mkdir(join(dir, '.dist', 'two'));
    await writeFile(join(dir, '.dist', 'two', 'index.html'), 'second site');
    await rm(join(dir, 'dist'));
    await symlink(join('.dist', 'two'), join(dir, 'dist'));
    expect((await get('/')).body.toString()).toBe('second site');
    await rm(join(dir, 'dist'));
    expect((await get('/')).status).toBe(500);
    await symlink(join('.dist', 'one'), join(dir, 'dist'));
    expect((await get('/')).body.toString()).toBe('home page');
  });
});

describe('parseRequestPath', () => {
  test('decodes segments and resolves dots, refusing what climbs above the root', () => {
    expect(parseRequestPath('/news//a/./b/../?q=%20')).toEqual({
      segments: ['news', 'a'],
      trailingSlash: true,
      search: '?q=%20',
    });
    expect(parseRequestPath('/%E6%96%B0%E9%97%BB')?.segments).toEqual(['新闻']);
    expect(parseRequestPath('/a/..%2f..%2fb')).toBeNull();
    expect(parseRequestPath('//x')?.segments).toEqual(['x']);
  });
});

describe('folderRedirect', () => {
  test('starts with one slash and encodes each segment', () => {
    expect(folderRedirect({ segments: ['新闻', 'a b'], trailingSlash: false, search: '?q=1' })).toBe(
      '/%E6%96%B0%E9%97%BB/a%20b/?q=1',
    );
    expect(folderRedirect({ segments: ['evil.example'], trailingSlash: false, search: '' })).toBe('/evil.example/');
  });
});

describe('headersFor', () => {
  test('gathers the headers of every matching rule, later rules winning', () => {
    const rules = parseHeaderRules(`# comment\n${HEADERS}/news/:slug/\n  X-Article: yes\n`);
    expect(headersFor(rules, '/')).toEqual({
      'content-security-policy': "default-src 'self'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=300, must-revalidate',
    });
    expect(headersFor(rules, '/_astro/a.css')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/news/a/')['x-article']).toBe('yes');
    expect(headersFor(rules, '/news/a/b/')['x-article']).toBeUndefined();
  });
});

describe('acceptedEncodings', () => {
  test('takes the listed encodings but those with q=0', () => {
    expect([...acceptedEncodings('gzip, br;q=0.5, deflate;q=0')]).toEqual(['gzip', 'br']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
