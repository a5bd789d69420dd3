// Inlined at the end of every page (no file to fetch): marks the reader's saved 字号 and
// 关怀模式, wires the print, font-size, 关怀模式 and 复制链接 buttons, opens the WeChat QR code
// for printing, and loads the search code only when it is needed: the
// reader focuses or types in the search box (or presses / or Ctrl/⌘+K), opens /search/,
// or arrives from a search result (?hl=). The <head> already applied the saved size.
import { CARE_KEY, FONT_KEY, SEARCH_DIR, SEARCH_ENTRY } from './constants.ts';

const root = document.documentElement;

const mark = (size: string): void =>
  document
    .querySelectorAll('[data-font-size]')
    .forEach((b) => b.setAttribute('aria-pressed', String(b.getAttribute('data-font-size') === size)));
mark(root.dataset['font'] || 'm');

const markCare = (on: boolean): void =>
  document.querySelectorAll('[data-care-toggle]').forEach((b) => b.setAttribute('aria-pressed', String(on)));
markCare(root.dataset['care'] === 'on');

/** Keeps a choice for the next pages; in private mode it lasts for this page only. */
const save = (key: string, value: string): void => {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage blocked */
  }
};

// 复制链接 stays hidden where the browser cannot copy.
const copyStatus = document.querySelector('[data-copy-status]');
if (navigator.clipboard) document.querySelectorAll('[data-copy]').forEach((b) => b.removeAttribute('hidden'));

// Print stylesheets cannot open a closed <details> in older browsers.
window.addEventListener('beforeprint', () =>
  document.querySelectorAll('details[data-share-qr]').forEach((d) => d.setAttribute('open', '')),
);

document.addEventListener('click', (event) => {
  const target =
    event.target instanceof Element
      ? event.target.closest('[data-font-size],[data-print],[data-care-toggle],[data-copy]')
      : null;
  if (!target) return;
  if (target.hasAttribute('data-print')) {
    window.print();
    return;
  }
  if (target.hasAttribute('data-copy')) {
    const say = (text: string): void => {
      if (copyStatus) copyStatus.textContent = text;
    };
    navigator.clipboard.writeText(target.getAttribute('data-copy') || location.href).then(
      () => say('链接已复制，可以粘贴到微信、QQ 或邮件里。'),
      () => say('没能复制，请复制浏览器地址栏里的网址。'),
    );
    return;
  }
  if (target.hasAttribute('data-care-toggle')) {
    const on = root.dataset['care'] !== 'on';
    if (on) root.dataset['care'] = 'on';
    else delete root.dataset['care'];
    save(CARE_KEY, on ? 'on' : 'off');
    markCare(on);
    return;
  }
  const size = target.getAttribute('data-font-size') || 'm';
  root.dataset['font'] = size;
  save(FONT_KEY, size);
  mark(size);
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
    const typing =
      event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
    const slash = event.key === '/' && !typing;
    const k = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
    if (!slash && !k) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  if (document.getElementById('search-app') || /[?&]hl=/.test(location.search)) loadSearch();
}
