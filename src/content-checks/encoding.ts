// Article files as Windows saves them: UTF-8 with a byte-order mark (Notepad), or GBK
// (older Chinese Windows software). Both are read; a GBK file is reported, since Astro reads
// files as UTF-8 and would publish mojibake.

/** The text of an article file, and what the editor should know about its encoding. */
export interface DecodedArticle {
  text: string;
  /** Chinese, then English: the file is not UTF-8 and must be saved again. */
  problem?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * The text of a file's bytes: UTF-8 (a byte-order mark dropped), else GB18030 (which reads
 * GBK and GB2312) with a problem telling how to save it as UTF-8.
 */
export function decodeArticle(bytes: Uint8Array): DecodedArticle {
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    try {
      return {
        text: gb18030.decode(bytes),
        problem:
          '文件是 GBK（ANSI）编码，网站只能读 UTF-8，文字会变成乱码：请用记事本打开，选“另存为”，编码选 UTF-8，保存后再提交（或运行 npm run check:content -- --fix 自动转换）。 / The file is GBK-encoded: save it as UTF-8 (Notepad: Save As, Encoding UTF-8), or run npm run check:content -- --fix.',
      };
    } catch {
      return {
        text: new TextDecoder('utf-8').decode(bytes),
        problem:
          '文件不是 UTF-8 文本，无法读出文字：请用记事本打开，选“另存为”，编码选 UTF-8。 / The file is not UTF-8 text: save it as UTF-8.',
      };
    }
  }
}
