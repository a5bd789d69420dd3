import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, test } from 'vitest';
import type { CardNode, ShareCard } from '../../../src/share-card/card.ts';
import {
  cardFileName,
  cardNameOf,
  drawPng,
  fontsFor,
  removeStalePictures,
  shareImage,
} from '../../../src/share-card/image.ts';
import { site } from '../../../src/site.config.ts';

const LIU_YI = '劳模风采 | 全国纺织工业劳动模范——刘毅:不忘初心抓主业 一心一意谋发展';
const card: ShareCard = {
  title: LIU_YI,
  label: '劳模风采',
  date: '2022年7月12日',
  siteName: site.name,
  partnerName: site.partnerName,
};
const dirs: string[] = [];
const cacheDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'lnga-share-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('shareImage', () => {
  test('draws a 1200×630 PNG of the card, then reads it back from the cache', async () => {
    const dir = await cacheDir();
    const first = await shareImage('laomo-liu-yi', card, dir);
    expect(first).toMatchObject({ cached: false, missing: [] });
    const png = PNG.sync.read(first.png);
    expect([png.width, png.height]).toEqual([1200, 630]);
    const second = await shareImage('laomo-liu-yi', card, dir);
    expect(second.cached).toBe(true);
    expect(second.png.equals(first.png)).toBe(true);
  }, 30_000);

  test('a changed headline draws a new picture and drops the old one', async () => {
    const dir = await cacheDir();
    await shareImage('a', card, dir);
    await shareImage('ab', card, dir);
    const changed = await shareImage('a', { ...card, title: '协会召开第三次会议' }, dir);
    expect(changed.cached).toBe(false);
    const files = await readdir(dir);
    expect(files.filter((f) => f.startsWith('a.'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('ab.'))).toHaveLength(1);
  }, 30_000);

  test('names the characters the font cannot draw', async () => {
    const result = await shareImage('emoji', { ...card, title: '纺织🧵' }, await cacheDir());
    expect(result.missing).toEqual(['🧵']);
  }, 30_000);
});

describe('the cache files', () => {
  test('are named by card and hash, and the name reads back even with dots in it', () => {
    const hash = 'Wd5BXfnaLRGi_U-4nLiX';
    expect(cardFileName('a.b', hash)).toBe(`a.b.${hash}.png`);
    expect(cardNameOf(cardFileName('a.b', hash))).toBe('a.b');
    expect(cardNameOf(`a.${hash}.png.123.part`)).toBeUndefined();
    expect(cardNameOf('a.png')).toBeUndefined();
  });

  test('removeStalePictures drops older pictures of the named cards only', async () => {
    const dir = await cacheDir();
    const [old, now, other] = ['a', 'a', 'b'].map((name, i) => cardFileName(name, String(i).repeat(20)));
    await Promise.all([old, now, other].map((f) => writeFile(join(dir, f!), '')));
    expect(await removeStalePictures(dir, new Map([['a', now!]]))).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([now, other].sort());
  });
});

describe('the font chunks of a card', () => {
  const glyph = (ch: string): CardNode => ({
    type: 'div',
    props: {
      style: { display: 'flex', width: 96, height: 96, fontSize: 80, fontWeight: 700, color: 'black' },
      children: ch,
    },
  });
  // A private-use character no chunk holds: what the font draws for a missing glyph (a box).
  const NO_GLYPH = '\u{10FFFD}';

  test('draw every character of the 刘毅 headline as a real glyph, not a box', async () => {
    const characters = [...new Set(LIU_YI.replace(/\s/g, ''))];
    for (const ch of characters) {
      const { fonts, missing } = fontsFor(glyph(ch));
      expect(missing, ch).toEqual([]);
      const size = { width: 96, height: 96 };
      const drawn = (await drawPng(glyph(ch), fonts, size)).pixels;
      const box = (await drawPng(glyph(NO_GLYPH), fonts, size)).pixels;
      expect(
        drawn.some((v, i) => i % 4 === 3 && v > 0),
        `${ch} has ink`,
      ).toBe(true);
      expect(drawn.equals(box), `${ch} is not a box`).toBe(false);
    }
  }, 60_000);
});
