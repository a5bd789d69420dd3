// Shorter class names for readers (issue 18): deploy renames the utility classes of each
// stylesheet (`sm:px-12` → `q`) in the stylesheet and in the pages that link it: about 400
// bytes off a page and its stylesheet together, as sent. Classes the site's scripts name keep
// their names, as do the page frame's and the article's own classes (`.site-nav`,
// `.article-body`), which are not utilities. `npm run dev` shows the names of the source.
import { createHash } from 'node:crypto';

/** A class selector in CSS, its name as written (with CSS escapes, `sm\:px-12`). */
const CLASS_SELECTOR = /\.((?:\\.|[\w-])+)/g;

/** A class name as written in CSS (`sm\:px-12`) as the page writes it (`sm:px-12`). */
const unescapeName = (name: string): string => name.replace(/\\(.)/g, '$1');

/** The nth short name: a…z, A…Z, then two letters. */
function shortName(n: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[n % letters.length]! + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/**
 * Calls `edit` on each selector of minified `css` (the text before a `{` that is not an
 * at-rule's), and returns the CSS with what it gave back. Declarations are left alone, so
 * `.5rem` in a value is never taken for a class.
 */
function editSelectors(css: string, edit: (selector: string) => string): string {
  return css.replace(/([^{};]*)\{/g, (whole, prelude: string) =>
    prelude.trimStart().startsWith('@') ? whole : `${edit(prelude)}{`,
  );
}

/** The class names the selectors of `css` name, as pages write them. */
function selectorClasses(css: string): Set<string> {
  const names = new Set<string>();
  editSelectors(css, (selector) => {
    for (const [, name] of selector.matchAll(CLASS_SELECTOR)) names.add(unescapeName(name!));
    return selector;
  });
  return names;
}

/** The utilities layer of a Tailwind stylesheet (`@layer utilities{…}`), or '' without one. */
function utilitiesLayer(css: string): string {
  const start = css.indexOf('@layer utilities{');
  if (start < 0) return '';
  let depth = 0;
  for (let i = start; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return css.slice(start, i + 1);
  }
  return css.slice(start);
}

export interface ShortenedStylesheet {
  css: string;
  /** Each renamed class, as pages write it, and its new name. */
  names: Map<string, string>;
}

/**
 * Renames the utility classes of `css` not named in `scripts` (the text of every script
 * the pages run: a class a script adds or looks for must keep its name). New names are given
 * in the order of the old ones, and skip any class name the stylesheet already has.
 */
export function shortenClasses(css: string, scripts: string): ShortenedStylesheet {
  const all = selectorClasses(css);
  const renamed = [...selectorClasses(utilitiesLayer(css))].filter((name) => !scripts.includes(name)).sort();
  const names = new Map<string, string>();
  let n = 0;
  for (const name of renamed) {
    let short = shortName(n++);
    while (all.has(short)) short = shortName(n++);
    names.set(name, short);
  }
  const shortened = editSelectors(css, (selector) =>
    selector.replace(CLASS_SELECTOR, (whole, name: string) => {
      const short = names.get(unescapeName(name));
      return short ? `.${short}` : whole;
    }),
  );
  return { css: shortened, names };
}

/** A class as a class attribute writes it (`[[data-js]_&amp;]:flex`), as CSS names it. */
const unescapeHtml = (text: string): string =>
  text.replace(/&(amp|quot|lt|gt|#\d+|#x[\da-f]+);/gi, (_, name: string) => {
    const named: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>' };
    const lower = name.toLowerCase();
    if (named[lower]) return named[lower];
    return String.fromCodePoint(lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : Number(lower.slice(1)));
  });

/** `html` with the classes of its class attributes renamed by `names`. */
export function renameClasses(html: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return html;
  return html.replace(
    /(\sclass=")([^"]*)"/g,
    (_, start: string, value: string) =>
      `${start}${value
        .split(/(\s+)/)
        .map((part) => names.get(part.includes('&') ? unescapeHtml(part) : part) ?? part)
        .join('')}"`,
  );
}

/**
 * The name of a stylesheet whose text changed: Astro's name with the hash of the new text in
 * place of the old one (`_slug_.CyIbtavM.css` → `_slug_.3f9a0c1d.css`), so a browser that
 * keeps the old one for a year never pairs it with new pages.
 */
export function renamedStylesheet(path: string, css: string): string {
  const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
  return path.replace(/(\.[\w-]+)?\.css$/, `.${hash}.css`);
}
