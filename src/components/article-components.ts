// The components the article page hands to MDX articles: exactly those of the allow-list
// (src/content-safety/components.ts), which the type below holds to the same names.
import type { ARTICLE_COMPONENTS } from '../content-safety/components.ts';
import Signoff from './Signoff.astro';

export const articleComponents: Record<keyof typeof ARTICLE_COMPONENTS, unknown> = { Signoff };
