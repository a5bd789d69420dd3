// Site addresses and the files of dist/, both ways: Astro writes a page as its folder's
// index.html (`build.format: 'directory'`), everything else under its own name. The search
// index, the share cards and the tests map them here and nowhere else.
import { join, relative, sep } from 'node:path';

/** `dist/news/a/index.html` → `/news/a/`; any other file → its own address (`/rss.xml`). */
export function addressOfFile(dist: string, file: string): string {
  const path = relative(dist, file).split(sep).join('/');
  return '/' + path.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * The files that may answer a site address, first match wins, as nginx looks them up:
 * `/news/a/` is `dist/news/a/index.html`; `/rss.xml` is `dist/rss.xml` (or, for a folder
 * named so, its index.html). Query and fragment are dropped, escapes decoded.
 */
export function filesOfAddress(dist: string, address: string): string[] {
  const path = decodeURIComponent(address.split(/[?#]/)[0] ?? '/').replace(/^\/+/, '');
  return path === '' || path.endsWith('/')
    ? [join(dist, path, 'index.html')]
    : [join(dist, path), join(dist, path, 'index.html')];
}
