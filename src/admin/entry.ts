// Starts the back office in the browser: Sveltia CMS from npm (so nothing loads from another
// host), in Chinese, previewing articles with the site's own styles.
import CMS from '@sveltia/cms';
import siteCss from '../styles/global.css?inline';

/** Sveltia CMS keeps the editor's preferences, its interface language among them, under this key. */
const PREFS_KEY = 'sveltia-cms.prefs';

/** Chinese unless the editor chose another language in the CMS's settings. */
function preferChinese(): void {
  try {
    const prefs = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Record<string, unknown>;
    if (!prefs['locale']) localStorage.setItem(PREFS_KEY, JSON.stringify({ ...prefs, locale: 'zh-CN' }));
  } catch {
    // Storage may be off; the browser's language decides then.
  }
}

preferChinese();
type Config = NonNullable<Parameters<typeof CMS.init>[0]>['config'];
// Made at build time by src/admin/cms-config.ts, from the schema.
const config = JSON.parse(document.getElementById('cms-config')!.textContent!) as Config;
CMS.registerPreviewStyle(siteCss, { raw: true });
void CMS.init({ config });
