/**
 * True in `astro dev` only (set by the build integration, src/build/integration.ts, from the
 * command, not from DEV or NODE_ENV, which shells and test runners set): previews drafts and
 * scheduled articles.
 */
declare const __PREVIEW_UNPUBLISHED__: boolean;

/**
 * The files of src/pages, relative to it, as the build integration read them when the config
 * was set up: the pages the route model (src/site/routes.ts) gives an address.
 */
declare const __PAGE_FILES__: readonly string[];

/**
 * How many shards the search index has (see search/shared/shards.ts): set by the search
 * integration when it bundles the browser code.
 */
declare const __SEARCH_SHARDS__: number;

/** A browser script's minified text, for inlining (src/build/inline-script.ts). */
declare module '*?inline-script' {
  const code: string;
  export default code;
}
