import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ROUTES } from '../../src/routes';
import { EXAMPLE_AGENCY, importExample } from './examplePlan';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const APP_NAME = 'ติดตามมาตรการ ITA';

/** Ids of the example plan's records, read from the app's pages, to fill every route's parameters. */
async function loadExample(page: Page): Promise<Record<string, string>> {
  const planId = await importExample(page);
  await page.getByRole('link', { name: /^1\. / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^มาตรการที่ 1 / })).toBeVisible();
  const measureId = new URL(page.url()).pathname.split('/')[2]!;
  const history = page.getByRole('link', { name: /^ประวัติ 3\.1/ });
  const actionId = (await history.getAttribute('href'))!.split('/')[2]!;
  // A meeting with one tick, so meeting mode, its history and the quarter pages have something to show.
  await page.goto(`/plans/${planId}/meetings`);
  await page.getByRole('button', { name: 'เริ่มประชุม' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /ประชุมครั้งที่/ })).toBeVisible();
  const meetingId = new URL(page.url()).pathname.split('/')[2]!;
  await page.getByRole('button', { name: 'เสร็จแล้ว 3.1 ของมาตรการที่ 1' }).click();
  await expect(page.getByText(/ลงผลแล้ว 1 จาก/)).toBeVisible();
  return {
    planId,
    measureId,
    actionId,
    meetingId,
    quarter: '1',
    period: 'half',
    table: 'meetings',
    id: meetingId,
    // /go/:target, the installed app's shortcuts: it opens the plan's meetings.
    target: 'meeting',
  };
}

/** Every route of src/routes.ts with its parameters filled: a route added later is checked too. */
function paths(ids: Record<string, string>): string[] {
  return ROUTES.map(([pattern]) =>
    pattern.replace(/:(\w+)/g, (_, name: string) => {
      const value = ids[name];
      if (!value) throw new Error(`a11y: no value for :${name} in ${pattern}; add it to loadExample`);
      return value;
    }),
  );
}

async function openRoute(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('main h1')).toBeVisible();
  // Pages draw their second part a frame later (useAfterFirstPaint): let it come.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
}

test('every route, with the example plan loaded, passes axe (WCAG 2.2 AA), has its own title, and reflows at 200 % zoom', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const ids = await loadExample(page);
  const failures: string[] = [];
  const titles = new Map<string, string>();
  for (const path of paths(ids)) {
    await openRoute(page, path);
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    for (const v of violations) {
      failures.push(
        `${path}: ${v.id} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    }
    const h1 = (await page.locator('main h1').innerText()).replace(/\s+/g, ' ').trim();
    const title = await page.title();
    if (!title.startsWith(h1) && h1 !== APP_NAME)
      failures.push(`${path}: title "${title}" does not name "${h1}"`);
    titles.set(path, title);

    // 200 % zoom on a 360 px phone: 180 CSS px wide. Nothing scrolls sideways.
    await page.setViewportSize({ width: 180, height: 390 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 0) failures.push(`${path}: scrolls sideways by ${wide} px at 200 % zoom`);
    await page.setViewportSize({ width: 360, height: 740 });
  }
  expect(failures).toEqual([]);
  // Titles tell pages apart (two routes may show the same page, e.g. a quarter's default).
  expect(new Set(titles.values()).size).toBeGreaterThanOrEqual(titles.size - 2);
  expect(titles.get(`/plans/${ids.planId}`)).toBe(`${EXAMPLE_AGENCY} · ${APP_NAME}`);
});

/** WCAG relative luminance of a CSS rgb() colour, and the contrast of two. */
const luminance = (css: string) => {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

test('in forced colours, charts keep their labels and bars, and a pressed status shows by more than weight', async ({
  page,
}) => {
  const ids = await loadExample(page);
  // A dark high-contrast theme, as Windows' "Night sky" and the like.
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await openRoute(page, `/plans/${ids.planId}/dashboard`);
  const chart = page.locator('svg.chart-svg').first();
  const colours = await chart.evaluate((svg) => {
    const fill = (sel: string) => getComputedStyle(svg.querySelector(sel)!).fill;
    return {
      page: getComputedStyle(document.documentElement).backgroundColor,
      label: fill('.chart-label'),
      value: fill('.chart-value'),
      track: fill('.chart-track'),
      trackStroke: getComputedStyle(svg.querySelector('.chart-track')!).stroke,
    };
  });
  expect(contrast(colours.label, colours.page)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(colours.value, colours.page)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(colours.trackStroke, colours.page)).toBeGreaterThanOrEqual(3);

  await openRoute(page, `/meetings/${ids.meetingId}`);
  const group = page.getByRole('group', { name: 'ลงผล 3.1 ของมาตรการที่ 1' });
  const look = (name: string) =>
    group.getByRole('button', { name: new RegExp(`^${name}`) }).evaluate((b) => {
      const s = getComputedStyle(b);
      const mark = getComputedStyle(b, '::before').content;
      return [s.borderTopWidth, s.borderTopColor, s.outlineStyle, s.color, s.backgroundColor, mark].join('|');
    });
  const pressed = await look('เสร็จแล้ว');
  const other = await look('กำลังทำ');
  expect(pressed).not.toBe(other);
  expect(pressed).toContain('✓');
});

test('with wider text spacing the header title is whole and chart labels stay on screen', async ({
  page,
}) => {
  const ids = await loadExample(page);
  await page.addStyleTag({
    content: `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
      p { margin-bottom: 2em !important; }`,
  });
  await openRoute(page, `/plans/${ids.planId}/dashboard`);
  await page.addStyleTag({
    content: `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }`,
  });
  const clipped = await page.locator('.app-title').evaluate((a) => {
    const visible = [...a.querySelectorAll('span')].find((s) => getComputedStyle(s).display !== 'none')!;
    return visible.scrollWidth > visible.clientWidth + 1 || a.scrollWidth > a.clientWidth + 1;
  });
  expect(clipped).toBe(false);
  const right = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('.chart-label tspan')].map((t) => t.getBoundingClientRect().right),
    ),
  );
  expect(right).toBeLessThanOrEqual(360);
});

test('the header says nothing about sync on a phone with no agency server', async ({ page }) => {
  await importExample(page);
  await page
    .getByRole('button', { name: 'เสร็จแล้ว 3.1 ของมาตรการที่ 1' })
    .or(page.getByRole('link', { name: /^1\. / }))
    .first()
    .click();
  await expect(page.getByTestId('net-status')).toBeVisible();
  await expect(page.getByTestId('sync-badge')).toHaveCount(0);
  await expect(page.locator('.app-header')).not.toContainText(/รอส่ง|ซิงก์/);
});

test('the keyboard focus ring stands out at 3:1 from the page and from the header, and the live regions wait empty', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Both regions are in the page before anything is said in them.
  await expect(page.locator('.toast-region[role="status"]')).toHaveText('');
  await expect(page.getByTestId('announcer')).toHaveText('');

  const ring = async (selector: string, background: string) => {
    await page.locator(selector).first().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    return page
      .locator(selector)
      .first()
      .evaluate((el, bg) => {
        const s = getComputedStyle(el);
        const behind = getComputedStyle(bg === 'header' ? el.closest('header')! : document.documentElement);
        return {
          outline: s.outlineColor,
          style: s.outlineStyle,
          width: s.outlineWidth,
          behind: behind.backgroundColor,
        };
      }, background);
  };
  const inMain = await ring('main a.btn', 'page');
  expect(inMain.style).toBe('solid');
  expect(contrast(inMain.outline, inMain.behind)).toBeGreaterThanOrEqual(3);
  const inHeader = await ring('header a.btn-icon', 'header');
  expect(contrast(inHeader.outline, inHeader.behind)).toBeGreaterThanOrEqual(3);
});
