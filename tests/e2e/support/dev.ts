// `astro dev` in a folder, for tests of the preview.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { siteEnv } from '../../support/temp-site.ts';
import { freePort } from '../../support/port.ts';

/** Starts `astro dev` in `dir` and resolves with its address once it answers, and its output so far. */
export async function startDev(dir: string): Promise<{ origin: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd: dir,
    env: { ...siteEnv(), NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200 && child.exitCode === null; i++) {
    try {
      await fetch(`${origin}/pagefind/`);
      break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { origin, child, output: () => output };
}

/** Stops dev servers and waits for each to exit (it writes into .astro/ until then). */
export const stopDev = (children: ChildProcess[]): Promise<unknown> =>
  Promise.all(
    children.map((c) => new Promise((done) => (c.exitCode !== null ? done(null) : (c.once('exit', done), c.kill())))),
  );
