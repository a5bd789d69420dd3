// @ts-check
// Inlined in <head> so a saved 字号 and 关怀模式 (适老化) apply before the first paint (no flash).
// data-js, data-query: /search/ lays out its filters and results' room at once (no shift).
document.documentElement.dataset['js'] = '';
if (/[?&]q=[^&]/.test(location.search)) document.documentElement.dataset['query'] = '';
try {
  var saved = localStorage.getItem('lnga-font');
  if (saved === 's' || saved === 'l') document.documentElement.dataset['font'] = saved;
  if (localStorage.getItem('lnga-care') === 'on') document.documentElement.dataset['care'] = 'on';
} catch {
  /* storage blocked: keep the defaults */
}
