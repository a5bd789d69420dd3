// One build at a time: builds share Astro's cache (.astro/), the share cards (.cache/) and
// dist/, so a second build waits for the first. The lock is a file holding its build's pid;
// a lock whose build was killed (its pid no longer runs) is taken over, not waited on.
import { hostname } from 'node:os';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Who holds the lock, as written in the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the build started. */
  started: string;
}

export interface BuildLock {
  /** Whether the build waited for another one. */
  waited: boolean;
  /** Removes the lock file, if it is still this build's. */
  release: () => Promise<void>;
}

/** An unreadable lock file (a disk full, a hand edit) is taken over once this old. */
const UNREADABLE_AFTER_MS = 10_000;

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How long ago a file was last written; 0 if it is gone. */
const ageMs = (path: string): Promise<number> =>
  stat(path).then(
    (info) => Date.now() - info.mtimeMs,
    () => 0,
  );

/** The lock file's text and holder; a holder of null means the file is unreadable. */
async function readLock(path: string): Promise<{ text: string; holder: LockHolder | null } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) ? { text, holder } : { text, holder: null };
  } catch {
    return { text, holder: null };
  }
}

/** Whether the build holding a lock is gone: its pid no longer runs here, or the file has long been unreadable. */
async function isStale(path: string, holder: LockHolder | null): Promise<boolean> {
  if (holder) return holder.host === hostname() && !isRunning(holder.pid);
  return (await ageMs(path)) > UNREADABLE_AFTER_MS;
}

/**
 * Removes a stale lock, unless it changed since it was read. Waiters take turns through a
 * second file, so two of them cannot remove the stale lock and then a fresh one.
 */
async function removeStale(path: string, seen: string): Promise<void> {
  const turn = `${path}.takeover`;
  try {
    await writeFile(turn, String(process.pid), { flag: 'wx' });
  } catch {
    // Another waiter is removing it; a turn file that old was left by a killed waiter.
    if ((await ageMs(turn)) > UNREADABLE_AFTER_MS) await rm(turn, { force: true });
    return;
  }
  try {
    if ((await readLock(path))?.text === seen) await rm(path, { force: true });
  } finally {
    await rm(turn, { force: true });
  }
}

/**
 * Creates the lock file holding `text`, or fails with EEXIST. It is written aside and linked
 * into place, so no one ever reads it half written.
 */
async function takeLock(path: string, text: string): Promise<void> {
  const aside = `${path}.${process.pid}`;
  await writeFile(aside, text);
  try {
    await link(aside, path);
  } finally {
    await rm(aside, { force: true });
  }
}

/**
 * Takes the build lock at `path`, waiting while a running build holds it (`onWait` is told
 * once who that is); a lock left by a build that no longer runs is taken over.
 */
export async function acquireBuildLock(
  path: string,
  options: { onWait?: (holder: LockHolder | null) => void; intervalMs?: number } = {},
): Promise<BuildLock> {
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() });
  let told = false;
  await mkdir(dirname(path), { recursive: true });
  for (;;) {
    try {
      await takeLock(path, mine);
      return {
        waited: told,
        async release() {
          if ((await readLock(path))?.text === mine) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const lock = await readLock(path);
    if (!lock) continue;
    if (await isStale(path, lock.holder)) {
      await removeStale(path, lock.text);
      continue;
    }
    if (!told) options.onWait?.(lock.holder);
    told = true;
    await sleep(options.intervalMs ?? 500);
  }
}
