// The content checks' findings of the last build, kept for the next (see CheckCache).
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import type { ArticleFile, CheckContext, Problem } from './article-checks.ts';
import { CACHE } from '../build/options.ts';
import { codeHash, lockFile, readKept } from '../build/files.ts';

/** What one article's checks asked of the rest of the site, with the answers. */
interface Asked {
  exists: [string, boolean][];
  size: [string, number | undefined][];
  addresses: [string, boolean][];
}

/** What the checks found in one article, and what they asked to find it. */
interface Found {
  problems: Problem[];
  asked: Asked;
}

/** The code that decides what the checks find: their own, the schemas, the site's rules and config. */
const CODE = ['../content-checks', '../content-safety', '../schemas', '../site', '../site.config.ts'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

/** The files of `CODE`, in order. */
const codeFiles = (): string[] =>
  CODE.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' })
          .filter((name) => /\.(ts|astro|json)$/.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );

/** A context that writes down every question asked of `context`, and its answer. */
function recording(context: CheckContext): { context: CheckContext; asked: Asked } {
  const asked: Asked = { exists: [], size: [], addresses: [] };
  return {
    asked,
    context: {
      siteUrl: context.siteUrl,
      exists: (path) => {
        const answer = context.exists(path);
        asked.exists.push([path, answer]);
        return answer;
      },
      size: (path) => {
        const answer = context.size?.(path);
        asked.size.push([path, answer]);
        return answer;
      },
      addresses: {
        has: (path) => {
          const answer = context.addresses.has(path);
          asked.addresses.push([path, answer]);
          return answer;
        },
      },
    },
  };
}

/** Whether `context` answers every question of `asked` as it was answered then. */
const answersAlike = (asked: Asked, context: CheckContext): boolean =>
  asked.exists.every(([path, answer]) => context.exists(path) === answer) &&
  asked.size.every(([path, answer]) => context.size?.(path) === answer) &&
  asked.addresses.every(([path, answer]) => context.addresses.has(path) === answer);

/**
 * What the checks found in each article in the last run, by the article's file and text and
 * the checks' code (their folders, the schemas, the site's rules, the site's address and the
 * locked packages), with every question they asked of the rest of the site: whether a file
 * exists, its size, whether an address will exist. An article is checked again when any of
 * these changed, or any answer: a picture added, a linked article removed. At 10,000
 * articles, 1.1 s of every build's checks. Kept in `.cache/content-checks.v8`; none without
 * a project.
 */
export class CheckCache {
  private readonly file: string | undefined;
  private readonly code: string;
  private readonly last: Map<string, Found>;
  private readonly next = new Map<string, Found>();

  private constructor(file: string | undefined, code: string, last: Map<string, Found>) {
    this.file = file;
    this.code = code;
    this.last = last;
  }

  static async open(project: string | undefined, siteUrl: string): Promise<CheckCache> {
    if (!project) return new CheckCache(undefined, '', new Map());
    const file = join(project, CACHE.contentChecks);
    const last = await readKept(file);
    return new CheckCache(
      file,
      await codeHash(codeFiles(), siteUrl, await lockFile(project)),
      last instanceof Map ? (last as Map<string, Found>) : new Map(),
    );
  }

  /** The problems `check` finds in `article` with `context`, as found last time when nothing they depend on changed. */
  problems(article: ArticleFile, context: CheckContext, check: (context: CheckContext) => Problem[]): Problem[] {
    const key = createHash('sha256')
      .update(this.code)
      .update(article.file)
      .update('\0')
      .update(article.encodingProblem ?? '')
      .update('\0')
      .update(article.text)
      .digest('base64url');
    let found = this.last.get(key);
    if (!found || !answersAlike(found.asked, context)) {
      const asking = recording(context);
      found = { problems: check(asking.context), asked: asking.asked };
    }
    this.next.set(key, found);
    return found.problems;
  }

  /** Keeps this run's findings for the next (written whole, then renamed over the last). */
  async save(): Promise<void> {
    if (!this.file) return;
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    await writeFile(temporary, serialize(this.next));
    await rename(temporary, this.file);
  }
}
