import { describe, expect, test } from 'vitest';
import { attachmentPath, describeAttachment, filesBeside, formatBytes } from '../../../src/site/attachments.ts';
import { problems, schema } from '../fixtures.ts';

describe('formatBytes', () => {
  test('reads like a file manager: B, KB, MB with one decimal below ten', () => {
    expect([0, 856, 1024, 3000, 15_000, 1_300_000, 25_000_000].map(formatBytes)).toEqual([
      '0 B',
      '856 B',
      '1 KB',
      '2.9 KB',
      '15 KB',
      '1.2 MB',
      '24 MB',
    ]);
  });
});

describe('describeAttachment', () => {
  test('names the kind of document and falls back to the file name', () => {
    expect(describeAttachment({ file: './报名表.docx' }, 20_480)).toEqual({
      name: '报名表',
      fileName: '报名表.docx',
      type: 'Word',
      size: '20 KB',
    });
    expect(describeAttachment({ file: './a.PDF', title: '通知原文' }, 500)).toMatchObject({
      name: '通知原文',
      type: 'PDF',
    });
  });
});

describe('attachments in front matter', () => {
  const base = { title: '通知', date: '2024-01-01', column: '通知公告' };
  test('accept a file name or a file with a title, beside the article', () => {
    const data = schema.parse({ ...base, attachments: ['./表.xlsx', { file: './通知.pdf', title: '通知原文' }] });
    expect(data.attachments).toEqual([{ file: './表.xlsx' }, { file: './通知.pdf', title: '通知原文' }]);
  });
  test('refuse other folders, unknown kinds and misspelt fields', () => {
    expect(problems({ ...base, attachments: ['../a.pdf', './a.exe', { file: './a.pdf', tilte: 'x' }] })).toEqual([
      expect.stringMatching(/^attachments\.0\.file: 附件 attachments 要写成 \.\/文件名\.pdf/),
      expect.stringMatching(/^attachments\.1\.file: 附件/),
      expect.stringMatching(/^attachments\.2: 未知字段：tilte。请检查拼写：tilte 是不是要写成 title？/),
    ]);
  });
});

describe('attachmentPath', () => {
  test('finds an attachment beside its article file', () => {
    expect(attachmentPath({ filePath: 'content/articles/2024/a/index.md' }, './表.xlsx')).toBe(
      'content/articles/2024/a/表.xlsx',
    );
    expect(attachmentPath({ filePath: 'content/articles/b.md' }, 'files/通知.pdf')).toBe(
      'content/articles/files/通知.pdf',
    );
    expect(attachmentPath({}, './c.pdf')).toBe('c.pdf');
  });
});

describe('filesBeside', () => {
  test("lists an article's attachments and the pictures of its text, beside its file", () => {
    const entry = {
      filePath: 'content/articles/2024/hui/index.md',
      body: [
        '开头 ![会场](./会场.png) 和 ![合影]( <./合影 1.jpg> ) 与 ![图](图/二.webp "标题")',
        '![远处](https://example.org/a.png) ![根](/favicon.svg) ![上级](../公共/标志.svg)',
        '[链接](./说明.pdf) 不是图片。',
        '[大图]: ./大图.JPG',
      ].join('\n'),
      data: { attachments: [{ file: './报名表.docx' }] },
    };
    expect(filesBeside(entry)).toEqual([
      'content/articles/2024/hui/报名表.docx',
      'content/articles/2024/hui/会场.png',
      'content/articles/2024/hui/合影 1.jpg',
      'content/articles/2024/hui/图/二.webp',
      'content/articles/2024/hui/../公共/标志.svg',
      'content/articles/2024/hui/大图.JPG',
    ]);
  });

  test('is empty for an article with neither', () => {
    expect(filesBeside({ filePath: 'content/articles/a.md', body: '只有文字。', data: { attachments: [] } })).toEqual(
      [],
    );
  });
});
