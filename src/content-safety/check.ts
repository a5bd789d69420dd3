// The editor's side of the guard: what the build's allow-list (sanitize.ts) takes out of an
// article, found in the file as written, with its line and what to write instead. Code (MDX
// imports, expressions, unknown components) and scripts or frames stop the build; other
// markup is removed from the page with a warning.
import { htmlToHast, markdownToHast, mdxToHast } from 'satteri';
import { ARTICLE_COMPONENTS } from './components.ts';
import { IMAGE_EXTENSIONS, sanitizeTree, type Removal, type TreeNode } from './sanitize.ts';

/** One removal in an article file, with its line and the message for the editor. */
export interface SafetyFinding {
  line: number;
  /** An error stops the build; a warning only says what the page will lack. */
  severity: 'error' | 'warning';
  /** Chinese, then English after ` / `. */
  message: string;
}

const COMPONENT_NAMES = Object.keys(ARTICLE_COMPONENTS).join('、');

/** Elements whose removal stops the build: they would run or embed code (as before the allow-list). */
const REFUSED_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet']);

/** The editor's message for one removal: what it was, why, and what to write instead. */
export function safetyMessage(removal: Removal): { severity: 'error' | 'warning'; message: string } {
  const { detail } = removal;
  switch (removal.what) {
    case 'esm':
      return {
        severity: 'error',
        message: `文章里不能写 import 或 export（「${detail}」）：文章是资料，不能运行代码。网站自带的组件（${COMPONENT_NAMES}）不用 import 就能直接使用；请删去这一行。 / import/export is not allowed in an article: articles are data and cannot run code. The site's components (${COMPONENT_NAMES}) need no import; delete this line.`,
      };
    case 'expression':
      return {
        severity: 'error',
        message: `MDX 把花括号里的「{${detail}}」当作代码，文章里不允许。如果这是正文文字，请把 { 写成 \\{（或把文件改为 .md，普通文字不受影响）；要写备注请用 {/* 备注 */}。 / MDX reads {${detail}} as code, which an article may not hold: write \\{ for a literal brace (or rename the file to .md); notes are written {/* … */}.`,
      };
    case 'attribute-expression':
      return {
        severity: 'error',
        message: `标签里的「${detail}」是代码（花括号），文章里不允许：属性请写成 名称="文字"。 / ${detail} is code in braces, which an article may not hold: write attribute="text".`,
      };
    case 'directive':
      return {
        severity: 'error',
        message: `「${detail}」不能用在文章里（它会把未经检查的内容放进网页，或不是这个组件的属性），请删去。 / ${detail} is not allowed in an article (it would put unchecked content into the page, or is not a prop of this component): remove it.`,
      };
    case 'component':
      return {
        severity: 'error',
        message: `组件 <${detail}> 不存在：文章里只能用网站自带的组件（${COMPONENT_NAMES}）。请检查拼写，或删去这个标签。 / Unknown component <${detail}>: articles may use only the site's components (${COMPONENT_NAMES}); check the spelling or remove it.`,
      };
    case 'image':
      return {
        severity: 'error',
        message: `图片「${detail}」不是图片文件：图片要用 ${IMAGE_EXTENSIONS.join('、')} 文件，放在文章旁边，写成 ![说明](./图片.jpg)。 / ${detail} is not a picture: images must be ${IMAGE_EXTENSIONS.join(', ')} files beside the article.`,
      };
    case 'element':
      return REFUSED_ELEMENTS.has(detail)
        ? {
            severity: 'error',
            message: `正文里不能直接写 <${detail}>：它会在读者的电脑上运行或嵌入别的网站。视频请用链接，特殊需要请联系维护人员。 / raw <${detail}> is not allowed in an article: link to the video instead, or ask a maintainer.`,
          }
        : {
            severity: 'warning',
            message: `<${detail}> 已从网页中删去：文章里不能用这种标签（样式、表单、跳转、嵌入内容等会影响网页或读者的安全）。请删去它。 / <${detail}> was removed from the page: articles may not use it; delete it.`,
          };
    case 'unwrapped':
      return {
        severity: 'warning',
        message: `标签 <${detail}> 不在允许之列，网页上只保留其中的文字。排版由网站统一设置，请删去这个标签。 / <${detail}> is not allowed: the page keeps only its text; delete the tag.`,
      };
    case 'attribute':
      return {
        severity: 'warning',
        message: `「${detail}」属性已从网页中删去：文章里不能用事件（on…）、样式（style）、跳转（http-equiv）等属性。请删去它。 / The attribute ${detail} was removed: event handlers, styles and redirects are not allowed in an article.`,
      };
    case 'url':
      return {
        severity: 'warning',
        message: `不安全的地址「${detail}」已从网页中删去：链接和图片只能用 http(s)://、mailto:、tel: 或站内地址。 / The unsafe address ${detail} was removed: links may use only http(s), mailto, tel or a site path.`,
      };
  }
}

/** Raw HTML of a Markdown file as elements, each carrying the line the HTML starts on. */
function expandRaw(node: TreeNode, line: number): TreeNode[] {
  if (node.type === 'raw') {
    const start = node.position?.start.line ?? line;
    const parsed = htmlToHast(String(node.value ?? ''), { fragment: true }) as TreeNode;
    return (parsed.children ?? []).flatMap((child) => withLine(child, start));
  }
  const here = node.position?.start.line ?? line;
  return [{ ...node, children: (node.children ?? []).flatMap((child) => expandRaw(child, here)) }];
}

function withLine(node: TreeNode, line: number): TreeNode[] {
  return [
    {
      ...node,
      position: { start: { line } },
      children: (node.children ?? []).flatMap((child) => withLine(child, line)),
    },
  ];
}

/**
 * What the allow-list would take out of an article, with lines. Throws when the file
 * cannot be parsed (the content checks report syntax errors themselves).
 */
export function safetyFindings(file: string, text: string): SafetyFinding[] {
  const tree = (file.endsWith('.mdx') ? mdxToHast(text) : markdownToHast(text)) as TreeNode;
  const findings: SafetyFinding[] = [];
  sanitizeTree({ ...tree, children: (tree.children ?? []).flatMap((child) => expandRaw(child, 1)) }, (removal, node) =>
    findings.push({ line: node.position?.start.line ?? 1, ...safetyMessage(removal) }),
  );
  return findings;
}
