import { describe, expect, test } from 'vitest';
import { navigation } from '../../../src/site/navigation.ts';
import { site } from '../../../src/site.config.ts';

describe('navigation', () => {
  test('starts with 首页 and resolves columns to their pages', () => {
    const links = navigation(site);
    expect(links[0]).toEqual({ label: '首页', href: '/', key: 'home' });
    expect(links.map((l) => l.label)).toEqual(['首页', '协会动态', '通知公告', '行业资讯', '劳模风采', '政策法规']);
    expect(links[4]).toEqual({ label: '劳模风采', href: '/column/laomo-fengcai/', key: 'laomo-fengcai' });
  });
  test('keeps free links as given', () => {
    const links = navigation({ ...site, nav: [{ label: '关于协会', href: '/about/' }] });
    expect(links[1]).toEqual({ label: '关于协会', href: '/about/', key: '/about/' });
  });
});
