// Which files under a folder an editor has changed since the last commit, as git sees them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const git = promisify(execFile);

/**
 * The files under `folder` (relative to `project`, `/`-separated) that differ from the last
 * commit, staged or not, plus new files git does not ignore; every file when the repository
 * has no commit yet. Undefined when git is missing or `project` is not in a repository:
 * then nothing can be told apart.
 */
export async function changedFiles(project: string, folder: string): Promise<Set<string> | undefined> {
  const list = async (...args: string[]) =>
    (await git('git', args, { cwd: project, maxBuffer: 64 * 1024 * 1024 })).stdout.split('\0').filter(Boolean);
  try {
    // -z: names as they are (git would quote 中文 names otherwise); --relative: to `project`.
    const untracked = await list('ls-files', '-z', '--others', '--exclude-standard', '--', folder);
    const hasCommit = await git('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: project }).then(
      () => true,
      () => false,
    );
    const changed = hasCommit
      ? await list('diff', '-z', '--name-only', '--relative', '--no-renames', 'HEAD', '--', folder)
      : await list('ls-files', '-z', '--', folder);
    return new Set([...untracked, ...changed]);
  } catch {
    return undefined;
  }
}
