// Where builds live: each build writes its own folder .dist/<time>-<pid>/, and dist is a
// link to the build in place. A new link renamed over the old one switches the site in one
// step (rename() is atomic on POSIX), so a server reading dist/ sees the old site or the new
// one, never neither. Windows may refuse symlinks without admin rights: there dist becomes a
// junction, which cannot be renamed over, so it is removed and the new one renamed in its
// place (a moment without dist/); where neither works the build folder itself is renamed.
import { spawn } from 'node:child_process';
import { lstat, mkdir, readdir, rename, rm, symlink, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';

/** The folder beside dist/ that holds the builds and the build lock. */
export const buildsFolder = (root: string): string => join(root, '.dist');

/** A fresh folder for one build, named by time then pid so folders sort by age. */
export async function newBuildFolder(root: string): Promise<string> {
  await mkdir(buildsFolder(root), { recursive: true });
  return join(buildsFolder(root), `${Date.now()}-${process.pid}`);
}

/**
 * Where Astro builds, always the same folder: Astro writes its output folder into the code it
 * hashes for incremental builds (build/page-key.ts), so a new name each time would make every
 * page look changed. A finished build is renamed to its own folder (`newBuildFolder`) before
 * the switch. What a killed build left there is moved aside, to go with the other leftovers.
 * Call only while holding the build lock.
 */
export async function stagingFolder(root: string): Promise<string> {
  const staging = join(buildsFolder(root), 'building');
  await rename(staging, join(buildsFolder(root), `old-${Date.now()}`)).catch(() => undefined);
  return staging;
}

/**
 * Moves a finished build from the staging folder into a folder of its own, and returns it.
 * Windows may still hold a file of it for a moment after Astro exits (an antivirus scan), and
 * refuses the rename then: it is tried again for a few seconds before the build fails.
 */
export async function keepBuild(root: string, staging: string): Promise<string> {
  const folder = await newBuildFolder(root);
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(staging, folder);
      return folder;
    } catch (error) {
      const busy = ['EPERM', 'EBUSY', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '');
      if (!busy || attempt >= 20) throw error;
      await new Promise((wait) => setTimeout(wait, 250));
    }
  }
}

/** How dist/ was switched: a symlink, a Windows junction, or the build folder renamed. */
export type SwitchKind = 'symlink' | 'junction' | 'rename';

/**
 * Makes a link at `path` to `build`, to be renamed to `dist`: a symlink relative to dist's
 * folder (so the project may move), else (Windows without the right) a junction.
 */
async function linkTo(build: string, path: string, dist: string): Promise<SwitchKind | null> {
  try {
    await symlink(relative(dirname(dist), build), path, 'dir');
    return 'symlink';
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  }
  try {
    await symlink(build, path, 'junction');
    return 'junction';
  } catch {
    return null;
  }
}

/**
 * Puts `build` in place of `dist`: a new link to it is renamed over the old link in one step.
 * A dist/ that is still a folder (made before links) is moved into .dist/ first, once.
 */
export async function switchSite(dist: string, build: string): Promise<SwitchKind> {
  const builds = dirname(build);
  const link = join(builds, `link-${process.pid}`);
  await rm(link, { force: true });
  const kind = await linkTo(build, link, dist);
  const current = await lstat(dist).catch(() => null);
  if (kind === null) {
    if (current) await rename(dist, join(builds, `old-${Date.now()}`));
    await rename(build, dist);
    return 'rename';
  }
  if (current?.isDirectory()) await rename(dist, join(builds, `old-${Date.now()}`));
  try {
    await rename(link, dist);
  } catch (error) {
    // Windows renames nothing over a junction or directory link.
    if (process.platform !== 'win32') throw error;
    await unlink(dist);
    await rename(link, dist);
  }
  return kind;
}

/**
 * What earlier builds left in .dist/ (old builds, failed or killed builds, stray links), all
 * but `keep`; and the folders of the former scheme beside dist/ (.dist-next, .dist-old-*).
 * Call only while holding the build lock: another build's folder would be on the list.
 */
export async function leftovers(root: string, keep: string[]): Promise<string[]> {
  const kept = new Set(keep.map((path) => basename(path)));
  const inBuilds = await readdir(buildsFolder(root)).catch(() => []);
  return [
    ...inBuilds
      .filter((name) => /^(\d+-\d+|old-\d+|link-\d+)$/.test(name) && !kept.has(name))
      .map((name) => join(buildsFolder(root), name)),
    ...(await readdir(root)).filter((name) => /^\.dist-(next|old(-\d+)?)$/.test(name)).map((name) => join(root, name)),
  ];
}

/** Deletes folders in a process of its own, which carries on after this one ends. */
export function deleteLater(folders: string[]): void {
  if (folders.length === 0) return;
  const code = `for (const f of ${JSON.stringify(folders)}) try { require('node:fs').rmSync(f, { recursive: true, force: true }) } catch {}`;
  spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' }).unref();
}
