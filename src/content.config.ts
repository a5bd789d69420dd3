import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { articleIdFromPath } from './lib/slug.ts';

const articles = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: './content/articles',
    generateId: ({ entry }) => articleIdFromPath(entry),
  }),
  schema: ({ image }) => articleSchema(image),
});

export const collections = { articles };
