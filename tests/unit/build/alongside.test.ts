import { describe, expect, test } from 'vitest';
import { alongside } from '../../../src/build/alongside.ts';

describe('alongside', () => {
  test('names the folders still being written until the work is finished', async () => {
    const work = alongside();
    let finish = (): void => undefined;
    work.run(new Promise<void>((done) => (finish = done)), ['pagefind']);
    expect(work.pendingFolders('/site/dist')).toEqual(['/site/dist/pagefind']);
    const finished = work.finish();
    finish();
    await finished;
    expect(work.pendingFolders('/site/dist')).toEqual([]);
  });
  test('reports a failure when the work is awaited, not before', async () => {
    const work = alongside();
    work.run(Promise.reject(new Error('Pagefind failed')), ['pagefind']);
    await new Promise((done) => setTimeout(done, 10));
    await expect(work.finish()).rejects.toThrow('Pagefind failed');
  });
  test('keeps the work of each build apart', () => {
    const first = alongside();
    first.run(new Promise<void>(() => undefined), ['pagefind']);
    expect(alongside().pendingFolders('/site/dist')).toEqual([]);
  });
});
