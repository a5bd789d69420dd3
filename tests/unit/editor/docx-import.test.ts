import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import {
  describeMessage,
  describeMessages,
  describeUnconverted,
  imageExtension,
  importBody,
  MAMMOTH_OPTIONS,
  markSignoffs,
} from '../../../editor/docx-import.ts';
import { DRAFT, NOTICE, noticeWordDraft, wordDraft } from '../../fixtures/word-draft.ts';

describe('importBody', () => {
  test('takes the headline from the Word Title style and fits the headings under it', () => {
    const body = importBody('<h1 class="doc-title">标题</h1><p>导语。</p><h1>一、</h1><h2>（一）</h2><h4>1.</h4>');
    expect(body.title).toEqual({ text: '标题', source: 'title-style' });
    expect(body.markdown).toBe('导语。\n\n## 一、\n\n### （一）\n\n##### 1\\.\n');
  });

  test('takes a first heading as the headline when there is no Title style', () => {
    const body = importBody('<h1>协会召开年会</h1><p>正文。</p><h2>一、</h2>');
    expect(body.title).toEqual({ text: '协会召开年会', source: 'heading' });
    expect(body.markdown).toBe('正文。\n\n## 一、\n');
  });

  test('takes a short, all-bold first paragraph as the headline, as Chinese drafts set it', () => {
    expect(importBody('<p><strong>关于报名的通知</strong></p><p>各会员单位：</p>').title).toEqual({
      text: '关于报名的通知',
      source: 'bold-paragraph',
    });
    expect(importBody('<p><strong>各会员单位</strong>：</p>').title).toBeUndefined();
    expect(importBody(`<p><strong>${'长'.repeat(61)}</strong></p>`).title).toBeUndefined();
    expect(importBody('<p>普通的第一段。</p>').title).toBeUndefined();
  });

  test("replaces an image's alt text with the editor's, by file", () => {
    const html = '<p><img src="./image-1.png" alt="Word 的说明" /></p><p><img src="./image-2.png" /></p>';
    expect(importBody(html, new Map([['./image-2.png', '会场全景']])).markdown).toBe(
      '![Word 的说明](./image-1.png)\n\n![会场全景](./image-2.png)\n',
    );
  });

  test('takes the date from a date line under the headline, in digits or Chinese numerals', () => {
    const body = importBody('<h1 class="doc-title">通知</h1><p>二〇二四年五月二十日</p><p>各会员单位：</p>');
    expect(body.date).toEqual({ day: '2024-05-20', text: '二〇二四年五月二十日', source: 'date-line' });
    expect(body.markdown).toBe('各会员单位：\n');
    expect(importBody('<p>日期：2024-05-20</p><p>正文。</p>').date?.day).toBe('2024-05-20');
    // A sentence that holds a date is not a date line.
    const sentence = importBody('<h1>通知</h1><p>2024年5月20日，协会召开会议。</p>');
    expect(sentence.date).toBeUndefined();
    expect(sentence.markdown).toBe('2024年5月20日，协会召开会议。\n');
  });

  test('joins the right-aligned lines at the end into one 落款 and takes its date', () => {
    const body = importBody(
      '<p>正文。</p><p class="signoff">辽宁省纺织服装协会</p><p class="signoff">二〇二四年五月二十日</p>',
    );
    expect(body.date).toEqual({ day: '2024-05-20', text: '二〇二四年五月二十日', source: 'signoff' });
    expect(body.markdown).toBe('正文。\n\n<p class="signoff">辽宁省纺织服装协会\n二〇二四年五月二十日</p>\n');
    // A 落款 date written without right alignment counts too; a date line above the text wins.
    expect(importBody('<p>正文。</p><p>辽宁省纺织服装协会</p><p>2024年6月1日</p>').date?.day).toBe('2024-06-01');
    expect(importBody('<p>2024年5月20日</p><p>正文。</p><p class="signoff">2024年6月1日</p>').date).toMatchObject({
      day: '2024-05-20',
      source: 'date-line',
    });
    expect(importBody('<p>正文。</p><p>协会</p>').date).toBeUndefined();
  });

  test('converts a generated Word draft: headline, headings, bold, lists, table, images, 落款', async () => {
    const { value, messages } = await mammoth.convertToHtml(
      { buffer: await wordDraft() },
      {
        ...MAMMOTH_OPTIONS,
        convertImage: mammoth.images.imgElement(async () => ({ src: './image.png' })),
      },
    );
    expect(messages).toEqual([]);
    const body = importBody(value);
    expect(body.title).toEqual({ text: DRAFT.title, source: 'title-style' });
    expect(body.date).toEqual({ day: DRAFT.day, text: DRAFT.signoff[1], source: 'signoff' });
    // Italic is dropped (Chinese type has none) and named for the report.
    expect(body.unconverted).toEqual(['em']);
    expect(body.markdown).toContain(
      `**${DRAFT.bold}**代表和${DRAFT.italic}围绕“**${DRAFT.quotedBold.slice(1, -1)}**”发了言`,
    );
    expect(body.markdown).not.toContain('<strong>');
    expect(body.markdown).toContain(`![${DRAFT.describedAlt}](./image.png)`);
    expect(body.markdown).toContain('\n\n![](./image.png)');
    expect(body.markdown).toContain(`## ${DRAFT.heading}\n\n### ${DRAFT.subheading}\n\n`);
    expect(body.markdown).toContain(DRAFT.bullets.map((b) => `- ${b}`).join('\n'));
    expect(body.markdown).toContain(DRAFT.numbered.map((b, i) => `${i + 1}. ${b}`).join('\n'));
    expect(body.markdown).toContain('| 集群 | 企业数 |\n| --- | --- |\n| 西柳 | 120 |\n| 佟二堡 | 85 |\n\n');
    expect(body.markdown).toMatch(/\n\n<p class="signoff">辽宁省纺织服装协会\n2024年5月20日<\/p>\n$/);
  });
});

describe('a notice with its date under the headline', () => {
  test('gives the headline, the date from the date line and a body without it', async () => {
    const { value, messages } = await mammoth.convertToHtml({ buffer: await noticeWordDraft() }, MAMMOTH_OPTIONS);
    expect(messages).toEqual([]);
    expect(importBody(value)).toEqual({
      title: { text: NOTICE.title, source: 'bold-paragraph' },
      date: { day: NOTICE.day, text: NOTICE.dateLine, source: 'date-line' },
      markdown: `${NOTICE.body}\n`,
      unconverted: [],
    });
  });
});

describe('markSignoffs', () => {
  test('gives right-aligned paragraphs the 落款 style, but not headings, pictures or other alignments', () => {
    const doc = {
      type: 'document',
      children: [
        { type: 'paragraph', alignment: 'right', children: [] },
        { type: 'paragraph', alignment: 'end', styleId: 'a5', styleName: '正文缩进' },
        { type: 'paragraph', alignment: 'right', styleId: 'Heading1', styleName: 'heading 1' },
        { type: 'paragraph', alignment: 'center' },
        { type: 'paragraph' },
        { type: 'paragraph', alignment: 'right', children: [{ type: 'run', children: [{ type: 'image' }] }] },
      ],
    };
    expect(markSignoffs(doc).children.map((p) => p.styleName)).toEqual([
      'LNGA Signoff',
      'LNGA Signoff',
      'heading 1',
      undefined,
      undefined,
      undefined,
    ]);
    expect(doc.children[0]).not.toHaveProperty('styleName'); // the tree given is left as it was
  });
});

describe('describeMessage', () => {
  test("says in Chinese what mammoth's warnings mean, keeping the English beneath", () => {
    expect(describeMessage("Unrecognised paragraph style: '正文缩进' (Style ID: a5)")).toBe(
      "段落样式「正文缩进」没有对应的网页格式，已按普通段落导入。\n    Unrecognised paragraph style: '正文缩进' (Style ID: a5)",
    );
    expect(describeMessage('An unrecognised element was ignored: m:oMath')).toMatch(/^文档里的公式无法转换，已略去/);
    expect(
      describeMessage(
        'An unrecognised element was ignored: {http://schemas.openxmlformats.org/officeDocument/2006/math}oMath',
      ),
    ).toMatch(/^文档里的公式无法转换/);
    expect(describeMessage('An unrecognised element was ignored: w:foo')).toMatch(/^文档里的内容（foo）无法转换/);
    expect(describeMessage('Something new')).toBe('Word 转换提示：\n    Something new');
  });

  test('says each warning once with its count, leaving image formats to the import', () => {
    const style = "Unrecognised paragraph style: '正文缩进' (Style ID: a5)";
    expect(
      describeMessages([style, 'Image of type image/x-emf is unlikely to display in web browsers', style]),
    ).toEqual([`段落样式「正文缩进」没有对应的网页格式，已按普通段落导入。（共 2 处）\n    ${style}`]);
  });

  test('names dropped formatting', () => {
    expect(describeUnconverted('u')).toMatch(/^「下划线」格式没有保留，文字已导入。\n/);
  });
});

describe('imageExtension', () => {
  test('knows the formats the web shows and refuses Word drawings', () => {
    expect(imageExtension('image/jpeg')).toBe('jpg');
    expect(imageExtension('image/PNG')).toBe('png');
    expect(imageExtension('image/x-emf')).toBeUndefined();
    expect(imageExtension('image/bmp')).toBeUndefined();
  });
});
