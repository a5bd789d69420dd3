// Pinyin for search, at build time only (pinyin-pro stays out of the browser): a reader
// without a Chinese input method types 谷冬昭 as gudongzhao, gu dongzhao or gdz. Headlines,
// names, organisations and tags get pinyin words; the text stays Chinese only.
import { pinyin } from 'pinyin-pro';
import { PINYIN_MARK } from '../shared/tokens.ts';

/** Syllables in one indexed pinyin word: enough for a name or a long word, not a sentence. */
const WINDOW = 6;
/**
 * Ends a pinyin word cut short by the end of its run (谷冬昭 → gudongzhao·, dongzhao·,
 * zhao·), so no pinyin word is the start of a longer query. Pagefind answers a word no
 * page holds with pages holding a word that starts it: without the end, `laomo` found
 * every headline ending in 老 (`lao`) in a shard that held no 劳模. No pinyin syllable
 * ends in v (ü is written v only after l and n).
 */
const RUN_END = 'v';

const HAN_RUN = /[\u3400-\u9fff]+/g;

/** One indexed place of a text: a Han character's offset, and the pinyin from it (full and initials). */
export interface PinyinWindow {
  at: number;
  full: string;
  initials: string;
}

/**
 * Where a text reads as pinyin: for each Han character, the full pinyin and the initials of
 * it and up to WINDOW − 1 characters after it in its run (RUN_END where the run ends).
 */
export function pinyinWindows(text: string): PinyinWindow[] {
  const windows: PinyinWindow[] = [];
  for (const match of text.matchAll(HAN_RUN)) {
    const syllables = pinyin(match[0], { toneType: 'none', type: 'array', v: true });
    syllables.forEach((_, i) => {
      const window = syllables.slice(i, i + WINDOW);
      const end = i + WINDOW >= syllables.length ? RUN_END : '';
      windows.push({
        at: match.index + i,
        full: window.join('') + end,
        initials: window.map((s) => s[0]).join('') + end,
      });
    });
  }
  return windows;
}

/**
 * The pinyin words of a text (see pinyinWindows), each starting with `mark`. Pagefind
 * matches a query word as a prefix, so `gudongzhao` and `dongzhao` both find 谷冬昭, and
 * `gdz` its initials; a query of several pinyin words asks for each.
 */
export function pinyinIndexWords(text: string, mark = PINYIN_MARK): readonly string[] {
  const key = `${mark} ${text}`;
  let words = known.get(key);
  if (!words)
    known.set(key, (words = [...new Set(pinyinWindows(text).flatMap((w) => [mark + w.full, mark + w.initials]))]));
  return words;
}

/** The words of texts seen in this build: organisations, tags and names repeat across articles. */
const known = new Map<string, readonly string[]>();
