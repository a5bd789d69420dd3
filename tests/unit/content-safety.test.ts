import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { safetyFindings } from '../../src/content-safety/check.ts';
import { codeGuard, htmlGuard } from '../../src/content-safety/pipeline.ts';
import { isImageAddress, isSafeUrl, sanitizeTree, type TreeNode } from '../../src/content-safety/sanitize.ts';

const front = '---\ntitle: 标题\ndate: 2024-02-01\ncolumn: 协会动态\n---\n\n';
const guards = { mdastPlugins: [codeGuard], hastPlugins: [htmlGuard] };

/** A Markdown article as the build renders it. */
const html = async (body: string) =>
  (await markdownToHtml(front + body, { ...guards, features: { rawHtml: true } })).html;
/** An MDX article as the build compiles it, as JavaScript. */
const mdx = async (body: string) => (await mdxToJs(front + body, { ...guards, jsxImportSource: 'astro' })).code;

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

describe('the build pipeline', () => {
  test('runs no import, export or expression of an MDX article', async () => {
    const code = await mdx(
      "import { readFileSync } from 'node:fs'\nexport const host = readFileSync('/etc/hostname', 'utf8')\n\n主机：{host}\n\n{<script>{'alert(1)'}</script>}\n",
    );
    expect(code).toContain('主机：');
    expect(code).not.toMatch(/readFileSync|node:fs|host\b|alert|script/);
  });

  test('keeps no set:html, expression attribute, unknown component or script address in MDX', async () => {
    const code = await mdx(
      '<div set:html="<script>x</script>" title={globalThis.x} class="signoff">文字</div>\n\n<Gallery a="1">图</Gallery>\n\n[a](javascript:alert(1))\n\n![b](./evil.mjs)\n\n<Signoff>协会</Signoff>\n',
    );
    expect(code).not.toMatch(/set:html|globalThis|Gallery|javascript|evil\.mjs/);
    expect(code).toContain('"signoff"');
    expect(code).toContain('_jsx(Signoff');
  });

  test('reduces the HTML of a Markdown article to the allow-list', async () => {
    const out = await html(
      '<span onclick="a()">点</span> [x](JaVa&#x53;cript:alert(1)) <a href="data:text/html,x">d</a>\n\n<style>b{}</style>\n\n<p style="c">段</p>\n\n<meta http-equiv="refresh" content="0;url=https://e.example/">\n\n<base href="https://e.example/">\n\n<form action="https://e.example/"><input name="p"><button>提交</button></form>\n\n<object data="x"></object><embed src="x"><iframe src="https://e.example/"></iframe>\n\n- [x] 已完成\n',
    );
    expect(out).not.toMatch(
      /onclick|javascript|data:|<style|style=|<meta|<base|<form|<input name|<button|<object|<embed|<iframe/i,
    );
    expect(out).toContain('<span>点</span>');
    expect(out).toContain('<p>段</p>');
    expect(out).toMatch(/<input type="checkbox" (checked )?disabled/);
  });
});

describe('safetyFindings', () => {
  test('names the line of each removal, errors for code and frames, warnings for markup', () => {
    const findings = safetyFindings(
      'a.md',
      front +
        '正文。\n\n<span onclick="x()">a</span>\n\n<iframe src="https://v.example/"></iframe>\n\n[a](javascript:x)\n',
    );
    expect(findings).toEqual([
      { line: 9, severity: 'warning', message: expect.stringMatching(/^「span onclick」属性已从网页中删去/) },
      { line: 11, severity: 'error', message: expect.stringMatching(/^正文里不能直接写 <iframe>/) },
      { line: 13, severity: 'warning', message: expect.stringMatching(/^不安全的地址「javascript:x」/) },
    ]);
    expect(findings.every((f) => / \/ [A-Za-z<{]/.test(f.message))).toBe(true);
  });

  test('lets MDX comments through, and explains a brace in ordinary text', () => {
    const [brace, ...rest] = safetyFindings('a.mdx', front + '{/* 备注 */}\n\n产量{数量}。\n');
    expect(rest).toEqual([]);
    expect(brace).toMatchObject({ line: 9, severity: 'error' });
    expect(brace!.message).toContain('请把 { 写成 \\{');
  });
});
