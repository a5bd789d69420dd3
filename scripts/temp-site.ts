import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const PROJECT = resolve(import.meta.dirname, '..');
// scripts/ too, so the editor commands (npm run new, npm run import) can run in the copy.
const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'content', 'scripts'];

export interface TempSite {
  dir: string;
  /** Writes a file relative to the site, e.g. `content/articles/x.md`. */
  write: (path: string, text: string) => Promise<void>;
  /** Runs a command of the site (`astro build`, `pagefind`), resolving with its exit code and output. */
  run: (bin: 'astro' | 'pagefind', args: string[]) => Promise<{ code: number; output: string }>;
  remove: () => Promise<void>;
}

const RUNNER_ENV = ['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SITE'];

const BINS = { astro: 'node_modules/astro/bin/astro.mjs', pagefind: 'node_modules/pagefind/lib/runner/bin.cjs' };

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
  return {
    dir,
    async write(path, text) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    },
    run(bin, args) {
      return new Promise((done) => {
        // Without the variables vitest sets for import.meta.env (DEV=1, MODE=test…): Astro
        // would inline them into the build, which then takes itself for dev and builds drafts.
        const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !RUNNER_ENV.includes(k)));
        const child = spawn(process.execPath, [join(PROJECT, BINS[bin]), ...args], {
          cwd: dir,
          env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
        });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        // eslint-disable-next-line no-control-regex
        child.on('close', (code) => done({ code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
      });
    },
    remove: () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }),
  };
}
