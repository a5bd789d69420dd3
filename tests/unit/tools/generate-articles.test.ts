import { describe, expect, test } from 'vitest';
import { generateArticles } from '../../../tools/generate-articles.ts';
import { schema } from '../fixtures.ts';
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
  test('keeps each topical article to its subject, and uniform ones hold nearly everything', () => {
    const share = (text: 'topical' | 'uniform'): number =>
      generateArticles(400, 3, text).filter((a) => a.source.includes('智能制造')).length / 400;
    expect(share('uniform')).toBeGreaterThan(0.8);
    expect(share('topical')).toBeLessThan(0.5);
    expect(share('topical')).toBeGreaterThan(0.05);
  });
});
