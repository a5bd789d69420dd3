import { describe, expect, test } from 'vitest';
import { extractRecord, recordWords, resultMeta } from '../../../../src/search/build/record.ts';
import { pinyinIndexWords } from '../../../../src/search/build/pinyin.ts';
import { BREAK, indexTokens } from '../../../../src/search/shared/tokens.ts';

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

describe('recordWords', () => {
  const words = recordWords({
    url: '/a/',
    title: '西柳<市场>',
    text: '刘毅, 党建\n服装',
    column: '劳模风采',
    date: '2022-07-12',
  });
  test('indexes tokens, never the Chinese itself, the headline first', () => {
    expect(words.heading).toEqual(indexTokens('西柳<市场>'));
    expect(words.heading.filter((w) => w === BREAK)).toHaveLength(2);
    expect(words.body.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
  });
  test('closes each paragraph with a break, as Pagefind counted a block, unless it ends with one', () => {
    expect(words.body).toEqual([
      ...indexTokens('刘毅, 党建'),
      BREAK,
      ...indexTokens('服装'),
      BREAK,
      ...pinyinIndexWords('西柳<市场>'),
      BREAK,
    ]);
    const ended = recordWords({ url: '/b/', title: '通知。', text: '', column: '', date: '' });
    expect(ended.heading).toEqual(indexTokens('通知。'));
    expect(ended.heading.at(-1)).toBe(BREAK);
  });
});

describe('recordWords pinyin', () => {
  const { body } = recordWords({
    url: '/a/',
    title: '劳模风采',
    text: '正文不拼',
    column: '劳模风采',
    date: '2022-07-12',
    person: '谷冬昭',
    fields: ['西柳'],
  });
  test('indexes the person as a name, and headline, person and fields, after the text', () => {
    expect(body).toEqual(
      expect.arrayContaining(['vvgudongzhaov', 'vvgdzv', 'vgudongzhaov', 'vlaomofengcaiv', 'vxiliuv']),
    );
    expect(body).not.toContain('vvlaomofengcaiv');
    expect(body.indexOf('vlaomofengcaiv')).toBeGreaterThan(body.indexOf(indexTokens('正文不拼').at(-1)!));
  });
  test('leaves the text out of pinyin', () => {
    expect(body.some((w) => w.startsWith('vzhengwen'))).toBe(false);
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
