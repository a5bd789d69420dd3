// The scripts every page carries inline (the saved 字号 and 关怀模式 in <head>, the boot script
// at the end of <body>) are imported as text with `?inline-script`, and arrive minified:
// comments, type annotations and whitespace are for the people who read the source, not for
// each reader's download. TypeScript or JavaScript alike, with the modules they import (the
// names they share with the build, src/site/browser/constants.ts) bundled in, each in a
// function of its own so two scripts on a page never share a name. The Content-Security-Policy
// hashes what the page holds (see deploy.ts), so the minified text is what it allows.
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const QUERY = '?inline-script';

/** Minified text of a browser script, `.js` or `.ts`, with what it imports; and the files it read. */
export async function minifyScript(file: string): Promise<{ code: string; inputs: string[] }> {
  const { outputFiles, metafile } = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    minify: true,
    // The syntax these scripts have always been read in (ES2019): newer syntax in the source
    // (`??`, `||=`) is rewritten for the older phones and office PCs some readers still use.
    target: 'es2019',
    // Chinese messages as they are: \uXXXX escapes would triple their bytes.
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    tsconfigRaw: {},
  });
  return { code: outputFiles[0]!.text.trim(), inputs: Object.keys(metafile.inputs) };
}

/** Vite plugin: `import code from './x.ts?inline-script'` gives the file's minified text. */
export function inlineScripts(): Plugin {
  return {
    name: 'lnga-inline-scripts',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(QUERY)) return null;
      const { code, inputs } = await minifyScript(id.slice(0, -QUERY.length));
      for (const input of inputs) this.addWatchFile(input);
      return `export default ${JSON.stringify(code)};`;
    },
  };
}
