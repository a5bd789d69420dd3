// Search in the browser, loaded by the inline boot script only when the reader uses the
// search box, opens /search/, or arrives from a result (?hl=).
import { highlight } from './highlight.ts';
import { attachPanel } from './panel.ts';
import { runResultsPage } from './results-page.ts';

let started = false;

export function start(): void {
  if (started) return;
  started = true;
  const form = document.querySelector<HTMLFormElement>('form[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (form && input) attachPanel(form, input);
  const app = document.getElementById('search-app');
  if (app) runResultsPage(app);
  const hl = new URLSearchParams(location.search).get('hl');
  if (hl) highlight(hl);
}
