import { chromium, expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { addAction, addMeasure, createPlan, goOffline, waitForServiceWorker } from './helpers';

const PHOTO = 'test/fixtures/meeting-photo.jpg';

async function planWithThreeSteps(page: Page) {
  await createPlan(page, 'อบต.ประชุม');
  await addMeasure(page, 'การเปิดเผยข้อมูล');
  for (const text of ['ประกาศมาตรการ', 'เผยแพร่บนเว็บไซต์', 'รายงานผู้บริหาร']) await addAction(page, text);
  await page.getByRole('link', { name: 'อบต.ประชุม' }).click();
}

async function startMeeting(page: Page) {
  await page.getByRole('link', { name: 'การประชุมประจำเดือน' }).click();
  await page.getByLabel('จำนวนผู้เข้าประชุม').fill('12');
  await page.getByRole('button', { name: 'เริ่มประชุม' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /ประชุมครั้งที่ 1\// })).toBeVisible();
}

test('offline: a meeting ticks three actions with a photo, all still there after an offline reload, and feeds the quarterly record', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await goOffline(context, page);
  await planWithThreeSteps(page);
  await startMeeting(page);

  await page.getByLabel('บันทึกสั้นของ 3.1').fill('ติดประกาศแล้ว');
  await page.getByRole('button', { name: /เสร็จแล้ว.*3\.1/ }).click();
  await expect(page.getByText('ลงผลในการประชุมนี้: ดำเนินการแล้ว – ติดประกาศแล้ว')).toBeVisible();
  await page.getByRole('button', { name: /เสร็จแล้ว.*3\.2/ }).click();
  await page.getByLabel('บันทึกสั้นของ 3.3').fill('รอผู้บริหารลงนาม');
  await page.getByRole('button', { name: /กำลังทำ.*3\.3/ }).click();
  await expect(page.getByText(/ลงผลแล้ว 3 จาก 3 รายการ/)).toBeVisible();

  // A photo of the minutes through the file chooser, resized and stored offline.
  const meetingEvidence = page.getByRole('group', { name: /หลักฐานของ การประชุมครั้งที่/ });
  await meetingEvidence.getByLabel('แนบรูปหรือ PDF').setInputFiles(PHOTO);
  const thumb = meetingEvidence.getByRole('img', { name: 'meeting-photo.jpg' });
  await expect(thumb).toBeVisible();
  // And on a tick: its evidence opens from the row.
  await page.getByText('หลักฐานของ 3.1', { exact: true }).click();
  const tickEvidence = page.getByRole('group', { name: 'หลักฐานของ การลงผล 3.1' });
  await tickEvidence.getByLabel('แนบรูปหรือ PDF').setInputFiles(PHOTO);
  await expect(tickEvidence.getByRole('img', { name: 'meeting-photo.jpg' })).toBeVisible();

  const url = page.url();
  await page.reload();
  await expect(page.getByTestId('net-status')).toHaveText(/ออฟไลน์/);
  expect(page.url()).toBe(url);
  await expect(page.getByText(/ลงผลแล้ว 3 จาก 3 รายการ/)).toBeVisible();
  await expect(page.getByText('ลงผลในการประชุมนี้: อยู่ระหว่างดำเนินการ – รอผู้บริหารลงนาม')).toBeVisible();
  await expect(thumb).toBeVisible();
  await page.getByText('หลักฐานของ 3.1', { exact: true }).click();
  await expect(tickEvidence.getByRole('img', { name: 'meeting-photo.jpg' })).toBeVisible();
  const size = await thumb.evaluate((img: HTMLImageElement) => ({
    w: img.naturalWidth,
    h: img.naturalHeight,
  }));
  expect(Math.max(size.w, size.h)).toBeLessThanOrEqual(240);
  expect(size.w).toBeGreaterThan(0);

  // The quarterly record of this quarter starts from those ticks.
  await page.getByRole('link', { name: 'อบต.ประชุม' }).click();
  await page.getByRole('link', { name: 'บันทึกรายไตรมาส' }).click();
  await page.getByRole('link', { name: /1\. การเปิดเผยข้อมูล/ }).click();
  const results = page.getByLabel('ผลการดำเนินงาน');
  await expect(results).toHaveValue(/ดำเนินการแล้ว 2 จาก 3 รายการ: 3\.1 \(ติดประกาศแล้ว\), 3\.2/);
  await expect(results).toHaveValue(/ครั้งที่ 1\//);
  await expect(page.getByLabel('ปัญหา อุปสรรค')).toHaveValue('ยังไม่แล้วเสร็จ: 3.3 (รอผู้บริหารลงนาม)');
  await expect(page.getByLabel('ความก้าวหน้า (ร้อยละ)')).toHaveValue('67');
  await page.getByLabel('งบประมาณที่ใช้ (บาท)').fill('2,500');
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByText('บันทึกฉบับร่างแล้ว')).toBeVisible();
  await page.goto(page.url().replace(/\/quarters\/.*/, '/summary/year'));
  await expect(page.getByText('งบประมาณที่ใช้รวม ๒,๕๐๐ บาท (ไม่ได้ระบุงบประมาณที่ตั้งไว้)')).toBeVisible();
});

/** Record counts of the app's database, read straight from IndexedDB. */
function countRecords(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('ita-tracker');
    const db = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
    const count = (store: string) =>
      new Promise<number>((r) => {
        const req = db.transaction(store).objectStore(store).count();
        req.onsuccess = () => r(req.result);
      });
    const out = {
      evidence: await count('evidence'),
      files: await count('files'),
      outbox: await count('outbox'),
    };
    db.close();
    return out;
  });
}

/** Writes 64 KB blobs into another database until the origin's quota refuses one. */
function fillStorage(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('filler', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s');
    const db = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
    for (let i = 0; i < 2000; i++) {
      const outcome = await new Promise<string>((r) => {
        const tx = db.transaction('s', 'readwrite');
        tx.objectStore('s').put(new Blob([crypto.getRandomValues(new Uint8Array(65536))]), i);
        tx.oncomplete = () => r('ok');
        tx.onabort = () => r(tx.error?.name ?? 'abort');
      });
      if (outcome !== 'ok') {
        db.close();
        return outcome;
      }
    }
    db.close();
    return 'never full';
  });
}

test('a full storage quota during an attachment leaves no partial record and says so in Thai', async ({
  baseURL,
}) => {
  // Chromium honours a quota override only in a persistent profile, and only while
  // the DevTools session that set it stays attached (both seen here).
  const dir = mkdtempSync(join(tmpdir(), 'ita-quota-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: baseURL!,
    viewport: { width: 360, height: 740 },
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(baseURL!).origin,
      quotaSize: 8 * 1024 * 1024,
    });
    await planWithThreeSteps(page);
    await startMeeting(page);
    await page.getByRole('button', { name: /เสร็จแล้ว.*3\.1/ }).click();
    await expect(page.getByText(/ลงผลแล้ว 1 จาก 3 รายการ/)).toBeVisible();
    const before = await countRecords(page);
    expect(await fillStorage(page)).toBe('QuotaExceededError');

    const meetingEvidence = page.getByRole('group', { name: /หลักฐานของ การประชุมครั้งที่/ });
    await meetingEvidence.getByLabel('แนบรูปหรือ PDF').setInputFiles(PHOTO);
    await expect(meetingEvidence.getByRole('alert')).toHaveText(/พื้นที่เก็บข้อมูลในเครื่องเต็ม/);
    expect(await countRecords(page)).toEqual(before);
    await expect(meetingEvidence.getByRole('img')).toHaveCount(0);
    await cdp.detach();
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a note typed after the status tap ends on that tick, also when the page is reloaded or left at once', async ({
  page,
}) => {
  await planWithThreeSteps(page);
  await startMeeting(page);

  // Tap first, then type: the note belongs to the tick just made.
  await page.getByRole('button', { name: /กำลังทำ.*3\.1/ }).click();
  await expect(page.getByText('ลงผลในการประชุมนี้: อยู่ระหว่างดำเนินการ')).toBeVisible();
  await page.getByLabel('บันทึกสั้นของ 3.1').fill('รอผู้บริหารลงนาม');
  // Reloaded straight away, before any blur or pause.
  await page.reload();
  await expect(page.getByText('ลงผลในการประชุมนี้: อยู่ระหว่างดำเนินการ – รอผู้บริหารลงนาม')).toBeVisible();

  // Tap, type, and leave the page through a link at once.
  await page.getByRole('button', { name: /เสร็จแล้ว.*3\.2/ }).click();
  await expect(page.getByRole('button', { name: /เสร็จแล้ว.*3\.2/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('บันทึกสั้นของ 3.2').fill('ลงเว็บไซต์แล้ว');
  await page.getByRole('link', { name: 'การประชุม', exact: true }).click();
  await page.goBack();
  await expect(page.getByText('ลงผลในการประชุมนี้: ดำเนินการแล้ว – ลงเว็บไซต์แล้ว')).toBeVisible();

  // A note typed but never tapped is still in its box after a reload, not dropped.
  await page.getByLabel('บันทึกสั้นของ 3.3').fill('ยังไม่ได้แตะสถานะ');
  await page.reload();
  await expect(page.getByLabel('บันทึกสั้นของ 3.3')).toHaveValue('ยังไม่ได้แตะสถานะ');
  await page.getByRole('button', { name: /กำลังทำ.*3\.3/ }).click();
  await expect(page.getByText('ลงผลในการประชุมนี้: อยู่ระหว่างดำเนินการ – ยังไม่ได้แตะสถานะ')).toBeVisible();
});
