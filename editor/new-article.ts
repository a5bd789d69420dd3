// `npm run new`: creates a new article (or 劳模风采 profile) with its front matter filled in,
// asking in Chinese for whatever the options leave out. See `npm run new -- --help`.
import { join } from 'node:path';
import { chooseSlug, newArticleBody, renderArticle } from './article-file.ts';
import { formatIsoDay, parseBeijingDate, beijingParts } from '../src/site/dates.ts';
import { completeFields, newHelp, parseNewOptions } from './editor-options.ts';
import { articleUrl } from '../src/site/urls.ts';
import { site } from '../src/site.config.ts';
import {
  ARTICLES,
  draftNote,
  futureNote,
  nextSteps,
  profileColumn,
  prompter,
  run,
  shown,
  takenSlugs,
  writeNew,
} from './editor-io.ts';

run(async () => {
  const options = parseNewOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(newHelp(site, profileColumn));
    return;
  }
  const questions = prompter();
  try {
    const fields = await completeFields(options, questions.ask, {
      site,
      profileColumn,
      today: formatIsoDay(new Date()),
    });
    const taken = await takenSlugs();
    const { slug, wanted } = chooseSlug(
      fields,
      { profile: fields.column === profileColumn, slug: options.slug },
      taken,
    );
    const year = beijingParts(parseBeijingDate(fields.date)!).year;
    const path = join(ARTICLES, String(year), `${slug}.md`);
    await writeNew(path, renderArticle(fields, newArticleBody(fields.column === profileColumn)));

    const lines = [
      '',
      `已创建 / Created: ${shown(path)}`,
      `  栏目 ${fields.column} · 日期 ${fields.date} · 网址 ${articleUrl({ id: slug })}`,
    ];
    if (slug !== wanted)
      lines.push(
        `  网址 ${wanted} 已被另一篇文章使用，所以用了 ${slug}。如果是要补全那一篇，请删掉新文件，直接编辑原来的文件。`,
        `  ${wanted} was taken, so this is ${slug}. To fill in that article instead, delete this file and edit the existing one.`,
      );
    lines.push(
      draftNote(fields.draft === true),
      ...futureNote(fields.date),
      '',
      nextSteps(shown(path), slug, fields.draft === true),
      '',
    );
    process.stdout.write(lines.join('\n'));
  } finally {
    questions.close();
  }
});
