import { defineCollection } from 'astro:content';
import { articleSchema } from './schemas/article.ts';
import { articleLoader } from './content-checks/loader.ts';

const articles = defineCollection({
  loader: articleLoader(),
  schema: ({ image }) => articleSchema(image),
});

export const collections = { articles };
