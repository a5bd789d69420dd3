import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist/', '.dist/', '.astro/', '.tmp/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      // __PREVIEW_UNPUBLISHED__, __PAGE_FILES__ and __SEARCH_SHARDS__ are defined at build time (src/env.d.ts).
      globals: {
        ...globals.node,
        ...globals.browser,
        __PREVIEW_UNPUBLISHED__: 'readonly',
        __PAGE_FILES__: 'readonly',
        __SEARCH_SHARDS__: 'readonly',
      },
    },
    rules: {
      // `const { field: _, ...rest } = data` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
  {
    // Site rules run in every page and in unit tests, browser code in the reader's browser and
    // search/shared/ in both: none may lean on Node, so each stays testable and shippable.
    files: ['src/site/**', 'src/search/shared/**', 'src/search/browser/**', 'src/schemas/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util'],
              message:
                'Site rules and browser code import nothing of Node: do file work in src/build/ or an integration.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pages publish at the address the build was given (SITE_URL or the config's url).
    files: ['src/pages/**', 'src/layouts/**', 'src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/site.config.ts'],
              message:
                "Take the site from src/site/published-site.ts: its url is the address this build publishes at, SITE_URL's or the config's.",
            },
          ],
        },
      ],
    },
  },
);
