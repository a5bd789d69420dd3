// Marks the searched words on an article opened from a search result (?hl=…).
import { matchRanges } from '../shared/rank.ts';
import { queryTerms } from '../shared/tokens.ts';

function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Wraps every occurrence of the terms in the headline and body in <mark>; returns how many. */
export function highlight(query: string): number {
  const terms = queryTerms(query);
  const regions = document.querySelectorAll('[data-pagefind-body] h1, .article-body');
  let count = 0;
  for (const region of regions)
    for (const node of textNodes(region)) {
      const text = node.data;
      const ranges = matchRanges(text, terms);
      for (const [start, end] of ranges.reverse()) {
        const hit = node.splitText(start);
        hit.splitText(end - start);
        const mark = document.createElement('mark');
        mark.className = 'search-hit';
        hit.replaceWith(mark);
        mark.append(hit);
        count++;
      }
    }
  document.querySelector('mark.search-hit')?.scrollIntoView({ block: 'center' });
  return count;
}
