import { describe, expect, test } from 'vitest';
import { pageWindow, paginate } from '../../../src/site/pagination.ts';

describe('paginate', () => {
  test('splits into pages with number, count and total', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages[2]).toMatchObject({ number: 3, count: 3, total: 5 });
  });
  test('gives an empty list one empty page', () => {
    expect(paginate([], 20)).toEqual([{ number: 1, count: 1, total: 0, items: [] }]);
  });
});

describe('pageWindow', () => {
  test('shows every page when there are few', () => {
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
  });
  test('elides far pages but keeps first and last', () => {
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
  });
  test('fills a gap of one page instead of an ellipsis', () => {
    expect(pageWindow(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 20]);
  });
});
