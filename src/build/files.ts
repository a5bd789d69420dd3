import { createHash } from 'node:crypto';
import { copyFile, link, readdir, readFile, stat } from 'node:fs/promises';
import { copyFileSync, existsSync, linkSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { deserialize } from 'node:v8';

/**
 * Every file under `dir`, at once: for the build's own passes over dist/ (34,000 files at
 * 10,000 articles), where one listing took 0.23 s against 0.63 s for `files`.
 */
export function filesNow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? [] : [join(entry.parentPath, entry.name)],
  );
}

/** Every file under `dir`, depth first. */
export async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Every file under `dir` as a `/`-separated path relative to it, sorted; none when `dir` is missing. */
export async function relativeFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  if (existsSync(dir)) for await (const path of files(dir)) found.push(relative(dir, path).split(sep).join('/'));
  return found.sort();
}

/** The files of `src/pages`, relative to it: what Astro routes (see site/routes.ts `pageAddress`). */
export const pageFiles = (project: string): Promise<string[]> => relativeFiles(join(project, 'src', 'pages'));

/**
 * Runs `work` on every item, a few at a time: file and zlib work runs on libuv's thread
 * pool, so this keeps every core busy rather than one item at a time.
 */
export async function inLanes<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: availableParallelism() * 2 }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * Puts `file` at `target`, which must not exist yet: a hard link, which writes no data (a
 * tenth of a copy's time for 10,000 small files here), else a copy where the file system
 * takes no links. Neither file may be changed in place afterwards: kept files are only ever
 * replaced or removed.
 */
export async function linkOrCopy(file: string, target: string): Promise<void> {
  await link(file, target).catch(() => copyFile(file, target));
}

/** `linkOrCopy`, for a worker thread that does nothing else meanwhile. */
export function linkOrCopySync(file: string, target: string): void {
  try {
    linkSync(file, target);
  } catch {
    copyFileSync(file, target);
  }
}

/**
 * What tells a file's content without reading it: its device, inode, size and last change
 * in nanoseconds. A file a build links from a cache (Astro's unchanged pages, see
 * patches/astro+7.3.5.patch) keeps it from one build to the next; a file written again gets
 * a new one. What a cache keyed by content finds by it, it need not read.
 */
export async function fileIdentity(path: string): Promise<string> {
  const { dev, ino, size, mtimeNs } = await stat(path, { bigint: true });
  return `${dev}:${ino}:${size}:${mtimeNs}`;
}

/**
 * A hash of what makes a cache's contents: the files of the code that made them (their
 * paths and bytes, in the order given) and `more` (the locked packages, the site's
 * address…). A cache keyed by it is not used once any of them changes.
 */
export async function codeHash(files: readonly string[], ...more: (string | Buffer)[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(file));
  for (const part of more) hash.update('\0').update(part);
  return hash.digest('base64url');
}

/** The project's lock file, for `codeHash`: empty when there is none. */
export const lockFile = (project: string): Promise<Buffer | string> =>
  readFile(join(project, 'package-lock.json')).catch(() => '');

/** What a cache file holds, as `serialize` wrote it; undefined when it is missing or unreadable. */
export const readKept = (file: string): Promise<unknown> =>
  readFile(file)
    .then((bytes) => deserialize(bytes) as unknown)
    .catch(() => undefined);
