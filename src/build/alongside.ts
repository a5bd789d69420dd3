// Work an integration starts in `astro:build:done` and lets run on while the integrations
// after it do theirs: Pagefind writes its index in its own process, on one core, while
// deploy compresses the pages on the other. The last integration waits for it all.
import { join } from 'node:path';

interface Task {
  /** The folders of dist/ the task writes into, which must wait for it (e.g. `pagefind`). */
  folders: string[];
  done: Promise<void>;
}

const tasks: Task[] = [];

/** Lets `done` run on alongside later integrations; it writes only into `folders` of dist/. */
export function runAlongside(done: Promise<void>, folders: string[]): void {
  // Its failure is reported by finishAlongside, not as an unhandled rejection meanwhile.
  done.catch(() => undefined);
  tasks.push({ folders, done });
}

/** The folders of `dist` that tasks still running will write into. */
export const pendingFolders = (dist: string): string[] => tasks.flatMap((t) => t.folders.map((f) => join(dist, f)));

/** Waits for every task (failing if one failed), and forgets them. */
export async function finishAlongside(): Promise<void> {
  const running = tasks.splice(0);
  await Promise.all(running.map((t) => t.done));
}
