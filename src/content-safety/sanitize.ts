// What an article may put into a page: an allow-list of HTML, applied to the article's HTML
// tree (hast) both by the build, which renders the result, and by the content checks, which
// report what it took out. Articles are data: nothing an editor writes may run code on the
// build machine (MDX `import`/`export`, `{…}` expressions, `set:html`) or in a reader's
// browser (scripts, event handlers, `javascript:` links, styles, forms, frames, redirects).
import { articleComponent } from './components.ts';

/** A node of the article's tree, as Sätteri gives it (hast plus MDX nodes). */
export interface TreeNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string | undefined; value?: unknown }[];
  children?: TreeNode[];
  position?: { start: { line: number } } | undefined;
  data?: unknown;
}

/**
 * What was taken out of an article: code that would run when the site is built (MDX
 * `import`/`export`, expressions, directives, components not on the list), or markup that
 * would act in readers' browsers or change the page around the article (elements removed
 * with their content, tags unwrapped to their text, attributes, addresses).
 */
export interface Removal {
  what:
    | 'esm'
    | 'expression'
    | 'attribute-expression'
    | 'directive'
    | 'component'
    | 'image'
    | 'element'
    | 'unwrapped'
    | 'attribute'
    | 'url';
  detail: string;
}

/** Tells the caller what was removed and the node it was on (for its line). */
export type Reporter = (removal: Removal, node: TreeNode) => void;

/** Elements an article may contain, with the attributes each may carry (beyond GLOBAL). */
const ELEMENTS: Record<string, readonly string[]> = {
  p: [],
  br: [],
  hr: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  sub: [],
  sup: [],
  mark: [],
  small: [],
  abbr: [],
  q: ['cite'],
  cite: [],
  code: [],
  pre: [],
  kbd: [],
  blockquote: ['cite'],
  ul: [],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  dl: [],
  dt: [],
  dd: [],
  table: [],
  caption: [],
  colgroup: ['span'],
  col: ['span'],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope', 'headers', 'abbr', 'align'],
  td: ['colspan', 'rowspan', 'headers', 'align'],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  figure: [],
  figcaption: [],
  span: [],
  div: [],
  section: [],
  // GitHub task lists: a disabled checkbox (a checkbox of any other kind is refused below).
  input: ['type', 'checked', 'disabled'],
};

/** Attributes any allowed element may carry. */
const GLOBAL = [
  'title',
  'lang',
  'dir',
  'classname',
  'id',
  'aria-label',
  'aria-describedby',
  'data-footnote-ref',
  'data-footnote-backref',
];

/** Class names an article may use: the footnotes and task lists Markdown makes, and the site's own. */
const CLASSES = new Set([
  'footnotes',
  'sr-only',
  'data-footnote-backref',
  'contains-task-list',
  'task-list-item',
  'signoff',
]);

/**
 * Elements removed with everything inside them: they run code, embed other sites, change the
 * page around the article (base, meta refresh, styles) or take readers' input.
 */
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'link',
  'meta',
  'noscript',
  'template',
  'title',
  'head',
  'textarea',
  'select',
  'option',
  'button',
  'svg',
  'math',
  'audio',
  'video',
  'source',
  'track',
  'portal',
  'canvas',
]);

/** Attributes holding an address, and the schemes they may use (relative addresses always may). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Files an article may show as images (what Astro imports and optimises). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif'] as const;
const IMAGE_FILE = new RegExp(`\\.(${IMAGE_EXTENSIONS.join('|')})$`, 'i');

/** The scheme of an address as a browser reads it (it ignores tabs, newlines and spaces), or undefined. */
export function schemeOf(address: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = address.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** Whether an address may stand in an article: http(s), mailto, tel, or relative to the site. */
export function isSafeUrl(address: string): boolean {
  const scheme = schemeOf(address);
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/**
 * Whether an image address is one the build may use: a web address, a picture in the site's
 * public/ folder (`/favicon.svg`), or a picture file beside the article, which Astro imports
 * and optimises. Anything else beside the article (`./x.mjs`, `./a.svg`, which Astro would
 * inline) would be imported as code.
 */
export function isImageAddress(address: string): boolean {
  const scheme = schemeOf(address);
  if (scheme === 'http' || scheme === 'https') return true;
  if (scheme !== undefined) return false;
  const path = address.trim().replace(/[?#].*$/, '');
  if (path.startsWith('/') && !path.startsWith('//')) return IMAGE_FILE.test(path) || /\.svg$/i.test(path);
  return IMAGE_FILE.test(path);
}

/** hast property names (className, colSpan, httpEquiv, onClick) as HTML attribute names. */
const attributeName = (property: string): string =>
  /^on[A-Z]/.test(property) || property === 'className'
    ? property.toLowerCase()
    : property
        .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
        .replace(/^(col|row)-span$/, '$1span')
        .replace(/^date-time$/, 'datetime')
        .toLowerCase();

/** JSX attribute names as hast properties, for an HTML tag written in MDX. */
const propertyName = (attribute: string): string =>
  ({ class: 'className', classname: 'className', colspan: 'colSpan', rowspan: 'rowSpan', datetime: 'dateTime' })[
    attribute.toLowerCase()
  ] ?? attribute;

/** MDX comments (`{/* … *\/}`) hold no code: they are the only expressions an article may use. */
export const isCommentOnly = (code: string): boolean =>
  code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .trim() === '';

/** The allowed properties of one element, each reported when it is not. */
function cleanProperties(
  tag: string,
  properties: Record<string, unknown>,
  node: TreeNode,
  report: Reporter,
): Record<string, unknown> | undefined {
  const allowed = new Set([...GLOBAL, ...(ELEMENTS[tag] ?? [])]);
  const kept: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(properties)) {
    const name = attributeName(property);
    if (!allowed.has(name)) {
      // Unknown but harmless attributes (width on a table, target on a link) go quietly;
      // those that act (on…), restyle the page or redirect it are reported.
      if (/^on|^style$|^formaction$|^srcdoc$|^http-equiv$/.test(name))
        report({ what: 'attribute', detail: `${tag} ${name}` }, node);
      continue;
    }
    if (URL_ATTRIBUTES.has(name) && !isSafeUrl(String(value))) {
      report({ what: 'url', detail: String(value) }, node);
      continue;
    }
    if (name === 'classname') {
      const classes = (Array.isArray(value) ? value : String(value).split(/\s+/))
        .map(String)
        .filter((c) => CLASSES.has(c));
      if (classes.length) kept[property] = classes;
      continue;
    }
    // Ids are prefixed, so an article cannot take over one of the page's own (the search box).
    if (name === 'id') {
      const id = String(value);
      kept[property] = id.startsWith('user-content-') ? id : `user-content-${id}`;
      continue;
    }
    kept[property] = value;
  }
  if (tag === 'input' && (kept['type'] !== 'checkbox' || kept['disabled'] === undefined)) return undefined;
  return kept;
}

/** An HTML tag written in MDX (`<div class="x">`) as a plain element: literal attributes only. */
function jsxAsElement(node: TreeNode, report: Reporter): TreeNode {
  const properties: Record<string, unknown> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.name !== 'string') {
      report({ what: 'attribute-expression', detail: `<${node.name} {…}>` }, node);
      continue;
    }
    if (/^(set|is|client|server|define|transition):/i.test(attribute.name)) {
      report({ what: 'directive', detail: attribute.name }, node);
      continue;
    }
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      report({ what: 'attribute-expression', detail: `${attribute.name}={…}` }, node);
      continue;
    }
    properties[propertyName(attribute.name)] = attribute.value ?? true;
  }
  return {
    type: 'element',
    tagName: String(node.name).toLowerCase(),
    properties,
    children: node.children ?? [],
    position: node.position,
  };
}

/** One of the site's components, as written in MDX: literal props of its own only. */
function cleanComponent(node: TreeNode, report: Reporter): TreeNode[] {
  const name = String(node.name);
  const component = articleComponent(name);
  if (!component) {
    report({ what: 'component', detail: name }, node);
    return sanitizeChildren(node.children ?? [], report);
  }
  const attributes = [];
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || (typeof attribute.value === 'object' && attribute.value !== null)) {
      report({ what: 'attribute-expression', detail: `<${name} {…}>` }, node);
      continue;
    }
    if (!component.props.includes(String(attribute.name))) {
      report({ what: 'directive', detail: `${name} ${attribute.name}` }, node);
      continue;
    }
    attributes.push({ type: 'mdxJsxAttribute', name: attribute.name, value: attribute.value });
  }
  return [{ ...node, attributes, children: sanitizeChildren(node.children ?? [], report) }];
}

/** A node as it may stand in the page: itself, cleaned, its children alone, or nothing. */
function sanitizeNode(node: TreeNode, report: Reporter): TreeNode[] {
  switch (node.type) {
    case 'text':
      return [node];
    case 'mdxjsEsm':
      report(
        {
          what: 'esm',
          detail: String(node.value ?? '')
            .split('\n')[0]!
            .slice(0, 60),
        },
        node,
      );
      return [];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isCommentOnly(String(node.value ?? '')))
        report({ what: 'expression', detail: String(node.value ?? '').slice(0, 60) }, node);
      return [];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = String(node.name ?? '');
      // A fragment (<>…</>) or a member name (<a.b>) is code, not a tag.
      if (name === '' || name.includes('.')) {
        report({ what: 'component', detail: name || '<>' }, node);
        return sanitizeChildren(node.children ?? [], report);
      }
      if (/^[A-Z]/.test(name)) return cleanComponent(node, report);
      return sanitizeNode(jsxAsElement(node, report), report);
    }
    case 'element': {
      const tag = String(node.tagName).toLowerCase();
      if (DROPPED.has(tag)) {
        report({ what: 'element', detail: tag }, node);
        return [];
      }
      if (!Object.hasOwn(ELEMENTS, tag)) {
        report({ what: 'unwrapped', detail: tag }, node);
        return sanitizeChildren(node.children ?? [], report);
      }
      const properties = cleanProperties(tag, node.properties ?? {}, node, report);
      if (!properties) {
        report({ what: 'element', detail: tag }, node);
        return [];
      }
      if (tag === 'img' && typeof properties['src'] === 'string' && !isImageAddress(properties['src'])) {
        report({ what: 'image', detail: properties['src'] }, node);
        return [];
      }
      return [{ ...node, tagName: tag, properties, children: sanitizeChildren(node.children ?? [], report) }];
    }
    // Comments, raw HTML the parser left as text, doctypes: nothing a reader needs.
    default:
      return [];
  }
}

function sanitizeChildren(children: TreeNode[], report: Reporter): TreeNode[] {
  return children.flatMap((child) => sanitizeNode(child, report));
}

/**
 * The article's tree with only what the allow-list keeps: allowed elements with allowed
 * attributes and safe addresses, the site's components with literal props, text. Every
 * removal is told to `report` with its node.
 */
export function sanitizeTree<T extends TreeNode>(root: T, report: Reporter = () => {}): T {
  return { ...root, children: sanitizeChildren(root.children ?? [], report) };
}
