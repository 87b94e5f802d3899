import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { goOffline, waitForServiceWorker } from './helpers';

const documents = (name: string) => fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url));
const REVIEW = { name: 'ตรวจทานก่อนบันทึก' };
const AGENCY = 'องค์การบริหารส่วนตำบลเรือเสาะออก';

/** Saves the review on screen and waits for the plan page. */
async function saveReview(page: Page) {
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
}

async function expectPlanWithSevenMeasures(page: Page) {
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: AGENCY })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'มาตรการ (7)' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /^ความคืบหน้ามาตรการที่ \d/ })).toHaveCount(7);
}

const planCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('ita-tracker');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('plans').objectStore('plans').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
  );

test.describe('importing a measures document', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await waitForServiceWorker(page);
  });

  test('offline, "try the example" parses and saves the bundled document', async ({ page, context }) => {
    await goOffline(context, page);
    await page.getByRole('link', { name: 'ลองใช้แผนตัวอย่าง' }).click();
    const review = page.getByRole('form', REVIEW);
    await expect(review).toBeVisible();
    await expect(review.getByRole('group', { name: /^มาตรการที่ \d/ })).toHaveCount(7);
    // Folded measures open from the keyboard; the warning sits with the indicators it is about.
    const m2 = review.getByRole('group', { name: /^มาตรการที่ 2/ });
    await m2.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(m2.getByRole('group', { name: 'คำเตือนเรื่องตัวชี้วัดของมาตรการที่ 2' })).toContainText(
      'ชื่อของตัวชี้วัดที่ 6',
    );
    await saveReview(page);
    await expectPlanWithSevenMeasures(page);
    await expect(page.getByText(/นำเข้าแผนแล้ว 7 มาตรการ/)).toBeVisible();
  });

  test('offline, a Word document opened through the file chooser is read and saved', async ({
    page,
    context,
  }) => {
    await page.getByRole('link', { name: 'นำเข้าเอกสารมาตรการของหน่วยงาน' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'นำเข้าเอกสารมาตรการ' })).toBeVisible();
    await goOffline(context, page);
    await page.getByLabel(/เลือกไฟล์เอกสารมาตรการ/).setInputFiles(documents('example.docx'));
    const review = page.getByRole('form', REVIEW);
    await expect(review).toBeVisible({ timeout: 20_000 });
    await expect(review.getByRole('group', { name: /^มาตรการที่ \d/ })).toHaveCount(7);
    await expect(review.getByText(/อ่านจาก example\.docx/)).toBeVisible();
    await saveReview(page);
    await expectPlanWithSevenMeasures(page);
  });

  test('offline, a PDF is read through pdf.js and its worker', async ({ page, context }) => {
    await page.goto('/import');
    await goOffline(context, page);
    await page.getByLabel(/เลือกไฟล์เอกสารมาตรการ/).setInputFiles(documents('example.pdf'));
    const review = page.getByRole('form', REVIEW);
    await expect(review).toBeVisible({ timeout: 20_000 });
    await expect(review.getByRole('group', { name: /^มาตรการที่ \d/ })).toHaveCount(7);
    await expect(review.getByText(/อ่านจาก example\.pdf/)).toBeVisible();
  });

  test('a 2569 PDF that lost its ำ: repairs said in one line, O-codes kept, saved from the keyboard', async ({
    page,
  }) => {
    await page.goto('/import');
    await page.getByLabel(/เลือกไฟล์เอกสารมาตรการ/).setInputFiles(documents('province-2569-lost-sara-am.pdf'));
    const review = page.getByRole('form', REVIEW);
    await expect(review).toBeVisible({ timeout: 20_000 });
    await expect(
      review.getByText(/^ซ่อมข้อความที่เสียจากการแปลงไฟล์ คำ \d+ แห่ง และ อักษรที่ฟอนต์เก็บเป็นรหัสพิเศษ \d+ ตัว เช่น “/),
    ).toBeVisible();
    await expect(review.getByLabel('อ่านรหัสข้อ (i/e/o) ตามเกณฑ์ ITA ปี')).toHaveValue('2569');
    await expect(review.getByLabel('ชื่อหน่วยงาน')).toHaveValue('สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดน่าน');
    const m1 = review.getByRole('group', { name: /^มาตรการที่ 1/ });
    await m1.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(m1.getByLabel('รหัสข้อ (เอกสารเขียน O10)')).toHaveValue('o10');
    await expect(m1.getByLabel('ชื่อมาตรการที่ 1')).toHaveValue('การเปิดเผยข้อมูลการให้บริการออนไลน์');
    // The save bar stays on screen at the bottom while the review is scrolled.
    const save = page.getByRole('button', { name: 'บันทึก', exact: true });
    await expect(save).toBeInViewport();
    await save.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: 'มาตรการ (2)' })).toBeVisible();
  });

  test('a junk file shows a Thai error and adds no plan', async ({ page }) => {
    await page.goto('/import');
    await page.getByLabel(/เลือกไฟล์เอกสารมาตรการ/).setInputFiles(documents('junk-english.txt'));
    await expect(page.getByRole('alert')).toContainText('ไม่พบข้อความภาษาไทย');
    await page.getByLabel(/เลือกไฟล์เอกสารมาตรการ/).setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\nnot really a pdf\n%%EOF'),
    });
    await expect(page.getByRole('alert')).toContainText('ไม่ใช่ข้อความ ไฟล์ Word');
    await expect(page.getByRole('form', REVIEW)).toHaveCount(0);
    expect(await planCount(page)).toBe(0);
  });

  test('importing the example again offers to replace the plan or keep both', async ({ page }) => {
    await page.goto('/import?sample=1');
    await expect(page.getByRole('form', REVIEW)).toBeVisible();
    await saveReview(page);
    await expectPlanWithSevenMeasures(page);

    await page.goto('/');
    await page.getByRole('link', { name: 'นำเข้าเอกสาร', exact: true }).click();
    await page.getByRole('button', { name: 'ลองใช้แผนตัวอย่าง' }).click();
    await expect(page.getByRole('form', REVIEW)).toBeVisible();
    await saveReview(page);
    const dialog = page.getByRole('alertdialog', { name: 'มีแผนนี้ในเครื่องแล้ว' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'แทนที่แผนเดิม' })).toBeFocused();
    await dialog.getByRole('button', { name: 'แทนที่แผนเดิม' }).click();
    await expectPlanWithSevenMeasures(page);
    expect(await planCount(page)).toBe(1);

    await page.goto('/import?sample=1');
    await expect(page.getByRole('form', REVIEW)).toBeVisible();
    await saveReview(page);
    await page.getByRole('alertdialog').getByRole('button', { name: 'เก็บไว้ทั้งสองแผน' }).click();
    await expectPlanWithSevenMeasures(page);
    expect(await planCount(page)).toBe(2);
    await page.goto('/');
    await expect(page.getByRole('link', { name: new RegExp(AGENCY) })).toHaveCount(2);
  });

  test('the start-up page loads none of the document readers; parsing runs in a worker', async ({ page }) => {
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(loaded.filter((u) => /mammoth|pdf\.|parseWorker|ImportPage/.test(u))).toEqual([]);

    // Parsing then runs in its own worker, off the page's thread.
    const worker = page.waitForEvent('worker');
    await page.goto('/import?sample=1');
    expect((await worker).url()).toMatch(/parseWorker-[\w-]+\.js$/);
    await expect(page.getByRole('form', REVIEW)).toBeVisible();
  });
});
