// The back office's configuration (Sveltia CMS, Decap-compatible), made from the article
// schema and the site configuration, so a field added to the schema appears in the editor's
// form with the label and hint written beside it in the schema (`.meta({ title, description })`).
import { z } from 'astro/zod';
import type { ImageFunction } from 'astro:content';
import { ARTICLES_FOLDER, articleSchema } from '../schemas/article.ts';
import type { CmsBackend, SiteConfig } from '../schemas/site.ts';

/** A form field of the CMS (only the options we use). */
export interface CmsField {
  name: string;
  label: string;
  hint?: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  options?: string[];
  fields?: CmsField[];
  field?: CmsField;
  [option: string]: unknown;
}

/** What a schema field's `.meta()` says for the editor. */
interface FieldMeta {
  title?: string;
  description?: string;
  /** Required in the form although the schema allows it missing (the date of an entry awaiting text). */
  editorRequired?: boolean;
  /** A paragraph rather than one line. */
  multiline?: boolean;
  /** Kept in the file but not shown in the form. */
  hidden?: boolean;
}

type Schema = z.core.$ZodType;

// The schema is read with a stand-in for Astro's image() helper, recognised by identity.
const IMAGE = z.string();
const stubImage = (() => IMAGE) as unknown as ImageFunction;

/** The article schema's fields, as the generator reads them. */
export function articleShape(): Record<string, Schema> {
  return articleSchema(stubImage).shape as Record<string, Schema>;
}

const kind = (schema: Schema): string => schema._zod.def.type;

/** The schema under optional/default wrappers and transforms: what an editor writes. */
function core(schema: Schema): { schema: Schema; optional: boolean; defaultValue?: unknown } {
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = schema._zod.def as unknown as Record<string, Schema> & { type: string; defaultValue?: unknown };
    if (def.type === 'optional' || def.type === 'default') {
      optional = true;
      if (def.type === 'default') defaultValue = def.defaultValue;
      schema = def['innerType']!;
    } else if (def.type === 'pipe') {
      // z.preprocess(fn, s) is a pipe from a transform; a value with a .transform() pipes out of the
      // value; a picture is a checked path piped into image().
      schema = kind(def['in']!) === 'transform' || def['out'] === IMAGE ? def['out']! : def['in']!;
    } else return defaultValue === undefined ? { schema, optional } : { schema, optional, defaultValue };
  }
}

/** The `.meta()` of a field, wherever in its wrappers it was written. */
function metaOf(schema: Schema): FieldMeta {
  const own = z.globalRegistry.get(schema) as FieldMeta | undefined;
  if (own?.title) return own;
  const def = schema._zod.def as unknown as Record<string, Schema>;
  const inner = def['innerType'] ?? def['in'];
  return inner ? metaOf(inner) : (own ?? {});
}

/** A CMS field for one schema field. Throws when the schema does not say what to call it. */
export function cmsField(name: string, field: Schema, path = name, override: Partial<FieldMeta> = {}): CmsField {
  const meta = { ...metaOf(field), ...override };
  if (!meta.title || !meta.description)
    throw new Error(
      `字段 ${path} 缺少编辑后台的名称或说明：在 src/schemas/article.ts 里加上 .meta({ title: '…', description: '…' })。 / Field ${path} needs .meta({ title, description }) for the back office.`,
    );
  const { schema, optional, defaultValue } = core(field);
  const base = {
    name,
    label: meta.title,
    hint: meta.description,
    required: !optional || meta.editorRequired === true,
  };
  if (meta.hidden) return hidden(name, defaultValue);
  if (schema === IMAGE) return { ...base, widget: 'image', choose_url: false };
  switch (kind(schema)) {
    case 'string':
      return { ...base, widget: meta.multiline ? 'text' : 'string' };
    case 'boolean':
      return { ...base, widget: 'boolean', default: defaultValue ?? false, required: false };
    case 'enum':
      return { ...base, widget: 'select', options: (schema as z.ZodEnum).options.map(String) };
    case 'union':
      // beijingDate: a date, written YYYY-MM-DD, picked from a calendar.
      return {
        ...base,
        widget: 'datetime',
        format: 'YYYY-MM-DD',
        date_format: 'YYYY-MM-DD',
        time_format: false,
      };
    case 'object':
      return { ...base, widget: 'object', collapsed: false, fields: objectFields(schema, path) };
    case 'array': {
      const element = (schema as unknown as z.ZodArray<Schema>).element;
      const item = core(element).schema;
      if (kind(item) === 'object')
        return { ...base, widget: 'list', required: false, fields: objectFields(item, path) };
      return { ...base, widget: 'list', required: false };
    }
    default:
      throw new Error(`字段 ${path} 的类型 ${kind(schema)} 还没有对应的编辑控件。 / No widget for ${path}.`);
  }
}

/** A field kept in the file with its value but not shown (a hidden field takes no label or hint). */
function hidden(name: string, value: unknown): CmsField {
  return { name, label: name, widget: 'hidden', default: value };
}

function objectFields(schema: Schema, path: string): CmsField[] {
  const shape = (schema as z.ZodObject).shape as Record<string, Schema>;
  return Object.entries(shape).map(([name, field]) => {
    const made = cmsField(name, field, `${path}.${name}`);
    // An attachment's file is a download, not a picture.
    return path === 'attachments' && name === 'file' ? { ...made, widget: 'file', choose_url: false } : made;
  });
}

/** Every field of the article schema, in schema order, as CMS fields. */
export function articleFields(): CmsField[] {
  return Object.entries(articleShape()).map(([name, field]) => cmsField(name, field));
}

/** The Decap-style backend block for the configured back office. */
export function cmsBackend(backend: CmsBackend, siteUrl: string): Record<string, unknown> {
  switch (backend.backend) {
    case 'gitea':
      return {
        name: 'gitea',
        repo: backend.repo,
        branch: backend.branch,
        base_url: backend.baseUrl,
        api_root: new URL('/api/v1', backend.baseUrl).href,
        // Signing in through the server's OAuth application (PKCE) where there is one, and always
        // with a personal access token (「使用访问令牌登录」), which needs no application.
        ...(backend.appId ? { app_id: backend.appId, auth_methods: ['oauth', 'token'] } : { auth_methods: ['token'] }),
        commit_messages: COMMIT_MESSAGES,
      };
    case 'github':
      return {
        name: 'github',
        repo: backend.repo,
        branch: backend.branch,
        ...(backend.authEndpoint ? { base_url: backend.authEndpoint } : {}),
        commit_messages: COMMIT_MESSAGES,
      };
    case 'local':
      // Sveltia CMS works on a folder only through a Git backend's 「使用本地仓库」 option, offered
      // on localhost. Gitea, as GitHub's status check would call GitHub; the repository's name is
      // the folder's in the guide's `git clone`.
      return { name: 'gitea', repo: 'lnga/lnga-site', branch: 'main', base_url: siteUrl, auth_methods: ['token'] };
  }
}

/** The other hosts the back office talks to (the Git server's API), for its Content-Security-Policy. */
export function cmsHosts(backend: CmsBackend): string[] {
  if (backend.backend === 'gitea') return [new URL(backend.baseUrl).origin];
  if (backend.backend === 'github') return ['https://api.github.com'];
  return [];
}

const COMMIT_MESSAGES = {
  create: '新增文章：{{slug}}',
  update: '修改文章：{{slug}}',
  delete: '删除文章：{{slug}}',
  uploadMedia: '上传文件：{{path}}',
  deleteMedia: '删除文件：{{path}}',
};

/**
 * Where the CMS writes a new article: `content/articles/<year>/<date>-<name>/index.md`, the
 * name being the headline (news) or `laomo-` and the person's name (profiles), as the editor
 * typed them; the build turns that folder name into a pinyin address (articleIdFromPath).
 * The year and date come from the article's date field, not from today.
 */
const ENTRY_PATH = "{{fields.date | date('YYYY')}}/{{slug}}/index";
const DATED = "{{fields.date | date('YYYY-MM-DD')}}";

/** The whole CMS configuration: a 劳模风采 form and a news form for the other columns. */
export function cmsConfig(site: SiteConfig): Record<string, unknown> {
  const profileColumn = site.columns.find((c) => c.slug === site.profileColumn)!.name;
  const newsColumns = site.columns.map((c) => c.name).filter((name) => name !== profileColumn);
  const fields = articleFields();
  const body: CmsField = {
    name: 'body',
    label: '正文',
    hint: '从 Word 复制过来即可；每段之间空一行。',
    widget: 'markdown',
    required: true,
    // No code blocks: their highlighter would load from another host.
    buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
    editor_components: ['image'],
  };
  const byName = (name: string) => fields.find((f) => f.name === name)!;
  const column = byName('column');
  const shared = {
    folder: ARTICLES_FOLDER,
    path: ENTRY_PATH,
    extension: 'md',
    format: 'frontmatter',
    create: true,
    // Pictures and attachments go into the article's folder, written `./name.jpg` as the schema asks.
    media_folder: '',
    public_folder: './',
    sortable_fields: { fields: ['date', 'title'], default: { field: 'date', direction: 'descending' } },
    summary: "{{title}}（{{date | date('YYYY-MM-DD')}}）",
    preview_path: '/news/{{slug}}/',
  };
  const profile = {
    ...shared,
    name: 'profiles',
    label: profileColumn,
    label_singular: `${profileColumn}文章`,
    description: '劳动模范的事迹：人物信息、照片和正文。',
    filter: { field: 'column', value: profileColumn },
    slug: `${DATED}-laomo-{{fields.person.name}}`,
    fields: [
      ...fields.map((f) =>
        f.name === 'column'
          ? { ...hidden('column', profileColumn), label: column.label }
          : f.name === 'person'
            ? { ...f, required: true }
            : f,
      ),
      body,
    ],
  };
  const news = {
    ...shared,
    name: 'news',
    label: '新闻与通知',
    label_singular: '文章',
    description: `${newsColumns.join('、')}的文章。`,
    filter: { field: 'column', value: newsColumns },
    slug: `${DATED}-{{fields.title}}`,
    fields: [
      ...fields
        .filter((f) => f.name !== 'person')
        .map((f) => (f.name === 'column' ? { ...column, options: newsColumns, default: newsColumns[0] } : f)),
      body,
    ],
  };
  // Entries whose text is still to come (only their headline is known) live as single files in
  // content/articles/awaiting/: the editor adds the date and text and turns 全文待补 off.
  const awaiting = {
    ...shared,
    name: 'awaiting',
    label: '全文待补',
    label_singular: '全文待补的条目',
    description: '只有标题的条目：写上发布日期和正文，关掉「全文待补」再保存，下次发布时上线。',
    folder: `${shared.folder}/awaiting`,
    path: '{{slug}}',
    create: false,
    delete: false,
    fields: [
      ...fields.map((f) =>
        f.name === 'awaitingText'
          ? { ...cmsField('awaitingText', articleShape()['awaitingText']!, 'awaitingText', { hidden: false }) }
          : f,
      ),
      { ...body, required: false },
    ],
  };
  return {
    load_config_file: false,
    backend: cmsBackend(site.cms, site.url),
    site_url: site.url,
    display_url: site.url,
    media_folder: ARTICLES_FOLDER,
    public_folder: '',
    // Pictures come from the editor's computer only: stock photo services are other hosts.
    media_libraries: { default: { config: { max_file_size: 20_000_000 } }, stock_assets: false },
    slug: { encoding: 'unicode', clean_accents: false, sanitize_replacement: '-', maxlength: 60 },
    output: { omit_empty_optional_fields: true },
    collections: [profile, news, awaiting],
  };
}
