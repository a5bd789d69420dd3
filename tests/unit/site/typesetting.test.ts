import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { bindPunctuation, punctuationBound } from '../../../src/site/typesetting.ts';
import { htmlGuard } from '../../../src/content-safety/pipeline.ts';

describe('bindPunctuation', () => {
  test('makes a space before closing punctuation a no-break space', () => {
    expect(bindPunctuation('争取明年获批“中国女装名镇 ”，为进一步')).toBe('争取明年获批“中国女装名镇\u00a0”，为进一步');
    expect(bindPunctuation('名镇  \n。')).toBe('名镇\u00a0。');
  });

  test('makes a space after opening punctuation a no-break space', () => {
    expect(bindPunctuation('获批“ 中国女装名镇”与《 纺织》')).toBe('获批“\u00a0中国女装名镇”与《\u00a0纺织》');
  });

  test('leaves every other space alone', () => {
    for (const text of ['Astro 7 与 Pagefind', '第一， 第二', '“中国” 与 “辽宁”', 'a ,b'])
      expect(bindPunctuation(text)).toBe(text);
  });
});

describe('the typesetting plugin', () => {
  const front = '---\ntitle: 标题\ndate: 2024-02-01\ncolumn: 协会动态\n---\n\n';
  const plugins = { hastPlugins: [htmlGuard, punctuationBound] };

  test('binds the punctuation of Markdown text and of its raw HTML', async () => {
    const { html } = await markdownToHtml(front + '获批“中国女装名镇 ”，为\n\n<p>《 纺织</p>\n', {
      ...plugins,
      features: { rawHtml: true },
    });
    expect(html).toContain('名镇\u00a0”');
    expect(html).toContain('《\u00a0纺织');
  });

  test('binds the punctuation of an MDX article', async () => {
    const { code } = await mdxToJs(front + '获批“中国女装名镇 ”，为\n', { ...plugins, jsxImportSource: 'astro' });
    expect(code).toContain(String.raw`名镇\xA0”`);
  });
});
