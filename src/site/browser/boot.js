// @ts-check
// Inlined at the end of every page (no file to fetch): marks the reader's saved 字号 and
// 关怀模式, wires the print, font-size, 关怀模式 and 复制链接 buttons, opens the WeChat QR code
// for printing, and loads the search code only when it is needed: the
// reader focuses or types in the search box (or presses / or Ctrl/⌘+K), opens /search/,
// or arrives from a search result (?hl=). The <head> already applied the saved size.
(function () {
  var KEY = 'lnga-font';
  var root = document.documentElement;
  /** @param {string} size */
  function mark(size) {
    document.querySelectorAll('[data-font-size]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-font-size') === size));
    });
  }
  mark(root.dataset['font'] || 'm');
  /** @param {boolean} on */
  function markCare(on) {
    document.querySelectorAll('[data-care-toggle]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(on));
    });
  }
  markCare(root.dataset['care'] === 'on');
  // 复制链接 stays hidden where the browser cannot copy.
  var copyStatus = document.querySelector('[data-copy-status]');
  if (navigator.clipboard)
    document.querySelectorAll('[data-copy]').forEach(function (b) {
      b.removeAttribute('hidden');
    });
  // Print stylesheets cannot open a closed <details> in older browsers.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details[data-share-qr]').forEach(function (d) {
      d.setAttribute('open', '');
    });
  });
  document.addEventListener('click', function (event) {
    var target =
      event.target instanceof Element
        ? event.target.closest('[data-font-size],[data-print],[data-care-toggle],[data-copy]')
        : null;
    if (!target) return;
    if (target.hasAttribute('data-print')) {
      window.print();
      return;
    }
    if (target.hasAttribute('data-copy')) {
      /** @param {string} text */
      var say = function (text) {
        if (copyStatus) copyStatus.textContent = text;
      };
      navigator.clipboard.writeText(target.getAttribute('data-copy') || location.href).then(
        function () {
          say('链接已复制，可以粘贴到微信、QQ 或邮件里。');
        },
        function () {
          say('没能复制，请复制浏览器地址栏里的网址。');
        },
      );
      return;
    }
    if (target.hasAttribute('data-care-toggle')) {
      var on = root.dataset['care'] !== 'on';
      if (on) root.dataset['care'] = 'on';
      else delete root.dataset['care'];
      try {
        localStorage.setItem('lnga-care', on ? 'on' : 'off');
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      markCare(on);
      return;
    }
    var size = target.getAttribute('data-font-size') || 'm';
    root.dataset['font'] = size;
    try {
      localStorage.setItem(KEY, size);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    mark(size);
  });

  /** @type {Promise<unknown> | null} */
  var search = null;
  var SEARCH_MODULE = '/_search/search.js';
  function loadSearch() {
    search =
      search ||
      import(/* @vite-ignore */ SEARCH_MODULE).then(
        function (m) {
          m.start();
        },
        function () {
          search = null;
        },
      );
  }
  var found = document.getElementById('site-search');
  if (!(found instanceof HTMLInputElement)) return;
  var input = found;
  input.addEventListener('focus', loadSearch);
  input.addEventListener('input', loadSearch);
  document.addEventListener('keydown', function (event) {
    var typing =
      event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
    var slash = event.key === '/' && !typing;
    var k = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
    if (!slash && !k) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  if (document.getElementById('search-app') || /[?&]hl=/.test(location.search)) loadSearch();
})();
