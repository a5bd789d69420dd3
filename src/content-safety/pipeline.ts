// The build's guard: Sätteri plugins that every article passes through, in `npm run build`
// and in `npm run dev` alike (where a broken article does not stop the preview, so the
// content checks alone would not keep its code from running). They remove silently; the
// content checks (./check.ts) report the same removals, with their lines, to the editor.
import { satteri } from '@astrojs/markdown-satteri';
import type { HastPluginDefinition, MdastPluginDefinition } from 'satteri';
import { punctuationBound } from '../site/typesetting.ts';
import { isImageAddress, sanitizeTree, type TreeNode } from './sanitize.ts';

/**
 * Before anything else reads the article: MDX `import`/`export` and `{…}` expressions go,
 * and so do images whose address is not a picture (Astro would import `./x.mjs` as code).
 */
const codeGuard: MdastPluginDefinition = {
  name: 'lnga-code-guard',
  mdxjsEsm: (node, ctx) => ctx.removeNode(node),
  mdxFlowExpression: (node, ctx) => ctx.removeNode(node),
  mdxTextExpression: (node, ctx) => ctx.removeNode(node),
  image: (node, ctx) => {
    if (!isImageAddress(node.url)) ctx.replaceNode(node, { type: 'text', value: node.alt ?? '' });
  },
};

/** The article's HTML reduced to the allow-list (see sanitize.ts). */
const htmlGuard: HastPluginDefinition = {
  name: 'lnga-html-guard',
  before: (root, ctx) => {
    ctx.replaceNode(root, sanitizeTree(root as TreeNode) as typeof root);
  },
};

/**
 * Astro's Markdown processor for articles (.md and .mdx): raw HTML parsed into elements, so
 * the allow-list sees every tag, and both guards; then the typesetting of the text.
 */
export const articleProcessor = () =>
  satteri({ mdastPlugins: [codeGuard], hastPlugins: [htmlGuard, punctuationBound], features: { rawHtml: true } });

export { codeGuard, htmlGuard };
