import { z } from 'astro/zod';

/** A column (栏目): a named stream of articles with its own page and feed. */
export const columnSchema = z.object({
  /** Name shown to readers and written by editors in `column:`, e.g. 协会动态. */
  name: z.string().min(1),
  /** Pinyin URL segment, e.g. xiehui-dongtai. Never change it once published. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'slug 只能用小写拼音、数字和连字符 / slug: lowercase pinyin, digits and hyphens only',
  }),
  /** One sentence shown under the column heading. */
  description: z.string().min(1),
  /** Position in navigation and on the home page, smallest first. */
  order: z.number().int(),
});

/** A navigation item: a column by slug, or any other page by label and path. */
export const navItemSchema = z.union([
  z.object({ column: z.string() }),
  z.object({ label: z.string().min(1), href: z.string().startsWith('/') }),
]);

const SITE_URL_ERROR =
  'url（或 SITE_URL）须是网站的公开地址，只写协议和域名，结尾不加 /，如 https://www.example.org / ' +
  'url (or SITE_URL): the public address, scheme and host only, no trailing slash, e.g. https://www.example.org';

/** Where the back office (`/admin/`) reads and saves articles. */
export const cmsBackendSchema = z.discriminatedUnion(
  'backend',
  [
    /** On one computer: `npm run dev`, then the site folder is chosen in Chrome or Edge; saves are files. */
    z.strictObject({ backend: z.literal('local') }),
    /** A Gitea or Forgejo server: editors sign in in the browser, every save is a commit. */
    z.strictObject({
      backend: z.literal('gitea'),
      /** owner/name of the repository, e.g. lnga/site. */
      repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
      /** The server's address, e.g. https://git.example.org. */
      baseUrl: z.url(),
      /**
       * Client ID of the OAuth2 application made on that server (see docs/editing-guide.md), for
       * 「使用 Gitea / Forgejo 登录」. Without it editors sign in with a personal access token only.
       */
      appId: z.string().min(1).optional(),
      branch: z.string().min(1).default('main'),
    }),
    /** A GitHub repository; `authEndpoint` is the OAuth helper's address (see docs/editing-guide.md). */
    z.strictObject({
      backend: z.literal('github'),
      repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
      branch: z.string().min(1).default('main'),
      authEndpoint: z.url().optional(),
    }),
  ],
  { error: 'cms.backend 只能是 local、gitea 或 github / cms.backend: local, gitea or github' },
);

/** The association's facts and the site's settings. */
export const siteSchema = z
  .object({
    /** Full name of the association, first in the header and every title. */
    name: z.string().min(1),
    /** The sister association named beside it, e.g. 辽宁省服装设计师协会. */
    partnerName: z.string().min(1),
    /** One sentence about the site, for the home page description. */
    description: z.string().min(1),
    /**
     * The site's public address, scheme and host only (https://www.example.org): canonical
     * links, og:image, the sitemap, the feeds and robots.txt are written with it. The
     * environment variable SITE_URL overrides it; a production build refuses localhost.
     */
    url: z
      .url({ protocol: /^https?$/, error: SITE_URL_ERROR })
      .refine((url) => URL.parse(url)?.origin === url, { error: SITE_URL_ERROR }),
    /** Default 来源 of an article that does not name one. */
    defaultSource: z.string().min(1),
    columns: z.array(columnSchema).min(1),
    /** Header navigation after 首页. */
    nav: z.array(navItemSchema),
    /** Slug of the column whose profiles make up the 劳模风采 gallery. */
    profileColumn: z.string(),
    /** Articles per column page. */
    pageSize: z.number().int().min(5).default(20),
    /**
     * How many of the newest articles get a share card drawn for them (featured articles and
     * profiles always do); older ones share the site's card. See share-card/card.ts.
     */
    shareCardLimit: z.number().int().min(0).default(2000),
    /** Items in the RSS feed. */
    feedLimit: z.number().int().min(1).default(50),
    /**
     * What each feed item carries: `full`, the whole article (so it reads in a feed reader), or
     * `summary`, its summary or opening sentences (so readers come to the site for the rest).
     */
    feedContent: z
      .enum(['full', 'summary'], {
        error: 'feedContent 只能是 full（全文）或 summary（摘要） / feedContent: `full` or `summary`',
      })
      .default('full'),
    footer: z.object({
      address: z.string().min(1),
      phone: z.string().min(1),
      fax: z.string().min(1),
      email: z.email(),
      copyright: z.string().min(1),
    }),
    /** ICP licence (辽ICP备…号), linked to the national register. */
    icp: z.object({ number: z.string().min(1), link: z.url() }),
    /** 公安备案 number, e.g. 辽公网安备 21010202000000号; shown only when set. */
    police: z.object({ number: z.string().min(1), link: z.url() }).optional(),
    /** The back office (`/admin/`): `local` on one computer, or a Git server for a team. */
    cms: cmsBackendSchema.default({ backend: 'local' }),
  })
  .superRefine((site, ctx) => {
    const seen = new Set<string>();
    for (const column of site.columns) {
      for (const key of [column.name, column.slug]) {
        if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `栏目重复：${key} / duplicate column ${key}` });
        seen.add(key);
      }
    }
    const slugs = new Set(site.columns.map((c) => c.slug));
    for (const item of site.nav) {
      if ('column' in item && !slugs.has(item.column))
        ctx.addIssue({ code: 'custom', message: `导航中的栏目不存在：${item.column} / unknown column in nav` });
    }
    if (!slugs.has(site.profileColumn))
      ctx.addIssue({ code: 'custom', message: `profileColumn 不是已有栏目：${site.profileColumn}` });
  });

export type SiteConfig = z.infer<typeof siteSchema>;
export type Column = z.infer<typeof columnSchema>;
export type CmsBackend = z.infer<typeof cmsBackendSchema>;
