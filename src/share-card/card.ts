// The share card (分享图): the 1200×630 picture WeChat, Weibo, QQ and search engines show
// beside a link. Pure functions: the card's design as a Satori element tree, and which chunks
// of the Noto Sans SC font its text needs. Rendering and caching live in share-image.ts.
import { columnOf, isPublished, shortTitle, type Article, type Visibility } from '../site/articles.ts';
import type { Column, SiteConfig } from '../schemas/site.ts';
import { displayDate } from '../site/dates.ts';
import { wordsOf } from '../site/text.ts';
import { shareImageUrl } from '../site/urls.ts';

/** The size every share card has (the 1.91:1 that Open Graph and Weibo crop to). */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** What a card shows. */
export interface ShareCard {
  /** The big text: a headline, or the site's description. */
  title: string;
  /** The tag above it: the column, or 官方网站. */
  label: string;
  /** Beside the tag: the publication date, when there is one. */
  date?: string;
  /** The association, named in the band at the bottom. */
  siteName: string;
  partnerName: string;
}

/**
 * What a card needs of an entry: a collection entry as the pages have it, or the front matter
 * as the content checks read it before the build (images are paths there, hence `unknown`).
 */
export type CardEntry = Pick<Article, 'id'> & {
  data: Pick<Article['data'], 'title' | 'column' | 'date' | 'draft' | 'awaitingText'> & {
    cover?: unknown;
    featured?: boolean | undefined;
    person?: unknown;
  };
};

/** The card of a published article: headline, column, date and the association. */
export function articleCard(
  article: { data: Pick<Article['data'], 'title'> & { date: Date } },
  column: Column,
  site: SiteConfig,
): ShareCard {
  return {
    // The column is the card's label, so a headline's leading `劳模风采 |` is not repeated.
    title: shortTitle(article.data.title),
    label: column.name,
    date: displayDate(article.data.date, 'prose'),
    siteName: site.name,
    partnerName: site.partnerName,
  };
}

/**
 * Whether an article's page names a card of its own: it has its text and its date, and no
 * cover (an article with a cover shares the cover; one awaiting its text, the site's card).
 */
export const drawsShareCard = (article: {
  data: Pick<CardEntry['data'], 'awaitingText' | 'date' | 'cover'>;
}): boolean => !article.data.awaitingText && article.data.date !== undefined && !article.data.cover;

/** The card of every other page: the site's description under the association's name. */
export function siteCard(site: SiteConfig): ShareCard {
  return { title: site.description, label: '官方网站', siteName: site.name, partnerName: site.partnerName };
}

/** A card with the address it is served at and the name it is kept under in the cache. */
export interface PlacedCard {
  /** The article's slug, or `_site` for the site's card (as before: only an article file `_site.md` would clash). */
  name: string;
  /** Where the pages say it is: `shareImageUrl()`. */
  url: string;
  card: ShareCard;
}

/** The site's card, at `/share.png`. */
export const placedSiteCard = (site: SiteConfig): PlacedCard => ({
  name: '_site',
  url: shareImageUrl(),
  card: siteCard(site),
});

/** An article's card, at `/news/<slug>/share.png`; the entry must have a date. */
export function placedArticleCard(entry: CardEntry, site: SiteConfig): PlacedCard {
  if (!entry.data.date) throw new Error(`${entry.id} has no date, so no card of its own`);
  return {
    name: entry.id,
    url: shareImageUrl(entry),
    card: articleCard({ data: { ...entry.data, date: entry.data.date } }, columnOf(entry, site), site),
  };
}

/**
 * The articles that get a card of their own (their ids): of the published ones that draw one
 * (`drawsShareCard`), the newest `site.shareCardLimit`, and every featured article and profile
 * whatever its age. Older articles share the site's card: a card takes 20–40 ms to draw, so
 * cards for every article of a large site were half the CPU time of its first build, for
 * pages few readers share. Drafts and scheduled articles count too in dev, as the preview
 * shows them. The one rule the build's cards and the article pages both follow.
 */
export function articlesWithCards(entries: CardEntry[], site: SiteConfig, visibility: Visibility): Set<string> {
  const drawing = entries.filter((e) => isPublished(e, visibility) && drawsShareCard(e));
  const newest = drawing
    .toSorted((a, b) => b.data.date!.getTime() - a.data.date!.getTime() || a.id.localeCompare(b.id))
    .slice(0, site.shareCardLimit);
  const lasting = drawing.filter((e) => e.data.featured || e.data.person);
  return new Set([...newest, ...lasting].map((e) => e.id));
}

/** The cards a build publishes: the site's, and one for each article of `articlesWithCards`. */
export function shareCards(entries: CardEntry[], site: SiteConfig, visibility: Visibility): PlacedCard[] {
  const carded = articlesWithCards(entries, site, visibility);
  return [placedSiteCard(site), ...entries.filter((e) => carded.has(e.id)).map((e) => placedArticleCard(e, site))];
}

/**
 * The address of the share picture a built page names (its `og:image`), when the picture is
 * on the site itself; read from the head, so a start of the page is enough.
 */
export function namedShareImage(html: string, siteUrl: string): string | undefined {
  const tag = /<meta\s[^>]*property="og:image"[^>]*>/.exec(html)?.[0];
  const content = tag && /\scontent="([^"]*)"/.exec(tag)?.[1];
  if (!content) return undefined;
  const url = new URL(content.replaceAll('&amp;', '&'), siteUrl);
  return url.origin === new URL(siteUrl).origin ? decodeURI(url.pathname) : undefined;
}

// The brand colours of src/styles/site.css, and the gold of the logo.
const COLOURS = {
  brand900: '#0f2c52',
  brand800: '#143a6d',
  brand100: '#d9e6f5',
  accent: '#b3261e',
  gold: '#f2c14e',
  muted: '#57606a',
};

const PADDING_X = 72;
const TEXT_WIDTH = SHARE_IMAGE.width - 2 * PADDING_X;

/** How wide text runs, in em: a Han character or full-width mark is 1, anything else about half. */
function ems(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]/u.test(ch) ? 1 : 0.55;
  return width;
}

/** U+2060 WORD JOINER: no line break on either side of it, and it draws nothing. */
const WORD_JOINER = '\u2060';

/**
 * A headline as the card draws it: Satori breaks Chinese between any two characters, which
 * left 张 at the end of one line and 三 at the start of the next. A word joiner between the
 * characters of each Chinese word (`wordsOf`, as the pages' headlines break: Words.astro) and
 * between the two dashes of a —— keeps them on one line; a word too long for a line still
 * breaks (the headline's `wordBreak`).
 */
export function keepWords(title: string): string {
  return wordsOf(title)
    .map((word) => (/^\p{Script=Han}{2,}$/u.test(word) ? [...word].join(WORD_JOINER) : word))
    .join('')
    .replace(/—(?=—)/g, `—${WORD_JOINER}`);
}

/**
 * The headline's font size and line limit: the largest size at which it fits in three lines
 * (two at the largest, four at the smallest); longer headlines are cut with an ellipsis at
 * four lines.
 */
export function headlineSize(title: string): { fontSize: number; lines: number } {
  const width = ems(title);
  for (const [fontSize, most] of [
    [80, 2],
    [72, 3],
    [64, 3],
    [58, 3],
    [52, 3],
  ] as const) {
    // 10% slack: lines break at word and punctuation boundaries, not exactly at the edge.
    if (Math.ceil((width * 1.1) / (TEXT_WIDTH / fontSize)) <= most) return { fontSize, lines: 3 };
  }
  return { fontSize: 46, lines: 4 };
}

/** A node of the tree Satori draws (the shape of a React element, without React). */
export interface CardNode {
  type: string;
  props: {
    style?: Style;
    children?: string | CardNode | (string | CardNode)[];
    src?: string;
    width?: number;
    height?: number;
  };
}

type Style = Record<string, string | number>;

const node = (type: string, style: Style, children?: CardNode['props']['children']): CardNode => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

const svgDataUri = (svg: string): string => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/**
 * The card's design: the headline in white on the brand blue, the column in a gold tag with
 * the date beside it, and the association's logo and names on a white band at the bottom.
 * `logoSvg` is the site's logo (public/favicon.svg).
 */
export function cardTree(card: ShareCard, logoSvg: string): CardNode {
  const { fontSize, lines } = headlineSize(card.title);
  const band = 136;
  return node(
    'div',
    {
      width: SHARE_IMAGE.width,
      height: SHARE_IMAGE.height,
      display: 'flex',
      flexDirection: 'column',
      position: 'relative',
      color: 'white',
      // A flat colour, not a gradient: half the drawing time and half the bytes.
      backgroundColor: COLOURS.brand900,
    },
    [
      // A quiet disc in a lighter blue: plain shapes, since a translucent picture here
      // (the logo's arcs) took two thirds of the drawing time of a whole card.
      node('div', {
        position: 'absolute',
        // Above the headline's first line: Satori paints it over anything it overlaps.
        right: -90,
        top: -190,
        width: 330,
        height: 330,
        borderRadius: 165,
        backgroundColor: COLOURS.brand800,
      }),
      node('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: `60px ${PADDING_X}px 0` }, [
        node('div', { display: 'flex', alignItems: 'center' }, [
          node('div', { width: 8, height: 40, backgroundColor: COLOURS.accent, marginRight: 16 }),
          node(
            'div',
            {
              fontSize: 30,
              fontWeight: 700,
              color: COLOURS.brand900,
              backgroundColor: COLOURS.gold,
              padding: '4px 18px',
              borderRadius: 6,
            },
            card.label,
          ),
          ...(card.date ? [node('div', { fontSize: 30, color: COLOURS.brand100, marginLeft: 24 }, card.date)] : []),
        ]),
        node(
          'div',
          {
            display: 'block',
            marginTop: 40,
            fontSize,
            fontWeight: 700,
            lineHeight: 1.42,
            lineClamp: lines,
            wordBreak: 'break-word',
          },
          keepWords(card.title),
        ),
      ]),
      node(
        'div',
        {
          display: 'flex',
          alignItems: 'center',
          height: band,
          padding: `0 ${PADDING_X}px`,
          backgroundColor: 'white',
          borderTop: `8px solid ${COLOURS.gold}`,
        },
        [
          { type: 'img', props: { src: svgDataUri(logoSvg), width: 76, height: 76, style: { borderRadius: 10 } } },
          node('div', { display: 'flex', flexDirection: 'column', marginLeft: 22 }, [
            node('div', { fontSize: 38, fontWeight: 700, color: COLOURS.brand900, letterSpacing: 2 }, card.siteName),
            node('div', { fontSize: 24, color: COLOURS.muted, marginTop: 2 }, card.partnerName),
          ]),
        ],
      ),
    ],
  );
}

/** The characters a tree draws, by font weight (bold where a node or its parent says so). */
export function charactersByWeight(tree: CardNode, inherited = 400): Map<number, Set<string>> {
  const weights = new Map<number, Set<string>>();
  const walk = (n: CardNode | string, weight: number): void => {
    if (typeof n === 'string') {
      const set = weights.get(weight) ?? new Set<string>();
      for (const ch of n) if (ch.trim()) set.add(ch);
      weights.set(weight, set);
      return;
    }
    const own = Number(n.props.style?.['fontWeight'] ?? weight);
    const children = n.props.children;
    for (const child of children === undefined ? [] : Array.isArray(children) ? children : [children]) walk(child, own);
  };
  walk(tree, inherited);
  return weights;
}

/** One chunk of a font split by unicode range, as Fontsource ships them. */
export interface FontChunk {
  /** The chunk's name in the file names: `112`, `latin`. */
  name: string;
  ranges: [number, number][];
}

/** Fontsource's unicode.json (`{"[112]": "U+4e00-4e01,U+4e03", "latin": …}`) as chunks. */
export function parseUnicodeRanges(table: Record<string, string>): FontChunk[] {
  return Object.entries(table).map(([key, value]) => ({
    name: key.replace(/^\[|\]$/g, ''),
    ranges: value.split(',').map((range) => {
      const [from = '', to = from] = range.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to, 16)];
    }),
  }));
}

// Which chunk holds a character, remembered per table: the Chinese chunks hold thousands of
// ranges between them, and the same characters come back card after card.
const remembered = new WeakMap<FontChunk[], Map<number, number>>();

/** The position of the first chunk that holds code point `cp`, or -1. */
function chunkOf(cp: number, chunks: FontChunk[]): number {
  let known = remembered.get(chunks);
  if (!known) remembered.set(chunks, (known = new Map()));
  let at = known.get(cp);
  if (at === undefined) {
    at = chunks.findIndex((c) => c.ranges.some(([from, to]) => cp >= from && cp <= to));
    known.set(cp, at);
  }
  return at;
}

/** The chunks that cover `characters`, in the table's order, and the characters none covers. */
export function chunksFor(characters: Iterable<string>, chunks: FontChunk[]): { names: string[]; missing: string[] } {
  const used = new Set<number>();
  const missing: string[] = [];
  for (const ch of characters) {
    const at = chunkOf(ch.codePointAt(0)!, chunks);
    if (at >= 0) used.add(at);
    else missing.push(ch);
  }
  return { names: chunks.filter((_, i) => used.has(i)).map((c) => c.name), missing };
}
