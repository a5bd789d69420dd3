// Filling in the back office's (Sveltia CMS's) forms as an editor does, by the labels the
// editor reads; shared by the back office's tests and the screenshots in docs/.
import type { Locator, Page } from 'playwright-core';

/** A field of the CMS's form by its label (the CMS wraps labels in invisible direction marks). */
export const field = (scope: Page | Locator, label: string): Locator =>
  scope.getByRole('group', { name: new RegExp(`^「.?${label}.?」字段$`) });

/** Scrolls the form until the field is drawn (the CMS draws fields as they come into view). */
export async function reveal(page: Page, label: string): Promise<Locator> {
  const found = field(page, label);
  for (let i = 0; i < 30 && (await found.count()) === 0; i++) {
    await page.mouse.move(300, 500);
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(100);
  }
  await found.scrollIntoViewIfNeeded();
  return found;
}

/** Types into a text field, found by its label. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  await (await reveal(page, label)).getByRole('textbox').first().fill(value);
}

/** Uploads a file through a picture or file field: 浏览, then 上传 in the CMS's dialog, then 插入. */
export async function upload(page: Page, scope: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
  await scope.getByRole('button', { name: '浏览' }).click();
  const dialog = page.getByRole('dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '上传' }).click();
  await (await chooser).setFiles(file);
  await dialog.getByRole('option', { name: file.name }).waitFor();
  await dialog.getByRole('button', { name: '插入' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** What an editor types into a 劳模 profile's form. */
export interface ProfileForm {
  title: string;
  date: string;
  name: string;
  honour: string;
  body: string;
}

/** Fills in an open profile form: headline, date, name, honour, the portrait (a PNG) as 照片, and the text. */
export async function fillProfile(page: Page, profile: ProfileForm, portrait: { name: string; buffer: Buffer }) {
  await fill(page, '标题', profile.title);
  await fill(page, '发布日期', profile.date);
  await fill(page, '姓名', profile.name);
  await fill(page, '荣誉称号', profile.honour);
  await upload(page, await reveal(page, '照片'), { ...portrait, mimeType: 'image/png' });
  await (await reveal(page, '正文')).getByRole('textbox').fill(profile.body);
}
