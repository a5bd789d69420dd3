import { describe, expect, test } from 'vitest';
import { articleImageOptions, articleImageSizes, type ImageRequest } from '../../../src/site/article-image.ts';

const source = (width: number, height: number) => ({ src: '/a.png', width, height, format: 'png' });
/** What Astro asks of a Markdown image: its own size, nothing else. */
const asked = (width: number, height: number): ImageRequest => ({
  src: source(width, height),
  width,
  height,
  alt: '说明',
  index: 0,
});

describe('articleImageOptions', () => {
  test('makes a large picture column-wide, with widths up to twice the column', () => {
    expect(articleImageOptions(asked(5000, 4000))).toEqual({
      ...asked(5000, 4000),
      width: 768,
      height: 614,
      widths: [360, 480, 640, 768, 1024, 1280, 1536],
      sizes: articleImageSizes(768),
    });
  });

  test('offers a picture narrower than twice the column up to its own width, never wider', () => {
    expect(articleImageOptions(asked(1000, 500))).toMatchObject({
      width: 768,
      height: 384,
      widths: [360, 480, 640, 768, 1000],
    });
    expect(articleImageOptions(asked(160, 90))).toMatchObject({ width: 160, height: 90, widths: [160] });
    expect(articleImageOptions(asked(160, 90)).sizes).toBe(articleImageSizes(160));
  });

  test("leaves the site's own images alone: a size, widths or sizes asked for", () => {
    const cover = { src: source(1600, 1000), width: 1600, height: 1000, widths: [720, 1080], sizes: '100vw' };
    expect(articleImageOptions(cover)).toBe(cover);
    const thumbnail = { src: source(1600, 1000), width: 240, height: 150 };
    expect(articleImageOptions(thumbnail)).toBe(thumbnail);
    const remote = { src: 'https://example.org/a.png', width: 800, height: 600 };
    expect(articleImageOptions(remote)).toBe(remote);
  });
});

describe('articleImageSizes', () => {
  test("is the picture's width, at most the column or the screen less its margins", () => {
    expect(articleImageSizes(768)).toBe('(min-width: 48rem) min(768px, 42rem), min(768px, 100vw - 4.5rem)');
  });
});
