// Results as you type, in a panel under the header search box. ↑ ↓ move, Enter opens,
// Esc closes; the form still submits to /search/ for the full list.
import { searchUrl } from '../../site/urls.ts';
import { failureText, IndexChanged, preloadQuery, runQuery, warmUp } from './engine.ts';
import { el, excerpt, hitWords, metaLine, withHighlight } from './render.ts';

const SHOWN = 5;
const DELAY_MS = 120;

export function attachPanel(form: HTMLFormElement, input: HTMLInputElement): void {
  const panel = el(
    'div',
    'absolute inset-x-0 top-full z-40 mt-1 hidden overflow-hidden rounded-md border border-line bg-white text-ink raised-lg',
  );
  panel.id = 'search-panel';
  const status = el('p', 'sr-only');
  status.setAttribute('role', 'status');
  const list = el('ul', 'max-h-[70vh] overflow-y-auto');
  list.id = 'search-panel-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', '搜索结果');
  panel.append(status, list);
  form.append(panel);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const options = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const open = (show: boolean): void => {
    panel.classList.toggle('hidden', !show);
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  };
  const setActive = (index: number): void => {
    const all = options();
    active = all.length === 0 ? -1 : index < -1 ? all.length - 1 : index >= all.length ? -1 : index;
    all.forEach((o, i) => {
      o.setAttribute('aria-selected', String(i === active));
      o.classList.toggle('bg-brand-50', i === active);
    });
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', all[active]!.id);
      all[active]!.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const option = (index: number, href: string): HTMLLIElement => {
    const li = el('li', 'block border-b border-line last:border-b-0');
    li.id = `search-option-${index}`;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    const a = el('a', 'block px-4 py-2.5 hover:bg-brand-50');
    a.href = href;
    a.tabIndex = -1;
    li.append(a);
    return li;
  };

  const run = async (retried = false): Promise<void> => {
    const query = input.value;
    const mine = ++generation;
    if (!query.trim()) {
      list.replaceChildren();
      open(false);
      return;
    }
    try {
      const outcome = await runQuery({ text: query });
      const shown = outcome.ranked.slice(0, SHOWN);
      const data = await Promise.all(shown.map((r) => outcome.load(r.id)));
      if (mine !== generation) return;
      const items = data.map((d, i) => {
        const words = hitWords(shown[i]!, outcome.terms);
        const li = option(i, withHighlight(d.url, words.join(' ')));
        const a = li.firstElementChild as HTMLAnchorElement;
        a.append(
          el('span', 'block font-semibold text-brand-800', d.meta.title ?? d.url),
          el('span', 'block text-xs text-muted', metaLine(d)),
          excerpt(d, words, 48, 'mt-0.5 text-sm leading-6 text-ink'),
        );
        return li;
      });
      const total = outcome.ranked.length;
      const all = option(items.length, searchUrl(query.trim()));
      (all.firstElementChild as HTMLAnchorElement).append(
        el(
          'span',
          'text-sm font-medium text-brand-700',
          total > 0 ? `查看全部 ${total} 条结果 →` : `没有找到「${query.trim()}」，去搜索页试试其他词 →`,
        ),
      );
      list.replaceChildren(...items, all);
      status.textContent = total > 0 ? `找到 ${total} 条结果` : '没有找到结果';
      active = -1;
      open(true);
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof IndexChanged && !retried) return run(true);
      list.replaceChildren(el('li', 'px-4 py-3 text-sm text-muted', failureText(error)));
      open(true);
    }
  };

  input.addEventListener('input', () => {
    // The chunks load during the pause, so the search after it runs at once.
    preloadQuery(input.value);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DELAY_MS);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount > 0) open(true);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.classList.contains('hidden')) {
        if (list.childElementCount > 0) open(true);
        return;
      }
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      options()[active]?.querySelector('a')?.click();
    } else if (event.key === 'Escape') {
      if (!panel.classList.contains('hidden')) {
        event.preventDefault();
        open(false);
      }
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) open(false);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  warmUp();
  if (input.value.trim() && document.activeElement === input) void run();
}
