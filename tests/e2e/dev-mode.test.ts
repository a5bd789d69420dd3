// `npm run dev`: search uses the last build's index, or says plainly that it needs a build.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createTempSite, type TempSite } from '../../scripts/temp-site.ts';
import { freePort } from '../../scripts/port.ts';

/** Starts `astro dev` in `dir` and resolves with its address once it answers. */
async function dev(dir: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
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

describe('search in dev mode', () => {
  const children: ChildProcess[] = [];
  let temp: TempSite | undefined;
  afterAll(async () => {
    // Wait for each dev server to exit: it writes into .astro/ until then.
    await Promise.all(
      children.map((c) => new Promise((done) => (c.exitCode !== null ? done(null) : (c.once('exit', done), c.kill())))),
    );
    await temp?.remove();
  });

  test('serves the search code and the last build’s index', async () => {
    const { origin, child } = await dev('.');
    children.push(child);
    const code = await fetch(`${origin}/_search/search.js`);
    expect(code.status).toBe(200);
    expect(code.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${origin}/pagefind/pagefind.js`)).status).toBe(200);
  }, 60_000);

  test('says plainly that search needs a build when there is none', async () => {
    temp = await createTempSite();
    const { origin, child } = await dev(temp.dir);
    children.push(child);
    const missing = await fetch(`${origin}/pagefind/pagefind.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('请先运行 npm run build');
  }, 60_000);
});
