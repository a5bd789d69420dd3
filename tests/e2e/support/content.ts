import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { articleIdFromPath } from '../../../src/site/slug.ts';
import { parseBeijingDate } from '../../../src/site/dates.ts';
import { paragraphsOf } from '../../../src/site/article-text.ts';

export interface SourceArticle {
  id: string;
  file: string;
  title: string;
  column: string;
  published: boolean;
  awaitingText: boolean;
  paragraphs: string[];
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.mdx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

/**
 * The articles in content/, read straight from their files with js-yaml, not through the
 * site's schema, loader or pages. Three small text rules are the site's own (the slug of a
 * file name, a Beijing date, a body's paragraphs): the pages these articles are compared
 * with are rendered by Astro and MDX, not by those rules, and the 刘毅 test pins the count of
 * paragraphs (21), so a rule that lost text would still fail it.
 */
export function sourceArticles(root = 'content/articles', now = new Date()): SourceArticle[] {
  return files(root).map((file) => {
    const [, front = '', body = ''] = readFileSync(file, 'utf8').split(/^---\s*$/m);
    const data = load(front) as Record<string, unknown>;
    const date = data['date'] ? parseBeijingDate(data['date'] as string | Date) : null;
    const awaitingText = data['awaitingText'] === true;
    return {
      id: articleIdFromPath(relative(root, file)),
      file,
      title: String(data['title']),
      column: String(data['column']),
      awaitingText,
      published: !awaitingText && data['draft'] !== true && !!date && date <= now,
      paragraphs: paragraphsOf(body, file),
    };
  });
}
