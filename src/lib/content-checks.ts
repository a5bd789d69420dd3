// Checks of the article files as editors wrote them, for mistakes the schema cannot see:
// YAML silently turns 2024-02-30 into 1 March, two files can claim the same address, and
// raw <script> or <iframe> in a body would run on readers' machines.
import { articleIdFromPath } from './slug.ts';
import { parseBeijingDate } from './dates.ts';

export interface Problem {
  file: string;
  line: number;
  /** Chinese, then English. */
  message: string;
}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---/;

/** Problems of one article file: an impossible date, a raw script or frame in the body. */
export function checkArticle(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const front = FRONT.exec(text)?.[1] ?? '';
  front.split(/\r?\n/).forEach((line, i) => {
    const date = /^date:\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/.exec(line)?.[1];
    if (date && !parseBeijingDate(date))
      problems.push({
        file,
        line: i + 2,
        message: `日期「${date}」不存在或格式不对，请写成 2022-07-12 或 2022-07-12 09:30。 / date ${date} is not a real date: write 2022-07-12 or 2022-07-12 09:30.`,
      });
  });
  const lines = text.split(/\r?\n/);
  let inCode = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
    if (inCode) return;
    const tag = /<\s*(script|iframe)\b/i.exec(line)?.[1]?.toLowerCase();
    if (tag)
      problems.push({
        file,
        line: i + 1,
        message: `正文里不能直接写 <${tag}>：它会在读者的电脑上运行或嵌入别的网站。视频请用链接，特殊需要请联系维护人员。 / raw <${tag}> is not allowed in an article: link to the video instead, or ask a maintainer.`,
      });
  });
  return problems;
}

/** Two or more files that would be published at the same address. */
export function duplicateAddresses(files: string[]): Problem[] {
  const byId = new Map<string, string[]>();
  for (const file of files) {
    const id = articleIdFromPath(file);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  return [...byId.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([id, list]) => ({
      file: list[0]!,
      line: 1,
      message: `这些文件会发布到同一个网址 /news/${id}/：${list.join('、')}。请给其中一个改文件名。 / these files share the address /news/${id}/: ${list.join(', ')}; rename one.`,
    }));
}

/** One message listing every problem, for the build to stop with. */
export function report(problems: Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}\n  ${p.message}`).join('\n');
}
