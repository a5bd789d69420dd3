import { describe, expect, test } from 'vitest';
import { generateArticles } from '../../scripts/generate-articles.ts';
import { schema } from './fixtures.ts';
import { load } from 'js-yaml';

describe('generateArticles', () => {
  test('makes the same valid articles for the same seed', () => {
    const a = generateArticles(5, 7);
    expect(a).toEqual(generateArticles(5, 7));
    expect(new Set(a.map((x) => x.path)).size).toBe(5);
    for (const { source } of a) {
      const [, front = '', body = ''] = source.split(/^---$/m);
      expect(schema.safeParse(load(front)).success).toBe(true);
      expect(body.length).toBeGreaterThan(300);
    }
  });
});
