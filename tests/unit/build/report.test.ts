import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  folderSize,
  readReport,
  relocateReport,
  removeReport,
  reportFile,
  stageRows,
  writeReport,
  type BuildReport,
} from '../../../src/build/report.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'lnga-report-'));
  dirs.push(dir);
  return dir;
};

/** A report as a build of 1,000 articles writes it (times in ms since the process started). */
const report: BuildReport = {
  finished: '2026-11-20T08:00:00.000Z',
  outDir: '/site/.dist/1-2',
  totalMs: 20_400,
  checks: { start: 900, end: 1_400, articles: 1_015, errors: 0, inDrafts: 1, removed: 2 },
  render: { start: 1_400, end: 12_000, pages: 1_061 },
  searchIndex: { start: 12_000, end: 17_500, pages: 1_000, shards: 1 },
  shareCards: {
    start: 3_000,
    end: 12_300,
    count: 1_001,
    drawn: 1_001,
    drawnMs: 21.5,
    cached: 0,
    cachedMs: 0,
    workers: '1→2',
    poolMs: 9_300,
    waitedMs: 120,
  },
  deploy: { start: 12_300, end: 19_900, scriptHashes: 2, compressed: 2_300, compressMs: 6_100 },
  dist: { files: 6_100, bytes: 150 * 1024 * 1024 },
};

describe('stageRows', () => {
  test('lists the stages in the order they started, with when and for how long', () => {
    expect(stageRows(report)).toEqual([
      { stage: 'checks', 'from (s)': '0.9', 'takes (s)': '0.5', did: '1015 articles, 0 errors, 2 removed' },
      { stage: 'render (Astro)', 'from (s)': '1.4', 'takes (s)': '10.6', did: '1061 pages' },
      {
        stage: 'share cards',
        'from (s)': '3.0',
        'takes (s)': '9.3',
        did: '1001: 1001 drawn, 0 cached, 1→2 workers',
      },
      { stage: 'search index', 'from (s)': '12.0', 'takes (s)': '5.5', did: '1000 pages, 1 shard(s)' },
      {
        stage: 'deploy',
        'from (s)': '12.3',
        'takes (s)': '7.6',
        did: '2300 files compressed in 6.1 s; dist 6100 files, 150 MB',
      },
    ]);
  });
});

describe('the report file', () => {
  test('is read back only as the report of the build folder asked for', async () => {
    const project = await tempDir();
    await writeReport(project, report);
    expect(reportFile(project)).toBe(join(project, '.astro', 'build-report.json'));
    await expect(readReport(project, report.outDir)).resolves.toEqual(report);
    await expect(readReport(project, '/site/.dist/3-4')).rejects.toThrow('not of /site/.dist/3-4');
  });

  test('follows the build when it is moved out of .dist/building/', async () => {
    const project = await tempDir();
    await writeReport(project, { ...report, outDir: '/site/.dist/building' });
    await relocateReport(project, '/site/.dist/5-6');
    await expect(readReport(project, '/site/.dist/5-6')).resolves.toEqual({ ...report, outDir: '/site/.dist/5-6' });
  });

  test('is gone once a build starts, so a failed build leaves none', async () => {
    const project = await tempDir();
    await writeReport(project, report);
    await removeReport(project);
    await expect(readReport(project, report.outDir)).rejects.toThrow(/ENOENT/);
    await expect(removeReport(project)).resolves.toBeUndefined();
  });
});

describe('folderSize', () => {
  test('counts every file below a folder and their bytes', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'news/a'), { recursive: true });
    await writeFile(join(dir, 'index.html'), 'x'.repeat(100));
    await writeFile(join(dir, 'news/a/index.html'), '刘毅');
    await writeFile(join(dir, 'news/a/index.html.br'), Buffer.alloc(7));
    expect(folderSize(dir)).toEqual({ files: 3, bytes: 100 + 6 + 7 });
  });
});
