import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `dir`, depth first. */
export async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}
