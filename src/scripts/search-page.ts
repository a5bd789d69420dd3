// The /search/ page: reads ?q=, asks Pagefind and lists the results.
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindModule {
  search: (query: string) => Promise<{ results: { data: () => Promise<PagefindResultData> }[] } | null>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';

export async function runSearchPage(): Promise<void> {
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!status || !list) return;
  const query = (new URLSearchParams(location.search).get('q') ?? '').trim();
  const input = document.querySelector<HTMLInputElement>('#site-search');
  if (input) input.value = query;
  if (!query) return;
  status.textContent = '正在搜索…';
  let pagefind: PagefindModule;
  try {
    pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as PagefindModule;
  } catch {
    status.textContent = '搜索索引尚未生成：请先运行 npm run build。';
    return;
  }
  const search = await pagefind.search(query);
  const results = search ? await Promise.all(search.results.slice(0, 20).map((r) => r.data())) : [];
  status.textContent = results.length
    ? `找到 ${search?.results.length ?? 0} 篇与「${query}」有关的文章`
    : `没有找到与「${query}」有关的文章。请换个词，或减少关键词试试。`;
  list.replaceChildren(
    ...results.map((r) => {
      const li = document.createElement('li');
      li.className = 'py-4';
      const a = document.createElement('a');
      a.href = r.url;
      a.className = 'text-lg font-semibold text-brand-700 hover:underline';
      a.textContent = r.meta['title'] ?? r.url;
      const p = document.createElement('p');
      p.className = 'mt-1 text-base leading-7';
      p.innerHTML = r.excerpt; // Pagefind escapes the page text and adds only <mark>.
      li.append(a, p);
      return li;
    }),
  );
}
