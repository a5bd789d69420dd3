import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acquireBuildLock, isRunning, type LockHolder } from '../../../src/build/build-lock.ts';

let dir: string;
let lock: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lnga-lock-'));
  lock = join(dir, '.dist', 'build.lock');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The pid of a process that has ended. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

describe('acquireBuildLock', () => {
  test('writes its pid, and release removes the lock', async () => {
    const held = await acquireBuildLock(lock);
    expect(held.waited).toBe(false);
    const holder = JSON.parse(await readFile(lock, 'utf8')) as LockHolder;
    expect(holder.pid).toBe(process.pid);
    expect(holder.host).toBe(hostname());
    await held.release();
    expect(existsSync(lock)).toBe(false);
  });

  test('a second build waits, says for whom, and gets the lock once the first releases it', async () => {
    const first = await acquireBuildLock(lock);
    const told: (LockHolder | null)[] = [];
    let gotIt = false;
    const second = acquireBuildLock(lock, { intervalMs: 20, onWait: (holder) => told.push(holder) }).then((held) => {
      gotIt = true;
      return held;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(gotIt).toBe(false);
    expect(told).toEqual([expect.objectContaining({ pid: process.pid })]);
    await first.release();
    const held = await second;
    expect(held.waited).toBe(true);
    expect(told).toHaveLength(1);
    await held.release();
  });

  test('takes over the lock of a build that no longer runs', async () => {
    const pid = deadPid();
    expect(isRunning(pid)).toBe(false);
    await acquireBuildLock(lock).then((held) => held.release());
    await writeFile(lock, JSON.stringify({ pid, host: hostname(), started: '2026-01-01T00:00:00Z' }));
    const waits: unknown[] = [];
    const held = await acquireBuildLock(lock, { intervalMs: 20, onWait: (h) => waits.push(h) });
    expect(waits).toEqual([]);
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.pid);
    await held.release();
  });

  test('takes over a lock long unreadable, but waits for one just found so', async () => {
    await acquireBuildLock(lock).then((held) => held.release());
    await writeFile(lock, '');
    const waits: unknown[] = [];
    const waiting = acquireBuildLock(lock, { intervalMs: 20, onWait: (h) => waits.push(h) });
    await expect.poll(() => waits).toEqual([null]);
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    await (await waiting).release();
  });

  test('release leaves a lock that is no longer its own', async () => {
    const held = await acquireBuildLock(lock);
    const other = JSON.stringify({ pid: 1, host: hostname(), started: '2026-01-01T00:00:00Z' });
    await writeFile(lock, other);
    await held.release();
    expect(await readFile(lock, 'utf8')).toBe(other);
  });
});
