import { spawn } from 'node:child_process';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempSite, type TempSite } from '../support/temp-site.ts';
import { articleUrl } from '../../src/site/urls.ts';
import { awkwardWordDraft, DRAFT, wordDraft } from '../fixtures/word-draft.ts';
import { useBrowser } from './support/page.ts';

/** Runs `npm run <args>` in the site copy as an editor would, with `input` piped to it. */
function npm(dir: string, args: string[], input = ''): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => done({ code: code ?? 1, output }));
    child.stdin.end(input);
  });
}

/** The path the command printed after 已创建 / 已导入. */
const createdPath = (output: string): string => /(content\/articles\/\S+\.mdx?)\b/.exec(output)![1]!;

/** What an editor does next: write the body in place of the note, and publish. */
async function writeBody(dir: string, path: string, body: string): Promise<void> {
  const text = await readFile(join(dir, path), 'utf8');
  await writeFile(join(dir, path), text.replace(/<!--[\s\S]*-->/, body).replace('draft: true\n', ''));
}

describe('the editor commands, before any build', () => {
  let temp: TempSite;

  beforeAll(async () => {
    temp = await createTempSite();
  });
  afterAll(() => temp?.remove());

  test('creates an article from options, numbering a taken address and never overwriting', async () => {
    const args = ['new', '--', '--column', '协会动态', '--title', '协会召开会员大会', '--date', '2025-03-08'];
    const first = await npm(temp.dir, args);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('已创建 / Created: content/articles/2025/xie-hui-zhao-kai-hui-yuan-da-hui.md');
    expect(first.output).toContain('http://localhost:4321/news/xie-hui-zhao-kai-hui-yuan-da-hui/');
    expect(first.output).toMatch(/这是草稿（draft: true）/);
    const text = await readFile(join(temp.dir, createdPath(first.output)), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: 协会召开会员大会\ndate: 2025-03-08\ncolumn: 协会动态\ndraft: true\n---\n\n<!--\n/,
    );

    const second = await npm(temp.dir, args);
    expect(second.code, second.output).toBe(0);
    expect(createdPath(second.output)).toBe('content/articles/2025/xie-hui-zhao-kai-hui-yuan-da-hui-2.md');
    await expect(readFile(join(temp.dir, createdPath(first.output)), 'utf8')).resolves.toBe(text);

    const taken = await npm(temp.dir, [...args, '--slug', 'xie-hui-zhao-kai-hui-yuan-da-hui']);
    expect(taken.code).toBe(1);
    expect(taken.output).toMatch(/错误 \/ Error: 网址 xie-hui-zhao-kai-hui-yuan-da-hui 已被另一篇文章使用/);
  });

  test('npm run import says what it could not convert, in Chinese with the English beneath', async () => {
    await writeFile(join(temp.dir, 'awkward.docx'), await awkwardWordDraft());
    const { code, output } = await npm(temp.dir, ['import', '--', 'awkward.docx', '--column', '通知公告']);
    expect(code, output).toBe(0);
    expect(output).toContain('标题取自 / Headline from 文档开头的标题 / the first heading: 关于报名的通知');
    const report = output.slice(output.indexOf('没有完整转换的内容'));
    expect(report).toMatch(
      /第 1 张图片是 image\/bmp 格式，网页无法显示，已略去[^\n]*\n\s+Image 1 \(image\/bmp\) cannot be shown/,
    );
    expect(report).toMatch(/文档里的公式无法转换，已略去[^\n]*\n\s+An unrecognised element was ignored/);
    expect(report).toMatch(/段落样式「正文缩进」没有对应的网页格式[^\n]*\n\s+Unrecognised paragraph style: '正文缩进'/);
    expect(report).not.toContain('Image of type');
    const text = await readFile(join(temp.dir, createdPath(output)), 'utf8');
    expect(text).toMatch(/---\n\n各会员单位：\n\n面积公式如下。\n$/);
  });

  test('npm run import dates the article from the document and keeps its 落款, unless --date is given', async () => {
    await writeFile(join(temp.dir, 'notice.docx'), await wordDraft());
    const args = ['import', '--', 'notice.docx', '--column', '通知公告', '--alt', '2=示意图'];
    const { code, output } = await npm(temp.dir, args);
    expect(code, output).toBe(0);
    expect(output).toContain(`日期取自 / Date from 文末落款 / the sign-off at the end: ${DRAFT.signoff[1]}`);
    const path = createdPath(output);
    expect(path).toMatch(/^content\/articles\/2024\/[a-z0-9-]+\/index\.md$/);
    const text = await readFile(join(temp.dir, path), 'utf8');
    expect(text).toContain(`\ndate: ${DRAFT.day}\n`);
    expect(text).toMatch(new RegExp(`\\n<p class="signoff">${DRAFT.signoff.join('\\n')}</p>\\n$`));

    const dated = await npm(temp.dir, [...args, '--date', '2026-11-22']);
    expect(dated.code, dated.output).toBe(0);
    expect(dated.output).toContain(`日期用了 --date；文档里的日期是「${DRAFT.signoff[1]}」`);
    expect(await readFile(join(temp.dir, createdPath(dated.output)), 'utf8')).toContain('\ndate: 2026-11-22\n');
  });

  test('stops with the Chinese message and no file for a wrong option', async () => {
    const before = await readdir(join(temp.dir, 'content/articles'), { recursive: true });
    const { code, output } = await npm(temp.dir, ['new', '--', '--column', '协会新闻', '--title', '标题']);
    expect(code).toBe(1);
    expect(output).toMatch(/没有「协会新闻」这个栏目。请写其中之一：协会动态、/);
    expect(output).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    await expect(readdir(join(temp.dir, 'content/articles'), { recursive: true })).resolves.toEqual(before);
  });
});

describe('articles made by npm run new and npm run import', () => {
  const browser = useBrowser();
  let temp: TempSite;
  let origin: string;
  const made: Record<
    'news' | 'noted' | 'profile' | 'imported' | 'draft' | 'answered',
    { path: string; output: string }
  > = {} as never;

  beforeAll(async () => {
    temp = await createTempSite();
    const run = async (name: keyof typeof made, args: string[], input = '') => {
      const { code, output } = await npm(temp.dir, args, input);
      expect(code, output).toBe(0);
      made[name] = { path: createdPath(output), output };
    };

    await run('news', [
      'new',
      '--',
      '--column',
      '协会动态',
      '--title',
      '协会召开三届二次理事会',
      '--date',
      '2026-11-20',
      '--publish',
    ]);
    await writeBody(temp.dir, made.news.path, '理事会审议了年度工作报告。');
    // An editor who writes below the note and forgets to delete it.
    await run('noted', [
      'new',
      '--',
      '--column',
      '协会动态',
      '--title',
      '协会开展调研',
      '--date',
      '2026-11-19',
      '--publish',
    ]);
    await appendFile(join(temp.dir, made.noted.path), '\n协会到十家企业开展了调研。\n');

    // Every answer piped in, as a person would type them: column 4 is 劳模风采.
    await run(
      'profile',
      ['new'],
      '4\n劳模风采 | 全国纺织工业劳动模范——李秀英：一针一线绣初心\n李秀英\n全国纺织工业劳动模范\n测试服装有限公司\n车间主任\n',
    );
    await writeBody(temp.dir, made.profile.path, '李秀英在服装行业工作三十年。');

    await writeFile(join(temp.dir, '稿件.docx'), await wordDraft());
    const importArgs = ['import', '--', '稿件.docx', '--column', '行业资讯', '--date', '2026-11-21'];
    // Without alt text for the second image and without a terminal: written as a draft.
    await run('draft', [...importArgs, '--publish']);
    await run('imported', [...importArgs, '--publish', '--alt', '2=蓝色的示意图', '--slug', 'ji-qun-zuo-tan-hui']);
    await run('answered', importArgs, '这张图是蓝色的示意图\n');

    const build = await temp.run('astro', ['build']);
    expect(build.code, build.output).toBe(0);
    origin = await temp.serve();
  }, 300_000);

  afterAll(() => temp?.remove());

  const idOf = (path: string): string =>
    path.split('/').at(-1) === 'index.md' ? path.split('/').at(-2)! : path.split('/').at(-1)!.replace('.md', '');

  test('a new article builds and shows its headline and text', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: idOf(made.news.path) }));
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('协会召开三届二次理事会');
    await expect(page.locator('.article-body').innerText()).resolves.toContain('理事会审议了年度工作报告。');
    await expect(page.locator('header p').first().innerText()).resolves.toContain('发布时间：2026年11月20日');
  });

  test('the note of a new .md file never reaches the page, even when the editor leaves it', async () => {
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: idOf(made.noted.path) }));
    await expect(page.locator('.article-body').innerText()).resolves.toBe('协会到十家企业开展了调研。');
    await expect(page.content()).resolves.not.toContain('在这里写正文');
  });

  test('a profile made from piped answers shows its person box', async () => {
    expect(made.profile.path).toMatch(/^content\/articles\/\d{4}\/laomo-li-xiuying\.md$/);
    const text = await readFile(join(temp.dir, made.profile.path), 'utf8');
    expect(text).toContain(
      'person:\n  name: 李秀英\n  honour: 全国纺织工业劳动模范\n  organisation: 测试服装有限公司\n  position: 车间主任\n',
    );
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'laomo-li-xiuying' }));
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('李秀英：一针一线绣初心');
    const box = await page.getByRole('complementary', { name: '人物简介' }).innerText();
    expect(box).toMatch(/姓名\s*李秀英\s*荣誉\s*全国纺织工业劳动模范\s*单位\s*测试服装有限公司\s*职务\s*车间主任/);
  });

  test('an imported Word draft shows its headline, headings, lists, table and text as written', async () => {
    expect(made.imported.path).toBe('content/articles/2026/ji-qun-zuo-tan-hui/index.md');
    expect(made.imported.output).toContain(
      `标题取自 / Headline from Word 的“标题”样式 / Word Title style: ${DRAFT.title}`,
    );
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'ji-qun-zuo-tan-hui' }));
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(DRAFT.title);
    const body = page.locator('.article-body');
    await expect(body.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(DRAFT.heading);
    await expect(body.getByRole('heading', { level: 3 }).innerText()).resolves.toBe(DRAFT.subheading);
    // The quotation marks stand outside the bold, where Markdown can open it.
    await expect(body.locator('strong').allInnerTexts()).resolves.toEqual([DRAFT.bold, DRAFT.quotedBold.slice(1, -1)]);
    await expect(body.locator('em').count()).resolves.toBe(0);
    await expect(body.innerText()).resolves.toContain(`代表和${DRAFT.italic}围绕${DRAFT.quotedBold}发了言`);
    await expect(body.locator('ul > li').allInnerTexts()).resolves.toEqual(DRAFT.bullets);
    await expect(body.locator('ol > li').allInnerTexts()).resolves.toEqual(DRAFT.numbered);
    const rows = await body
      .getByRole('row')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual(DRAFT.table);
    await expect(body.getByRole('columnheader').count()).resolves.toBe(2);
    // Ruled on every side, as the site's tables are.
    const border = await body
      .getByRole('cell', { name: '西柳' })
      .evaluate((td) =>
        ['Top', 'Right', 'Bottom', 'Left'].map(
          (side) => getComputedStyle(td)[`border${side}Style` as 'borderTopStyle'],
        ),
      );
    expect(border).toEqual(['solid', 'solid', 'solid', 'solid']);
    await expect(body.innerText()).resolves.toContain(DRAFT.tricky);
    const signoff = body.locator('p.signoff');
    await expect(signoff.innerText()).resolves.toBe(DRAFT.signoff.join('\n'));
    await expect(signoff.evaluate((p) => getComputedStyle(p).textAlign)).resolves.toBe('right');
  });

  test('the imported article, with its table, 落款 and pictures, is valid HTML with no axe violation', async () => {
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateFile(
      join(temp.dir, 'dist/news/ji-qun-zuo-tan-hui/index.html'),
    );
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'ji-qun-zuo-tan-hui' }));
    await expect(page.locator('.article-body table').count()).resolves.toBe(1);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('the imported images are optimised, served and loaded, each with its alt text', async () => {
    const files = await readdir(join(temp.dir, 'content/articles/2026/ji-qun-zuo-tan-hui'));
    expect(files.sort()).toEqual(['image-1.png', 'image-2.png', 'index.md']);
    const page = await (await browser.context({ baseURL: origin })).newPage();
    await page.goto(articleUrl({ id: 'ji-qun-zuo-tan-hui' }));
    const images = page.locator('.article-body img');
    await expect(images.count()).resolves.toBe(2);
    for (const [i, alt] of [DRAFT.describedAlt, '蓝色的示意图'].entries()) {
      const image = images.nth(i);
      await image.scrollIntoViewIfNeeded();
      await expect(image.getAttribute('alt')).resolves.toBe(alt);
      await expect(image.getAttribute('src')).resolves.toMatch(/^\/_astro\/image-\d\.[\w-]+\.webp$/);
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
    }
  });

  test('an import missing alt text stays a draft, says which image, and is not published', async () => {
    const text = await readFile(join(temp.dir, made.draft.path), 'utf8');
    expect(text).toContain('draft: true');
    expect(text).toContain('![](./image-2.png)');
    expect(made.draft.output).toMatch(/这些图片缺少说明文字[\s\S]*第 2 张：image-2\.png/);
    expect(made.draft.output).toContain('--alt "2=说明"');
    const response = await fetch(new URL(articleUrl({ id: idOf(made.draft.path) }), origin));
    expect(response.status).toBe(404);
  });

  test('alt text typed in answer to the question is written into the article', async () => {
    const text = await readFile(join(temp.dir, made.answered.path), 'utf8');
    expect(text).toContain('![这张图是蓝色的示意图](./image-2.png)');
    expect(text).toContain('draft: true');
  });
});
