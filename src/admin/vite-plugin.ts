import type { Plugin } from 'vite';

const HIGHLIGHTING = /^@shikijs\/(langs|themes)\//;
const STUB = '\0lnga-cms-no-highlighting';

/**
 * Leaves the CMS's code highlighting (some 250 language and theme files, 12 MB) out of the
 * build: the back office offers no code blocks (see cms-config.ts), so none is ever loaded.
 * Only imports from the CMS are stubbed; the site's own Markdown is not touched.
 */
export function cmsWithoutCodeHighlighting(): Plugin {
  return {
    name: 'lnga-cms-without-code-highlighting',
    enforce: 'pre',
    resolveId(id, importer) {
      if (HIGHLIGHTING.test(id) && importer?.includes('@sveltia')) return STUB;
      return null;
    },
    load(id) {
      return id === STUB ? 'export default [];' : null;
    },
  };
}
