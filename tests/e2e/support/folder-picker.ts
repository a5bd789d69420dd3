// The back office's local mode asks the editor to pick the site's folder with the browser's
// showDirectoryPicker(), an operating-system dialog no test can drive. These helpers stand in
// for the dialog only: the page gets a real folder handle, from the origin private file system
// (OPFS), holding a copy of the site's content, so the CMS's own file code runs unchanged.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** The OPFS folder that stands for the site's folder. */
const SITE = 'site';

/** Makes showDirectoryPicker() answer with the OPFS copy of the site, as if the editor picked it. */
export async function standInForFolderPicker(context: BrowserContext): Promise<void> {
  await context.addInitScript((name) => {
    Object.defineProperty(window, 'showDirectoryPicker', {
      value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle(name),
    });
  }, SITE);
}

/** Every file under `dir`, as paths relative to `root` and base64 contents. */
async function filesOf(root: string, dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[relative(root, path).split('\\').join('/')] = (await readFile(path)).toString('base64');
    }
  return out;
}

/** Copies the site's `content/` into the OPFS folder, with an empty `.git` so it reads as a repository. */
export async function copySiteIntoBrowser(page: Page, siteDir: string): Promise<void> {
  const files = await filesOf(siteDir, join(siteDir, 'content'));
  await page.evaluate(
    async ({ name, files }) => {
      const site = await (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
      await site.getDirectoryHandle('.git', { create: true });
      for (const [path, base64] of Object.entries(files)) {
        const parts = path.split('/');
        const file = parts.pop()!;
        let dir = site;
        for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(file, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
        await writable.close();
      }
    },
    { name: SITE, files },
  );
}

/** The files under `content/` of the OPFS folder, as the CMS left them: path → bytes. */
export async function filesInBrowser(page: Page): Promise<Map<string, Buffer>> {
  const files = await page.evaluate(async (name) => {
    const out: Record<string, string> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const handle of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${handle.name}/`);
        else {
          const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
          out[`${prefix}${handle.name}`] = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
        }
      }
    };
    const site = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
    await walk(await site.getDirectoryHandle('content'), 'content/');
    return out;
  }, SITE);
  return new Map(Object.entries(files).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]));
}

/** Writes the browser's files into the site's folder on disk, as the real folder would have them. */
export async function copyBrowserFilesTo(files: Map<string, Buffer>, siteDir: string): Promise<void> {
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(siteDir, path)), { recursive: true });
    await writeFile(join(siteDir, path), bytes);
  }
}
