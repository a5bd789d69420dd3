import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { codeGuard, htmlGuard } from '../../../src/content-safety/pipeline.ts';

const front = '---\ntitle: 标题\ndate: 2024-02-01\ncolumn: 协会动态\n---\n\n';
const guards = { mdastPlugins: [codeGuard], hastPlugins: [htmlGuard] };

/** A Markdown article as the build renders it. */
const html = async (body: string) =>
  (await markdownToHtml(front + body, { ...guards, features: { rawHtml: true } })).html;
/** An MDX article as the build compiles it, as JavaScript. */
const mdx = async (body: string) => (await mdxToJs(front + body, { ...guards, jsxImportSource: 'astro' })).code;

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
