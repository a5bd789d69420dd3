import { describe, expect, test } from 'vitest';
import { renameClasses, renamedStylesheet, shortenClasses } from '../../../src/build/class-names.ts';
import { linkShortened } from '../../../src/build/deploy.ts';

const CSS =
  '@layer theme{:root{--spacing:.25rem}}' +
  '@layer components{.site-nav{margin:0}.site-nav a{color:red}.a{color:blue}}' +
  '@layer utilities{.mx-auto{margin-inline:auto}.mt-0\\.5{margin-top:.125rem}.hidden{display:none}' +
  '.sm\\:px-12{}@media (width>=40rem){.sm\\:px-12{padding-inline:3rem}}' +
  '.\\[\\[data-js\\]_\\&\\]\\:flex:is([data-js] *){display:flex}}' +
  '@media print{.mx-auto{margin:0}}';

describe('shorter class names', () => {
  test('renames the utilities everywhere in the stylesheet, and nothing in declarations or at-rules', () => {
    const { css, names } = shortenClasses(CSS, '');
    expect([...names.keys()]).toEqual(['[[data-js]_&]:flex', 'hidden', 'mt-0.5', 'mx-auto', 'sm:px-12']);
    // `a` is a class the stylesheet has already: no utility takes its name.
    expect(names.get('[[data-js]_&]:flex')).toBe('b');
    expect(css).toContain('.c{display:none}');
    expect(css).toContain('.d{margin-top:.125rem}');
    expect(css).toContain('@media (width>=40rem){.f{padding-inline:3rem}}');
    expect(css).toContain('.b:is([data-js] *){display:flex}');
    expect(css).toContain('@media print{.e{margin:0}}');
    expect(css).toContain('.site-nav a{color:red}');
    expect(css).toContain('--spacing:.25rem');
  });

  test('keeps the names a script mentions', () => {
    const { css, names } = shortenClasses(CSS, `el.className = 'mx-auto hidden';`);
    expect(names.has('mx-auto')).toBe(false);
    expect(names.has('hidden')).toBe(false);
    expect(css).toContain('.mx-auto{margin-inline:auto}');
    expect(css).toContain('.hidden{display:none}');
  });

  test('renames the classes of class attributes only, entities and all', () => {
    const { names } = shortenClasses(CSS, '');
    const html =
      '<div class="mx-auto site-nav sm:px-12"><p class="[[data-js]_&amp;]:flex  mt-0.5">mx-auto</p>' +
      '<code>class="mx-auto"</code><i data-class="mx-auto"></i></div>';
    expect(renameClasses(html, names)).toBe(
      '<div class="e site-nav f"><p class="b  d">mx-auto</p><code>class="mx-auto"</code><i data-class="mx-auto"></i></div>',
    );
  });

  test('a changed stylesheet gets a name of its own', () => {
    const one = renamedStylesheet('_slug_.CyIbtavM.css', '.a{}');
    expect(one).toMatch(/^_slug_\.[\w-]{8}\.css$/);
    expect(one).not.toBe('_slug_.CyIbtavM.css');
    expect(renamedStylesheet('_slug_.CyIbtavM.css', '.a{}')).toBe(one);
    expect(renamedStylesheet('_slug_.CyIbtavM.css', '.b{}')).not.toBe(one);
    expect(renamedStylesheet('style.css', '.a{}')).toMatch(/^style\.[\w-]{8}\.css$/);
  });

  test('a page links its stylesheet by the new name, with the new classes; two such stylesheets stop the build', () => {
    const stylesheets = new Map([
      ['/_astro/a.1.css', { href: '/_astro/a.2.css', names: new Map([['mx-auto', 'q']]) }],
      ['/_astro/b.1.css', { href: '/_astro/b.2.css', names: new Map([['mx-auto', 'r']]) }],
    ]);
    const page = '<link rel="stylesheet" href="/_astro/a.1.css"><main class="mx-auto">';
    expect(linkShortened(page, stylesheets)).toBe('<link rel="stylesheet" href="/_astro/a.2.css"><main class="q">');
    expect(linkShortened('<main class="mx-auto">', stylesheets)).toBe('<main class="mx-auto">');
    expect(() =>
      linkShortened(`${page}<link rel="stylesheet" href="/_astro/b.1.css">`, stylesheets, 'dist/index.html'),
    ).toThrow(/dist\/index.html/);
  });
});
