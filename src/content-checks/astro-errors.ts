// Astro's own errors about articles, in the editors' words: the content checks catch nearly
// every mistake first, but what Astro alone finds (a damaged picture, a file it cannot read)
// should not reach an editor as an English stack trace.

/** Astro's messages we recognise, and what to tell the editor. */
const KNOWN: { pattern: RegExp; message: (match: RegExpExecArray) => string }[] = [
  {
    pattern: /Could not find requested image `?([^`\s]+)`?/,
    message: (m) =>
      `找不到图片「${m[1]}」：请把图片放在文章旁边，文件名与文章里写的完全一致。 / Image ${m[1]} not found beside the article.`,
  },
  {
    pattern:
      /(?:NoImageMetadata|Could not process image metadata|unsupported image format)(?:[^\n]*?([^\s'"`]+\.(?:png|jpe?g|webp|avif|gif))\b)?/i,
    message: (m) =>
      `图片${m[1] ? `「${m[1]}」` : ''}已损坏或不是真正的图片：请用“画图”打开后另存为 JPG 或 PNG，再替换。 / The picture${m[1] ? ` ${m[1]}` : ''} is damaged or not a picture: save it again as JPG or PNG.`,
  },
  {
    pattern:
      /(?:InvalidContentEntryDataError|does not match collection schema)(?:[^\n]*?(content\/articles\/[^\s:]+))?/,
    message: (m) =>
      `文章信息不符合要求${m[1] ? `（${m[1]}）` : ''}：请运行 npm run check:content 查看每处错误的行号和改法。 / An article's front matter is invalid: run npm run check:content for lines and fixes.`,
  },
  {
    pattern: /\[MDX\]|mdx-jsx:|Could not parse expression/,
    message: () =>
      'MDX 文章写法有误：请运行 npm run check:content 查看行号和改法，或把文件改为 .md。 / An MDX article cannot be read: run npm run check:content, or rename it to .md.',
  },
];

/** Stack frames and Astro's hints, which say nothing an editor can act on. */
export const isNoise = (line: string): boolean => /^\s+at |^\s*(Stack trace|Location|Hint):?\s*$/.test(line);

/**
 * What to tell the editor about a failed build's output: our own report is enough when the
 * content checks stopped it; otherwise the first of Astro's errors we recognise, or a plain
 * word that this is not an article's mistake.
 */
export function explainFailure(output: string): string | undefined {
  if (output.includes('网站没有构建')) return undefined;
  for (const { pattern, message } of KNOWN) {
    const match = pattern.exec(output);
    if (match) return message(match);
  }
  return '构建出错，不是文章的常见错误：请把上面的输出发给维护人员。 / The build failed for a reason other than an article: send the output above to a maintainer.';
}
