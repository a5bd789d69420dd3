// Incremental builds (Astro's experimental.incrementalBuild, astro.config.mjs): a page that
// getStaticPaths returns with a `cacheKey` is copied from the last build instead of rendered
// again when its key, the code it is made of (Astro hashes its modules and the CSS) and the
// articles it renders are all unchanged. The key is therefore everything else the page shows:
// its props (the article, its neighbours, its related articles, its column page's list) and the
// files it shows something of outside the code (an attachment's size, a picture's shape: see
// site/attachments.ts `filesBeside`). Anything left out of it would leave a stale page
// behind, so the key takes whole props, not picked fields.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';

/**
 * How a value is written into the key: an article entry by its digest (Astro's hash of its
 * file) and its parsed data, not its text or rendered HTML (covered by the digest, and long);
 * Maps and Sets by their contents, which JSON would write as `{}`.
 */
function keyValue(this: unknown, name: string, value: unknown): unknown {
  const owner = this as Record<string, unknown> | undefined;
  if ((name === 'body' || name === 'rendered') && typeof owner?.['digest'] === 'string') return undefined;
  if (value instanceof Map) return [...value];
  if (value instanceof Set) return [...value];
  return value;
}

/** A file as a page reads it outside the code: its size and when it last changed, or absent. */
function fileStamp(path: string): string {
  try {
    const stat = statSync(path);
    return `${path}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return `${path}:absent`;
  }
}

/** The cacheKey of a page from its props and the files it reads besides its code. */
export function pageKey(props: unknown, files: readonly string[] = []): string {
  return createHash('sha256')
    .update(JSON.stringify(props, keyValue) ?? '')
    .update('\n')
    .update(files.map(fileStamp).join('\n'))
    .digest('base64url');
}
