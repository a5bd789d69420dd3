// The back office's preview of an article: the headline, meta line, person box and text laid
// out with the article page's own classes, styled by the site's stylesheet (registered in
// entry.ts), so the editor sees roughly what readers will. The CMS renders it with React's
// createElement, which it hands over as `h`; no React of our own.

/** React's createElement, as the CMS provides it. */
type H = (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

/** What the CMS passes a preview template (only what we use). */
interface PreviewProps {
  entry: { getIn: (path: string[]) => unknown };
  widgetFor: (name: string) => unknown;
}

/** A preview template for articles; `defaultSource` is the 来源 shown when none is given. */
export function articlePreview(h: H, defaultSource: string) {
  return function ArticlePreview({ entry, widgetFor }: PreviewProps): unknown {
    const text = (...path: string[]) => {
      const value = entry.getIn(['data', ...path]);
      return typeof value === 'string' && value.trim() ? value : undefined;
    };
    const name = text('person', 'name');
    const portrait = text('person', 'portrait');
    const person =
      name &&
      h(
        'aside',
        { className: 'mt-6 flex items-center gap-4 rounded-lg bg-brand-50 p-4 sm:p-5' },
        // The CMS's own picture preview: it shows a picture that is uploaded but not yet saved.
        portrait && h('div', { className: 'w-28 shrink-0 overflow-hidden rounded' }, widgetFor('person.portrait')),
        h(
          'dl',
          { className: 'grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-base' },
          ...(
            [
              ['姓名', name, 'font-bold text-brand-900'],
              ['荣誉', text('person', 'honour'), 'text-accent-600'],
              ['单位', text('person', 'organisation'), ''],
              ['职务', text('person', 'position'), ''],
            ] as const
          )
            .filter(([, value]) => value)
            .flatMap(([label, value, className]) => [
              h('dt', { key: `${label}-t`, className: 'text-muted' }, label),
              h('dd', { key: `${label}-d`, className }, value),
            ]),
        ),
      );
    const cover = text('cover');
    return h(
      'article',
      { className: 'mx-auto mt-4 max-w-3xl rounded-lg border border-line bg-white px-5 py-6 sm:px-12 sm:py-10' },
      h(
        'header',
        { className: 'border-b border-line pb-5 text-center' },
        h('h1', { className: 'text-2xl leading-snug font-bold text-brand-900 sm:text-[1.75rem]' }, text('title') ?? ''),
        h(
          'p',
          { className: 'mt-4 flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm text-muted' },
          h('span', null, `发布时间：${text('date') ?? ''}`),
          h('span', null, `来源：${text('source') ?? defaultSource}`),
          text('author') && h('span', null, `作者：${text('author')}`),
        ),
      ),
      entry.getIn(['data', 'draft']) === true &&
        h(
          'p',
          { className: 'mt-5 rounded-lg border border-alert-line bg-red-50 p-4 text-center text-accent-600' },
          '草稿：只在本地预览中显示，正式网站不发布。',
        ),
      person,
      cover && h('div', { className: 'mt-6 overflow-hidden rounded' }, widgetFor('cover')),
      h('div', { className: 'article-body mt-6' }, widgetFor('body')),
    );
  };
}
