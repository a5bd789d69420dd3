// Chinese typesetting that CSS cannot do alone: `line-break: strict` keeps closing punctuation
// off the start of a line, but a space in the text is a break of its own, so a stray one before
// ” (名镇 ”) or after “ could still leave the mark alone at a line's edge.
import type { HastPluginDefinition } from 'satteri';

const CLOSING = '。，、；：！？”’）》」』】〕';
const OPENING = '“‘（《「『【〔';
const SPACE_BEFORE_CLOSING = new RegExp(`[ \\t\\r\\n]+(?=[${CLOSING}])`, 'gu');
const SPACE_AFTER_OPENING = new RegExp(`(?<=[${OPENING}])[ \\t\\r\\n]+`, 'gu');

/**
 * `text` with each space before Chinese closing punctuation, or after opening punctuation,
 * made one no-break space: the reader still sees the gap the editor typed, but no line breaks
 * there.
 */
export function bindPunctuation(text: string): string {
  return text.replace(SPACE_BEFORE_CLOSING, '\u00a0').replace(SPACE_AFTER_OPENING, '\u00a0');
}

/** Every text of an article, its raw HTML's too, with its punctuation bound (see above). */
export const punctuationBound: HastPluginDefinition = {
  name: 'lnga-punctuation-bound',
  text: (node, ctx) => {
    const value = bindPunctuation(node.value);
    if (value !== node.value) ctx.replaceNode(node, { type: 'text', value });
  },
};
