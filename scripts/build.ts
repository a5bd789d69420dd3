// Builds the site into a fresh folder and puts it in place of dist/ only when the build
// succeeds: a mistake in an article stops the build but leaves the last good site in dist/
// for `npm start` and for deploying.
// Usage: node scripts/build.ts [astro build options]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const root = process.cwd();
const dist = join(root, 'dist');
const next = join(root, '.dist-next');
const old = join(root, '.dist-old');
const astro = join(import.meta.dirname, '..', 'node_modules', 'astro', 'bin', 'astro.mjs');

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
await rm(old, { recursive: true, force: true });
if (existsSync(dist)) await rename(dist, old);
await rename(next, dist);
await rm(old, { recursive: true, force: true });
console.log('网站已构建到 dist/ / The site is built in dist/');
