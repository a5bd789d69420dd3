// The back office (/admin/) in a real Chromium against `astro dev` in a temporary copy of the
// site: an editor creates a profile with a portrait and a news item with an attachment through
// the CMS's forms; the CMS's own file code writes them (into a stand-in for the folder the
// editor would pick, see support/folder-picker.ts); the copy is then built and the new pages,
// the search and the feed are checked.
import AxeBuilder from '@axe-core/playwright';
import type { ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic } from '../../src/build/serve.ts';
import { createTempSite, type TempSite } from '../support/temp-site.ts';
import { adminUrl, articleUrl, attachmentUrl, feedUrl, galleryUrl, homeUrl } from '../../src/site/urls.ts';
import { startDev, stopDev } from './support/dev.ts';
import {
  copyBrowserFilesTo,
  copySiteIntoBrowser,
  filesInBrowser,
  standInForFolderPicker,
} from './support/folder-picker.ts';
import { useBrowser } from './support/page.ts';
import { field, fill, fillProfile, reveal, upload } from './support/cms-form.ts';

const PROFILE = {
  title: '全国纺织工业劳动模范——张三：扎根一线 匠心不改',
  date: '2024-05-20',
  name: '张三',
  honour: '全国纺织工业劳动模范',
  body: '张三扎根服装生产一线二十年，带出了一支过硬的技术团队。',
  /** The address the build gives it: `laomo-` and the name in pinyin, as `npm run new` would. */
  id: 'laomo-zhang-san',
};
const NEWS = {
  title: '辽宁省纺织服装协会召开2024年会员代表大会',
  date: '2024-05-21',
  body: '大会审议通过了工作报告，选举产生了新一届理事会。',
  /** The association's name dropped, cut after a whole word. */
  id: 'zhao-kai-2024-nian-hui-yuan-dai-biao',
};
/** A small but real PDF. */
const PDF =
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n';

/** Every path written under content/ since `before`. */
const added = (before: Map<string, Buffer>, after: Map<string, Buffer>): string[] =>
  [...after.keys()].filter((path) => !before.has(path)).sort();

describe('the back office', () => {
  const browser = useBrowser();
  const children: ChildProcess[] = [];
  let temp: TempSite;
  let origin: string;
  let server: Server | undefined;

  beforeAll(async () => {
    temp = await createTempSite();
    const dev = await startDev(temp.dir);
    children.push(dev.child);
    origin = dev.origin;
  });

  afterAll(async () => {
    server?.close();
    await stopDev(children);
    await temp?.remove();
  });

  /** A browser window on /admin/, every request recorded, the site's folder picked. */
  async function openAdmin(): Promise<{ page: Page; context: BrowserContext; requests: string[] }> {
    const context = await browser.context({ baseURL: origin, viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await standInForFolderPicker(context);
    const page = await context.newPage();
    await page.goto(adminUrl());
    await copySiteIntoBrowser(page, temp.dir);
    return { page, context, requests };
  }

  async function newEntry(page: Page, collection: string): Promise<void> {
    await page.getByRole('treeitem', { name: new RegExp(`^${collection}`) }).click();
    await page.getByRole('button', { name: '创建新条目' }).first().click();
  }

  test('opens in Chinese, passes axe and loads nothing from other hosts', async () => {
    const { page, requests } = await openAdmin();
    const local = page.getByRole('button', { name: '使用本地仓库' });
    await local.waitFor();
    const html = await (await fetch(new URL(adminUrl(), origin))).text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    const axe = async () =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    expect(await axe()).toEqual([]);
    await local.click();
    await page.getByRole('treeitem', { name: /^劳模风采/ }).waitFor();
    await expect(page.getByRole('button', { name: '创建新条目' }).first().isVisible()).resolves.toBe(true);
    // The entries awaiting their text are listed for the editor to complete.
    const awaiting = (await readdir(join(temp.dir, 'content/articles/awaiting'))).filter((f) => f.endsWith('.md'));
    const awaitingItem = page.getByRole('treeitem', { name: /^全文待补/ });
    await expect.poll(() => awaitingItem.innerText()).toMatch(new RegExp(`全文待补\\s*${awaiting.length}$`));
    await awaitingItem.click();
    await expect.poll(() => page.getByRole('group', { name: '条目列表' }).innerText()).toContain('谷冬昭');
    await page.getByRole('treeitem', { name: /^劳模风采/ }).click();
    expect(await axe()).toEqual([]);
    // The CMS's own fonts (its icons are a font) come from this site.
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].map((f) => `${f.family}:${f.status}`).sort()))
      .toEqual(expect.arrayContaining(['"Material Symbols Outlined":loaded', '"Source Sans 3":loaded']));
    await newEntry(page, '劳模风采');
    await reveal(page, '正文');
    const others = requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url));
    expect(requests.length).toBeGreaterThan(5);
    expect(others).toEqual([]);
  });

  test('a required field left empty is named in Chinese and nothing is written', async () => {
    const { page } = await openAdmin();
    await page.getByRole('button', { name: '使用本地仓库' }).click();
    const before = await filesInBrowser(page);
    await newEntry(page, '劳模风采');
    await fill(page, '标题', '只写了标题的文章');
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: '字段存在错误' }).innerText())
      .toMatch(/有 4 个字段存在错误。请更正后保存条目。/);
    const date = field(page, '发布日期');
    await expect.poll(() => date.innerText()).toContain('此字段为必填项。');
    await expect(date.getByRole('textbox').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(field(page, '标题').innerText()).resolves.not.toContain('此字段为必填项。');
    expect(added(before, await filesInBrowser(page))).toEqual([]);
  });

  test('a profile with a portrait and a news item with an attachment are built into the site', async () => {
    const { page } = await openAdmin();
    await page.getByRole('button', { name: '使用本地仓库' }).click();
    const before = await filesInBrowser(page);

    await newEntry(page, '劳模风采');
    const portrait = new PNG({ width: 300, height: 400 });
    portrait.data.fill(150);
    await fillProfile(page, PROFILE, { name: 'zhang-san.png', buffer: PNG.sync.write(portrait) });
    // The preview lays the article out as its page will be, in the site's own styles.
    const preview = page.getByRole('group', { name: /^预览/ }).locator('iframe').contentFrame();
    const headline = preview.getByRole('heading', { level: 1 });
    await expect.poll(() => headline.innerText()).toBe(PROFILE.title);
    await expect(preview.locator('dd').first().innerText()).resolves.toBe(PROFILE.name);
    await expect.poll(() => preview.getByText(PROFILE.body).isVisible()).toBe(true);
    // text-brand-900 (#0f2c52) of the site's stylesheet.
    await expect(headline.evaluate((h1) => getComputedStyle(h1).color)).resolves.toBe('rgb(15, 44, 82)');
    await page.getByRole('button', { name: '保存' }).click();
    const profileFolder = `content/articles/2024/${PROFILE.date}-laomo-${PROFILE.name}`;
    await expect
      .poll(async () => added(before, await filesInBrowser(page)))
      .toEqual([`${profileFolder}/index.md`, `${profileFolder}/zhang-san.png`]);

    await newEntry(page, '新闻与通知');
    await fill(page, '标题', NEWS.title);
    await fill(page, '发布日期', NEWS.date);
    const attachments = await reveal(page, '附件');
    await attachments.getByRole('button', { name: /添加/ }).click();
    await upload(page, field(attachments, '文件'), {
      name: '报名表.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(PDF),
    });
    await fill(page, '附件名称', '会议报名表');
    await (await reveal(page, '正文')).getByRole('textbox').fill(NEWS.body);
    await page.getByRole('button', { name: '保存' }).click();
    const newsFolder = `content/articles/2024/${NEWS.date}-${NEWS.title}`;
    await expect
      .poll(async () => added(before, await filesInBrowser(page)), { timeout: 15_000 })
      .toContain(`${newsFolder}/index.md`);

    const files = await filesInBrowser(page);
    expect(added(before, files)).toEqual(
      [
        `${newsFolder}/index.md`,
        `${newsFolder}/报名表.pdf`,
        `${profileFolder}/index.md`,
        `${profileFolder}/zhang-san.png`,
      ].sort(),
    );
    const profile = files.get(`${profileFolder}/index.md`)!.toString();
    expect(profile).toContain('portrait: ./zhang-san.png');
    expect(profile).toContain('column: 劳模风采');
    // Empty optional fields are left out, not written as '' (the schema refuses empty text).
    expect(profile).not.toMatch(/: ''$/m);
    expect(files.get(`${newsFolder}/index.md`)!.toString()).toContain('file: ./报名表.pdf');

    // What the editor saved is what the site is built from.
    await copyBrowserFilesTo(files, temp.dir);
    const build = await temp.run('build', []);
    expect(build.code, build.output).toBe(0);
    const dist = join(temp.dir, 'dist');
    const feed = await readFile(join(dist, feedUrl()), 'utf8');
    expect(feed).toContain(NEWS.title);
    expect(feed).toContain(PROFILE.title);

    server = await serveStatic(dist, 0);
    const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const reader = await (await browser.context({ baseURL: site })).newPage();
    const shownPortrait = reader.getByRole('img', { name: `${PROFILE.name}肖像` }).first();
    await reader.goto(articleUrl({ id: PROFILE.id }));
    await expect(reader.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(PROFILE.title);
    await expect(shownPortrait.isVisible()).resolves.toBe(true);
    // The gallery shows the portrait too.
    await reader.goto(galleryUrl());
    await expect(shownPortrait.isVisible()).resolves.toBe(true);

    await reader.goto(articleUrl({ id: NEWS.id }));
    await expect(reader.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(NEWS.title);
    const download = reader.getByRole('link', { name: /会议报名表/ });
    await expect(download.getAttribute('href').then((href) => decodeURI(href!))).resolves.toBe(
      attachmentUrl({ id: NEWS.id }, '报名表.pdf'),
    );
    const pdf = await fetch(new URL(attachmentUrl({ id: NEWS.id }, '报名表.pdf'), site));
    expect(await pdf.text()).toBe(PDF);

    // The search box finds the new profile by the person's name.
    await reader.goto(homeUrl());
    await reader.getByRole('combobox', { name: '搜索本站文章' }).or(reader.locator('#site-search')).click();
    await reader.keyboard.type(PROFILE.name);
    await expect
      .poll(() => reader.locator('#search-panel-list [role="option"]').first().innerText())
      .toContain(PROFILE.title);
  }, 240_000);
});
