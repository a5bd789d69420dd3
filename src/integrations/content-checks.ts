// Stops the build (and warns in dev) when an article file has a mistake the schema cannot
// see; see lib/content-checks.ts.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkArticle, duplicateAddresses, report, type Problem } from '../lib/content-checks.ts';

async function articleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? articleFiles(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
    ),
  );
  return nested.flat();
}

/** Every problem of the articles under `root` (paths in messages relative to the project). */
export async function checkContent(project: string, root = 'content/articles'): Promise<Problem[]> {
  const base = join(project, root);
  const files = await articleFiles(base);
  const problems: Problem[] = duplicateAddresses(files.map((f) => relative(base, f))).map((p) => ({
    ...p,
    file: join(root, p.file),
  }));
  for (const file of files) problems.push(...checkArticle(relative(project, file), await readFile(file, 'utf8')));
  return problems;
}

export default function contentChecks(): AstroIntegration {
  return {
    name: 'lnga-content-checks',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const problems = await checkContent(fileURLToPath(config.root));
        if (problems.length === 0) return;
        const message = `文章有错误，请按提示修改 / Articles need fixing:\n${report(problems)}`;
        if (command === 'build') throw new Error(message);
        logger.warn(message);
      },
    },
  };
}
