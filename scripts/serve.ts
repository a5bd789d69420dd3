// Serves the built site in dist/ on localhost, as a static host would: index.html for
// folders, a redirect to add the trailing slash, and 404.html for missing pages.
// Usage: node scripts/serve.ts [--port 4321] [--dir dist] [--build-if-missing]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

async function fileAt(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory() && existsSync(join(path, 'index.html'))) return join(path, 'index.html');
  } catch {
    /* not found */
  }
  return null;
}

/** Starts a static server for `dir` and resolves once it listens. */
export function serveStatic(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        pathname = '/';
      }
      const path = normalize(join(root, pathname));
      if (!path.startsWith(root)) {
        res.writeHead(400).end();
        return;
      }
      const file = await fileAt(path);
      if (file && !pathname.endsWith('/') && file.endsWith('index.html') && !pathname.endsWith('.html')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const found = file ?? join(root, '404.html');
      const status = file ? 200 : 404;
      try {
        const body = await readFile(found);
        res.writeHead(status, { 'Content-Type': TYPES[extname(found)] ?? 'application/octet-stream' });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
      }
    })();
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
