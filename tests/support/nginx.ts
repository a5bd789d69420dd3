import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './port.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

export interface Nginx {
  /** The site's server block over plain HTTP (as behind a proxy that ends TLS). */
  origin: string;
  /** The same server block over HTTPS, with `certificate`. */
  httpsOrigin: string;
  /** The plain-HTTP server block that redirects to HTTPS. */
  redirectOrigin: string;
  /** The self-signed certificate (PEM) made for 127.0.0.1 and localhost, for clients to trust. */
  certificate: string;
  stop: () => Promise<void>;
}

/** Makes a self-signed certificate for 127.0.0.1 and localhost in `dir`, valid for a day. */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1']
      .concat(['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'])
      .concat(['-keyout', key, '-out', cert]),
    { encoding: 'utf8' },
  );
  if (made.status !== 0)
    throw new Error(`openssl 无法生成测试证书 / openssl could not make a certificate:\n${made.stderr}`);
  return { cert, key };
}

/**
 * Runs Debian's nginx with deploy/nginx.conf, pointed at dist/ and a free port, in the
 * foreground of a child process with its own pid, logs and temp folders.
 */
export async function startNginx(dist = 'dist'): Promise<Nginx> {
  if (!NGINX)
    throw new Error('找不到 nginx：请安装（apt-get install nginx libnginx-mod-http-brotli-static）/ nginx not found');
  const dir = await mkdtemp(join(tmpdir(), 'lnga-nginx-'));
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  const [port, tlsPort, redirectPort] = [...ports] as [number, number, number];
  const root = resolve(dist);
  const { cert, key } = selfSignedCertificate(dir);
  // The HTTPS server block also listens on a plain port, for the tools that audit the site.
  const site = (await readFile(resolve(import.meta.dirname, '../../deploy/nginx.conf'), 'utf8'))
    .replaceAll('/srv/lnga/dist', root)
    .replace('/etc/ssl/lnga/fullchain.pem', cert)
    .replace('/etc/ssl/lnga/privkey.pem', key)
    .replace(/listen 80;/, `listen 127.0.0.1:${redirectPort};`)
    .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${tlsPort} ssl http2;\n    listen 127.0.0.1:${port};`)
    .replace(/\s*listen \[::\]:\d+[^;]*;/g, '');
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
    httpsOrigin: `https://127.0.0.1:${tlsPort}`,
    redirectOrigin: `http://127.0.0.1:${redirectPort}`,
    certificate: await readFile(cert, 'utf8'),
    async stop() {
      child.kill('SIGQUIT');
      await new Promise((r) => setTimeout(r, 200));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
