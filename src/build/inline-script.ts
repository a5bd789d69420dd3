// The scripts every page carries inline (the saved 字号 and 关怀模式 in <head>, the boot script
// at the end of <body>) are imported as text with `?inline-script`, and arrive minified:
// comments, type annotations and whitespace are for the people who read the source, not for
// each reader's download. TypeScript or JavaScript alike; the Content-Security-Policy hashes
// what the page holds (see deploy.ts), so the minified text is what it allows.
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

const QUERY = '?inline-script';

/** Minified text of a browser script, `.js` or `.ts`. */
export async function minifyScript(source: string, file: string): Promise<string> {
  const { code } = await transform(source, {
    loader: /\.[cm]?ts$/.test(file) ? 'ts' : 'js',
    minify: true,
    // Chinese messages as they are: \uXXXX escapes would triple their bytes.
    charset: 'utf8',
    legalComments: 'none',
    sourcefile: file,
  });
  return code.trim();
}

/** Vite plugin: `import code from './x.js?inline-script'` gives the file's minified text. */
export function inlineScripts(): Plugin {
  return {
    name: 'lnga-inline-scripts',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(QUERY)) return null;
      const file = id.slice(0, -QUERY.length);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(await minifyScript(await readFile(file, 'utf8'), file))};`;
    },
  };
}
