import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { serveStatic } from '../../src/build/serve.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
// editor/ too, so the editor commands (npm run new, npm run import) can run in the copy.
const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'content', 'editor'];

export interface TempSite {
  dir: string;
  /** Writes a file relative to the site, e.g. `content/articles/x.md`. */
  write: (path: string, text: string) => Promise<void>;
  /**
   * Runs a command of the site (`astro build`, `npm run build`…) with extra environment
   * variables, resolving with its exit code and output.
   */
  run: (bin: keyof typeof BINS, args: string[], env?: NodeJS.ProcessEnv) => Promise<{ code: number; output: string }>;
  /** Serves the built `dist/` on a free port until `remove`, resolving with its origin. */
  serve: () => Promise<string>;
  /** Stops serving and deletes the copy. */
  remove: () => Promise<void>;
}

/** Variables a test runner sets (NODE_ENV=test, DEV=1, MODE, SITE…) that would change a build or dev server. */
const RUNNER_VARIABLES = /^(NODE_ENV|TEST|VITEST.*|DEV|PROD|MODE|SSR|BASE_URL|SITE|PREVIEW_UNPUBLISHED)$/;

/** The environment for running the site's commands, without the test runner's variables. */
export function siteEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !RUNNER_VARIABLES.test(key)));
}

const BINS = {
  astro: 'node_modules/astro/bin/astro.mjs',
  pagefind: 'node_modules/pagefind/lib/runner/bin.cjs',
  /** `npm run build`: builds beside dist/ and swaps it in on success. */
  build: 'src/build/build.ts',
  /** `npm run check:content`. */
  'check-content': 'editor/check-content.ts',
};

/**
 * A copy of the project in a temporary folder (never in content/), sharing node_modules,
 * for building fixtures: bad front matter, generated articles.
 */
export async function createTempSite(options: { withContent?: boolean } = {}): Promise<TempSite> {
  const dir = await mkdtemp(join(tmpdir(), 'lnga-site-'));
  for (const entry of COPIED) {
    if (entry === 'content' && options.withContent === false) continue;
    await cp(join(PROJECT, entry), join(dir, entry), { recursive: true });
  }
  await mkdir(join(dir, 'content/articles'), { recursive: true });
  await symlink(join(PROJECT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  let server: Server | undefined;
  return {
    dir,
    async write(path, text) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    },
    run(bin, args, env = {}) {
      return new Promise((done) => {
        const child = spawn(process.execPath, [join(PROJECT, BINS[bin]), ...args], {
          cwd: dir,
          env: { ...siteEnv(), NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...env },
        });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        // eslint-disable-next-line no-control-regex
        child.on('close', (code) => done({ code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
      });
    },
    async serve() {
      server = await serveStatic(join(dir, 'dist'), 0);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async remove() {
      server?.close();
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
