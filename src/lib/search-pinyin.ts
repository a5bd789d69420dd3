// Pinyin for search, at build time only (pinyin-pro stays out of the browser): a reader
// without a Chinese input method types 谷冬昭 as gudongzhao, gu dongzhao or gdz. Headlines,
// names, organisations and tags get pinyin words; the text stays Chinese only.
import { pinyin } from 'pinyin-pro';
import { PINYIN_MARK } from './search-tokens.ts';

/** Syllables in one indexed pinyin word: enough for a name or a long word, not a sentence. */
const WINDOW = 6;

const HAN_RUN = /[\u3400-\u9fff]+/g;

/** One indexed place of a text: a Han character's offset, and the pinyin from it (full and initials). */
export interface PinyinWindow {
  at: number;
  full: string;
  initials: string;
}

/**
 * Where a text reads as pinyin: for each Han character, the full pinyin and the initials of
 * it and up to WINDOW − 1 characters after it in its run.
 */
export function pinyinWindows(text: string): PinyinWindow[] {
  const windows: PinyinWindow[] = [];
  for (const match of text.matchAll(HAN_RUN)) {
    const syllables = pinyin(match[0], { toneType: 'none', type: 'array', v: true });
    syllables.forEach((_, i) => {
      const window = syllables.slice(i, i + WINDOW);
      windows.push({ at: match.index + i, full: window.join(''), initials: window.map((s) => s[0]).join('') });
    });
  }
  return windows;
}

/**
 * The pinyin words of a text (see pinyinWindows), each starting with `mark`. Pagefind
 * matches a query word as a prefix, so `gudongzhao` and `dongzhao` both find 谷冬昭, and
 * `gdz` its initials; a query of several pinyin words asks for each.
 */
export function pinyinIndexWords(text: string, mark = PINYIN_MARK): string[] {
  return [...new Set(pinyinWindows(text).flatMap((w) => [mark + w.full, mark + w.initials]))];
}
