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
