// Builds result items as DOM nodes: text goes in as text; only excerptHtml (which escapes
// the page text and adds <mark>) is set as HTML.
import { excerptHtml } from '../shared/rank.ts';
import type { RankedHit } from '../shared/rank.ts';
import type { ResultData } from './engine.ts';

/** Adds `?hl=` so the opened article marks the searched words. */
export function withHighlight(url: string, query: string): string {
  const target = new URL(url, location.origin);
  target.searchParams.set('hl', query);
  return target.pathname + target.search;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The line under a headline: 栏目 · 日期, and 全文待补 for an entry awaiting its text. */
export function metaLine(data: ResultData): string {
  return [data.meta.column, data.meta.date, data.meta.awaiting ? '全文待补' : ''].filter(Boolean).join(' · ');
}

/** The words to mark in a result: those its page holds whole, else the query's terms. */
export function hitWords(hit: RankedHit, terms: string[]): string[] {
  return hit.words ?? terms;
}

/** An excerpt element around the first match. */
export function excerpt(data: ResultData, terms: string[], length: number, className: string): HTMLElement {
  const p = el('p', className);
  p.innerHTML = excerptHtml(data.meta.text ?? '', terms, length);
  return p;
}
