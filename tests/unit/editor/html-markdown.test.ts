import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../../editor/html-markdown.ts';

const md = (html: string): string => htmlToMarkdown(html).markdown;

describe('htmlToMarkdown', () => {
  test('writes headings and paragraphs as blocks separated by an empty line', () => {
    expect(md('<h2>一、工作成效</h2><p>第一段。</p><p>第二段。</p>')).toBe('## 一、工作成效\n\n第一段。\n\n第二段。\n');
  });

  test('drops empty paragraphs and the full-width spaces Word indents with', () => {
    expect(md('<p>\u3000\u3000今年以来，协会开展了调研。 </p><p> </p><p></p>')).toBe('今年以来，协会开展了调研。\n');
  });

  test('writes bold as Markdown, joining runs Word split, and italic as plain text', () => {
    expect(htmlToMarkdown('<p>参会的<strong>重点</strong><strong>企业</strong>和<em>嘉宾</em>。</p>')).toEqual({
      markdown: '参会的**重点企业**和嘉宾。\n',
      unconverted: ['em'],
    });
  });

  test('moves punctuation at the edges of bold outside the markers, where CommonMark opens them', () => {
    expect(md('<p>围绕<strong>“品牌强省”</strong>发言，<strong>重点 </strong>企业<strong>。</strong></p>')).toBe(
      '围绕“**品牌强省**”发言，**重点** 企业。\n',
    );
    expect(md('<p>费用<strong>&lt;500元。</strong>起</p>')).toBe('费用\\<**500元**。起\n');
    expect(md('<p><strong>注意!</strong>报名从速</p>')).toBe('**注意**!报名从速\n');
  });

  test('keeps bold around a link as HTML, since the brackets cannot move', () => {
    expect(md('<p>见<strong><a href="https://a.cn/">通知</a></strong>。</p>')).toBe(
      '见<strong>[通知](https://a.cn/)</strong>。\n',
    );
  });

  test('writes a 落款 as one signoff paragraph, a line each, as HTML text', () => {
    expect(md('<p>正文。</p><p class="signoff">辽宁省纺织服装协会<br />2024年5月20日 &lt;盖章&gt;</p>')).toBe(
      '正文。\n\n<p class="signoff">辽宁省纺织服装协会\n2024年5月20日 &lt;盖章&gt;</p>\n',
    );
  });

  test('escapes what Markdown or MDX would read as syntax, and keeps the words', () => {
    expect(md('<p>费用&lt;500元，{备注}，7~8月，带*号的_必填_项，A&amp;B公司，[附件]</p>')).toBe(
      '费用\\<500元，\\{备注\\}，7\\~8月，带\\*号的\\_必填\\_项，A&B公司，\\[附件\\]\n',
    );
    expect(md('<p>&amp;nbsp;</p>')).toBe('\\&nbsp;\n');
  });

  test('escapes numbers, hyphens and hashes at the start of a line so they stay text', () => {
    expect(md('<p>1.加强组织领导</p><p>- 备注</p><p># 号</p><p>2）落实<br />3. 检查</p>')).toBe(
      '1\\.加强组织领导\n\n\\- 备注\n\n\\# 号\n\n2）落实\\\n3\\. 检查\n',
    );
  });

  test('keeps web addresses as written, so they stay links', () => {
    expect(md('<p>详见 https://www.example.org/a_b?x=1 网站</p>')).toBe('详见 https://www.example.org/a_b?x=1 网站\n');
  });

  test('writes links, and only the text of links within the document', () => {
    expect(md('<p>见<a href="https://example.org/a b">通知</a>和<a href="#footnote-1">[1]</a></p>')).toBe(
      '见[通知](https://example.org/a%20b)和\\[1\\]\n',
    );
  });

  test('writes line breaks as hard breaks, dropping them at the ends', () => {
    expect(md('<p><br />第一行<br />第二行<br /></p>')).toBe('第一行\\\n第二行\n');
  });

  test('writes images with their alt text, leaving out images without a file', () => {
    expect(md('<p><img src="./image-1.png" alt="刘毅 [右] 发言" /></p><p><img src="" alt="x" /></p>')).toBe(
      '![刘毅 \\[右\\] 发言](./image-1.png)\n',
    );
  });

  test('writes nested and numbered lists', () => {
    expect(
      md('<ol start="3"><li>加强品牌建设<ul><li>培育龙头</li><li>打造区域品牌</li></ul></li><li>推进数字化</li></ol>'),
    ).toBe('3. 加强品牌建设\n   - 培育龙头\n   - 打造区域品牌\n4. 推进数字化\n');
  });

  test('keeps a list item that begins with a number from becoming a nested list', () => {
    expect(md('<ul><li>1.第一项</li></ul>')).toBe('- 1\\.第一项\n');
  });

  test('writes a simple table as GFM, its first row the header', () => {
    expect(
      md(
        '<table><tr><td><p>集群</p></td><td><p>企业数</p></td></tr><tr><td><p>西柳|北区</p></td><td><p>120</p><p>（估）</p></td></tr></table>',
      ),
    ).toBe('| 集群 | 企业数 |\n| --- | --- |\n| 西柳\\|北区 | 120<br />（估） |\n');
  });

  test('writes a table with merged cells or lists as HTML', () => {
    expect(
      md(
        '<table><tr><th colspan="2">汇总</th></tr><tr><td><ul><li>甲</li><li>乙</li></ul></td><td><p><strong>丙</strong></p></td></tr></table>',
      ),
    ).toBe(
      [
        '<table>',
        '  <tbody>',
        '    <tr>',
        '      <th colspan="2">汇总</th>',
        '    </tr>',
        '    <tr>',
        '      <td><ul><li>甲</li><li>乙</li></ul></td>',
        '      <td><strong>丙</strong></td>',
        '    </tr>',
        '  </tbody>',
        '</table>',
        '',
      ].join('\n'),
    );
  });

  test('names formatting it does not know, keeping the text', () => {
    expect(htmlToMarkdown('<p>下划<u>线</u></p><div><p>段</p></div>')).toEqual({
      markdown: '下划线\n\n段\n',
      unconverted: ['u', 'div'],
    });
  });
});
