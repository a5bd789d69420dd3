import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { articleUrl, homeUrl, searchUrl } from '../../src/site/urls.ts';
import { site } from '../../src/site.config.ts';
import { useBrowser } from './support/page.ts';
import { TIMED_PAGEFIND, type PagefindCall } from '../../tools/search-probe.ts';
import { termQuery, termWords } from '../../src/search/shared/tokens.ts';

const browser = useBrowser();
const liuYi = articleUrl({ id: 'laomo-liu-yi' });

/** A page that records console errors and every request path. */
async function watchedPage(): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await (await browser.context()).newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  return { page, errors, requests };
}

const box = (page: Page) => page.getByRole('combobox', { name: '搜索本站文章' }).or(page.locator('#site-search'));
const panelOptions = (page: Page) => page.locator('#search-panel-list [role="option"]');

describe('header search box', () => {
  test('an article page fetches no search files before the box is used', async () => {
    const { page, requests } = await watchedPage();
    await page.goto(liuYi);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.startsWith('/pagefind/') || p.startsWith('/_search/'))).toEqual([]);
    expect(requests.filter((p) => p.endsWith('.js'))).toEqual([]);
    await Promise.all([page.waitForRequest((r) => r.url().includes('/_search/search.js')), box(page).focus()]);
  });

  test('typing 西柳 on any page shows the 刘毅 profile; Enter opens the results page; the article marks 西柳', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(articleUrl({ id: 'laomo-wu-qi' }));
    await box(page).click();
    await page.keyboard.type('西柳');
    // Polled: the panel may still show the answer to 西 alone.
    await expect.poll(() => panelOptions(page).first().locator('mark').first().innerText()).toBe('西柳');
    await expect(panelOptions(page).first().innerText()).resolves.toContain('刘毅');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${searchUrl('西柳')}`);
    const first = page.locator('#search-results li').first();
    await expect(first.getByRole('link').getAttribute('href')).resolves.toMatch(new RegExp(`^${liuYi}\\?hl=`));
    await first.getByRole('link').click();
    await page.waitForURL(`**${liuYi}?hl=*`);
    await expect(page.locator('mark.search-hit').first().innerText()).resolves.toBe('西柳');
    expect(errors).toEqual([]);
  });

  test('↓ selects a result, Enter opens it, Esc closes the panel', async () => {
    const { page } = await watchedPage();
    await page.goto(homeUrl());
    await box(page).click();
    await page.keyboard.type('党建');
    await expect.poll(() => panelOptions(page).count()).toBeGreaterThan(1);
    await page.keyboard.press('Escape');
    await expect(box(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(panelOptions(page).first().getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${liuYi}?hl=*`);
  });

  /** A new page whose Pagefind records each search it runs; `asked` gives their queries in the order they finished. */
  const probedPage = async (): Promise<{ page: Page; asked: () => Promise<string[]> }> => {
    const page = await (await browser.context()).newPage();
    await page.route(/\/pagefind\/pagefind\.js$/, (route) =>
      route.fulfill({ body: TIMED_PAGEFIND, contentType: 'text/javascript' }),
    );
    const asked = (): Promise<string[]> =>
      page.evaluate(() => ((globalThis as { __probe?: PagefindCall[] }).__probe ?? []).map((c) => c.query));
    return { page, asked };
  };

  test('refining a query asks Pagefind only for its new term', async () => {
    const { page, asked } = await probedPage();
    const words = (term: string): string => termWords(termQuery(term)).join(' ');
    await page.goto(homeUrl());
    await box(page).click();
    await page.keyboard.type('西柳');
    await expect.poll(() => panelOptions(page).first().innerText()).toContain('刘毅');
    await page.keyboard.type(' 劳模');
    await expect.poll(asked).toContain(words('劳模'));
    await expect.poll(() => panelOptions(page).first().innerText()).toContain('刘毅');
    expect((await asked()).filter((q) => q === words('西柳'))).toHaveLength(1);
  });

  test('a term of six characters asks every other pair on its own, the pairs between only to split it', async () => {
    const { page, asked } = await probedPage();
    await page.goto(homeUrl());
    await box(page).click();
    // Pasted whole, as a reader pastes a name: no search runs for the first characters.
    await box(page).fill('党群服务中心');
    await expect
      .poll(() => panelOptions(page).first().locator('a').getAttribute('href'))
      .toMatch(new RegExp(`^${liuYi}`));
    const pairs = termQuery('党群服务中心').phrase;
    expect(pairs).toHaveLength(5);
    const questions = await asked();
    // First the term: pairs 0, 2 and 4, each alone (in the order they finished).
    expect(new Set(questions.slice(0, 3))).toEqual(new Set([pairs[0], pairs[2], pairs[4]]));
    // Fewer than ten pages hold it whole, so its other pairs are asked, each alone, to split it
    // into words; never with the others, as the term was asked before.
    for (const between of [pairs[1]!, pairs[3]!])
      for (const question of questions.filter((q) => q.split(' ').includes(between))) expect(question).toBe(between);
  });

  test('a result whose file is gone (the site was rebuilt) reloads the index and is shown', async () => {
    const { page, requests } = await watchedPage();
    // A rebuild renames every result's file: the first one asked for is gone.
    let gone = 1;
    await page.route('**/pagefind/fragment/**', (route) =>
      gone-- > 0 ? route.fulfill({ status: 404, body: '' }) : route.continue(),
    );
    await page.goto(homeUrl());
    await box(page).click();
    await page.keyboard.type('西柳');
    await expect.poll(() => panelOptions(page).first().innerText()).toContain('刘毅');
    expect(requests.filter((p) => p.endsWith('/pagefind-entry.json'))).toHaveLength(2);
  });

  test('/ and Ctrl+K focus the box', async () => {
    const { page } = await watchedPage();
    await page.goto(homeUrl());
    await page.keyboard.press('/');
    await expect(box(page).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('Control+k');
    await expect(box(page).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });

  test('a traditional-character query finds simplified text', async () => {
    const { page } = await watchedPage();
    await page.goto(searchUrl('黨群服務中心'));
    await expect(page.locator('#search-results li').first().getByRole('link').getAttribute('href')).resolves.toMatch(
      new RegExp(`^${liuYi}`),
    );
  });

  test.each([
    ['empty', ''],
    ['spaces only', '   '],
    ['full-width spaces', '\u3000\u3000西柳\u3000'],
    ['200 characters', '纺'.repeat(200)],
    ['a script tag', '<script>window.__pwned = 1</script>'],
    ['HTML', '<img src=x onerror="window.__pwned=1">'],
    ['emoji', '👗🧵'],
  ])('bad input (%s) gives no error and runs nothing', async (_, query) => {
    const { page, errors } = await watchedPage();
    await page.goto(searchUrl(query));
    await page.waitForFunction(() => !document.querySelector('#search-status')?.textContent?.includes('正在搜索'));
    await box(page).fill(query);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});

describe('results page', () => {
  test('shows the count, filters by 栏目, and keeps the URL and back button in step', async () => {
    const { page } = await watchedPage();
    await page.goto(searchUrl('刘毅'));
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(/找到 1 篇/);
    const other = site.columns.find((c) => c.slug !== site.profileColumn)!;
    await page.getByRole('combobox', { name: '栏目' }).selectOption(other.name);
    await page.waitForURL((url) => url.searchParams.get('lanmu') === other.name);
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(/没有找到/);
    await page.getByRole('radio', { name: '最新' }).check();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'new');
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(/找到 1 篇/);
    await expect(page.getByRole('combobox', { name: '栏目' }).inputValue()).resolves.toBe('');
  });

  test('lays out its filters and the room for results from the first paint, so nothing shifts', async () => {
    const waiting = (await watchedPage()).page;
    await waiting.route('**/_search/**', () => undefined); // never answered: the search code stays away
    await waiting.goto(searchUrl());
    await expect(waiting.getByRole('combobox', { name: '栏目' }).isVisible()).resolves.toBe(true);
    for (const url of [searchUrl(), searchUrl('刘毅')]) {
      const { page } = await watchedPage();
      await page.addInitScript(() => {
        // Each shift with what moved, so a failure says where to look.
        const shifts: string[] = ((window as unknown as { shifts: string[] }).shifts = []);
        type Shift = { value: number; sources?: { node?: Element; previousRect: DOMRect; currentRect: DOMRect }[] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as Shift[])
            shifts.push(
              `${e.value.toFixed(4)}: ` +
                (e.sources ?? [])
                  .map((s) => `${s.node?.outerHTML.slice(0, 80)} ${s.previousRect.y}→${s.currentRect.y}`)
                  .join('; '),
            );
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(url);
      await expect
        .poll(() => page.locator('#search-status').innerText())
        .toMatch(url.includes('?') ? /找到 1 篇/ : /请在/);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts), url).toEqual([]);
    }
  });

  test('says plainly when nothing matches', async () => {
    const { page } = await watchedPage();
    await page.goto(searchUrl('量子计算机'));
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(/没有找到完整包含「量子计算机」的文章/);
    await page.goto(searchUrl('𠀀𠀁'));
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(/没有找到与「𠀀𠀁」有关的文章/);
  });
});

describe('queries as readers type them', () => {
  const results = (page: Page) => page.locator('#search-results > li');

  test('words typed without spaces: each is marked where it stands, in results and on the article', async () => {
    const { page } = await watchedPage();
    await page.goto(searchUrl('党员捐款'));
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(/与「党员捐款」有关/);
    const first = results(page).first();
    const href = (await first.getByRole('link').getAttribute('href')) ?? '';
    expect(href.split('?')[0]).toBe(liuYi);
    expect(new URL(href, 'http://site').searchParams.get('hl')).toBe('党员 捐款');
    expect(new Set(await first.locator('mark').allInnerTexts())).toEqual(new Set(['党员', '捐款']));
    await first.getByRole('link').click();
    await page.waitForURL(`**${liuYi}?hl=*`);
    // The marks come with the search code, which the page loads when it sees ?hl=.
    await expect
      .poll(async () => new Set(await page.locator('mark.search-hit').allInnerTexts()))
      .toEqual(new Set(['党员', '捐款']));
  });

  test('the header box splits them too', async () => {
    const { page } = await watchedPage();
    await page.goto(homeUrl());
    await box(page).click();
    await page.keyboard.type('沈阳表彰大会');
    // The panel answers each keystroke; poll until it shows the whole query's answer, not 沈's.
    await expect
      .poll(async () => new Set(await panelOptions(page).first().locator('mark').allInnerTexts()))
      .toEqual(new Set(['沈阳', '表彰大会']));
    await expect(panelOptions(page).first().innerText()).resolves.toContain('刘毅');
  });

  test('an entry awaiting its text is found by its person, marked 全文待补, after full articles', async () => {
    const { page } = await watchedPage();
    await page.goto(searchUrl('谷冬昭'));
    await expect(results(page).first().getByRole('link').getAttribute('href')).resolves.toMatch(
      new RegExp(`^${articleUrl({ id: 'laomo-gu-dongzhao' })}`),
    );
    await expect(results(page).first().innerText()).resolves.toContain('全文待补');
    await page.goto(searchUrl('劳模'));
    await expect.poll(() => results(page).count()).toBe(5);
    const hrefs = await results(page)
      .getByRole('link')
      .evaluateAll((a) => a.map((l) => l.getAttribute('href')));
    expect(hrefs[0]).toMatch(new RegExp(`^${liuYi}`));
    await expect(results(page).nth(1).innerText()).resolves.toContain('全文待补');
  });

  test.each([
    ['gudongzhao', 'laomo-gu-dongzhao'],
    ['gu dongzhao', 'laomo-gu-dongzhao'],
    ['gdz', 'laomo-gu-dongzhao'],
    ['liuyi', 'laomo-liu-yi'],
  ])('pinyin %s finds %s first', async (query, id) => {
    const { page } = await watchedPage();
    await page.goto(searchUrl(query));
    await expect(results(page).first().getByRole('link').getAttribute('href')).resolves.toMatch(
      new RegExp(`^${articleUrl({ id })}`),
    );
    await expect(results(page).first().innerText()).resolves.toContain('拼音匹配');
  });

  test('full-width digits match half-width ones', async () => {
    const { page } = await watchedPage();
    await page.goto(searchUrl('２０１９年９月'));
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(/找到 1 篇与「２０１９年９月」有关/);
    await expect(results(page).first().locator('mark').first().innerText()).resolves.toBe('2019年9月');
  });

  test('a query of markup finds nothing, says so as typed, and marks nothing on an article', async () => {
    const { page } = await watchedPage();
    const markup = '<img src=x onerror=alert(1)>';
    await page.goto(searchUrl(markup));
    await expect.poll(() => page.locator('#search-status').innerText()).toContain(`没有找到与「${markup}」有关的文章`);
    await page.goto(`${liuYi}?hl=${encodeURIComponent('西柳')}`);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    await page.goto(`${liuYi}?hl=${encodeURIComponent(markup)}`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('mark.search-hit').count()).resolves.toBe(0);
  });
});
