// Inlined at the end of every page (no file to fetch): marks the reader's saved 字号 and
// 关怀模式, wires the print, font-size, 关怀模式 and 复制链接 buttons, opens the WeChat QR code
// for printing, and loads the search code only when it is needed: the
// reader focuses or types in the search box (or presses / or Ctrl/⌘+K), opens /search/,
// or arrives from a search result (?hl=). The <head> already applied the saved size.
// Every page downloads it, so it is kept short: the 复制链接 messages are in the share bar's
// markup (data-done, data-failed), the only page that needs them.
import { CARE_KEY, FONT_KEY, SEARCH_DIR, SEARCH_ENTRY } from './constants.ts';

const root = document.documentElement;
const all = (selector: string): NodeListOf<Element> => document.querySelectorAll(selector);

/** Marks the 字号 and 关怀模式 buttons pressed or not, as the page now is. */
const mark = (): void =>
  all('[data-font-size],[data-care-toggle]').forEach((b) =>
    b.setAttribute(
      'aria-pressed',
      String(
        b.hasAttribute('data-care-toggle')
          ? root.dataset['care'] === 'on'
          : b.getAttribute('data-font-size') === (root.dataset['font'] || 'm'),
      ),
    ),
  );
mark();

/** Keeps a choice for the next pages; in private mode it lasts for this page only. */
const save = (key: string, value: string): void => {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage blocked */
  }
};

// 复制链接 stays hidden where the browser cannot copy.
if (navigator.clipboard) all('[data-copy]').forEach((b) => b.removeAttribute('hidden'));

// Print stylesheets cannot open a closed <details> in older browsers.
addEventListener('beforeprint', () => all('[data-share-qr]').forEach((d) => d.setAttribute('open', '')));

document.addEventListener('click', (event) => {
  const target = (event.target as Element).closest('[data-font-size],[data-print],[data-care-toggle],[data-copy]');
  if (!target) return;
  const data = (target as HTMLElement).dataset;
  if (data['print'] != null) print();
  else if (data['copy'] != null) {
    const status = document.querySelector<HTMLElement>('[data-copy-status]');
    const say = (done: boolean): void => {
      if (status) status.textContent = status.dataset[done ? 'done' : 'failed'] || '';
    };
    navigator.clipboard.writeText(data['copy'] || location.href).then(
      () => say(true),
      () => say(false),
    );
  } else {
    if (data['careToggle'] == null) save(FONT_KEY, (root.dataset['font'] = data['fontSize'] || 'm'));
    else if (root.dataset['care'] === 'on') {
      delete root.dataset['care'];
      save(CARE_KEY, 'off');
    } else save(CARE_KEY, (root.dataset['care'] = 'on'));
    mark();
  }
});

let search: Promise<void> | null = null;
const loadSearch = (): void => {
  search ||= import(/* @vite-ignore */ `${SEARCH_DIR}${SEARCH_ENTRY}.js`).then(
    (module: { start: () => void }) => module.start(),
    () => {
      search = null;
    },
  );
};

const input = document.getElementById('site-search');
if (input instanceof HTMLInputElement) {
  input.addEventListener('focus', loadSearch);
  input.addEventListener('input', loadSearch);
  document.addEventListener('keydown', (event) => {
    // '/' where the reader is not typing; Ctrl/⌘+K anywhere (autofill's keydown has no key).
    const typing = (event.target as Element).closest('input,textarea,select,[contenteditable]');
    if (event.key === '/' ? typing : !/^k$/i.test(event.key) || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  if (document.getElementById('search-app') || /[?&]hl=/.test(location.search)) loadSearch();
}
