import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import {
  describeMessage,
  describeMessages,
  describeUnconverted,
  imageExtension,
  importBody,
  STYLE_MAP,
} from '../../src/lib/docx-import.ts';
import { DRAFT, wordDraft } from '../fixtures/word-draft.ts';

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

  test('converts a generated Word draft: headline, headings, bold, lists, table, images', async () => {
    const { value, messages } = await mammoth.convertToHtml(
      { buffer: await wordDraft() },
      {
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(async () => ({ src: './image.png' })),
      },
    );
    expect(messages).toEqual([]);
    const body = importBody(value);
    expect(body.title).toEqual({ text: DRAFT.title, source: 'title-style' });
    expect(body.unconverted).toEqual([]);
    expect(body.markdown).toContain(`**${DRAFT.bold}**`);
    expect(body.markdown).toContain(`<strong>${DRAFT.quotedBold}</strong>`);
    expect(body.markdown).toContain(`![${DRAFT.describedAlt}](./image.png)`);
    expect(body.markdown).toContain('\n\n![](./image.png)');
    expect(body.markdown).toContain(`## ${DRAFT.heading}\n\n### ${DRAFT.subheading}\n\n`);
    expect(body.markdown).toContain(DRAFT.bullets.map((b) => `- ${b}`).join('\n'));
    expect(body.markdown).toContain(DRAFT.numbered.map((b, i) => `${i + 1}. ${b}`).join('\n'));
    expect(body.markdown).toContain('| 集群 | 企业数 |\n| --- | --- |\n| 西柳 | 120 |');
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
