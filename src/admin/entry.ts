// Starts the back office in the browser: Sveltia CMS from npm (so nothing loads from another
// host), in Chinese, previewing articles with the site's own styles.
import CMS from '@sveltia/cms';
import siteCss from '../styles/site.css?inline';
import { articlePreview } from './preview.ts';

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

/**
 * Keeps the interface as the CMS draws it, with two corrections, made whenever the CMS adds
 * to the page's head: the editor may zoom (the CMS's viewport forbids it with maximum-scale=1,
 * which older editors need and WCAG asks for), and no font is fetched from another host (the
 * CMS's stylesheet names a CDN copy of the fonts it also bundles and registers itself).
 */
function correctHead(): void {
  const fix = () => {
    for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="viewport"]')) {
      const content = meta.content.replace(/,?\s*(maximum-scale|user-scalable)=[^,]*/g, '');
      if (content !== meta.content) meta.content = content;
    }
    for (const style of document.querySelectorAll('style')) {
      const css = style.textContent ?? '';
      if (!/url\(\s*['"]?https?:/.test(css)) continue;
      style.textContent = css.replace(/src:\s*url\(\s*['"]?https?:\/\/[^;}]*;?/g, '');
    }
  };
  new MutationObserver(fix).observe(document.head, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  });
  fix();
}

preferChinese();
correctHead();
type Config = NonNullable<Parameters<typeof CMS.init>[0]>['config'];
// Made at build time by src/admin/cms-config.ts, from the schema.
const config = JSON.parse(document.getElementById('cms-config')!.textContent!) as Config;
CMS.registerPreviewStyle(siteCss, { raw: true });
// The CMS sets window.h (React's createElement) when it loads.
const preview = articlePreview(
  (window as unknown as { h: Parameters<typeof articlePreview>[0] }).h,
  document.getElementById('cms-config')!.dataset['defaultSource']!,
);
for (const { name } of (config as { collections: { name: string }[] }).collections)
  CMS.registerPreviewTemplate(name, preview as Parameters<typeof CMS.registerPreviewTemplate>[1]);
void CMS.init({ config });
