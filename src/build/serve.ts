// Serves the built site in dist/ on localhost, as the production nginx does: index.html for
// folders, a redirect to add the trailing slash, 404.html for missing pages, the
// precompressed .br/.gz copies, and the security headers the build wrote in dist/_headers.
// It answers every request, however malformed (400, or 500 if it fails), reads nothing
// outside dist/ (not through symlinks either) and redirects only to a path of its own.
// dist/ is read anew on each request: a build may switch it to a new site at any time.
// Usage: node src/build/serve.ts [--port 4321] [--dir dist] [--build-if-missing]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { contentType } from './mime.ts';

/** The precompressed copies the build writes beside a file, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** A request's path: its decoded segments, whether it ends in a slash, and its query. */
export interface RequestPath {
  segments: string[];
  trailingSlash: boolean;
  search: string;
}

/**
 * Reads a raw request target (`/news/a/?q=1`) into decoded segments, with `.` and `..`
 * resolved; null for what no file can answer: not starting with `/`, bad percent-encoding,
 * a NUL or backslash, `..` above the root.
 */
export function parseRequestPath(target: string): RequestPath | null {
  if (!target.startsWith('/')) return null;
  const query = target.indexOf('?');
  const rawPath = query < 0 ? target : target.slice(0, query);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(path)) return null;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return null;
  }
  return { segments, trailingSlash: path.endsWith('/'), search: query < 0 ? '' : target.slice(query) };
}

/**
 * The address to redirect a folder to: its own path with a trailing slash, each segment
 * encoded, so it always starts with a single slash and never names another host.
 */
export function folderRedirect(path: RequestPath): string {
  const search = path.search.replace(/[^\x21-\x7e]/g, encodeURIComponent);
  return `/${path.segments.map(encodeURIComponent).join('/')}/${search}`;
}

/** Header rules of a `_headers` file (Netlify, Cloudflare Pages): a path pattern, then its headers. */
export type HeaderRules = { pattern: string; headers: [string, string][] }[];

/** Reads a `_headers` file: an unindented path pattern, then indented `Name: value` lines. */
export function parseHeaderRules(text: string): HeaderRules {
  const rules: HeaderRules = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      if (colon > 0 && rules.length > 0)
        rules.at(-1)!.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers for a URL path: those of every rule whose pattern matches it (`*` matches anything), later rules winning. */
export function headersFor(rules: HeaderRules, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { pattern, headers: lines } of rules) {
    const regex = new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
        .join('.*')}$`,
    );
    if (regex.test(path)) for (const [name, value] of lines) headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** The encodings a client takes, from its Accept-Encoding (`br;q=0` refuses brotli). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && (!q || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

/** Whether `path` (a real path, symlinks resolved) lies inside `root`. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A path's real location if it exists inside `root` (symlinks resolved), with what it is. */
async function realEntry(root: string, path: string): Promise<{ real: string; isFile: boolean } | null> {
  try {
    const real = await realpath(path);
    if (!inside(root, real)) return null;
    return { real, isFile: (await stat(real)).isFile() };
  } catch {
    return null;
  }
}

/** Build files that are not pages, hidden as nginx hides them. */
const hidden = (segments: string[]): boolean => segments[0] === '_nginx' || segments[0] === '_headers';

/** What answers a path in the site at `root`: a file, a redirect to the folder's slash, or nothing. */
async function lookUp(root: string, path: RequestPath): Promise<{ file: string } | { redirect: string } | null> {
  if (hidden(path.segments)) return null;
  const entry = await realEntry(root, join(root, ...path.segments));
  if (!entry) return null;
  if (entry.isFile) return path.trailingSlash ? null : { file: entry.real };
  if (!path.trailingSlash)
    return (await realEntry(root, join(entry.real, 'index.html')))?.isFile ? { redirect: folderRedirect(path) } : null;
  const index = await realEntry(root, join(entry.real, 'index.html'));
  return index?.isFile ? { file: index.real } : null;
}

/** The headers every response of the site at `root` carries for `urlPath`, from its _headers. */
async function siteHeaders(root: string, urlPath: string): Promise<Record<string, string>> {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  // A preview must show a rebuild at once: the production caching stays in production.
  return { ...headersFor(parseHeaderRules(text), urlPath), 'cache-control': 'no-cache' };
}

/** Sends `file` (its .br or .gz copy where the client takes it) with `status` and `headers`. */
async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
  headers: OutgoingHttpHeaders,
): Promise<void> {
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  let body: Buffer | null = null;
  let encoding: string | null = null;
  let variants = false;
  for (const { name, suffix } of ENCODINGS) {
    const copy = await stat(file + suffix).catch(() => null);
    if (!copy?.isFile()) continue;
    variants = true;
    if (!body && accepted.has(name)) {
      body = await readFile(file + suffix);
      encoding = name;
    }
  }
  body ??= await readFile(file);
  res.writeHead(status, {
    ...headers,
    'content-type': contentType(file),
    'content-length': body.length,
    ...(encoding ? { 'content-encoding': encoding } : {}),
    ...(variants ? { vary: 'Accept-Encoding' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Answers one request from the site at `dir`; throws only on failures of the disk. */
async function answer(dir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const root = await realpath(dir);
  const path = parseRequestPath(req.url ?? '');
  const urlPath = path ? `/${path.segments.join('/')}${path.trailingSlash && path.segments.length ? '/' : ''}` : '/';
  const headers = await siteHeaders(root, urlPath);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
    return;
  }
  if (!path) {
    res.writeHead(400, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('400 Bad Request');
    return;
  }
  const found = await lookUp(root, path);
  if (found && 'redirect' in found) res.writeHead(301, { ...headers, location: found.redirect }).end();
  else if (found) await sendFile(req, res, found.file, 200, headers);
  else if (existsSync(join(root, '404.html'))) await sendFile(req, res, join(root, '404.html'), 404, headers);
  else res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('404 Not Found');
}

/** Starts a static server for `dir` and resolves once it listens; no request can stop it. */
export function serveStatic(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    answer(root, req, res).catch((error: unknown) => {
      console.error(`请求出错 / request failed: ${req.url}`, error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('500 Internal Server Error');
    });
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env['PORT'] ?? '4321' },
      dir: { type: 'string', default: 'dist' },
      'build-if-missing': { type: 'boolean', default: false },
    },
  });
  if (values['build-if-missing'] && !existsSync(join(values.dir, 'index.html'))) {
    console.log('还没有构建结果，先运行 npm run build … / No build yet: running npm run build');
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const port = Number(values.port);
  await serveStatic(values.dir, port);
  console.log(`网站已启动 / Serving ${values.dir}/ at http://localhost:${port}/`);
}
