import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './port.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

export interface Nginx {
  origin: string;
  stop: () => Promise<void>;
}

/**
 * Runs Debian's nginx with deploy/nginx.conf, pointed at dist/ and a free port, in the
 * foreground of a child process with its own pid, logs and temp folders.
 */
export async function startNginx(dist = 'dist'): Promise<Nginx> {
  if (!NGINX)
    throw new Error('找不到 nginx：请安装（apt-get install nginx libnginx-mod-http-brotli-static）/ nginx not found');
  const dir = await mkdtemp(join(tmpdir(), 'lnga-nginx-'));
  const port = await freePort();
  const root = resolve(dist);
  const site = (await readFile(resolve(import.meta.dirname, '../deploy/nginx.conf'), 'utf8'))
    .replaceAll('/srv/lnga/dist', root)
    .replace(/listen 8080;/, `listen 127.0.0.1:${port};`)
    .replace(/\s*listen \[::\]:8080;/, '');
  await writeFile(join(dir, 'site.conf'), site);
  const modules = existsSync('/etc/nginx/modules-enabled') ? 'include /etc/nginx/modules-enabled/*.conf;' : '';
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  await writeFile(
    join(dir, 'nginx.conf'),
    `${modules}
${user}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  // Debian's prefix, where the relative paths of its module files resolve.
  const prefix = existsSync('/usr/share/nginx/modules') ? '/usr/share/nginx' : dir;
  const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(origin);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    origin,
    async stop() {
      child.kill('SIGQUIT');
      await new Promise((r) => setTimeout(r, 200));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
