import { describe, expect, test } from 'vitest';
import { extractRecord, recordHtml, resultMeta } from '../../../../src/search/build/record.ts';
import { indexTokens } from '../../../../src/search/shared/tokens.ts';

const page = `<!doctype html><html lang="zh-CN"><body><nav>导航不算</nav>
<article><div data-pagefind-body data-search-column="劳模风采" data-search-date="2022-07-12">
<header><h1>刘毅:不忘初心</h1><p data-pagefind-ignore>发布时间：2022-07-12</p></header>
<div class="article-body"><p>西柳服装市场。</p><h2>一、党建</h2><p>第二段 <b>加粗</b> 文字。</p></div>
</div><section>相关新闻不算</section></article></body></html>`;

describe('extractRecord', () => {
  test('reads headline, text by paragraph, column and date from the indexed region only', () => {
    expect(extractRecord(page, '/news/a/')).toEqual({
      url: '/news/a/',
      title: '刘毅:不忘初心',
      text: '西柳服装市场。\n一、党建\n第二段 加粗 文字。',
      column: '劳模风采',
      date: '2022-07-12',
      image: undefined,
    });
  });
  test('reads the person and fields; an entry awaiting its text has them and its column for text', () => {
    const awaiting = `<html><body><div data-pagefind-body data-search-awaiting data-search-column="劳模风采"
      data-search-person="谷冬昭" data-search-fields="全国纺织工业劳动模范&#10;劳动模范">
      <h1>劳模风采 | 谷冬昭</h1><p>本文全文正在整理中，暂未发布。</p></div></body></html>`;
    expect(extractRecord(awaiting, '/news/gu/')).toEqual({
      url: '/news/gu/',
      title: '劳模风采 | 谷冬昭',
      text: '谷冬昭 · 全国纺织工业劳动模范 · 劳动模范 · 劳模风采',
      column: '劳模风采',
      date: '',
      image: undefined,
      awaiting: true,
      person: '谷冬昭',
      fields: ['全国纺织工业劳动模范', '劳动模范'],
    });
  });
  test('skips pages without an indexed region', () => {
    expect(extractRecord('<html><body><h1>404</h1></body></html>', '/404/')).toBeNull();
  });
});

describe('recordHtml', () => {
  const html = recordHtml({
    url: '/a/',
    title: '西柳<市场>',
    text: '刘毅, 党建',
    column: '劳模风采',
    date: '2022-07-12',
  });
  test('indexes tokens, never the Chinese itself', () => {
    const body = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(body).toContain(indexTokens('西柳<市场>').join(' '));
    expect(body).not.toMatch(/[\u4e00-\u9fff]/);
  });
  test('keeps the original headline as escaped metadata, with filters and sort; the text stays out', () => {
    expect(html).toContain('<div data-pagefind-meta="title">西柳&lt;市场&gt;</div>');
    expect(html).not.toContain('刘毅');
    expect(html.match(/data-pagefind-meta/g)).toHaveLength(1);
    expect(html).toContain('<div data-pagefind-filter="栏目">劳模风采</div>');
    expect(html).toContain('<div data-pagefind-filter="年份">2022</div>');
    expect(html).toContain('data-pagefind-sort="date:2022-07-12"');
  });
});

describe('recordHtml pinyin', () => {
  const html = recordHtml({
    url: '/a/',
    title: '劳模风采',
    text: '正文不拼',
    column: '劳模风采',
    date: '2022-07-12',
    person: '谷冬昭',
    fields: ['西柳'],
  });
  const body = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  test('indexes the person as a name, and headline, person and fields, after the text', () => {
    const words = body.slice(body.lastIndexOf('<p>') + 3, body.lastIndexOf('</p>')).split(' ');
    expect(words).toEqual(
      expect.arrayContaining(['vvgudongzhaov', 'vvgdzv', 'vgudongzhaov', 'vlaomofengcaiv', 'vxiliuv']),
    );
    expect(words).not.toContain('vvlaomofengcaiv');
    expect(body.indexOf('vlaomo')).toBeGreaterThan(body.indexOf(indexTokens('正文不拼').join(' ')));
  });
  test('leaves the text out of pinyin', () => {
    expect(body).not.toContain('vzhengwen');
  });
});

describe('resultMeta', () => {
  test('marks an entry awaiting its text', () => {
    const record = { url: '/a/', title: '标题', text: '谷冬昭', column: '劳模风采', date: '', awaiting: true };
    expect(resultMeta(record)).toEqual({ text: '谷冬昭', column: '劳模风采', date: '', awaiting: '1' });
  });
  test('carries the text, column and date, and the picture when there is one', () => {
    const record = { url: '/a/', title: '标题', text: '刘毅', column: '劳模风采', date: '2022-07-12' };
    expect(resultMeta(record)).toEqual({ text: '刘毅', column: '劳模风采', date: '2022-07-12' });
    expect(resultMeta({ ...record, image: '/a.jpg' })).toEqual({
      text: '刘毅',
      column: '劳模风采',
      date: '2022-07-12',
      image: '/a.jpg',
    });
  });
});
