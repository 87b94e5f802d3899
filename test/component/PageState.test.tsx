/**
 * PageState builds the Thai date formatters while a page waits for IndexedDB
 * (the first Intl formatter costs tens of ms), but only for a page that shows
 * dates: the first screen has none, and its cold start should not pay for them.
 * One file of its own: the formatters are cached per module, so the order of
 * these two tests matters.
 */
import { render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageState } from '../../src/pages/PageState';
import { PlansPage } from '../../src/pages/PlansPage';
import { emptyApp, renderAt } from './renderRoutes';

const LOADING = { status: 'loading' } as const;
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const RealDateTimeFormat = Intl.DateTimeFormat;

/** Records the locale of every Intl date formatter made from now on. */
function recordFormatters(): string[] {
  const locales: string[] = [];
  vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (
    locale?: string | string[],
    options?: Intl.DateTimeFormatOptions,
  ) {
    locales.push(String(locale));
    return new RealDateTimeFormat(locale, options);
  } as unknown as typeof Intl.DateTimeFormat);
  return locales;
}

describe('PageState date warm-up', () => {
  afterEach(() => vi.restoreAllMocks());

  it('builds no date formatter for a page without dates', async () => {
    const made = recordFormatters();
    const { getByRole, unmount } = render(
      <PageState result={LOADING} notFound="" showsDates={false}>
        {() => <h1>หน้า</h1>}
      </PageState>,
    );
    expect(getByRole('status').textContent).toContain('กำลังโหลด');
    await tick();
    expect(made).toEqual([]);
    unmount();
  });

  it('builds none for the first screen, which lists plans without dates', async () => {
    await emptyApp();
    const made = recordFormatters();
    const { findByRole, unmount } = renderAt('/', { '/': PlansPage });
    expect((await findByRole('heading', { level: 1 })).textContent).toBe('แผนมาตรการของหน่วยงาน');
    await tick();
    expect(made).toEqual([]);
    unmount();
  });

  it('builds the Buddhist-era formatters while a page with dates loads', async () => {
    const made = recordFormatters();
    const { unmount } = render(
      <PageState result={LOADING} notFound="">
        {() => <h1>หน้า</h1>}
      </PageState>,
    );
    await tick();
    expect(made).toContain('th-TH-u-ca-buddhist-nu-latn');
    unmount();
  });
});
