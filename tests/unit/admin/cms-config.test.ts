import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import {
  articleShape,
  cmsBackend,
  cmsConfig,
  cmsField,
  cmsHosts,
  type CmsField,
} from '../../../src/admin/cms-config.ts';
import { siteSchema } from '../../../src/schemas/site.ts';
import { site } from '../../../src/site.config.ts';

interface Collection {
  name: string;
  fields: CmsField[];
  [option: string]: unknown;
}

const config = cmsConfig(site) as { collections: Collection[]; [option: string]: unknown };
const collection = (name: string) => config.collections.find((c) => c.name === name)!;

/** Every field's key path in a CMS field list: `person.name`, `attachments.file`… */
const paths = (fields: CmsField[], prefix = ''): string[] =>
  fields.flatMap((f) => [`${prefix}${f.name}`, ...paths(f.fields ?? [], `${prefix}${f.name}.`)]);

/** Every key path of the schema, found by walking the Zod objects under it. */
function schemaPaths(shape: Record<string, z.core.$ZodType>, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, unknown>;
      items?: { properties?: Record<string, unknown> };
      anyOf?: { properties?: Record<string, unknown>; items?: { properties?: Record<string, unknown> } }[];
    };
    const nested =
      json.properties ??
      json.items?.properties ??
      json.anyOf?.find((o) => o.properties)?.properties ??
      json.anyOf?.find((o) => o.items?.properties)?.items?.properties;
    return [`${prefix}${name}`, ...Object.keys(nested ?? {}).map((key) => `${prefix}${name}.${key}`)];
  });
}

describe('cmsConfig', () => {
  test('every field of the article schema is in a form, every person field in the profile form', () => {
    const all = new Set([...paths(collection('profiles').fields), ...paths(collection('news').fields)]);
    const expected = schemaPaths(articleShape());
    expect(expected).toContain('person.portrait');
    expect(expected).toContain('attachments.file');
    for (const path of expected) expect(all, path).toContain(path);
    const profilePaths = paths(collection('profiles').fields);
    for (const path of expected.filter((p) => p.startsWith('person.'))) expect(profilePaths).toContain(path);
  });

  test('labels and hints come from the schema, in Chinese', () => {
    const title = collection('news').fields.find((f) => f.name === 'title')!;
    expect(title).toMatchObject({ label: '标题', widget: 'string', required: true });
    const person = collection('profiles').fields.find((f) => f.name === 'person')!;
    expect(person.fields!.map((f) => f.label)).toEqual(['姓名', '荣誉称号', '单位', '职务', '照片']);
    for (const field of [...collection('profiles').fields, ...collection('news').fields].flatMap((f) => [
      f,
      ...(f.fields ?? []),
    ])) {
      if (field.widget === 'hidden') continue;
      expect(field.label, field.name).toMatch(/\p{Script=Han}/u);
      expect(field.hint, field.name).toMatch(/\p{Script=Han}/u);
    }
  });

  test('a schema field without a Chinese name and hint stops the generator', () => {
    expect(() => cmsField('subtitle', z.string().optional())).toThrow(/subtitle.*\.meta\(\{ title/);
    expect(() => cmsField('subtitle', z.string().meta({ title: '副标题' }))).toThrow(/subtitle/);
    expect(cmsField('subtitle', z.string().optional().meta({ title: '副标题', description: '可不填。' }))).toEqual({
      name: 'subtitle',
      label: '副标题',
      hint: '可不填。',
      widget: 'string',
      required: false,
    });
  });

  test('picks each field’s widget from its type', () => {
    const fields = Object.fromEntries(collection('profiles').fields.map((f) => [f.name, f]));
    expect(fields['date']).toMatchObject({
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      time_format: false,
      required: true,
    });
    expect(fields['tags']).toMatchObject({ widget: 'list' });
    expect(fields['attachments']!.fields!.find((f) => f.name === 'file')).toMatchObject({ widget: 'file' });
    expect(fields['cover']).toMatchObject({ widget: 'image' });
    expect(fields['person']!.fields!.find((f) => f.name === 'portrait')).toMatchObject({ widget: 'image' });
    expect(fields['draft']).toMatchObject({ widget: 'boolean', default: false });
    expect(fields['summary']).toMatchObject({ widget: 'text' });
    expect(fields['awaitingText']).toMatchObject({ widget: 'hidden', default: false });
    expect(fields['person']).toMatchObject({ widget: 'object', required: true });
  });

  test('profiles are 劳模风采; the news form offers the other columns', () => {
    const profileColumn = site.columns.find((c) => c.slug === site.profileColumn)!.name;
    expect(collection('profiles').filter).toEqual({ field: 'column', value: profileColumn });
    expect(collection('profiles').fields.find((f) => f.name === 'column')).toMatchObject({
      widget: 'hidden',
      default: profileColumn,
    });
    const others = site.columns.map((c) => c.name).filter((n) => n !== profileColumn);
    expect(collection('news').fields.find((f) => f.name === 'column')).toMatchObject({
      widget: 'select',
      options: others,
    });
    expect(collection('news').filter).toEqual({ field: 'column', value: others });
  });

  test('writes new articles as .md front matter in their own dated folder, with their files beside them', () => {
    for (const c of [collection('profiles'), collection('news')]) {
      expect(c).toMatchObject({
        folder: 'content/articles',
        extension: 'md',
        format: 'frontmatter',
        media_folder: '',
        public_folder: './',
      });
      expect(c['path']).toBe("{{fields.date | date('YYYY')}}/{{slug}}/index");
      expect(c['slug']).toMatch(/^\{\{fields\.date \| date\('YYYY-MM-DD'\)\}\}-/);
    }
    expect(config['output']).toEqual({ omit_empty_optional_fields: true });
    expect(config['load_config_file']).toBe(false);
  });
  test('lets the editor complete the entries awaiting their text, where they are, but not create or delete any', () => {
    const awaiting = collection('awaiting');
    expect(awaiting).toMatchObject({
      folder: 'content/articles/awaiting',
      path: '{{slug}}',
      create: false,
      delete: false,
    });
    expect(awaiting.fields.find((f) => f.name === 'awaitingText')).toMatchObject({
      widget: 'boolean',
      label: '全文待补',
      default: false,
    });
    expect(awaiting.fields.find((f) => f.name === 'body')).toMatchObject({ widget: 'markdown', required: false });
    expect(awaiting.fields.find((f) => f.name === 'person')).toMatchObject({ required: false });
  });
});

describe('cmsBackend', () => {
  test('is configured in site.config.ts, local by default', () => {
    const parse = (cms?: unknown) => siteSchema.parse({ ...site, cms }).cms;
    expect(parse()).toEqual({ backend: 'local' });
    expect(cmsBackend(parse(), site.url)).toMatchObject({ name: 'gitea', auth_methods: ['token'] });
    const gitea = parse({ backend: 'gitea', repo: 'lnga/site', baseUrl: 'https://git.example.org', appId: 'abc' });
    expect(cmsBackend(gitea, site.url)).toMatchObject({
      name: 'gitea',
      repo: 'lnga/site',
      branch: 'main',
      base_url: 'https://git.example.org',
      api_root: 'https://git.example.org/api/v1',
      app_id: 'abc',
      auth_methods: ['oauth', 'token'],
    });
    // Without an OAuth application, editors sign in with a personal access token.
    const tokenOnly = parse({ backend: 'gitea', repo: 'lnga/site', baseUrl: 'https://git.example.org' });
    expect(cmsBackend(tokenOnly, site.url)).toMatchObject({ name: 'gitea', auth_methods: ['token'] });
    expect(cmsBackend(tokenOnly, site.url)).not.toHaveProperty('app_id');
    expect(cmsHosts(gitea)).toEqual(['https://git.example.org']);
    const github = parse({ backend: 'github', repo: 'lnga/site' });
    expect(cmsBackend(github, site.url)).toMatchObject({ name: 'github', repo: 'lnga/site' });
    expect(() => parse({ backend: 'wordpress' })).toThrow(/local、gitea 或 github/);
  });
});
