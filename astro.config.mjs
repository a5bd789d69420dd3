// @ts-check
import { realpathSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { searchForWorkspaceRoot } from 'vite';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import lngaBuild from './src/build/integration.ts';
import { articleProcessor } from './src/content-safety/pipeline.ts';
import { site } from './src/site.config.ts';
import { cmsHosts } from './src/admin/cms-config.ts';
import { cmsWithoutCodeHighlighting } from './src/admin/vite-plugin.ts';
import { inlineScripts } from './src/build/inline-script.ts';
import { buildOptions, CACHE, siteUrl } from './src/build/options.ts';

// The build's settings from the environment, read once; the public address, SITE_URL over the
// config's url, which pages read as Astro's `site` (src/site/published-site.ts).
const options = buildOptions();
const address = siteUrl(options, site);

export default defineConfig({
  site: address,
  trailingSlash: 'always',
  // The toolbar covers the page's own content at phone widths, and the back office's buttons.
  devToolbar: { enabled: false },
  // Four pages at a time: while one page's file is written or copied from the last build,
  // another renders (a rebuild of 10,000 articles copies its unchanged pages 1.4 s sooner).
  build: { format: 'directory', concurrency: 4 },
  // A build copies the pages nothing changed from the last one (see src/build/page-key.ts),
  // kept with Astro's other caches in the project's own .cache/ (not in node_modules/, which
  // copies of the site share). `npm run build -- --force` renders every page again.
  cacheDir: CACHE.astro,
  // Astro's content store in files of 20 MiB, not one: as one file it is one string, which at
  // 100,000 articles (370 MB) failed the bundle ("Failed to convert rust `&str` into napi
  // `string`"), and at 10,000 a rebuild rendered 2.5 s slower with it (17.7–18.7 s against
  // 15.0–16.3 s). Astro 7.3's writer of the files measured each character's bytes with a
  // TextEncoder call of its own (hours at 100,000 articles): patches/astro+7.3.5.patch counts them.
  experimental: { incrementalBuild: true, collectionStorage: 'chunked' },
  // Articles are data: every one passes the allow-list (src/content-safety/), .md and .mdx.
  // No syntax colouring: it would write inline styles, which the allow-list removes.
  markdown: { processor: articleProcessor(), syntaxHighlight: false },
  // Pictures in articles get the column's width at most and a srcset (src/site/article-image.ts).
  image: { service: { entrypoint: './src/build/image-service.ts' } },
  // The build's stages, in their order, are src/build/integration.ts: checks → render →
  // [search index ‖ share cards] → deploy. It comes last: deploy hashes and compresses every file.
  integrations: [mdx(), lngaBuild({ options, siteUrl: address, cmsHosts: cmsHosts(site.cms) })],
  vite: {
    plugins: [tailwindcss(), cmsWithoutCodeHighlighting(), inlineScripts()],
    // The back office's fonts are files of the CMS package, served from node_modules/ in
    // `npm run dev`; allowed by their real path too, for copies of the site that link node_modules/.
    server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules/@sveltia/cms')] } },
    build: {
      rolldownOptions: {
        // Every .mdx page carries Astro's own "use astro:head-inject" directive, which
        // rolldown warns it may not keep; Astro reads it before bundling, so the boxed warning
        // on each build says nothing an editor or maintainer can act on. Others still show.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
