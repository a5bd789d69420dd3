// The /search/ page: reads ?q= (and lanmu, nian, sort), lists results ten at a time, and
// keeps the URL in step so a search can be shared and the back button works.
import { searchUrl } from '../../site/urls.ts';
import { failureText, IndexChanged, runQuery, type Outcome, type Query } from './engine.ts';
import { TIER } from '../shared/rank.ts';
import { el, excerpt, hitWords, metaLine, withHighlight } from './render.ts';

const PAGE = 10;

function readUrl(): Query {
  const params = new URLSearchParams(location.search);
  return {
    text: params.get('q') ?? '',
    column: params.get('lanmu') || undefined,
    year: params.get('nian') || undefined,
    newest: params.get('sort') === 'new',
  };
}

function toUrl(query: Query): string {
  const params = new URLSearchParams();
  if (query.text) params.set('q', query.text);
  if (query.column) params.set('lanmu', query.column);
  if (query.year) params.set('nian', query.year);
  if (query.newest) params.set('sort', 'new');
  const search = params.toString().replace(/\+/g, '%20');
  return search ? `${searchUrl()}?${search}` : searchUrl();
}

export function runResultsPage(app: HTMLElement): void {
  const controls = app.querySelector<HTMLFormElement>('#search-controls')!;
  const status = app.querySelector<HTMLElement>('#search-status')!;
  const list = app.querySelector<HTMLOListElement>('#search-results')!;
  const more = app.querySelector<HTMLButtonElement>('#search-more')!;
  const header = document.querySelector<HTMLInputElement>('#site-search');
  // The page's own words, so the line does not change (and shift the page) when the code starts.
  const askForWords = status.textContent.trim();

  let outcome: Outcome | null = null;
  let shown = 0;
  let generation = 0;

  const showMore = async (): Promise<void> => {
    if (!outcome) return;
    const mine = generation;
    const slice = outcome.ranked.slice(shown, shown + PAGE);
    const data = await Promise.all(slice.map((r) => outcome!.load(r.id)));
    if (mine !== generation) return;
    const terms = outcome.terms;
    list.append(
      ...data.map((d, i) => {
        const li = el('li', 'py-4');
        const a = el('a', 'text-lg leading-snug font-semibold text-brand-700 hover:underline', d.meta.title ?? d.url);
        const words = hitWords(slice[i]!, terms);
        a.href = withHighlight(d.url, words.join(' '));
        const how =
          { [TIER.pinyinName]: ' · 拼音匹配', [TIER.pinyin]: ' · 拼音匹配', [TIER.apart]: ' · 字词分散匹配' }[
            slice[i]!.tier
          ] ?? '';
        li.append(
          el('h2', 'text-lg'),
          el('p', 'mt-1 text-sm text-muted', metaLine(d) + how),
          excerpt(d, words, 110, 'mt-1 text-base leading-7'),
        );
        li.firstElementChild!.append(a);
        if (d.meta.image) {
          const img = el('img', 'float-right ml-4 h-16 w-24 rounded object-cover');
          img.src = d.meta.image;
          img.alt = '';
          img.loading = 'lazy';
          li.prepend(img);
        }
        return li;
      }),
    );
    shown += slice.length;
    more.hidden = shown >= outcome.ranked.length;
  };

  const render = async (query: Query, retried = false): Promise<void> => {
    const mine = ++generation;
    outcome = null;
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    if (header) header.value = query.text;
    (controls.elements.namedItem('lanmu') as HTMLSelectElement).value = query.column ?? '';
    (controls.elements.namedItem('nian') as HTMLSelectElement).value = query.year ?? '';
    (controls.querySelector(`input[name="sort"][value="${query.newest ? 'new' : ''}"]`) as HTMLInputElement).checked =
      true;
    const text = query.text.trim();
    document.title = text ? `搜索：${text} - ${document.title.split(' - ').pop()}` : document.title;
    if (!text) {
      // Unchanged text is not written again: the page must not re-lay it out while it loads.
      if (status.textContent !== askForWords) status.textContent = askForWords;
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const found = await runQuery(query);
      if (mine !== generation) return;
      outcome = found;
      const filtered = query.column || query.year ? '（已按条件筛选）' : '';
      if (found.ranked.length === 0) {
        status.textContent = `没有找到与「${text}」有关的文章${filtered}。请检查错别字、换一个说法，或减少关键词${filtered ? '、取消筛选' : ''}再试。`;
        return;
      }
      const whole = found.ranked.filter((r) => r.tier < TIER.apart).length;
      status.textContent =
        whole > 0
          ? `找到 ${found.ranked.length} 篇与「${text}」有关的文章${filtered}`
          : `没有找到完整包含「${text}」的文章${filtered}；以下 ${found.ranked.length} 篇含有其中的字，仅供参考。`;
      await showMore();
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof IndexChanged && !retried) return render(query, true);
      status.textContent = failureText(error);
    }
  };

  const apply = (): void => {
    const data = new FormData(controls);
    const query: Query = {
      ...readUrl(),
      column: String(data.get('lanmu') ?? '') || undefined,
      year: String(data.get('nian') ?? '') || undefined,
      newest: data.get('sort') === 'new',
    };
    history.pushState(null, '', toUrl(query));
    void render(query);
  };
  controls.addEventListener('change', apply);
  controls.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  more.addEventListener('click', () =>
    showMore().catch((error: unknown) => {
      if (error instanceof IndexChanged) void render(readUrl(), true);
      else status.textContent = '搜索暂时不可用，请稍后再试。';
    }),
  );
  addEventListener('popstate', () => void render(readUrl()));
  void render(readUrl());
}
