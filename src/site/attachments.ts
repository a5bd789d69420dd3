// What a reader sees of a file attached to an article before downloading it: its name,
// its kind and its size, so that a 20 MB scan does not surprise anyone on a phone.
import { ATTACHMENT_TYPES } from '../schemas/article.ts';
import { attachmentName } from './urls.ts';

export interface AttachmentView {
  /** Name shown to readers. */
  name: string;
  /** File name as saved, e.g. 报名表.docx. */
  fileName: string;
  /** Kind of document, e.g. Word. */
  type: string;
  /** Size as readers read it, e.g. 1.2 MB. */
  size: string;
}

/** Bytes as `856 B`, `12 KB`, `1.2 MB` (one decimal below 10, none above). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${unit}`;
}

/** The reader's view of `./报名表.docx` (titled or not) of the given size. */
export function describeAttachment(
  attachment: { file: string; title?: string | undefined },
  bytes: number,
): AttachmentView {
  const fileName = attachmentName(attachment.file);
  const extension = (/\.([^.]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  return {
    name: attachment.title ?? fileName.replace(/\.[^.]+$/, ''),
    fileName,
    type: ATTACHMENT_TYPES[extension as keyof typeof ATTACHMENT_TYPES] ?? extension.toUpperCase(),
    size: formatBytes(bytes),
  };
}

/**
 * Where an attachment of an article lies on disk: beside the article file (`./表.xlsx` of
 * `content/articles/a/index.md` is `content/articles/a/表.xlsx`). Plain string work: site rules
 * import nothing of Node.
 */
export function attachmentPath(entry: { filePath?: string | undefined }, file: string): string {
  return (entry.filePath ?? '').replace(/[^/\\]*$/, '') + file.replace(/^\.[/\\]/, '');
}

const PICTURE = String.raw`\.(?:png|jpe?g|gif|webp|avif|svg)`;
/** Pictures in an article's text: `![说明](./a.png)`, `![说明](<./a b.png>)`, a reference `[a]: ./a.png`. */
const TEXT_PICTURE = new RegExp(
  String.raw`\]\(\s*<([^<>\n]+?${PICTURE})>|\]\(\s*([^\s<>()"']+?${PICTURE})[\s)]|^\s*\[[^\]\n]+\]:\s*<?([^\s<>]+?${PICTURE})(?=[\s>]|$)`,
  'gim',
);

/**
 * The files beside an article that its page shows something of besides its text: its
 * attachments (their sizes) and the pictures of its text (their sizes and shapes). A rebuild
 * renders the page again when one changes (build/page-key.ts). Addresses of other sites are
 * not files and are left out.
 */
export function filesBeside(entry: {
  filePath?: string | undefined;
  body?: string | undefined;
  data: { attachments: { file: string }[] };
}): string[] {
  const pictures = [...(entry.body ?? '').matchAll(TEXT_PICTURE)].map((m) => (m[1] ?? m[2] ?? m[3])!);
  return [...entry.data.attachments.map((a) => a.file), ...pictures]
    .filter((file) => !/^[a-z][a-z0-9+.-]*:|^\//i.test(file))
    .map((file) => attachmentPath(entry, file));
}
