// Astro's sharp image service, with the article pictures' sizes (src/site/article-image.ts):
// the one place that sees every Markdown image of .md and .mdx articles alike.
import type { LocalImageService } from 'astro';
import sharp from 'astro/assets/services/sharp';
import { articleImageOptions } from '../site/article-image.ts';

const service: LocalImageService = {
  ...sharp,
  validateOptions: (options, ...rest) => sharp.validateOptions!(articleImageOptions(options), ...rest),
};

export default service;
