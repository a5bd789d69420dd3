// Small text rules that browser code shares with the build: escaping, word breaks. (The text
// of an article body, read with the Markdown parser, is article-text.ts.)

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
