import { expect, test } from '@playwright/test';
import { addAction, addMeasure, createPlan } from './helpers';

test('plans, measures and actions are edited and deleted by hand, with Thai errors and undo', async ({
  page,
}) => {
  await createPlan(page, 'อบต.แก้ไข');
  await addMeasure(page, 'มาตรการเดิม');

  // A period that ends before it starts is refused with a Thai message and nothing changes.
  await page.getByRole('link', { name: 'แก้ไขมาตรการ' }).click();
  await page.getByLabel('ชื่อมาตรการ').fill('มาตรการใหม่');
  const start = await page.getByLabel('เริ่ม').inputValue();
  await page.getByLabel('สิ้นสุด').fill(`${start.slice(0, 4)}-09-01`); // a month before the period starts
  await page.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page.getByText('วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น')).toBeVisible();
  await page.getByLabel('ชื่อมาตรการ').fill('');
  await page.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page.getByText('กรุณากรอกชื่อมาตรการ')).toBeVisible();
  await page.getByRole('button', { name: 'ยกเลิก', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /มาตรการเดิม/ })).toBeVisible();

  await addAction(page, 'ขั้นตอนที่จะลบ');
  await page.getByRole('link', { name: /แก้ไข 3\.1/ }).click();
  await page.getByRole('button', { name: 'ลบรายการนี้' }).click();
  await page.getByRole('button', { name: 'ยืนยันการลบ' }).click();
  await expect(page.getByText('ขั้นตอนที่จะลบ')).toBeHidden();
  await page.getByRole('status').getByRole('button', { name: 'เลิกทำ' }).click();
  await expect(page.getByText('ขั้นตอนที่จะลบ')).toBeVisible();

  await page.getByRole('link', { name: 'อบต.แก้ไข' }).click();
  await page.getByRole('button', { name: 'ลบแผน' }).click();
  await page.getByRole('button', { name: 'ยืนยันการลบแผนนี้' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'แผนมาตรการของหน่วยงาน' })).toBeVisible();
  await expect(page.getByRole('link', { name: /อบต.แก้ไข/ })).toBeHidden();
  await page.getByRole('status').getByRole('button', { name: 'เลิกทำ' }).click();
  await expect(page.getByRole('link', { name: /อบต.แก้ไข/ })).toBeVisible();
});

test('the staff name set in settings is written on each change in the history', async ({ page }) => {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page.getByText('กรุณากรอกชื่อผู้ใช้', { exact: false })).toBeVisible();
  await page.getByLabel(/ชื่อผู้ใช้/).fill('สมหญิง');
  await page.getByLabel('ชื่ออุปกรณ์').fill('มือถือสำนักปลัด');
  await page.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page.getByTestId('storage')).toContainText('ใช้ไปแล้ว');

  await createPlan(page, 'อบต.ประวัติ');
  await addMeasure(page, 'มาตรการประวัติ');
  await addAction(page, 'ขั้นตอนประวัติ');
  await page.getByRole('button', { name: /ลงผล/ }).first().click();
  await page.getByRole('button', { name: 'บันทึกผล' }).click();
  await page.getByRole('link', { name: /ประวัติ 3\.1/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ประวัติ 3.1' })).toBeVisible();
  await expect(page.getByText(/ลงผล: ดำเนินการแล้ว/)).toBeVisible();
  await expect(page.getByText(/โดย สมหญิง · อุปกรณ์ มือถือสำนักปลัด/).first()).toBeVisible();
});
