// The files attached to articles (`attachments:`), copied from beside the article file.
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { buildVisibility } from '../../../site/articles.ts';
import { attachmentRoutes } from '../../../site/routes.ts';
import { attachmentPath } from '../../../site/attachments.ts';
import { attachmentName } from '../../../site/urls.ts';

export const getStaticPaths = (async () => {
  const attachments = attachmentRoutes(await getCollection('articles'), buildVisibility(__PREVIEW_UNPUBLISHED__));
  return attachments.map(({ entry, attachment }) => ({
    params: { slug: entry.id, file: attachmentName(attachment.file) },
    props: { path: attachmentPath(entry, attachment.file) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(await readFile(props.path as string));
