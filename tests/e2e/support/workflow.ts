// The publish workflows (.gitea/ and .github/workflows/publish.yml) run as a runner runs them:
// the steps of a job in order, in a checkout, each `run:` with `bash -e` (the default shell of
// GitHub Actions and of act_runner/forgejo-runner on Linux), its `env:` filled in from the
// repository's variables and secrets.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface Workflow {
  name: string;
  on: { push?: { branches?: string[] } };
  jobs: Record<string, { 'runs-on': string; steps: WorkflowStep[] }>;
}

/** The workflow file, parsed. */
export async function readWorkflow(path: string): Promise<Workflow> {
  return parse(await readFile(path, 'utf8')) as Workflow;
}

/**
 * `${{ vars.NAME }}`, `${{ secrets.NAME }}` and `${{ github.sha }}` in `text`, from `context`
 * (e.g. `{ vars: { SITE_URL: … } }`). An expression the context does not hold is an error, as
 * a setting the maintainer forgot would be empty on the runner.
 */
export function expand(text: string, context: Record<string, Record<string, string>>): string {
  return text.replace(/\$\{\{\s*([\w-]+)\.([\w-]+)\s*\}\}/g, (whole, scope: string, name: string) => {
    const value = context[scope]?.[name];
    if (value === undefined) throw new Error(`${whole} is not set`);
    return value;
  });
}

/** Runs one `run:` step in `cwd` with `bash -e`, resolving with its exit code and output. */
export function runStep(
  script: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-e', '-c', script], { cwd, env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // eslint-disable-next-line no-control-regex
    child.on('close', (code) => done({ code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}
