// @ts-check
import { realpathSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { searchForWorkspaceRoot } from 'vite';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import search from './src/integrations/search.ts';
import deploy from './src/integrations/deploy.ts';
import contentChecks from './src/integrations/content-checks.ts';
import shareCards from './src/integrations/share-cards.ts';
import { site } from './src/site.config.ts';
import { cmsHosts } from './src/admin/cms-config.ts';
import { cmsWithoutCodeHighlighting } from './src/admin/vite-plugin.ts';

// The share cards start from the articles the content checks read (see share-cards.ts).
const checks = contentChecks();

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // Astro's toolbar in `npm run dev` would sit over the back office's buttons.
  devToolbar: { enabled: false },
  build: { format: 'directory' },
  // shareCards() comes after search(): its workers go on drawing while Pagefind indexes.
  // deploy() comes last: it hashes and compresses what the others wrote.
  integrations: [checks, mdx(), search(), shareCards(checks.checked), deploy(site.url, cmsHosts(site.cms))],
  vite: {
    plugins: [tailwindcss(), cmsWithoutCodeHighlighting()],
    // The back office's fonts are files of the CMS package, served from node_modules/ in
    // `npm run dev`; allowed by their real path too, for copies of the site that link node_modules/.
    server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules/@sveltia/cms')] } },
  },
});
