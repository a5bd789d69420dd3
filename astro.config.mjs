// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import search from './src/integrations/search.ts';
import deploy from './src/integrations/deploy.ts';
import contentChecks from './src/integrations/content-checks.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // deploy() comes last: it hashes and compresses what the others wrote.
  integrations: [contentChecks(), mdx(), search(), deploy(site.url)],
  vite: { plugins: [tailwindcss()] },
});
