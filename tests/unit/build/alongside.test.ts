import { describe, expect, test } from 'vitest';
import { finishAlongside, pendingFolders, runAlongside } from '../../../src/build/alongside.ts';

describe('runAlongside', () => {
  test('names the folders still being written until the work is finished', async () => {
    let finish = (): void => undefined;
    runAlongside(new Promise<void>((done) => (finish = done)), ['pagefind']);
    expect(pendingFolders('/site/dist')).toEqual(['/site/dist/pagefind']);
    const finished = finishAlongside();
    finish();
    await finished;
    expect(pendingFolders('/site/dist')).toEqual([]);
  });
  test('reports a failure when the work is awaited, not before', async () => {
    runAlongside(Promise.reject(new Error('Pagefind failed')), ['pagefind']);
    await new Promise((done) => setTimeout(done, 10));
    await expect(finishAlongside()).rejects.toThrow('Pagefind failed');
  });
});
