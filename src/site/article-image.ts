// The sizes of a picture in an article's text (`![说明](./a.png)` in .md and .mdx): Astro
// gives such an image no width, so it would serve the camera's full 5000 pixels with no
// srcset. Here it gets the article column's width at most, and a srcset up to twice that.

/** The widest an article picture is shown, in CSS pixels: the article column (48rem). */
export const ARTICLE_IMAGE_WIDTH = 768;

/** Widths to offer a browser, up to twice the column for sharp phone and laptop screens. */
export const ARTICLE_IMAGE_WIDTHS = [360, 480, 640, 768, 1024, 1280, 1536];

/**
 * How wide a picture `width` pixels wide is shown, for `sizes`: its own width, at most the
 * column's text width on wide screens (48rem less the article's padding of 3rem each side)
 * or the screen less the page's margins on phones.
 */
export function articleImageSizes(width: number): string {
  return `(min-width: 48rem) min(${width}px, 42rem), min(${width}px, 100vw - 4.5rem)`;
}

/** What Astro's image service is asked for one picture (the options it reads here). */
export interface ImageRequest {
  src: unknown;
  width?: number | undefined;
  height?: number | undefined;
  widths?: number[] | undefined;
  densities?: unknown;
  sizes?: string | undefined;
  [key: string]: unknown;
}

const sourceSize = (src: unknown): { width: number; height: number } | undefined => {
  if (typeof src !== 'object' || src === null) return undefined;
  const { width, height } = src as { width?: unknown; height?: unknown };
  return typeof width === 'number' && typeof height === 'number' ? { width, height } : undefined;
};

/**
 * A picture asked for at its own size with no srcset (what Markdown images are; the site's
 * components always name a width or widths) is made at most ARTICLE_IMAGE_WIDTH wide, with
 * the widths up to twice that which are smaller than the file. Anything else is unchanged.
 */
export function articleImageOptions<T extends ImageRequest>(options: T): T {
  const source = sourceSize(options.src);
  if (!source || options.widths || options.densities || options.sizes) return options;
  if (options.width !== source.width || options.height !== source.height) return options;
  const width = Math.min(source.width, ARTICLE_IMAGE_WIDTH);
  const widths = ARTICLE_IMAGE_WIDTHS.filter((w) => w < source.width);
  // The file's own width ends the list when it is narrower than twice the column.
  if (source.width <= ARTICLE_IMAGE_WIDTHS.at(-1)!) widths.push(source.width);
  return {
    ...options,
    width,
    height: Math.round((width * source.height) / source.width),
    widths: [...new Set(widths)].sort((a, b) => a - b),
    sizes: articleImageSizes(width),
  };
}
