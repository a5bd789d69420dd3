import { pinyin } from 'pinyin-pro';
import { site } from '../site.config.ts';

/**
 * The URL slug of an article file: its name without extension, or its folder's name
 * when the file is `index.md(x)`, so an article can move between folders without
 * changing its address. A name that is not already a slug (the back office names an
 * article's folder `2024-05-20-协会召开年会` or `2024-05-20-laomo-张三`, after its date and
 * headline or person) becomes the pinyin slug `npm run new` would give it.
 */
export function articleIdFromPath(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  const file = (parts.pop() ?? '').replace(/\.mdx?$/i, '');
  const name = (file.toLowerCase() === 'index' ? (parts.pop() ?? file) : file).normalize('NFC');
  if (isSlug(name.toLowerCase())) return name.toLowerCase();
  const dated = /^(\d{4}-\d{2}-\d{2})-(.*)$/s.exec(name);
  const rest = dated ? dated[2]! : name;
  const profile = /^laomo-(.+)$/s.exec(rest);
  const slug = profile ? profileSlug(profile[1]!) : slugify(rest);
  return slug && slug !== profileSlug('') ? slug : (dated?.[1] ?? 'wenzhang');
}

// Chinese words, so a slug is cut after a whole word (协会, not 协).
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Names a headline may open with that say nothing about it: the association's own. */
const OWN_NAMES = [site.name, site.partnerName].sort((a, b) => b.length - a.length);

/**
 * A readable pinyin slug for a headline: the column prefix (`劳模风采 |`), the honour
 * before `——` and the association's name at the start are dropped, Chinese becomes
 * toneless pinyin, everything else is kept as lowercase ASCII words, and the result is
 * cut after at most `maxWords` syllables, at the end of a word.
 */
export function slugify(headline: string, maxWords = 8): string {
  let core = headline.normalize('NFC').replace(/^[^|｜]{1,8}[|｜]\s*/, '');
  const dash = core.indexOf('——');
  if (dash >= 0) core = core.slice(dash + 2);
  core = core.trim();
  for (const own of OWN_NAMES) if (core.startsWith(own)) core = core.slice(own.length);
  const slug: string[] = [];
  for (const { segment, isWordLike } of words.segment(core)) {
    if (!isWordLike) continue;
    const syllables = pinyin(segment, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
    const word = syllables.flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 0);
    if (slug.length + word.length > maxWords) {
      // A single word longer than the whole slug is cut rather than dropped.
      if (slug.length === 0) slug.push(...word.slice(0, maxWords));
      break;
    }
    slug.push(...word);
  }
  return slug.join('-');
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

/** The address of a 劳模风采 profile: `laomo-` and the person's name (刘毅 → laomo-liu-yi). */
export const profileSlug = (name: string): string => `laomo-${nameSlug(name)}`;

/** A slug is lowercase ASCII words joined by single hyphens, e.g. `laomo-liu-yi`. */
export const isSlug = (value: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);

/** `base`, or `base-2`, `base-3`… : the first that no existing article uses. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
