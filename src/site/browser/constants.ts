// Names the pages' scripts share with each other and with the build, written once: the
// inline scripts import them (src/build/inline-script.ts bundles them in), and so do the
// search's browser code and its integration. Runs in the reader's browser: nothing of Node.
// Plain literals only: a script that leaves one unused then carries none of it.

/** Where the reader's 字号 (s, m or l) is kept: set by the buttons, applied before first paint. */
export const FONT_KEY = 'lnga-font';

/** Where the reader's 关怀模式 (on or off) is kept. */
export const CARE_KEY = 'lnga-care';

/** The folder of the search's browser code: the build bundles it there, the dev server serves it. */
export const SEARCH_DIR = '/_search/';

/** The search module in SEARCH_DIR (`search.js`), which the boot script loads when a reader reaches for search. */
export const SEARCH_ENTRY = 'search';

/** The traditional → simplified table in SEARCH_DIR, fetched only for a query that needs it. */
export const TRADITIONAL_TABLE = 't2s.json';
