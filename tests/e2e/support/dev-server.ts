import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { siteEnv } from '../../../scripts/temp-site.ts';
import { freePort } from '../../../scripts/port.ts';

/** Starts `astro dev` in `dir` and resolves with its address once it answers. */
export async function startDev(dir: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd: dir,
    env: { ...siteEnv(), NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(`${origin}/pagefind/`);
      break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { origin, child };
}

/** Stops dev servers and waits for each to exit: it writes into .astro/ until then. */
export function stopAll(children: ChildProcess[]): Promise<unknown> {
  return Promise.all(
    children.map((c) => new Promise((done) => (c.exitCode !== null ? done(null) : (c.once('exit', done), c.kill())))),
  );
}
