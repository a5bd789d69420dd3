// @ts-check
// Inlined at the end of every page (no file to fetch): marks the reader's saved 字号
// and wires the print and font-size buttons. The <head> already applied the saved size.
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
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-font-size],[data-print]') : null;
    if (!target) return;
    if (target.hasAttribute('data-print')) {
      window.print();
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
})();
