import { describe, expect, test } from 'vitest';
import { articleIdFromPath, isSlug, nameSlug, slugify, uniqueSlug } from '../../../src/site/slug.ts';

describe('articleIdFromPath', () => {
  test('uses the file name, whatever the folder', () => {
    expect(articleIdFromPath('2022/laomo-liu-yi.mdx')).toBe('laomo-liu-yi');
    expect(articleIdFromPath('awaiting/laomo-wu-qi.md')).toBe('laomo-wu-qi');
  });
  test('uses the folder name for index files', () => {
    expect(articleIdFromPath('2022/laomo-liu-yi/index.mdx')).toBe('laomo-liu-yi');
    expect(articleIdFromPath('2024\\foo\\index.md')).toBe('foo');
  });
  test('turns the back office’s dated Chinese folder names into the slugs npm run new gives', () => {
    expect(articleIdFromPath('2024/2024-05-20-辽宁省纺织服装协会召开2024年会员代表大会/index.md')).toBe(
      'zhao-kai-2024-nian-hui-yuan-dai-biao',
    );
    expect(articleIdFromPath('2024/2024-05-20-laomo-谷冬昭/index.md')).toBe('laomo-gu-dongzhao');
    expect(articleIdFromPath('2024/2024-05-20-全国纺织工业劳动模范——张三：扎根一线/index.md')).toBe(
      'zhang-san-zha-gen-yi-xian',
    );
  });
  test('uses the date when the headline is only the association’s name', () => {
    expect(articleIdFromPath('2024/2024-05-20-辽宁省纺织服装协会/index.md')).toBe('2024-05-20');
  });
});

describe('slugify', () => {
  test('turns a profile headline into readable pinyin', () => {
    expect(slugify('劳模风采 | 全国纺织工业劳动模范——刘毅:不忘初心抓主业 一心一意谋发展', 4)).toBe('liu-yi-bu-wang');
  });
  test('keeps digits and Latin words', () => {
    expect(slugify('关于2024年ABC展会的通知', 6)).toBe('guan-yu-2024-nian-abc-zhan');
  });
  test('cuts at the end of a word, never inside one', () => {
    // 6 syllables would end inside 协会 (…-xie); the slug stops after 服装 instead.
    expect(slugify('省纺织服装协会召开大会', 6)).toBe('sheng-fang-zhi-fu-zhuang');
    expect(slugify('省纺织服装协会召开大会', 7)).toBe('sheng-fang-zhi-fu-zhuang-xie-hui');
    expect(slugify('召开2024年会员代表大会', 9)).toBe('zhao-kai-2024-nian-hui-yuan-dai-biao');
  });
  test('drops the association’s name at the start, as most news begins with it', () => {
    expect(slugify('辽宁省纺织服装协会召开2024年会员代表大会')).toBe('zhao-kai-2024-nian-hui-yuan-dai-biao');
    expect(slugify('辽宁省服装设计师协会举办设计大赛')).toBe('ju-ban-she-ji-da-sai');
    expect(slugify('辽宁省纺织服装协会')).toBe('');
  });
  test('writes ü as v', () => {
    expect(slugify('绿色', 2)).toBe('lv-se');
  });
});

describe('nameSlug', () => {
  test('writes surname, then the given name as one word', () => {
    expect(nameSlug('刘毅')).toBe('liu-yi');
    expect(nameSlug('谷冬昭')).toBe('gu-dongzhao');
    expect(nameSlug('王丹凤')).toBe('wang-danfeng');
  });
  test('reads surnames as surnames and keeps two-character surnames together', () => {
    expect(nameSlug('单雄信')).toBe('shan-xiongxin');
    expect(nameSlug('欧阳娜娜')).toBe('ouyang-nana');
  });
  test('slugifies a name that is not all Chinese', () => {
    expect(nameSlug('Anna Li')).toBe('anna-li');
  });
});

describe('uniqueSlug', () => {
  test('keeps a free slug and numbers a taken one from 2', () => {
    expect(uniqueSlug('liu-yi', new Set())).toBe('liu-yi');
    expect(uniqueSlug('liu-yi', new Set(['liu-yi']))).toBe('liu-yi-2');
    expect(uniqueSlug('liu-yi', new Set(['liu-yi', 'liu-yi-2']))).toBe('liu-yi-3');
  });
});

describe('isSlug', () => {
  test('accepts lowercase words joined by hyphens only', () => {
    expect(isSlug('laomo-liu-yi')).toBe(true);
    expect(isSlug('2024-tongzhi')).toBe(true);
    for (const bad of ['Liu-Yi', 'liu_yi', 'liu--yi', '-liu', 'liu-', '刘毅', '']) expect(isSlug(bad)).toBe(false);
  });
});
