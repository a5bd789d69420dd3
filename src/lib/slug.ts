import { pinyin } from 'pinyin-pro';

/**
 * The URL slug of an article file: its name without extension, or its folder's name
 * when the file is `index.md(x)`, so an article can move between folders without
 * changing its address.
 */
export function articleIdFromPath(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  const file = (parts.pop() ?? '').replace(/\.mdx?$/i, '');
  const name = file.toLowerCase() === 'index' ? (parts.pop() ?? file) : file;
  return name.toLowerCase();
}

/**
 * A readable pinyin slug for a headline: the column prefix (`劳模风采 |`) and the honour
 * before `——` are dropped, Chinese becomes toneless pinyin, everything else is kept as
 * lowercase ASCII words, and the result is cut after `maxWords` words.
 */
export function slugify(headline: string, maxWords = 8): string {
  let core = headline.replace(/^[^|｜]{1,8}[|｜]\s*/, '');
  const dash = core.indexOf('——');
  if (dash >= 0) core = core.slice(dash + 2);
  const syllables = pinyin(core, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = syllables.flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 0);
  return words.slice(0, maxWords).join('-');
}

// Two-character surnames, so 欧阳娜娜 reads ouyang-nana rather than ou-yangnana.
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 南宫 西门 百里 呼延 万俟 澹台 闻人 赫连 申屠 东郭 司空 钟离'.split(
    ' ',
  ),
);

/**
 * A person's name as the existing profiles spell it: surname, a hyphen, then the given
 * name in one word (刘毅 → liu-yi, 谷冬昭 → gu-dongzhao), with surnames read as surnames
 * (单 → shan). A name that is not all Chinese is slugified as it stands.
 */
export function nameSlug(name: string): string {
  const han = name.replace(/[\s·•]/g, '');
  if (!/^\p{Script=Han}{2,}$/u.test(han)) return slugify(name);
  const syllables = pinyin(han, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const surnameLength = COMPOUND_SURNAMES.has(han.slice(0, 2)) && han.length > 2 ? 2 : 1;
  return [syllables.slice(0, surnameLength).join(''), syllables.slice(surnameLength).join('')].join('-');
}

/** A slug is lowercase ASCII words joined by single hyphens, e.g. `laomo-liu-yi`. */
export const isSlug = (value: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);

/** `base`, or `base-2`, `base-3`… : the first that no existing article uses. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
