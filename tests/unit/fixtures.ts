import { z } from 'astro/zod';
import type { ImageFunction } from 'astro:content';
import { articleSchema } from '../../src/schemas/article.ts';
import type { Article } from '../../src/site/articles.ts';

/** Images are paths in unit tests; the build checks real files. */
export const imageStub = (() => z.string()) as unknown as ImageFunction;

export const schema = articleSchema(imageStub);

/** An entry parsed by the real schema, as the collection would hold it. */
export function article(id: string, data: Record<string, unknown>, body = '正文。'): Article {
  return { id, data: schema.parse(data), body } as Article;
}

/** Issues of a failed parse as `path: message` lines. */
export function problems(data: Record<string, unknown>): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
