// Pinyin for search, at build time only (pinyin-pro stays out of the browser): a reader
// without a Chinese input method types 谷冬昭 as gudongzhao, gu dongzhao or gdz. Headlines,
// names, organisations and tags get pinyin words; the text stays Chinese only.
import { pinyin } from 'pinyin-pro';
import { PINYIN_MARK } from './search-tokens.ts';

/** Syllables in one indexed pinyin word: enough for a name or a long word, not a sentence. */
const WINDOW = 6;

const HAN_RUN = /[\u3400-\u9fff]+/g;

/**
 * The pinyin words of a text: for each Han character, the full pinyin and the initials of
 * it and up to WINDOW − 1 characters after it in its run, each starting with `mark`.
 * Pagefind matches a query word as a prefix, so `gudongzhao` and `dongzhao` both find
 * 谷冬昭, and `gdz` its initials; a query of several pinyin words asks for each.
 */
export function pinyinIndexWords(text: string, mark = PINYIN_MARK): string[] {
  const words = new Set<string>();
  for (const [run] of text.matchAll(HAN_RUN)) {
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
    syllables.forEach((_, i) => {
      const window = syllables.slice(i, i + WINDOW);
      words.add(mark + window.join(''));
      words.add(mark + window.map((s) => s[0]).join(''));
    });
  }
  return [...words];
}
