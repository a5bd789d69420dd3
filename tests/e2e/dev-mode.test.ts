// `npm run dev`: search uses the last build's index, or says plainly that it needs a build;
// share cards are drawn on request, drafts' too, from the front matter as it is now.
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, test } from 'vitest';
import { createTempSite, type TempSite } from '../support/temp-site.ts';
import { startDev as dev, stopDev } from './support/dev.ts';
import { articleUrl, shareImageUrl } from '../../src/site/urls.ts';

describe('search in dev mode', () => {
  const children: ChildProcess[] = [];
  let temp: TempSite | undefined;
  afterAll(async () => {
    // Wait for each dev server to exit: it writes into .astro/ until then.
    await stopDev(children);
    await temp?.remove();
  });

  test('serves the search code and the last build’s index', async () => {
    const { origin, child } = await dev('.');
    children.push(child);
    const code = await fetch(`${origin}/_search/search.js`);
    expect(code.status).toBe(200);
    expect(code.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${origin}/pagefind/pagefind.js`)).status).toBe(200);
  }, 60_000);

  /** A temporary site with a draft and a scheduled article, in dev (started once for the tests below). */
  let devServer: Promise<{ origin: string }> | undefined;
  const devSite = () =>
    (devServer ??= (async () => {
      temp = await createTempSite();
      for (const name of ['fixture-draft.md', 'fixture-scheduled.md'])
        await temp.write(`content/articles/${name}`, await readFile(`tests/fixtures/articles/${name}`, 'utf8'));
      const { origin, child } = await dev(temp.dir);
      children.push(child);
      return { origin };
    })());

  test('says plainly that search needs a build when there is none; previews drafts and scheduled articles', async () => {
    const { origin } = await devSite();
    const missing = await fetch(`${origin}/pagefind/pagefind.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('请先运行 npm run build');

    const draft = await (await fetch(`${origin}${articleUrl({ id: 'fixture-draft' })}`)).text();
    expect(draft).toContain('草稿：只在本地预览（npm run dev）中显示，正式构建不会发布。');
    const scheduled = await (await fetch(`${origin}${articleUrl({ id: 'fixture-scheduled' })}`)).text();
    expect(scheduled).toContain('定时发布：2099年1月1日 09:00 之后的第一次构建才会发布');
    const list = await (await fetch(`${origin}/column/xiehui-dongtai/`)).text();
    expect(list).toMatch(/测试草稿：协会筹备第四次会议[\s\S]*?>\s*草稿\s*</);
    expect(list).toMatch(/测试定时发布：协会将召开年会[\s\S]*?>\s*定时发布\s*</);
  }, 60_000);

  test('draws the share card of a draft on request, and draws it again when its headline changes', async () => {
    const { origin } = await devSite();
    const card = async (path: string) => {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await response.arrayBuffer());
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      return PNG.sync.read(png).data;
    };
    const draft = shareImageUrl({ id: 'fixture-draft' });
    const before = await card(draft);
    await card(shareImageUrl({ id: 'fixture-scheduled' }));
    await card(shareImageUrl());
    expect((await fetch(`${origin}${shareImageUrl({ id: 'no-such-article' })}`)).status).toBe(404);
    const source = await readFile('tests/fixtures/articles/fixture-draft.md', 'utf8');
    await temp!.write('content/articles/fixture-draft.md', source.replace('第四次会议', '第五次全体会议'));
    expect(Buffer.from(await card(draft)).equals(Buffer.from(before))).toBe(false);
  }, 60_000);
});
