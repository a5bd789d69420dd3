// Work a stage starts and lets run on while the stages after it do theirs: Pagefind writes its
// index in its own process, on one core, while deploy compresses the pages on the other. The
// build's context holds one list (see build/integration.ts); deploy waits for it all.
import { join } from 'node:path';

interface Task {
  /** The folders of dist/ the task writes into, which must wait for it (e.g. `pagefind`). */
  folders: string[];
  done: Promise<void>;
}

export interface Alongside {
  /** Lets `done` run on alongside later stages; it writes only into `folders` of dist/. */
  run(done: Promise<void>, folders: string[]): void;
  /** The folders of `dist` that tasks still running will write into. */
  pendingFolders(dist: string): string[];
  /** Waits for every task (failing if one failed), and forgets them. */
  finish(): Promise<void>;
}

/** An empty list of work running alongside: one a build. */
export function alongside(): Alongside {
  const tasks: Task[] = [];
  return {
    run(done, folders) {
      // Its failure is reported by finish, not as an unhandled rejection meanwhile.
      done.catch(() => undefined);
      tasks.push({ folders, done });
    },
    pendingFolders: (dist) => tasks.flatMap((t) => t.folders.map((f) => join(dist, f))),
    async finish() {
      const running = tasks.splice(0);
      await Promise.all(running.map((t) => t.done));
    },
  };
}
