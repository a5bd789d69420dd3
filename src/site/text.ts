/**
 * The paragraphs of a Markdown/MDX body as a reader sees them: one string per paragraph
 * or heading, with heading marks, emphasis marks, links' targets, JSX/HTML tags, import
 * lines and comments removed.
 */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:import|export)\s.*$/gm, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .replace(/<\/?[A-Za-z][^>]*>/g, '')
        .replace(/^#{1,6}\s+/gm, '')
        .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
        .replace(/^>\s?/gm, '')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__|\*|_)(\S[^*_]*?)\1/g, '$2')
        .replace(/\s*\n\s*/g, '')
        .trim(),
    )
    .filter((p) => p.length > 0);
}

const SENTENCE_END = /[。！？!?；;]/g;

/**
 * A plain-text description of at most `max` characters: whole sentences of the first
 * paragraphs, cut after a Chinese sentence end; a single over-long sentence is cut
 * at `max` with an ellipsis.
 */
export function describe(paragraphs: string[], max = 120): string {
  const text = paragraphs.join('');
  if (text.length <= max) return text;
  let cut = -1;
  for (const match of text.matchAll(SENTENCE_END)) {
    if (match.index + 1 > max) break;
    cut = match.index + 1;
  }
  return cut > 0 ? text.slice(0, cut) : `${text.slice(0, max - 1)}…`;
}

/** Text made safe inside HTML or XML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * A Chinese name or phrase cut into words (辽宁省 / 纺织 / 服装 / 协会), so a line may
 * break between words and never inside one (never 协 / 会).
 */
export function wordsOf(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}
