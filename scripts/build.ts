// Builds the site into a fresh folder and puts it in place of dist/ only when the build
// succeeds: a mistake in an article stops the build but leaves the last good site in dist/
// for `npm start` and for deploying. The old site is deleted in the background once the
// new one is in place: deleting 60,000 files takes longer than some builds.
// Usage: node scripts/build.ts [astro build options]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const root = process.cwd();
const dist = join(root, 'dist');
const next = join(root, '.dist-next');
const astro = join(import.meta.dirname, '..', 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Old sites waiting to be deleted: `.dist-old` and `.dist-old-<time>`. */
const oldSites = async (): Promise<string[]> =>
  (await readdir(root)).filter((name) => /^\.dist-old(-\d+)?$/.test(name)).map((name) => join(root, name));

/** Deletes folders in a process of its own, which carries on after this one ends. */
function deleteLater(folders: string[]): void {
  if (folders.length === 0) return;
  const code = `for (const f of ${JSON.stringify(folders)}) require('node:fs').rmSync(f, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' }).unref();
}

// What an earlier build left to delete goes while this one renders.
deleteLater(await oldSites());
await rm(next, { recursive: true, force: true });
const build = spawnSync(process.execPath, [astro, 'build', '--outDir', next, ...process.argv.slice(2)], {
  stdio: 'inherit',
  // A production build whatever the shell says: NODE_ENV=development would publish drafts.
  env: { ...process.env, NODE_ENV: 'production' },
});
if (build.status !== 0) {
  await rm(next, { recursive: true, force: true });
  console.error(
    existsSync(dist)
      ? '\n构建没有成功，dist/ 仍是上一次成功构建的网站。 / The build failed; dist/ still holds the last good build.'
      : '\n构建没有成功。 / The build failed.',
  );
  process.exit(build.status ?? 1);
}
if (existsSync(dist)) {
  const old = join(root, `.dist-old-${Date.now()}`);
  await rename(dist, old);
  await rename(next, dist);
  deleteLater([old]);
} else await rename(next, dist);
console.log('网站已构建到 dist/ / The site is built in dist/');
