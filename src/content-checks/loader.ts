// The articles' loader: Astro's glob() over content/articles, made forgiving in the dev
// preview. There, an article whose front matter cannot be read (a full-width colon, a
// wrong column) would stop the preview or vanish into a 404; instead it is kept as a draft
// under its own address, so its page can show the checks' report (see dev-problems.ts).
// A build never gets here with such an article: the content checks stop it first.
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { articleIdFromPath } from '../site/slug.ts';
import { site } from '../site.config.ts';
import { ARTICLES_FOLDER } from '../schemas/article.ts';

/** Front matter a broken article is previewed with: what of its own still reads, else defaults. */
export function previewStandIn(data: Record<string, unknown>, id: string): Record<string, unknown> {
  const title = typeof data['title'] === 'string' && data['title'].trim() ? data['title'] : id;
  const column = site.columns.some((c) => c.name === data['column']) ? data['column'] : site.columns[0]!.name;
  return { title, column, draft: true, awaitingText: true };
}

/** What Astro hands glob() besides the public context: the reader of each file type. */
type EntryType = { getEntryInfo: (info: { contents: string; fileUrl: URL }) => Promise<Record<string, unknown>> };
type GlobContext = LoaderContext & { entryTypes: Map<string, EntryType> };

/** The article collection's loader. */
export function articleLoader(): Loader {
  const inner = glob({
    pattern: '**/*.{md,mdx}',
    base: `./${ARTICLES_FOLDER}`,
    generateId: ({ entry }) => articleIdFromPath(entry),
  });
  return {
    name: 'lnga-articles',
    load: (loaderContext: LoaderContext) => {
      const context = loaderContext as GlobContext;
      // Only the dev server watches files; a build keeps Astro's own strictness.
      if (!context.watcher) return inner.load(context);
      const entryTypes = new Map(
        [...context.entryTypes].map(([extension, type]) => [
          extension,
          {
            ...type,
            getEntryInfo: async (info: Parameters<EntryType['getEntryInfo']>[0]) => {
              try {
                return await type.getEntryInfo(info);
              } catch {
                return { data: {}, body: '', slug: '', rawData: '' };
              }
            },
          },
        ]),
      );
      const forgiving: GlobContext = {
        ...context,
        entryTypes,
        parseData: (async (props: Parameters<LoaderContext['parseData']>[0]) => {
          try {
            return await context.parseData(props);
          } catch {
            return context.parseData({ ...props, data: previewStandIn(props.data, props.id) });
          }
        }) as LoaderContext['parseData'],
      };
      return inner.load(forgiving);
    },
  };
}
