// The search result fragments of the last build's index, kept for the next (see FragmentCache).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from '../../build/options.ts';
import { linkOrCopySync } from '../../build/files.ts';

/**
 * The fragment files (a search result each) of the last build, by what they hold: a rebuild
 * links an unchanged one under its new name instead of writing it (the names change with
 * every index, see index-writer.ts). Kept in `.cache/search-fragments/`, pruned to this
 * build's. Synchronous: it runs in the index's own thread (index-worker.ts).
 */
export class FragmentCache {
  private readonly folder: string | undefined;
  private readonly last: Set<string>;
  private readonly next = new Set<string>();

  private constructor(folder: string | undefined, last: Set<string>) {
    this.folder = folder;
    this.last = last;
  }

  /** The cache of `project`; none without a project. */
  static open(project?: string): FragmentCache {
    if (!project) return new FragmentCache(undefined, new Set());
    const folder = join(project, CACHE.searchFragments);
    mkdirSync(folder, { recursive: true });
    return new FragmentCache(folder, new Set(readdirSync(folder)));
  }

  /** Writes the fragment `content` to `file`, linked from the cache when it was kept. */
  write(file: string, content: string, make: (content: string) => Uint8Array): void {
    const name = createHash('sha256').update(content).digest('base64url');
    const kept = this.folder && join(this.folder, name);
    if (kept && (this.last.has(name) || this.next.has(name))) linkOrCopySync(kept, file);
    else {
      writeFileSync(file, make(content));
      if (kept) linkOrCopySync(file, kept);
    }
    this.next.add(name);
  }

  /** Removes the fragments this build did not use. */
  prune(): void {
    if (!this.folder) return;
    for (const name of this.last) if (!this.next.has(name)) rmSync(join(this.folder, name), { force: true });
  }
}
