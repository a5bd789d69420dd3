// @ts-check
// Inlined in <head> so a saved 字号 applies before the first paint (no flash).
try {
  var saved = localStorage.getItem('lnga-font');
  if (saved === 's' || saved === 'l') document.documentElement.dataset['font'] = saved;
} catch {
  /* storage blocked: keep the default size */
}
