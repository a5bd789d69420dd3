// Finds lone characters (孤字): a text block whose last line holds a single Han character
// (closing punctuation aside), and lines that start with closing or end with opening
// punctuation, read from the browser's own line boxes.
import type { Page } from 'playwright-core';

export interface LoneCharacter {
  /** The block's tag and the end of its text, e.g. `h1 …砥砺前行`. */
  block: string;
  /** What stands on the last line. */
  lastLine: string;
}

/** Every lone character on the page as laid out now. */
export function loneCharacters(page: Page): Promise<LoneCharacter[]> {
  return page.evaluate(() => {
    const HAN = /\p{Script=Han}/u;
    // Closing punctuation may stand after the last character without counting as one.
    const CLOSING = /[\s。，、；：！？”’）》」』】〕…—,.;:!?)\]]/u;
    const found: { block: string; lastLine: string }[] = [];
    const isBlock = (e: Element) => !['inline', 'contents', 'none'].includes(getComputedStyle(e).display);
    const blocks = [...document.querySelectorAll('body *')].filter(
      (e) =>
        isBlock(e) &&
        !['SCRIPT', 'STYLE', 'svg', 'TEMPLATE', 'NOSCRIPT'].includes(e.tagName) &&
        // A leaf block: its text is laid out by itself, not by a block inside it.
        ![...e.querySelectorAll('*')].some((d) => isBlock(d) && d.textContent?.trim()) &&
        HAN.test(e.textContent ?? ''),
    );
    for (const block of blocks) {
      const style = getComputedStyle(block);
      if (style.visibility === 'hidden' || (block as HTMLElement).offsetParent === null) continue;
      const chars: { char: string; top: number; height: number }[] = [];
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (rect) chars.push({ char: text[i]!, top: rect.top, height: rect.height });
        }
      }
      if (chars.length < 2) continue;
      const lastTop = Math.max(...chars.map((c) => c.top));
      const firstTop = Math.min(...chars.map((c) => c.top));
      const lineHeight = Math.min(...chars.map((c) => c.height));
      if (lastTop - firstTop < lineHeight / 2) continue; // one line only
      // clreq (line-break: strict): no line starts with closing punctuation or ends with opening.
      const lines: string[][] = [];
      for (const c of chars) {
        const line = lines.find((l) => Math.abs((l as unknown as { top: number }).top - c.top) < lineHeight / 2);
        if (line) line.push(c.char);
        else lines.push(Object.assign([c.char], { top: c.top }));
      }
      // Only where the browser broke a line: the text itself may start or end with punctuation.
      lines.forEach((line, i) => {
        const text = line.join('').trim();
        if (
          (i > 0 && /^[。，、；：！？”’）》」』】〕]/u.test(text)) ||
          (i < lines.length - 1 && /[“‘（《「『【〔]$/u.test(text))
        )
          found.push({
            block: `${block.tagName.toLowerCase()} …${(block.textContent ?? '').trim().slice(-16)}`,
            lastLine: `line 「${text}」 breaks punctuation`,
          });
      });
      const last = chars.filter((c) => Math.abs(c.top - lastTop) < lineHeight / 2).map((c) => c.char);
      const meaningful = last.filter((c) => !CLOSING.test(c));
      if (meaningful.length === 1 && HAN.test(meaningful[0]!))
        found.push({
          block: `${block.tagName.toLowerCase()} …${(block.textContent ?? '').trim().slice(-16)}`,
          lastLine: last.join(''),
        });
    }
    return found;
  });
}
