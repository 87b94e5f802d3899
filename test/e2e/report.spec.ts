import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { goOffline, waitForServiceWorker } from './helpers';
import { docxTableRows } from '../unit/report/readBack';

const EXPORT = 'test/fixtures/report/example-export.json';
const PHOTO = 'test/fixtures/meeting-photo.jpg';
const PLAN_ID = (JSON.parse(readFileSync(EXPORT, 'utf8')) as { plans: { id: string }[] }).plans[0]!.id;

/** The example plan with two quarters of ticks, meetings and records, imported through the app. */
async function importExample(page: Page) {
  await page.goto('/import-file');
  await page.getByLabel('เลือกไฟล์').setInputFiles(EXPORT);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByRole('button', { name: 'นำเข้า', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'แผนมาตรการของหน่วยงาน' })).toBeVisible();
}

/** The pages of a PDF and the text on each, read with pdf.js (legacy build for Node 20). */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    // pdf.js gives สระอำ as its two parts (NFKC); compare in that form.
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join('')
        .normalize('NFKC'),
    );
  }
  await doc.destroy();
  return pages;
}

/** The report table's rows as the page shows them: cells' paragraphs joined by newlines. */
const previewRows = (page: Page) =>
  page
    .locator('.doc-table')
    .evaluate((table) =>
      [...table.querySelectorAll('tr')].map((tr) =>
        [...tr.children].map((cell) =>
          [...cell.querySelectorAll('p')].map((p) => (p.textContent ?? '').trim()).join('\n'),
        ),
      ),
    );

test('the first screen loads neither the report pages nor the .docx writer', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'แผนมาตรการของหน่วยงาน' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const scripts = requested.filter((p) => p.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  expect(requested.filter((p) => /\/assets\/(report|renderDocx)-[^/]*\.(js|css)$/.test(p))).toEqual([]);
});

test('the year-end report of the example prints on at most 4 A4 pages, none holding only a heading, and its .docx (made offline) has the same rows', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await importExample(page);
  await page.goto(`/plans/${PLAN_ID}`);
  await page.getByRole('link', { name: 'รายงานผลการดำเนินการ' }).click();
  await page.getByRole('link', { name: 'ประจำปี (ต.ค.–ก.ย.)' }).click();
  await expect(page.getByText('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ (ตุลาคม ๒๕๖๖ – กันยายน ๒๕๖๗)')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);

  const rows = await previewRows(page);
  expect(rows).toHaveLength(8);
  expect(rows[4]).toEqual(['๔. กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ', 'ยังไม่มีการดำเนินการหรือบันทึกผลในรอบนี้']);

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = await pdfPages(pdf);
  console.log(`year-end report: ${pages.length} A4 pages, PDF ${pdf.length} bytes`);
  expect(pages.length).toBeLessThanOrEqual(4);
  expect(pages[0]).toContain('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม'.normalize('NFKC'));
  for (const [i, text] of pages.entries()) {
    // Every page carries table rows or the summary and signatures, never a heading alone.
    const body = text.replace(/\s+/g, '');
    expect(body.length, `page ${i + 1}`).toBeGreaterThan(400);
  }
  expect(pages.at(-1)).toContain('ผู้บริหารรับทราบ');
  expect(pages[0]).not.toContain('ติดตามมาตรการ ITA'); // no app chrome on paper
  expect(pages[1]).toMatch(/-\s*๒\s*-/); // page numbers in Thai digits from page 2

  // Offline, the .docx is made on the phone, named after agency, period and date.
  await goOffline(context, page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ดาวน์โหลดไฟล์ Word (.docx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^รายงานผลการดำเนินการตามมาตรการ องค์การบริหารส่วนตำบลเรือเสาะออก ปีงบประมาณ 2567 ประจำปี 25\d\d-\d\d-\d\d\.docx$/,
  );
  const bytes = readFileSync((await download.path())!);
  console.log(`year-end report .docx: ${bytes.length} bytes`);
  const [table] = await docxTableRows(new Uint8Array(bytes));
  expect(table).toEqual(rows);
  await expect(page.getByRole('status').filter({ hasText: /บันทึกไฟล์/ })).toBeVisible();

  // The photo appendix: the example's photo, as this phone stored it (1200×900 JPEG), made
  // small for the report, two to a row, in print and in the .docx.
  const photo = readFileSync(PHOTO);
  await page.evaluate(
    async ([sha256, base64]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type: 'image/jpeg' });
      const open = indexedDB.open('ita-tracker');
      const db = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
      await new Promise<void>((resolve) => {
        const tx = db.transaction('files', 'readwrite');
        tx.objectStore('files').put({
          sha256,
          blob,
          thumb: null,
          type: 'image/jpeg',
          size: blob.size,
          createdAt: new Date().toISOString(),
        });
        tx.oncomplete = () => resolve();
      });
      db.close();
    },
    [createHash('sha256').update(photo).digest('hex'), photo.toString('base64')] as const,
  );
  await page.getByLabel(/แนบภาพถ่ายหลักฐานเป็นภาคผนวก/).check();
  await expect(page.locator('.doc-photos img')).toHaveCount(2);
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode().catch(() => undefined))));
  const withPhotos = await pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  console.log(`year-end report with appendix: ${withPhotos.length} A4 pages`);
  // pdf.js drops some tone marks (ที่ reads as ที): match around them.
  expect(withPhotos.at(-1)).toMatch(/ภาคผนวก[\s\S]*๒ รายงานการประชุม/);
  const [withAppendix] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ดาวน์โหลดไฟล์ Word (.docx)' }).click(),
  ]);
  const appendixBytes = readFileSync((await withAppendix.path())!);
  console.log(
    `year-end report .docx with appendix: ${appendixBytes.length} bytes (photo stored ${photo.length} bytes)`,
  );
  const tables = await docxTableRows(new Uint8Array(appendixBytes));
  expect(tables.at(-1)).toEqual([[expect.stringContaining('ภาพที่ ๑'), expect.stringContaining('ภาพที่ ๒')]]);
  expect(appendixBytes.length).toBeGreaterThan(bytes.length);
  expect(appendixBytes.length).toBeLessThan(bytes.length + photo.length);
});

test('next year’s plan exists with every action of this year’s and no ticks; last year’s says it is read-only', async ({
  page,
}) => {
  await importExample(page);
  await page.goto(`/plans/${PLAN_ID}`);
  await page.getByRole('link', { name: 'สร้างแผนปีถัดไป' }).click();
  await page.getByLabel('ผลการประเมิน ITA ปี พ.ศ.').fill('2567');
  await page.getByLabel('คะแนนภาพรวม').fill('97.5');
  await page.getByLabel('ระดับผลการประเมิน').fill('ผ่านดีเยี่ยม');
  await page.getByRole('button', { name: 'สร้างแผนปีถัดไป' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'องค์การบริหารส่วนตำบลเรือเสาะออก' })).toBeVisible();
  const newId = new URL(page.url()).pathname.split('/')[2]!;
  expect(newId).not.toBe(PLAN_ID);

  const counts = await page.evaluate(
    async ([oldId, nextId]) => {
      const open = indexedDB.open('ita-tracker');
      const db = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
      const all = <T>(store: string) =>
        new Promise<T[]>((r) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => r(req.result as T[]);
        });
      const actions = await all<{ planId: string; number: string; text: string; deletedAt: string | null }>(
        'actions',
      );
      const ticks = await all<{ planId: string }>('progress');
      const plans = await all<{ id: string; fiscalYear: number; previousPlanId?: string }>('plans');
      db.close();
      const key = (a: { number: string; text: string }) => `${a.number} ${a.text}`;
      return {
        oldActions: actions
          .filter((a) => a.planId === oldId)
          .map(key)
          .sort(),
        newActions: actions
          .filter((a) => a.planId === nextId)
          .map(key)
          .sort(),
        oldTicks: ticks.filter((t) => t.planId === oldId).length,
        newTicks: ticks.filter((t) => t.planId === nextId).length,
        next: plans.find((p) => p.id === nextId),
      };
    },
    [PLAN_ID, newId],
  );
  expect(counts.newActions).toHaveLength(43);
  expect(counts.newActions).toEqual(counts.oldActions);
  expect(counts.newTicks).toBe(0);
  expect(counts.oldTicks).toBeGreaterThan(0);
  expect(counts.next).toMatchObject({ fiscalYear: 2568, previousPlanId: PLAN_ID });

  await page.goto(`/plans/${PLAN_ID}`);
  await expect(page.getByText(/เปิดให้อ่านอย่างเดียว/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'ปลดล็อกแผนนี้' })).toBeVisible();
});
