// The site as a build publishes it, for pages, layouts and components: the association's facts
// from src/site.config.ts at the public address Astro was given (`site` in astro.config.mjs:
// SITE_URL over the config's url, worked out once by src/build/options.ts `siteUrl`). Vite
// writes that address in as import.meta.env.SITE; code run by plain Node takes it from options.
import type { SiteConfig } from '../schemas/site.ts';
import { site as config } from '../site.config.ts';

export const site: SiteConfig = { ...config, url: import.meta.env.SITE };
