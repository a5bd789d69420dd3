import { describe, expect, test } from 'vitest';
import { isImageAddress, isSafeUrl, sanitizeTree, type TreeNode } from '../../../src/content-safety/sanitize.ts';

describe('isSafeUrl', () => {
  test('takes web, mail, phone and site addresses', () => {
    for (const url of [
      'https://www.gov.cn/',
      'http://a.cn',
      'mailto:a@b.cn',
      'tel:024-86606281',
      '/news/a/',
      './a.pdf',
      '#x',
    ])
      expect(isSafeUrl(url), url).toBe(true);
  });
  test('refuses script and data addresses however they are written', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:x', ' java\tscript:x', 'data:text/html,x', 'vbscript:x'])
      expect(isSafeUrl(url), url).toBe(false);
  });
});

describe('isImageAddress', () => {
  test('takes pictures beside the article, in public/ and on the web', () => {
    for (const url of ['./a.jpg', 'images/b.PNG', './c.webp?x', '/favicon.svg', 'https://e.cn/x'])
      expect(isImageAddress(url), url).toBe(true);
  });
  test('refuses what Astro would import as code or inline', () => {
    for (const url of ['./evil.mjs', './a.svg', '../../src/x.ts', 'data:image/png;base64,x'])
      expect(isImageAddress(url), url).toBe(false);
  });
});

describe('sanitizeTree', () => {
  test('keeps allowed elements and attributes, reports what acts or restyles', () => {
    const removed: string[] = [];
    const tree: TreeNode = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: { onClick: 'x()', style: 'c', width: '3', className: ['signoff', 'x'] },
          children: [{ type: 'text', value: '字' }],
        },
        { type: 'element', tagName: 'center', properties: {}, children: [{ type: 'text', value: '留' }] },
        { type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'x' }] },
      ],
    };
    const clean = sanitizeTree(tree, (removal) => removed.push(`${removal.what} ${removal.detail}`));
    expect(clean.children).toEqual([
      {
        type: 'element',
        tagName: 'p',
        properties: { className: ['signoff'] },
        children: [{ type: 'text', value: '字' }],
      },
      { type: 'text', value: '留' },
    ]);
    expect(removed).toEqual(['attribute p onclick', 'attribute p style', 'unwrapped center', 'element script']);
  });
});
