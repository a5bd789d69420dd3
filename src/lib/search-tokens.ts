// Chinese search on top of Pagefind. Pagefind ranks Chinese poorly: it matches a query's
// characters wherever they are, and splits CJK in the query itself. So the index does not
// hold Chinese at all: every Han character becomes one ASCII token naming it and the
// character after it (overlapping pairs, as Lucene's CJK analyser does). A query is turned
// into the same tokens, so Pagefind finds exactly the pages that hold each pair, and the
// positions of the matches say whether the pairs stand next to each other.

/** Han characters we index: CJK Extension A and the Unified Ideographs block. */
const HAN_FIRST = 0x3400;
const HAN_LAST = 0x9fff;
/** Every token starts with this letter: it keeps tokens apart from ordinary words. */
const MARK = 'q';
/** Stands for "no next character" at the end of a run of Han characters. */
const END = 'zzz';

const isHanCode = (code: number): boolean => code >= HAN_FIRST && code <= HAN_LAST;

/** True when the string holds at least one indexed Han character. */
export function hasHan(text: string): boolean {
  for (const ch of text) if (isHanCode(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

/** Three base-36 digits naming one Han character. */
function code(ch: string): string {
  return ((ch.codePointAt(0) ?? HAN_FIRST) - HAN_FIRST).toString(36).padStart(3, '0');
}

/** Full-width letters, digits and spaces to half-width, compatibility ideographs unified, lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

type Run = { han: boolean; text: string };

/** Splits text into runs of Han characters and runs of letters/digits; everything else separates. */
function runs(text: string): Run[] {
  const result: Run[] = [];
  let current: Run | null = null;
  for (const ch of normalizeText(text)) {
    const han = isHanCode(ch.codePointAt(0) ?? 0);
    const word = !han && /[\p{L}\p{N}]/u.test(ch);
    if (!han && !word) {
      current = null;
      continue;
    }
    if (current && current.han === han) current.text += ch;
    else result.push((current = { han, text: ch }));
  }
  return result;
}

/**
 * The words Pagefind indexes for a text: one token per Han character (that character and
 * the next, or END), and every run of letters or digits as it is. Token i stands at word
 * position i, so neighbouring characters have neighbouring positions.
 */
export function indexTokens(text: string): string[] {
  return runs(text).flatMap((run) => {
    if (!run.han) return [run.text];
    const chars = [...run.text];
    return chars.map((ch, i) => MARK + code(ch) + (i + 1 < chars.length ? code(chars[i + 1]!) : END));
  });
}

/**
 * The query tokens of one search term: the overlapping pairs of its Han characters (a
 * single character becomes a prefix that matches every pair it starts), and its runs of
 * letters or digits. A page holding all of them holds every pair of the term.
 */
export function termTokens(term: string): string[] {
  return runs(term).flatMap((run) => {
    if (!run.han) return [run.text];
    const chars = [...run.text];
    if (chars.length === 1) return [MARK + code(chars[0]!)];
    return chars.slice(0, -1).map((ch, i) => MARK + code(ch) + code(chars[i + 1]!));
  });
}

/** The looser tokens of a term: each Han character alone (as a prefix), for pages holding them apart. */
export function characterTokens(term: string): string[] {
  return runs(term).flatMap((run) => (run.han ? [...run.text].map((ch) => MARK + code(ch)) : [run.text]));
}

/**
 * The terms of a query: split at spaces (full-width too), normalised, without repeats;
 * at most 8 terms of at most 32 characters, so a pasted paragraph cannot stall the page.
 */
export function queryTerms(query: string): string[] {
  const terms = normalizeText(query)
    .split(/\s+/)
    .map((t) => [...t].slice(0, 32).join(''))
    .filter((t) => runs(t).length > 0);
  return [...new Set(terms)].slice(0, 8);
}
