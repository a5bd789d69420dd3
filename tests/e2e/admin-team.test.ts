// The back office for a team, end to end: the site's repository on a Git server (a stand-in for
// Gitea, support/gitea.ts, over a real bare repository), /admin/ built with `cms: gitea` and
// served with its own security headers; an editor signs in with a personal access token and
// saves a 劳模风采 profile with a portrait, which becomes one commit; then the publish workflow
// runs on that commit in a clean clone, as a runner would, and rsyncs the site to the "nginx
// host" (a local folder, through support/fake-ssh), where nginx serves the new page.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { startNginx, type Nginx } from '../support/nginx.ts';
import { freePort } from '../support/port.ts';
import { serveStatic } from '../../src/build/serve.ts';
import { siteEnv } from '../support/temp-site.ts';
import { adminUrl, articleUrl } from '../../src/site/urls.ts';
import { fillProfile } from './support/cms-form.ts';
import { iniSection, startGitea, type GiteaStandIn } from './support/gitea.ts';
import { useBrowser } from './support/page.ts';
import { expand, readWorkflow, runStep } from './support/workflow.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const REPO = 'lnga/lnga-site';
const TOKEN = 'c0ffee5a1b2c3d4e5f60718293a4b5c6d7e8f901';
const EDITOR = { login: 'bianji', fullName: '编辑甲', email: 'bianji@example.org' };
/** The public address the workflow builds with (the repository variable SITE_URL). */
const PUBLIC_URL = 'https://www.example.org';
const PROFILE = {
  title: '全国纺织工业劳动模范——李四：巧手裁衣 匠心育人',
  date: '2024-06-18',
  name: '李四',
  honour: '全国纺织工业劳动模范',
  body: '李四在服装车间工作二十五年，带出了一批技术骨干。',
  id: 'laomo-li-si',
};
const FOLDER = `content/articles/2024/${PROFILE.date}-laomo-${PROFILE.name}`;

describe('the back office for a team, on a Gitea server', () => {
  const browser = useBrowser();
  let work: string;
  let bare: string;
  let gitea: GiteaStandIn;
  let site: Server;
  let siteOrigin: string;
  let initial: string;
  let nginx: Nginx | undefined;
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  const head = () => git(bare, 'rev-parse', 'refs/heads/main');

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lnga-team-'));
    bare = join(work, 'lnga-site.git');
    git(work, 'init', '-q', '--bare', '--initial-branch=main', bare);

    // The Git server, with CORS as the editing guide tells the maintainer to set it, for the
    // site's address (the guide's example https://www.example.org is this test's site).
    const guide = await readFile(join(PROJECT, 'docs/editing-guide.md'), 'utf8');
    const cors = iniSection(guide.match(/```ini\n([\s\S]*?)```/)![1]!, 'cors');
    expect(cors['ALLOW_DOMAIN']).toBe(PUBLIC_URL);
    const sitePort = await freePort();
    siteOrigin = `http://127.0.0.1:${sitePort}`;
    gitea = await startGitea({
      gitDir: bare,
      repo: REPO,
      token: TOKEN,
      user: EDITOR,
      cors: { ...cors, ALLOW_DOMAIN: siteOrigin },
    });

    // The maintainer's first commit: the project as it stands, set up for the team (guide §3.2
    // step 3; a token sign-in needs no OAuth application).
    const config = await readFile(join(PROJECT, 'src/site.config.ts'), 'utf8');
    const teamConfig = config.replace(
      "cms: { backend: 'local' }",
      `cms: { backend: 'gitea', repo: '${REPO}', baseUrl: '${gitea.origin}', branch: 'main' }`,
    );
    expect(teamConfig).not.toBe(config);
    const files = git(PROJECT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard')
      .split('\0')
      .filter((f) => f && existsSync(join(PROJECT, f)));
    const index = { ...process.env, GIT_INDEX_FILE: join(work, 'index') };
    const plumbing = (args: string[], input?: string) =>
      execFileSync('git', [`--git-dir=${bare}`, ...args], { env: index, input, encoding: 'utf8' }).trim();
    for (let i = 0; i < files.length; i += 200)
      plumbing([`--work-tree=${PROJECT}`, 'add', '--', ...files.slice(i, i + 200)]);
    const configBlob = plumbing(['hash-object', '-w', '--stdin'], teamConfig);
    plumbing(['update-index', '--cacheinfo', `100644,${configBlob},src/site.config.ts`]);
    const tree = plumbing(['write-tree']);
    initial = execFileSync('git', [`--git-dir=${bare}`, 'commit-tree', tree, '-m', '网站（团队编辑）'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: '维护',
        GIT_AUTHOR_EMAIL: 'm@example.org',
        GIT_COMMITTER_NAME: '维护',
        GIT_COMMITTER_EMAIL: 'm@example.org',
      },
    }).trim();
    git(bare, 'update-ref', 'refs/heads/main', initial);

    // The site with /admin/, built from a clone of that commit and served with its headers.
    const maintainer = join(work, 'maintainer');
    git(work, 'clone', '-q', bare, maintainer);
    await symlink(join(PROJECT, 'node_modules'), join(maintainer, 'node_modules'), 'dir');
    const build = await runStep('npm run build', maintainer, { ...siteEnv(), NO_COLOR: '1', SITE_URL: siteOrigin });
    expect(build.code, build.output).toBe(0);
    site = await serveStatic(join(maintainer, 'dist'), sitePort);
  }, 300_000);

  afterAll(async () => {
    site?.close();
    await nginx?.stop();
    await gitea?.close();
    if (work) await rm(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  /** /admin/ in a fresh browser window, every request and every Content-Security-Policy refusal recorded. */
  async function openAdmin(): Promise<{ page: Page; requests: string[]; refused: string[] }> {
    const context = await browser.context({ baseURL: siteOrigin, viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const refused: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) refused.push(m.text());
    });
    await page.goto(adminUrl());
    return { page, requests, refused };
  }

  /** Signs in through 「使用访问令牌登录」, as the guide tells an editor. */
  async function signIn(page: Page, token: string): Promise<void> {
    await page.getByRole('button', { name: '使用访问令牌登录' }).click();
    const dialog = page.getByRole('alertdialog', { name: '使用访问令牌登录' });
    await dialog.getByRole('textbox', { name: '个人访问令牌' }).fill(token);
    await dialog.getByRole('button', { name: '登录' }).click();
  }

  test('a wrong token is refused in Chinese and nothing is written', async () => {
    const { page } = await openAdmin();
    const before = gitea.requests.length;
    await signIn(page, 'not-the-token');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: '令牌' }).innerText())
      .toContain('提供的令牌无效。请检查后重试。');
    // The CMS asked who the token belongs to, was refused, and went no further.
    const asked = gitea.requests.slice(before).filter((r) => r.method !== 'OPTIONS');
    expect(asked).toEqual([{ method: 'GET', path: '/user', status: 401 }]);
    expect(head()).toBe(initial);
    await expect(page.getByRole('button', { name: '使用访问令牌登录' }).isVisible()).resolves.toBe(true);
  }, 120_000);

  test('an editor signs in with a token and a saved profile is one commit with its portrait', async () => {
    const { page, requests, refused } = await openAdmin();
    await signIn(page, TOKEN);
    await page.getByRole('treeitem', { name: /^劳模风采/ }).click();
    await page.getByRole('button', { name: '创建新条目' }).first().click();
    const portrait = new PNG({ width: 300, height: 400 });
    portrait.data.fill(120);
    const portraitBytes = PNG.sync.write(portrait);
    await fillProfile(page, PROFILE, { name: 'li-si.png', buffer: portraitBytes });
    // The preview has the site's styles under the back office's own security policy
    // (text-brand-900, #0f2c52, of the site's stylesheet).
    const preview = page.getByRole('group', { name: /^预览/ }).locator('iframe').contentFrame();
    const headline = preview.getByRole('heading', { level: 1 });
    await expect.poll(() => headline.innerText()).toBe(PROFILE.title);
    await expect.poll(() => headline.evaluate((h1) => getComputedStyle(h1).color)).toBe('rgb(15, 44, 82)');
    expect(head()).toBe(initial);
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('条目已保存。').isVisible()).toBe(true);

    // One commit on main, by the signed-in editor, with the article and its portrait.
    const commit = head();
    expect(commit).not.toBe(initial);
    expect(git(bare, 'rev-parse', `${commit}^`)).toBe(initial);
    expect(git(bare, 'log', '-1', '--format=%an <%ae>%n%s', commit)).toBe(
      // The CMS counts the files saved beside the article: +1, the portrait.
      `${EDITOR.fullName} <${EDITOR.email}>\n新增文章：${PROFILE.date}-laomo-${PROFILE.name} +1`,
    );
    const changed = git(
      bare,
      '-c',
      'core.quotePath=false',
      'diff-tree',
      '--no-commit-id',
      '--name-status',
      '-r',
      initial,
      commit,
    );
    expect(changed.split('\n').sort()).toEqual([`A\t${FOLDER}/index.md`, `A\t${FOLDER}/li-si.png`]);
    expect(execFileSync('git', ['cat-file', 'blob', `${commit}:${FOLDER}/li-si.png`], { cwd: bare })).toEqual(
      portraitBytes,
    );
    const text = git(bare, 'cat-file', 'blob', `${commit}:${FOLDER}/index.md`);
    const front = parse(text.split(/^---$/m)[1]!) as Record<string, unknown>;
    expect(front).toMatchObject({
      title: PROFILE.title,
      column: '劳模风采',
      person: { name: PROFILE.name, honour: PROFILE.honour, portrait: './li-si.png' },
    });
    expect(String(front['date'])).toMatch(new RegExp(`^${PROFILE.date}`));
    expect(text).toContain(PROFILE.body);
    expect(text).not.toMatch(/: ''$/m);

    // Only the calls the stand-in knows, and the page talked to no host but the site and the server.
    expect(gitea.unhandled).toEqual([]);
    const others = requests.filter(
      (url) => !url.startsWith(siteOrigin) && !url.startsWith(gitea.origin) && !/^(data|blob):/.test(url),
    );
    expect(others).toEqual([]);
    // Nothing the back office needed (the server's API, the editor's avatar, the preview's
    // styles) was refused by its Content-Security-Policy.
    expect(refused).toEqual([]);
  }, 180_000);

  test('the publish workflow checks, builds and rsyncs the commit to the nginx host', async () => {
    const commit = head();
    expect(commit).not.toBe(initial);

    // Both workflows run the same steps; the Gitea/Forgejo one is run here.
    const forGitea = await readWorkflow(join(PROJECT, '.gitea/workflows/publish.yml'));
    const forGithub = await readWorkflow(join(PROJECT, '.github/workflows/publish.yml'));
    const steps = Object.values(forGitea.jobs)[0]!.steps;
    expect(Object.values(forGithub.jobs)[0]!.steps).toEqual(steps);
    expect(forGitea.on.push?.branches).toEqual(['main']);

    // A clean checkout of the pushed commit, as actions/checkout makes it.
    const checkout = join(work, 'runner');
    git(work, 'clone', '-q', '--branch', 'main', bare, checkout);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(commit);

    // The nginx host: a folder reached by rsync through a stand-in for ssh (support/fake-ssh).
    const published = join(work, 'srv/lnga/dist');
    await mkdir(published, { recursive: true });
    const bin = join(work, 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'ssh'), await readFile(join(PROJECT, 'tests/e2e/support/fake-ssh')));
    await chmod(join(bin, 'ssh'), 0o755);
    const sshLog = join(work, 'ssh.log');
    const context = {
      vars: { SITE_URL: PUBLIC_URL },
      secrets: {
        DEPLOY_HOST: 'www.example.org',
        DEPLOY_USER: 'deploy',
        DEPLOY_PATH: published,
        DEPLOY_SSH_KEY: '-----BEGIN OPENSSH PRIVATE KEY-----\nstand-in\n-----END OPENSSH PRIVATE KEY-----',
        DEPLOY_KNOWN_HOSTS: 'www.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIStandIn',
      },
      github: { sha: commit },
    };
    const runner = {
      ...siteEnv(),
      NO_COLOR: '1',
      CI: 'true',
      GITHUB_SHA: commit,
      GITHUB_WORKSPACE: checkout,
      FAKE_SSH_LOG: sshLog,
      PATH: `${bin}:${process.env['PATH']}`,
    };
    const ran: string[] = [];
    for (const step of steps) {
      if (step.uses) {
        // actions/checkout is the clone above; actions/cache only saves time.
        expect(step.uses).toMatch(/^actions\/(checkout|cache)@/);
        continue;
      }
      const script = step.run!;
      if (script.startsWith('npm ci')) {
        // Installing from the lockfile is what the project itself has done for this test run;
        // the runner's copy is that node_modules.
        expect(script).toBe('npm ci --no-audit --no-fund');
        await symlink(join(PROJECT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
        ran.push(script);
        continue;
      }
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, context)]));
      const result = await runStep(script, checkout, { ...runner, ...env });
      expect(result.code, `${step.name ?? script}\n${result.output.slice(-6000)}`).toBe(0);
      ran.push(script);
    }
    expect(ran).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run lint && npm run check && npm run test:unit && npm run check:content',
      'npm run build -- --production',
      'deploy/publish.sh',
    ]);

    // publish.sh connected as the deploy user with the key and host it was given, and reloaded nginx.
    const log = await readFile(sshLog, 'utf8');
    expect(log).toContain('connect deploy@www.example.org key=-----BEGIN OPENSSH PRIVATE KEY-----');
    expect(log).toContain('run sudo systemctl reload nginx');

    // The nginx host now serves the new profile, at the public address it was built for.
    const page = join(published, articleUrl({ id: PROFILE.id }), 'index.html');
    const html = await readFile(page, 'utf8');
    expect(html).toContain(PROFILE.title);
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}${articleUrl({ id: PROFILE.id })}"`);
    nginx = await startNginx(published);
    const served = await fetch(new URL(articleUrl({ id: PROFILE.id }), nginx.origin));
    expect(served.status).toBe(200);
    expect(await served.text()).toContain(`${PROFILE.name}肖像`);
    // The back office there may talk to the Git server, and only there.
    const admin = await fetch(new URL(adminUrl(), nginx.origin));
    expect(admin.headers.get('content-security-policy')).toMatch(
      new RegExp(`connect-src 'self' blob: data: ${gitea.origin.replace(/\./g, '\\.')}[;$]`),
    );
  }, 900_000);
});
