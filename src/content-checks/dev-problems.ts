// The content checks' latest findings, for the dev preview to show on the pages themselves:
// the checks run in the dev server's process (an integration), the pages in Vite's module
// runner in that same process, so the findings are kept on globalThis, not in a module.
import type { Problem } from './article-checks.ts';

const KEY = Symbol.for('lnga.content-problems');
type Store = { problems: Problem[] };
const store = (): Store => ((globalThis as Record<symbol, Store>)[KEY] ??= { problems: [] });

/** Records the findings of the last check run (errors and warnings of every article). */
export function setDevProblems(problems: Problem[]): void {
  store().problems = problems;
}

/** The findings of one article file (path relative to the project, as entries' filePath). */
export const devProblemsOf = (file: string | undefined): Problem[] =>
  file === undefined ? [] : store().problems.filter((p) => p.file === file);

/** Every finding that would stop a build, for the preview's banner. */
export const devErrors = (): Problem[] => store().problems.filter((p) => !p.warning);
