// An article's body rendered to an HTML string outside a page, for full-text feeds: Astro's
// container renders the MDX component the way the article page does.
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render, type CollectionEntry } from 'astro:content';
import { articleComponents } from '../components/article-components.ts';

let container: Promise<AstroContainer> | undefined;
// The site feed and a column feed hold the same articles: each is rendered once per build.
const rendered = new Map<string, Promise<string>>();

/** The HTML of an article's body, as its page shows it (addresses as on the site). */
export function articleHtml(entry: CollectionEntry<'articles'>): Promise<string> {
  let html = rendered.get(entry.id);
  if (!html) {
    container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
    html = Promise.all([container, render(entry)]).then(([c, { Content }]) =>
      c.renderToString(Content, { props: { components: articleComponents } }),
    );
    rendered.set(entry.id, html);
  }
  return html;
}
