// Draws share cards (see share-card.ts) as PNG with Satori and resvg, using only the chunks of
// Noto Sans SC (from @fontsource/noto-sans-sc) that hold the card's characters. Drawing takes
// tens of milliseconds, so each picture is kept in .cache/share-cards/ under a hash of all
// that goes into it: a rebuild only finds the file there. The build draws in worker threads
// (share-card/integration.ts), the dev server on request.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import {
  SHARE_IMAGE,
  cardTree,
  charactersByWeight,
  chunksFor,
  parseUnicodeRanges,
  type CardNode,
  type FontChunk,
  type ShareCard,
} from './card.ts';
import { PNG_ENCODING, opaquePng } from './png.ts';

// Paths from the project root: the build, the dev server and the tests all run there.
const FONT_PACKAGE = join(process.cwd(), 'node_modules/@fontsource/noto-sans-sc');
const LOGO = join(process.cwd(), 'public/favicon.svg');

let chunkTable: FontChunk[] | undefined;
const fontChunks = (): FontChunk[] =>
  (chunkTable ??= parseUnicodeRanges(JSON.parse(readFileSync(join(FONT_PACKAGE, 'unicode.json'), 'utf8'))));

// What else changes a picture: the versions of the drawing code and of the font.
let versions: string | undefined;
const toolVersions = (): string =>
  (versions ??= ['satori', '@resvg/resvg-js', '@fontsource/noto-sans-sc']
    .map((name) => JSON.parse(readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')).version)
    .join(' '));

export interface ShareFont {
  /** A family name of its own per chunk: Satori then falls back from chunk to chunk by glyph. */
  name: string;
  weight: 400 | 700;
  file: string;
}

/** The font chunk files that draw a tree, and the characters that no chunk holds. */
export function fontsFor(tree: CardNode): { fonts: ShareFont[]; missing: string[] } {
  const fonts: ShareFont[] = [];
  const missing = new Set<string>();
  for (const [weight, characters] of charactersByWeight(tree)) {
    const w = weight >= 600 ? 700 : 400;
    const chunks = chunksFor(characters, fontChunks());
    chunks.missing.forEach((ch) => missing.add(ch));
    for (const name of chunks.names)
      fonts.push({ name: `noto-sc-${name}`, weight: w, file: `noto-sans-sc-${name}-${w}-normal.woff` });
  }
  return { fonts, missing: [...missing] };
}

// One Buffer per chunk file: Satori keeps the parsed font for each Buffer it has seen.
const fontData = new Map<string, Buffer>();
const loadFont = (file: string): Buffer => {
  let data = fontData.get(file);
  if (!data) fontData.set(file, (data = readFileSync(join(FONT_PACKAGE, 'files', file))));
  return data;
};

/** Draws a tree as PNG pixels with the given fonts. */
export async function drawPng(tree: CardNode, fonts: ShareFont[], size: { width: number; height: number }) {
  const svg = await satori(tree, {
    ...size,
    fonts: fonts.map((f) => ({ name: f.name, weight: f.weight, style: 'normal' as const, data: loadFont(f.file) })),
  });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
}

/** `laomo-liu-yi.<hash>.png`: the cache file of one picture of a card. */
export const cardFileName = (name: string, hash: string): string => `${name}.${hash}.png`;

/** The card name of a cache file (`a.b.<hash>.png` → `a.b`), or undefined for other files. */
export function cardNameOf(file: string): string | undefined {
  return /^(.+)\.[\w-]{20}\.png$/.exec(file)?.[1];
}

// The logo, read once per thread.
let logo: string | undefined;

export interface ShareImageFile {
  /** The picture in the cache. */
  file: string;
  /** Characters of the card that no font chunk holds (they would show as boxes). */
  missing: string[];
  /** Whether the picture was in the cache already. */
  cached: boolean;
}

/**
 * The cache file of a card's picture in `cacheDir` (SHARE_IMAGE_CACHE, see build/options.ts),
 * drawn first when the cache does not hold it.
 */
export async function shareImageFile(name: string, card: ShareCard, cacheDir: string): Promise<ShareImageFile> {
  const tree = cardTree(card, (logo ??= readFileSync(LOGO, 'utf8')));
  const { fonts, missing } = fontsFor(tree);
  const hash = createHash('sha256')
    .update(JSON.stringify([toolVersions(), PNG_ENCODING, tree, fonts]))
    .digest('base64url')
    .slice(0, 20);
  const file = join(cacheDir, cardFileName(name, hash));
  if (existsSync(file)) return { file, missing, cached: true };
  const drawn = await drawPng(tree, fonts, SHARE_IMAGE);
  const png = opaquePng(drawn.pixels, drawn.width, drawn.height) ?? drawn.asPng();
  await mkdir(cacheDir, { recursive: true });
  // Written whole under another name first: a build linking it, or a dev server beside it,
  // never sees half a picture.
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  await writeFile(partial, png);
  await rename(partial, file);
  return { file, missing, cached: false };
}

/**
 * Removes the older pictures of the given cards from the cache: `current` maps a card's name to
 * the file name of its picture now. Cards not named keep theirs (a draft's, drawn by dev).
 */
export async function removeStalePictures(cacheDir: string, current: ReadonlyMap<string, string>): Promise<number> {
  let files: string[];
  try {
    files = await readdir(cacheDir);
  } catch {
    return 0;
  }
  const stale = files.filter((f) => {
    const name = cardNameOf(f);
    return name !== undefined && current.has(name) && current.get(name) !== f;
  });
  await Promise.all(stale.map((f) => rm(join(cacheDir, f), { force: true })));
  return stale.length;
}

export interface ShareImage {
  png: Buffer;
  /** Characters of the card that no font chunk holds (they would show as boxes). */
  missing: string[];
  /** Whether the picture came from the cache. */
  cached: boolean;
}

/**
 * The PNG of a card, drawn or read from the cache (the dev server draws on request with it).
 * `name` (an article's slug) keeps one picture per card in the cache: drawing a new one
 * removes the older ones of that name.
 */
export async function shareImage(name: string, card: ShareCard, cacheDir: string): Promise<ShareImage> {
  const { file, missing, cached } = await shareImageFile(name, card, cacheDir);
  if (!cached) await removeStalePictures(cacheDir, new Map([[name, basename(file)]]));
  return { png: await readFile(file), missing, cached };
}

/** The warning for characters a card cannot draw, in Chinese with the English beneath. */
export function missingGlyphsWarning(name: string, missing: string[]): string {
  return (
    `分享图缺少字形：${missing.join(' ')}（${name}），这些字在分享图上会显示为方框。\n` +
    `Share image of ${name}: the font has no glyph for ${missing.join(' ')}.`
  );
}
