// Screenshots of the back office for docs/editing-guide.md, taken in Chromium against `astro dev`
// in a temporary copy of the site, the way an editor works on one computer (the folder picker
// stood in for, as in tests/e2e/admin.test.ts). Usage: node tools/admin-screenshots.ts [--out docs/images]
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';
import { launchChromium } from '../tests/support/browser.ts';
import { createTempSite } from '../tests/support/temp-site.ts';
import { adminUrl } from '../src/site/urls.ts';
import { startDev, stopDev } from '../tests/e2e/support/dev.ts';
import { copySiteIntoBrowser, standInForFolderPicker } from '../tests/e2e/support/folder-picker.ts';
import { field, fill, reveal, upload } from '../tests/e2e/support/cms-form.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/images' } } });
await mkdir(values.out, { recursive: true });
const temp = await createTempSite();
const dev = await startDev(temp.dir);
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    baseURL: dev.origin,
    locale: 'zh-CN',
    viewport: { width: 1100, height: 700 },
  });
  await standInForFolderPicker(context);
  const page = await context.newPage();
  // After the fonts (the CMS's icons are a font) and the CMS's fade-in.
  const settle = async (p = page) => {
    await p.evaluate(() => document.fonts.ready);
    await p.waitForTimeout(800);
  };
  const shot = async (name: string) => {
    await settle();
    await page.screenshot({ path: join(values.out, name) });
  };

  await page.goto(adminUrl());
  await copySiteIntoBrowser(page, temp.dir);
  const local = page.getByRole('button', { name: '使用本地仓库' });
  await local.waitFor();
  await shot('admin-1-open-folder.png');

  await local.click();
  await page.getByRole('treeitem', { name: /^劳模风采/ }).click();
  await page.getByRole('button', { name: '创建新条目' }).first().waitFor();
  await shot('admin-2-collections.png');

  await page.getByRole('button', { name: '创建新条目' }).first().click();
  await fill(page, '标题', '全国纺织工业劳动模范——张三：扎根一线 匠心不改');
  await fill(page, '发布日期', '2024-05-20');
  await fill(page, '姓名', '张三');
  await fill(page, '荣誉称号', '全国纺织工业劳动模范');
  await fill(page, '单位', '某某服装有限公司');
  const portrait = new PNG({ width: 300, height: 400 });
  for (let i = 0; i < portrait.data.length; i += 4) portrait.data.set([120, 150, 190, 255], i);
  await upload(page, await reveal(page, '照片'), {
    name: 'zhang-san.png',
    mimeType: 'image/png',
    buffer: PNG.sync.write(portrait),
  });
  await (
    await reveal(page, '正文')
  )
    .getByRole('textbox')
    .fill('张三扎根服装生产一线二十年，带出了一支过硬的技术团队。');
  await (await reveal(page, '人物')).scrollIntoViewIfNeeded();
  await shot('admin-3-profile-form.png');

  // A required field left empty: the form names it and saves nothing.
  await fill(page, '姓名', '');
  await page.getByRole('button', { name: '保存' }).click();
  await field(page, '姓名').getByText('此字段为必填项。').waitFor();
  await shot('admin-4-required.png');

  await fill(page, '姓名', '张三');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '创建新条目' }).first().waitFor();
  await shot('admin-5-saved.png');

  // The team's sign-in page: the site configured for a Gitea server.
  const config = await readFile(join(temp.dir, 'src/site.config.ts'), 'utf8');
  await temp.write(
    'src/site.config.ts',
    config.replace(
      "cms: { backend: 'local' }",
      "cms: { backend: 'gitea', repo: 'lnga/lnga-site', baseUrl: 'https://git.example.org', appId: 'example' }",
    ),
  );
  const team = await (
    await browser.newContext({ baseURL: dev.origin, locale: 'zh-CN', viewport: { width: 1100, height: 700 } })
  ).newPage();
  await new Promise((r) => setTimeout(r, 1500));
  await team.goto(adminUrl());
  await team.getByRole('button', { name: /登录/ }).first().waitFor();
  await settle(team);
  await team.screenshot({ path: join(values.out, 'admin-6-team-sign-in.png') });
  console.log(`截图已保存到 ${values.out}/ / Screenshots are in ${values.out}/`);
} finally {
  await browser.close();
  await stopDev([dev.child]);
  await temp.remove();
}
