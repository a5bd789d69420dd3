// `npm run check:content`: every check the build makes on the articles, without building,
// plus hints for Chinese punctuation. `-- --fix` applies the punctuation hints (only then:
// the words are the editor's). Files named after the options limit the report to them.
// Hints cover only the articles changed since the last commit (the editor's own work, not
// the published ones) unless `--all` is given; errors always cover every article.
// Usage: node editor/check-content.ts [--fix] [--all] [content/articles/…md …]
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, logWaiting, readArticles } from '../src/content-checks/integration.ts';
import { fixText, textHints } from '../src/content-checks/text-hints.ts';
import { changedFiles } from './git-changes.ts';
import { buildOptions, siteUrl } from '../src/build/options.ts';
import { site } from '../src/site.config.ts';

const { values, positionals } = parseArgs({
  options: {
    fix: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: true,
});
if (values.help) {
  console.log(`用法 / usage: npm run check:content [-- --fix] [-- --all] [-- 文件…]
  检查全部文章（或只报告指定的文件）：文章信息、图片、链接、附件、MDX 写法，以及中文标点提示。
  标点提示只针对上次提交（commit）以来改动或新建的文章；错误总是检查全部文章。
  --all  给全部文章标点提示 / hints for every article, not only those changed since the last commit
  --fix  把中文标点提示自动改好（半角逗号冒号分号、重复标点、中文之间的空格）。`);
  process.exit(0);
}

const project = process.cwd();
const only = new Set(positionals.map((p) => relative(project, resolve(project, p)).split('\\').join('/')));
const wanted = (file: string) => only.size === 0 || only.has(file);

const now = new Date();
const {
  problems,
  draftProblems,
  warnings: removals,
  entries,
} = await checkContent(project, {
  dev: false,
  now,
  // Links to the site's own address are checked as the build would check them.
  siteUrl: siteUrl(buildOptions(), site),
});
const checked = (await readArticles(project)).filter((a) => wanted(a.file));
// Hints and fixes: the files named, or with --all every article, else those changed since the
// last commit (all of them where git cannot tell).
const changed = values.all || only.size > 0 ? undefined : await changedFiles(project, 'content');
const articles = changed ? checked.filter((a) => changed.has(a.file)) : checked;

let fixed = 0;
if (values.fix)
  for (const article of articles) {
    const { text, changes: hints } = fixText(article.text, article.file);
    // A GBK file is written back as UTF-8, the only encoding the site reads.
    const changes = hints + (article.encodingProblem ? 1 : 0);
    if (changes === 0) continue;
    await writeFile(resolve(project, article.file), text);
    console.log(`已修改 / fixed ${changes}: ${article.file}`);
    fixed += changes;
  }

const errors = problems.filter((p) => wanted(p.file));
for (const p of errors) console.log(`错误 / error  ${p.file}:${p.line}\n  ${p.message.replace(' / ', '\n  ')}`);
// Drafts are not published, so their mistakes do not stop the build; they must go before publishing.
const draftErrors = draftProblems.filter((p) => wanted(p.file));
for (const p of draftErrors)
  console.log(`草稿错误 / draft error  ${p.file}:${p.line}\n  ${p.message.replace(' / ', '\n  ')}`);
// What the allow-list takes out of a page does not stop the build, but the editor should delete it.
const removed = removals.filter((p) => wanted(p.file));
for (const p of removed) console.log(`警告 / warning  ${p.file}:${p.line}\n  ${p.message.replace(' / ', '\n  ')}`);
let warnings = 0;
for (const article of articles) {
  const text = values.fix ? await readFile(resolve(project, article.file), 'utf8') : article.text;
  for (const hint of textHints(text, article.file)) {
    warnings++;
    console.log(`提示 / hint   ${article.file}:${hint.line}:${hint.column}\n  ${hint.message.replace(' / ', '\n  ')}`);
  }
}
logWaiting(
  entries.filter((e) => wanted(e.file)),
  now,
  { info: (message: string) => console.log(`说明 / note  ${message}`) },
);

const scope = changed
  ? `\n标点提示只针对上次提交以来改动的 ${articles.length} 篇文章（全部文章：npm run check:content -- --all）。 / Hints cover the ${articles.length} article(s) changed since the last commit (--all for every article).`
  : '';
console.log(
  `\n检查了 ${checked.length} 篇文章：${errors.length} 处错误（会让构建停止），${draftErrors.length ? `草稿中 ${draftErrors.length} 处错误（发布前要改），` : ''}${removed.length ? `${removed.length} 处警告（网页上会删去），` : ''}${warnings} 条提示${values.fix ? `，已自动修改 ${fixed} 处` : warnings ? '（npm run check:content -- --fix 可自动修改）' : ''}。` +
    `\nChecked ${checked.length} article(s): ${errors.length} error(s) that stop the build, ${draftErrors.length} in drafts, ${removed.length} warning(s), ${warnings} hint(s)${values.fix ? `, ${fixed} fixed` : ''}.` +
    scope,
);
process.exit(errors.length > 0 ? 1 : 0);
