// Builds the site (in .dist/building/, see site-switch.ts), moves it into a folder of its own
// (.dist/<time>-<pid>/) and switches dist/ to it in one step only when the build succeeds: a
// mistake in an article stops the build but leaves the last good site in dist/ for `npm start`
// and for deploying, and a server reading dist/ never finds it missing (see site-switch.ts).
// One build runs at a time: a second one waits for the first (see build-lock.ts). Earlier
// builds are deleted in the background: deleting 60,000 files takes longer than some builds.
// Usage: node src/build/build.ts [--production] [astro build options]
//   --production: the publishing build; stops unless the site's public address is set.
import { spawn } from 'node:child_process';
import { explainFailure, isNoise } from '../content-checks/astro-errors.ts';
import { realpath, rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SiteConfig } from '../schemas/site.ts';
import { productionAddressProblem } from './site-address.ts';
import { buildOptions, heapLimitMb, siteUrl } from './options.ts';
import { acquireBuildLock, type LockHolder } from './build-lock.ts';
import { buildsFolder, deleteLater, keepBuild, leftovers, stagingFolder, switchSite } from './site-switch.ts';
import { relocateReport } from './report.ts';

const root = process.cwd();
const dist = join(root, 'dist');
const astro = join(import.meta.dirname, '..', '..', 'node_modules', 'astro', 'bin', 'astro.mjs');

/**
 * The site's public address as the build will use it: SITE_URL, else this folder's config;
 * null, with the schema's words printed, when the config or SITE_URL is wrong.
 */
async function siteAddress(): Promise<string | null> {
  try {
    const config = (await import(pathToFileURL(join(root, 'src/site.config.ts')).href)) as { site: SiteConfig };
    return siteUrl(buildOptions(), config.site);
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    if (!issues) throw error;
    console.error('src/site.config.ts 有误 / src/site.config.ts is wrong:');
    for (const issue of issues) console.error(`  ${issue.path.map(String).join('.')}: ${issue.message}`);
    return null;
  }
}

/** What a waiting build says about the one it waits for. */
function waitingMessage(lock: string, holder: LockHolder | null): string {
  const who = holder ? `pid ${holder.pid}, ${holder.host}, ${holder.started}` : relative(root, lock);
  return (
    `另一个构建正在进行（${who}），等它结束后再构建…… / Another build is running (${who}); waiting for it to finish.\n` +
    `  若没有别的构建在运行，可删除 ${relative(root, lock)} / If no other build runs, delete ${relative(root, lock)}`
  );
}

/**
 * Runs Astro, passing its output on without stack frames (an editor reads them as a crash),
 * and keeps the output to explain a failure.
 */
function runAstro(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      stdio: ['inherit', 'pipe', 'pipe'],
      // A production build whatever the shell says: NODE_ENV=development would publish drafts.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let output = '';
    const streams = [
      { from: child.stdout, to: process.stdout, pending: '' },
      { from: child.stderr, to: process.stderr, pending: '' },
    ];
    for (const stream of streams)
      stream.from.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const lines = (stream.pending + chunk.toString()).split('\n');
        stream.pending = lines.pop()!;
        for (const line of lines) if (!isNoise(line)) stream.to.write(`${line}\n`);
      });
    child.on('close', (status) => {
      for (const stream of streams) if (stream.pending && !isNoise(stream.pending)) stream.to.write(stream.pending);
      done({ status, output });
    });
  });
}

/** Builds into a fresh folder and switches dist/ to it; returns the exit code. */
async function build(astroArgs: string[]): Promise<number> {
  const current = await realpath(dist).catch(() => null);
  const staging = await stagingFolder(root);
  // What earlier builds left goes while this one renders.
  deleteLater(await leftovers(root, current ? [current] : []));
  const heap = heapLimitMb(totalmem(), process.env['NODE_OPTIONS']);
  const astroBuild = await runAstro([
    ...(heap ? [`--max-old-space-size=${heap}`] : []),
    astro,
    'build',
    '--outDir',
    staging,
    ...astroArgs,
  ]);
  if (astroBuild.status !== 0) {
    await rm(staging, { recursive: true, force: true });
    const explanation = explainFailure(astroBuild.output.replaceAll(`${root}/`, ''));
    if (explanation) console.error(`\n${explanation.replace(' / ', '\n')}`);
    console.error(
      current
        ? '\n构建没有成功，dist/ 仍是上一次成功构建的网站。 / The build failed; dist/ still holds the last good build.'
        : '\n构建没有成功。 / The build failed.',
    );
    return astroBuild.status ?? 1;
  }
  const folder = await keepBuild(root, staging);
  await relocateReport(root, folder);
  const kind = await switchSite(dist, folder);
  deleteLater(await leftovers(root, [kind === 'rename' ? dist : folder]));
  const where = kind === 'rename' ? '' : ` → ${relative(root, folder)}`;
  console.log(`网站已构建到 dist/${where} / The site is built in dist/${where}`);
  return 0;
}

const args = process.argv.slice(2);
const production = args.includes('--production');
const address = await siteAddress();
if (address === null) process.exit(1);
const problem = production ? productionAddressProblem(address) : null;
if (problem) {
  console.error(problem);
  process.exit(1);
}
const from = buildOptions().siteUrl ? 'SITE_URL' : 'src/site.config.ts';
console.log(`网站地址 / Site address: ${address}（取自 / from ${from}）`);
const lockFile = join(buildsFolder(root), 'build.lock');
const lock = await acquireBuildLock(lockFile, { onWait: (holder) => console.log(waitingMessage(lockFile, holder)) });
if (lock.waited) console.log('另一个构建已结束，开始本次构建。 / The other build has ended; building now.');
try {
  process.exitCode = await build(args.filter((arg) => arg !== '--production'));
} finally {
  await lock.release();
}
