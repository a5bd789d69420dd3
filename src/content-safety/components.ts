// The site's own components an MDX article may use, by name, with the props each takes.
// Articles never import them: the article page hands them to the article (see
// src/components/article-components.ts, which must name the same components).

/** A component articles may use: the literal props it accepts. */
export interface ArticleComponent {
  props: readonly string[];
  /** What it is for, in the editors' words. */
  description: string;
}

export const ARTICLE_COMPONENTS = {
  /** 落款: the sender and date at the end of a notice, set right-aligned. */
  Signoff: { props: [], description: '落款（发文单位、日期），靠右排列' },
} as const satisfies Record<string, ArticleComponent>;

/** The allowed component of that name, if any. */
export const articleComponent = (name: string): ArticleComponent | undefined =>
  Object.hasOwn(ARTICLE_COMPONENTS, name) ? (ARTICLE_COMPONENTS as Record<string, ArticleComponent>)[name] : undefined;
