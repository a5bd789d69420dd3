// Inlined in <head> so a saved 字号 and 关怀模式 (适老化) apply before the first paint (no flash).
// data-js, data-query: /search/ lays out its filters and results' room at once (no shift).
import { CARE_KEY, FONT_KEY } from './constants.ts';

const root = document.documentElement;
root.dataset['js'] = '';
if (/[?&]q=[^&]/.test(location.search)) root.dataset['query'] = '';
try {
  const saved = localStorage.getItem(FONT_KEY);
  if (saved === 's' || saved === 'l') root.dataset['font'] = saved;
  if (localStorage.getItem(CARE_KEY) === 'on') root.dataset['care'] = 'on';
} catch {
  /* storage blocked: keep the defaults */
}
