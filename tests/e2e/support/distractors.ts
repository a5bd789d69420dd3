// Hard distractor articles for the search evaluation: each holds the characters of every
// query (and, for longer queries, their character pairs and number parts) scattered about,
// but never a query itself, so only ranking can find the right article. Of each query typed
// as several words, a distractor holds some words whole, often several times, never all.
import { seededRandom } from '../../../tools/seeded-random.ts';
import { pinyinWindows } from '../../../src/search/build/pinyin.ts';
import { normalizeText, queryTerms } from '../../../src/search/shared/tokens.ts';

const FILLER =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const PUNCTUATION = '，。、；';

/** The pieces to scatter: every character, every pair within longer terms, every run of digits. */
function pieces(queries: string[]): string[] {
  const terms = queries.flatMap((query) => queryTerms(query));
  const parts = new Set<string>();
  for (const term of terms) {
    const chars = [...term];
    for (const ch of chars) if (!/[\s.]/.test(ch)) parts.add(ch);
    if (chars.length > 2) for (let i = 0; i + 1 < chars.length; i++) parts.add(chars[i]! + chars[i + 1]!);
    for (const digits of term.match(/[0-9.]+/g) ?? []) parts.add(digits);
  }
  return [...parts];
}

/** Replaces characters until no forbidden term appears in the text. */
function clean(text: string, forbidden: string[], next: () => number): string {
  let chars = [...text];
  for (let guard = 0; guard < 1000; guard++) {
    const normal = normalizeText(chars.join(''));
    const hit = forbidden.map((f) => normal.indexOf(f)).find((at) => at >= 0);
    if (hit === undefined) return chars.join('');
    // Strings with no surrogate pairs here, so offsets match.
    chars[hit + 1] = FILLER[Math.floor(next() * FILLER.length)]!;
    chars = [...chars.join('')];
  }
  throw new Error('could not clean a distractor');
}

/** Breaks every occurrence of `word` (its second character replaced). */
function breakWord(text: string, word: string, next: () => number): string {
  let out = text;
  for (let at = out.indexOf(word); at >= 0; at = out.indexOf(word, at + 1))
    out = out.slice(0, at + 1) + FILLER[Math.floor(next() * FILLER.length)]! + out.slice(at + 2);
  return out;
}

/** Replaces characters until no part of the text reads as one of the pinyin queries. */
function cleanPinyin(text: string, queries: string[], forbidden: string[], next: () => number): string {
  let out = text;
  for (let guard = 0; guard < 100; guard++) {
    const read = pinyinWindows(out).find((w) => queries.some((q) => w.full.startsWith(q) || w.initials.startsWith(q)));
    if (!read) return out;
    out = clean(
      out.slice(0, read.at) + FILLER[Math.floor(next() * FILLER.length)]! + out.slice(read.at + 1),
      forbidden,
      next,
    );
  }
  throw new Error('could not keep a distractor headline from reading as a pinyin query');
}

/** True when the text holds every word of a list whole: what no distractor may do. */
export function holdsAll(text: string, words: string[]): boolean {
  const normal = normalizeText(text);
  return words.every((w) => normal.includes(w));
}

export interface Distractor {
  path: string;
  source: string;
}

/**
 * `count` distractor articles as Markdown files under `content/articles/distractors/`.
 * `wordLists` are the words of the queries typed without spaces: each article holds some
 * of those words that no forbidden term is part of, whole and often several times, but
 * never every word of one list. No headline reads as one of `pinyinQueries` (letters
 * only, no spaces): pinyin finds headlines, and a distractor never holds a query.
 */
export function distractors(
  queries: string[],
  forbidden: string[],
  count: number,
  wordLists: string[][] = [],
  pinyinQueries: string[] = [],
  seed = 20221207,
): Distractor[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const parts = pieces(queries);
  const bad = [...new Set(forbidden.map(normalizeText))];
  const lists = wordLists.map((words) => words.map(normalizeText));
  const free = [...new Set(lists.flat())].filter((w) => !bad.some((b) => w.includes(b)));
  const columns = ['协会动态', '通知公告', '行业资讯', '劳模风采', '政策法规'];
  const sentence = (length: number, held: string[] = []): string => {
    let s = '';
    while ([...s].length < length) {
      const r = next();
      s += held.length && r < 0.15 ? pick(held) : r < 0.45 ? pick(parts) : pick([...FILLER]);
    }
    return s + pick([...PUNCTUATION]);
  };
  return Array.from({ length: count }, (_, i) => {
    const title = cleanPinyin(clean(sentence(12).slice(0, -1), bad, next), pinyinQueries, bad, next);
    // The words this article holds: about a third of them, each likely several times.
    const held = free.filter(() => next() < 0.35);
    const paragraphs = Array.from({ length: 6 + Math.floor(next() * 6) }, () =>
      clean(
        Array.from({ length: 4 + Math.floor(next() * 4) }, () => sentence(10 + Math.floor(next() * 16), held)).join(''),
        bad,
        next,
      ),
    );
    // Every piece appears at least once in the article.
    paragraphs.push(clean(parts.join('，') + '。', bad, next));
    // Never every word of a list in the article as a whole: break one where it holds all.
    let texts = [title, ...paragraphs];
    for (let guard = 0; ; guard++) {
      const whole = lists.find((words) => holdsAll(texts.join('\n'), words));
      if (!whole) break;
      if (guard > 100) throw new Error('could not keep a distractor from holding every word of a query');
      const word = pick(whole);
      texts = texts.map((t, k) =>
        k === 0
          ? cleanPinyin(clean(breakWord(t, word, next), bad, next), pinyinQueries, bad, next)
          : clean(breakWord(t, word, next), bad, next),
      );
    }
    const [cleanTitle, ...cleanParagraphs] = texts;
    const year = 2015 + Math.floor(next() * 10);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const source = [
      '---',
      `title: '测试干扰文章${i + 1}：${cleanTitle}'`,
      `date: ${year}-${month}-${day}`,
      `column: ${pick(columns)}`,
      '---',
      '',
      ...cleanParagraphs.flatMap((p) => [p, '']),
    ].join('\n');
    return { path: `content/articles/distractors/distractor-${String(i + 1).padStart(4, '0')}.md`, source };
  });
}
