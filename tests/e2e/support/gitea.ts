// A stand-in for a Gitea server (1.24) for the back office's team mode, where no real one can
// run. It answers only the REST calls Sveltia CMS's Gitea backend makes
// (node_modules/@sveltia/cms, src/lib/services/backends/git/gitea/: token sign-in, the
// repository and branch, the file tree, file contents in bulk, pictures, and a save as one
// commit of several files) from a real bare Git repository, through the git command, behind a
// personal access token and the CORS rules of app.ini's [cors] section as Gitea's API router
// applies them (go-chi/cors). Anything else is answered 404 and listed in `unhandled`, so a test
// sees the CMS asking for something a real server would have to answer.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

export interface GiteaOptions {
  /** The bare repository served. */
  gitDir: string;
  /** owner/name, as the back office's configuration names it. */
  repo: string;
  /** The one personal access token accepted. */
  token: string;
  /** The user that token belongs to. */
  user: { login: string; fullName: string; email: string };
  /** The [cors] section of Gitea's app.ini, key → value, as a maintainer writes it. */
  cors: Record<string, string>;
  /** The port to listen on; a free one when left out. */
  port?: number;
}

export interface GiteaRequest {
  method: string;
  /** The path under /api/v1 with its query, e.g. `/repos/lnga/site/contents`. */
  path: string;
  status: number;
}

export interface GiteaStandIn {
  /** e.g. http://127.0.0.1:40123: the `baseUrl` of the site's `cms` setting. */
  origin: string;
  /** Every request answered, in order (preflights included, as OPTIONS). */
  requests: GiteaRequest[];
  /** Requests this stand-in does not implement ("GET /path"). */
  unhandled: string[];
  close: () => Promise<void>;
}

/** The limits Gitea 1.24 reports at /settings/api by default (modules/setting/api.go). */
const API_SETTINGS = {
  max_response_items: 50,
  default_paging_num: 30,
  default_git_trees_per_page: 1000,
  default_max_blob_size: 10485760,
  default_max_response_size: 104857600,
};
const VERSION = '1.24.6';
/** A 1×1 PNG, the user's avatar. */
const AVATAR = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.md': 'text/plain; charset=utf-8',
  '.mdx': 'text/plain; charset=utf-8',
};

class HttpError extends Error {
  status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Runs git in the bare repository; resolves with stdout as bytes. */
function git(
  gitDir: string,
  args: string[],
  options: { input?: Buffer; env?: NodeJS.ProcessEnv } = {},
): Promise<Buffer> {
  return new Promise((done, fail) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: gitDir,
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_DIR: gitDir, ...options.env },
      },
      (error, stdout, stderr) =>
        error ? fail(new Error(`git ${args.join(' ')}: ${stderr.toString() || error.message}`)) : done(stdout),
    );
    child.stdin!.end(options.input);
  });
}

interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size: number;
  path: string;
}

/** `git ls-tree -r -t -l -z`: every entry under a commit, trees included, in Git's order. */
async function listTree(gitDir: string, commit: string, recursive: boolean): Promise<TreeEntry[]> {
  const out = await git(gitDir, ['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), commit]);
  return out
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, sha, size] = line.slice(0, tab).trim().split(/\s+/) as [
        string,
        TreeEntry['type'],
        string,
        string,
      ];
      return { mode, type, sha, size: size === '-' ? 0 : Number(size), path: line.slice(tab + 1) };
    });
}

/** A path Gitea would refuse to write (files_service: ErrFilePathInvalid). */
const badPath = (path: string): boolean =>
  !path ||
  path.startsWith('/') ||
  path.split('/').some((part) => part === '' || part === '.' || part === '..' || part === '.git');

/** Whether `origin` is one of ALLOW_DOMAIN's, with go-chi/cors's single `*` wildcard. */
function originAllowed(allowed: string[], origin: string): boolean {
  const o = origin.toLowerCase();
  return allowed.some((a) => {
    if (a === '*') return true;
    const star = a.indexOf('*');
    if (star < 0) return a === o;
    return o.length >= a.length - 1 && o.startsWith(a.slice(0, star)) && o.endsWith(a.slice(star + 1));
  });
}

/** Canonical header name, as Go's http.CanonicalHeaderKey writes it. */
const canonical = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startGitea(options: GiteaOptions): Promise<GiteaStandIn> {
  const { gitDir, token, user } = options;
  const [owner, name] = options.repo.split('/') as [string, string];
  const list = (value: string | undefined, fallback: string) =>
    (value ?? fallback)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  // Gitea's defaults (modules/setting/cors.go), and the API router's own allowed headers.
  const cors = {
    enabled: (options.cors['ENABLED'] ?? 'false').toLowerCase() === 'true',
    origins: list(options.cors['ALLOW_DOMAIN'], '*').map((o) => o.toLowerCase()),
    methods: list(options.cors['METHODS'], 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS').map((m) => m.toUpperCase()),
    headers: ['Authorization', 'X-Gitea-OTP', ...list(options.cors['HEADERS'], 'Content-Type,User-Agent')].map(
      canonical,
    ),
    credentials: (options.cors['ALLOW_CREDENTIALS'] ?? 'false').toLowerCase() === 'true',
  };
  const methodAllowed = (method: string) =>
    method.toUpperCase() === 'OPTIONS' || cors.methods.includes(method.toUpperCase());

  const requests: GiteaRequest[] = [];
  const unhandled: string[] = [];
  let origin = '';
  let writing: Promise<unknown> = Promise.resolve();
  const repoUrl = () => `${origin}/${owner}/${name}`;

  const resolve = async (ref: string): Promise<string> => {
    try {
      return (await git(gitDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).toString().trim();
    } catch {
      throw new HttpError(404, `object does not exist [id: ${ref}, rel_path: ]`);
    }
  };
  const defaultBranch = async () =>
    (await git(gitDir, ['symbolic-ref', '--short', 'HEAD']))
      .toString()
      .trim()
      .replace(/^refs\/heads\//, '');

  async function commitInfo(sha: string) {
    const [
      id,
      parents,
      authorName,
      authorEmail,
      authorDate,
      committerName,
      committerEmail,
      committerDate,
      tree,
      ...message
    ] = (await git(gitDir, ['show', '-s', '--format=%H%n%P%n%an%n%ae%n%aI%n%cn%n%ce%n%cI%n%T%n%B', sha]))
      .toString('utf8')
      .split('\n');
    return {
      id: id!,
      parents: parents ? parents.split(' ') : [],
      author: { name: authorName!, email: authorEmail!, date: authorDate! },
      committer: { name: committerName!, email: committerEmail!, date: committerDate! },
      tree: tree!,
      message: message.join('\n').replace(/\n+$/, '\n'),
    };
  }

  /** POST /repos/{owner}/{repo}/contents: several files changed in one commit (files_service.ChangeRepoFiles). */
  async function changeFiles(body: ChangeFilesOptions) {
    const branch = body.branch || (await defaultBranch());
    if (body.new_branch && body.new_branch !== branch) throw new HttpError(422, 'new_branch is not supported here');
    const parent = await resolve(`refs/heads/${branch}`).catch(() => {
      throw new HttpError(404, `branch does not exist [name: ${branch}]`);
    });
    const existing = new Map((await listTree(gitDir, parent, true)).map((e) => [e.path, e]));
    const scratch = await mkdtemp(join(tmpdir(), 'gitea-index-'));
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    try {
      await git(gitDir, ['read-tree', parent], { env });
      const written: ({ path: string; sha: string; size: number } | null)[] = [];
      for (const file of body.files ?? []) {
        if (badPath(file.path))
          throw new HttpError(422, `path contains a malformed path component [path: ${file.path}]`);
        const current = existing.get(file.path);
        const checkSha = (entry: TreeEntry | undefined, path: string) => {
          if (!entry || entry.type !== 'blob')
            throw new HttpError(404, `repository file does not exist [path: ${path}]`);
          if (!file.sha) throw new HttpError(422, 'a SHA or commit ID must be provided when updating a file');
          if (file.sha !== entry.sha)
            throw new HttpError(422, `sha does not match [given: ${file.sha}, expected: ${entry.sha}]`);
        };
        if (file.operation === 'delete') {
          checkSha(current, file.path);
          await git(gitDir, ['update-index', '--force-remove', '--', file.path], { env });
          written.push(null);
          continue;
        }
        if (file.operation === 'create') {
          if (existing.has(file.path)) throw new HttpError(422, `repository file already exists [path: ${file.path}]`);
        } else if (file.operation === 'update') {
          const from = file.from_path && file.from_path !== file.path ? file.from_path : undefined;
          checkSha(existing.get(from ?? file.path), from ?? file.path);
          if (from) {
            if (existing.has(file.path))
              throw new HttpError(422, `repository file already exists [path: ${file.path}]`);
            await git(gitDir, ['update-index', '--force-remove', '--', from], { env });
          }
        } else throw new HttpError(422, `unknown operation ${String(file.operation)}`);
        const bytes = Buffer.from(file.content ?? '', 'base64');
        const sha = (await git(gitDir, ['hash-object', '-w', '--stdin'], { input: bytes })).toString().trim();
        const mode = existing.get(file.from_path || file.path)?.mode ?? '100644';
        await git(gitDir, ['update-index', '--add', '--cacheinfo', `${mode},${sha},${file.path}`], { env });
        written.push({ path: file.path, sha, size: bytes.length });
      }
      const tree = (await git(gitDir, ['write-tree'], { env })).toString().trim();
      const now = new Date().toISOString();
      const author = {
        name: body.author?.name || user.fullName || user.login,
        email: body.author?.email || user.email,
      };
      const committer = { name: body.committer?.name || author.name, email: body.committer?.email || author.email };
      const message = body.message || `Update ${written.map((w) => w?.path).join(', ')}`;
      const commit = (
        await git(gitDir, ['commit-tree', tree, '-p', parent], {
          input: Buffer.from(message.endsWith('\n') ? message : `${message}\n`),
          env: {
            GIT_AUTHOR_NAME: author.name,
            GIT_AUTHOR_EMAIL: author.email,
            GIT_AUTHOR_DATE: body.dates?.author || now,
            GIT_COMMITTER_NAME: committer.name,
            GIT_COMMITTER_EMAIL: committer.email,
            GIT_COMMITTER_DATE: body.dates?.committer || now,
          },
        })
      )
        .toString()
        .trim();
      // Only if the branch has not moved meanwhile, as Gitea's push would refuse.
      await git(gitDir, ['update-ref', `refs/heads/${branch}`, commit, parent]);
      const info = await commitInfo(commit);
      return {
        files: written.map((w) =>
          w
            ? {
                name: w.path.split('/').pop(),
                path: w.path,
                sha: w.sha,
                type: 'file',
                size: w.size,
                encoding: null,
                content: null,
                url: `${origin}/api/v1/repos/${owner}/${name}/contents/${encodeURI(w.path)}?ref=${branch}`,
                html_url: `${repoUrl()}/src/branch/${branch}/${encodeURI(w.path)}`,
                download_url: `${repoUrl()}/raw/branch/${branch}/${encodeURI(w.path)}`,
              }
            : null,
        ),
        commit: {
          url: `${origin}/api/v1/repos/${owner}/${name}/git/commits/${commit}`,
          sha: commit,
          created: info.committer.date,
          html_url: `${repoUrl()}/commit/${commit}`,
          author: info.author,
          committer: info.committer,
          parents: info.parents.map((sha) => ({
            sha,
            url: `${origin}/api/v1/repos/${owner}/${name}/git/commits/${sha}`,
          })),
          message: info.message,
          tree: { sha: info.tree, url: `${origin}/api/v1/repos/${owner}/${name}/git/trees/${info.tree}` },
        },
        verification: {
          verified: false,
          reason: 'gpg.error.not_signed_commit',
          signature: '',
          signer: null,
          payload: '',
        },
      };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /** The file at `path` in the commit `ref` names, as bytes (404 when there is none). */
  async function blobAt(ref: string, path: string): Promise<Buffer> {
    const commit = await resolve(ref);
    const line = (await git(gitDir, ['ls-tree', '-z', commit, '--', path])).toString('utf8').split('\0')[0] ?? '';
    const [, type, sha] = line.slice(0, line.indexOf('\t')).split(/\s+/);
    if (type !== 'blob' || !sha) throw new HttpError(404, `object does not exist [id: , rel_path: ${path}]`);
    return git(gitDir, ['cat-file', 'blob', sha]);
  }

  async function route(
    req: IncomingMessage,
    url: URL,
    body: Buffer,
  ): Promise<{ status: number; json?: unknown; bytes?: Buffer; type?: string }> {
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v1/, ''));
    const method = req.method ?? 'GET';
    if (path === '/user' && method === 'GET')
      return {
        status: 200,
        json: {
          id: 1,
          login: user.login,
          login_name: '',
          full_name: user.fullName,
          email: user.email,
          avatar_url: `${origin}/avatars/1`,
          html_url: `${origin}/${user.login}`,
          language: 'zh-CN',
          is_admin: false,
        },
      };
    if (path === '/version' && method === 'GET') return { status: 200, json: { version: VERSION } };
    if (path === '/settings/api' && method === 'GET') return { status: 200, json: API_SETTINGS };

    const repoPath = `/repos/${owner}/${name}`;
    if (path !== repoPath && !path.startsWith(`${repoPath}/`))
      throw new HttpError(404, "The target couldn't be found.");
    const rest = path.slice(repoPath.length);
    if (rest === '' && method === 'GET')
      return {
        status: 200,
        json: {
          id: 1,
          owner: { id: 2, login: owner },
          name,
          full_name: `${owner}/${name}`,
          private: true,
          empty: false,
          html_url: repoUrl(),
          clone_url: `${repoUrl()}.git`,
          default_branch: await defaultBranch(),
          permissions: { admin: false, push: true, pull: true },
        },
      };
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^\/branches\/(.+)$/)) && method === 'GET') {
      const sha = await resolve(`refs/heads/${m[1]}`).catch(() => {
        throw new HttpError(404, `branch does not exist [name: ${m![1]}]`);
      });
      const info = await commitInfo(sha);
      return {
        status: 200,
        json: {
          name: m[1],
          commit: {
            id: info.id,
            message: info.message,
            url: `${repoUrl()}/commit/${info.id}`,
            author: { name: info.author.name, email: info.author.email },
            committer: { name: info.committer.name, email: info.committer.email },
            timestamp: info.committer.date,
          },
          protected: false,
          user_can_push: true,
        },
      };
    }
    if ((m = rest.match(/^\/git\/trees\/([^/]+)$/)) && method === 'GET') {
      const commit = await resolve(m[1]!);
      const all = await listTree(
        gitDir,
        commit,
        url.searchParams.get('recursive') === '1' || url.searchParams.get('recursive') === 'true',
      );
      const perPage = Math.min(
        Number(url.searchParams.get('per_page')) || API_SETTINGS.default_git_trees_per_page,
        API_SETTINGS.default_git_trees_per_page,
      );
      const page = Math.max(Number(url.searchParams.get('page')) || 1, 1);
      const tree = all.slice((page - 1) * perPage, page * perPage).map((e) => ({
        path: e.path,
        mode: e.mode,
        type: e.type,
        size: e.size,
        sha: e.sha,
        url: `${origin}/api/v1/repos/${owner}/${name}/git/${e.type}s/${e.sha}`,
      }));
      return {
        status: 200,
        json: {
          sha: (await git(gitDir, ['rev-parse', `${commit}^{tree}`])).toString().trim(),
          url: `${origin}/api/v1/repos/${owner}/${name}/git/trees/${commit}`,
          tree,
          truncated: page * perPage < all.length,
          page,
          total_count: all.length,
        },
      };
    }
    if (rest === '/file-contents' && method === 'POST') {
      const ref = url.searchParams.get('ref') || (await defaultBranch());
      const commit = await resolve(ref);
      const files = (JSON.parse(body.toString('utf8') || '{}') as { files?: string[] }).files ?? [];
      const entries = new Map((await listTree(gitDir, commit, true)).map((e) => [e.path, e]));
      const json = await Promise.all(
        files.slice(0, API_SETTINGS.default_paging_num).map(async (path) => {
          const entry = entries.get(path);
          if (!entry || entry.type !== 'blob') return null;
          const tooLarge = entry.size > API_SETTINGS.default_max_blob_size;
          return {
            name: path.split('/').pop(),
            path,
            sha: entry.sha,
            last_commit_sha: commit,
            type: 'file',
            size: entry.size,
            encoding: tooLarge ? null : 'base64',
            content: tooLarge ? null : (await git(gitDir, ['cat-file', 'blob', entry.sha])).toString('base64'),
            download_url: `${repoUrl()}/raw/commit/${commit}/${encodeURI(path)}`,
          };
        }),
      );
      return { status: 200, json };
    }
    if ((m = rest.match(/^\/raw\/(.+)$/)) && method === 'GET') {
      const bytes = await blobAt(url.searchParams.get('ref') || (await defaultBranch()), m[1]!);
      return { status: 200, bytes, type: MIME[extname(m[1]!).toLowerCase()] ?? 'application/octet-stream' };
    }
    if ((m = rest.match(/^\/media\/([^/]+)\/(.+)$/)) && method === 'GET') {
      const bytes = await blobAt(`refs/heads/${m[1]}`, m[2]!);
      return { status: 200, bytes, type: MIME[extname(m[2]!).toLowerCase()] ?? 'application/octet-stream' };
    }
    if (rest === '/contents' && method === 'POST') {
      const result = (writing = writing
        .catch(() => undefined)
        .then(() => changeFiles(JSON.parse(body.toString('utf8')))));
      return { status: 201, json: await result };
    }
    unhandled.push(`${method} ${path}${url.search}`);
    throw new HttpError(404, "The target couldn't be found.");
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const record = (status: number) =>
      requests.push({
        method: req.method ?? '',
        path: `${url.pathname.replace(/^\/api\/v1/, '')}${url.search}`,
        status,
      });
    const requestOrigin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    // go-chi/cors: a preflight is answered 200, with the CORS headers only when everything asked is allowed.
    if (cors.enabled && req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.appendHeader('Vary', ['Access-Control-Request-Method', 'Access-Control-Request-Headers']);
      const asked = String(req.headers['access-control-request-method']);
      const headers = String(req.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map(canonical)
        .filter(Boolean);
      if (
        requestOrigin &&
        originAllowed(cors.origins, requestOrigin) &&
        methodAllowed(asked) &&
        headers.every((h) => h === 'Origin' || cors.headers.includes(h))
      ) {
        res.setHeader('Access-Control-Allow-Origin', cors.origins.includes('*') ? '*' : requestOrigin);
        res.setHeader('Access-Control-Allow-Methods', asked.toUpperCase());
        if (headers.length) res.setHeader('Access-Control-Allow-Headers', headers.join(', '));
        if (cors.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
        res.setHeader('Access-Control-Max-Age', '600');
      }
      record(200);
      res.writeHead(200).end();
      return;
    }
    if (
      cors.enabled &&
      requestOrigin &&
      originAllowed(cors.origins, requestOrigin) &&
      methodAllowed(req.method ?? 'GET')
    ) {
      res.setHeader('Access-Control-Allow-Origin', cors.origins.includes('*') ? '*' : requestOrigin);
      if (cors.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (status: number, payload: unknown, type = 'application/json;charset=utf-8') => {
      record(status);
      const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length }).end(bytes);
    };
    // The signed-in user's avatar, which the CMS shows on its account button (public, as on Gitea).
    if (req.method === 'GET' && url.pathname === '/avatars/1') {
      reply(200, AVATAR, 'image/png');
      return;
    }
    if (!url.pathname.startsWith('/api/v1/')) {
      unhandled.push(`${req.method} ${url.pathname}`);
      reply(404, { message: 'Not found.' });
      return;
    }
    // A personal access token, sent as `token …` (what the CMS sends) or `Bearer …`.
    const [scheme, given] = String(req.headers.authorization ?? '').split(/\s+/, 2);
    if (!/^(token|bearer)$/i.test(scheme ?? '') || given !== token) {
      reply(401, { message: 'user does not exist [uid: 0, name: ]', url: `${origin}/api/swagger` });
      return;
    }
    try {
      const result = await route(req, url, Buffer.concat(chunks));
      if (result.bytes) reply(result.status, result.bytes, result.type);
      else reply(result.status, result.json);
    } catch (error) {
      if (error instanceof HttpError) reply(error.status, { message: error.message, url: `${origin}/api/swagger` });
      else reply(500, { message: (error as Error).message });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500).end(error.message);
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    unhandled,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The body of POST /repos/{owner}/{repo}/contents (Gitea's ChangeFilesOptions). */
interface ChangeFilesOptions {
  branch?: string;
  new_branch?: string;
  message?: string;
  author?: { name?: string; email?: string };
  committer?: { name?: string; email?: string };
  dates?: { author?: string; committer?: string };
  files?: {
    operation: 'create' | 'update' | 'delete';
    path: string;
    content?: string;
    from_path?: string;
    sha?: string;
  }[];
}

/** The key = value lines of an ini section in `text` (e.g. the `[cors]` block the editing guide shows). */
export function iniSection(text: string, section: string): Record<string, string> {
  const out: Record<string, string> = {};
  let inside = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const header = line.match(/^\[(.+)\]$/);
    if (header) inside = header[1] === section;
    else if (inside && line.includes('=') && !line.startsWith(';') && !line.startsWith('#')) {
      const at = line.indexOf('=');
      out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return out;
}
