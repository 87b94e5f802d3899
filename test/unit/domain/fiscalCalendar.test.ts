import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bangkokDate,
  beToCe,
  ceToBe,
  daysInMonth,
  fiscalYearOf,
  fiscalYearRange,
  halfYearRange,
  isIsoDate,
  isWithin,
  parseIsoDate,
  QUARTERS,
  quarterOf,
  quarterRange,
} from '../../../src/domain/fiscalCalendar';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MODULE_URL = pathToFileURL(`${ROOT}src/domain/fiscalCalendar.ts`).href;

/** The next calendar day, computed independently of the module under test. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('Buddhist-era years', () => {
  it('adds 543 to a Christian-era year and takes it off again', () => {
    expect(ceToBe(2024)).toBe(2567);
    expect(beToCe(2567)).toBe(2024);
    expect(ceToBe(2023)).toBe(2566);
    for (const year of [1, 1999, 2000, 2024, 2100]) expect(beToCe(ceToBe(year))).toBe(year);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    ['2023-09-30', 2566],
    ['2023-10-01', 2567],
    ['2023-12-31', 2567],
    ['2024-01-01', 2567],
    ['2024-03-31', 2567],
    ['2024-04-01', 2567],
    ['2024-06-30', 2567],
    ['2024-07-01', 2567],
    ['2024-09-30', 2567],
    ['2024-10-01', 2568],
  ])('puts %s in fiscal year %i', (date, fy) => {
    expect(fiscalYearOf(date)).toBe(fy);
  });

  it('refuses a date that does not exist', () => {
    expect(() => fiscalYearOf('2023-02-29')).toThrow(RangeError);
  });
});

describe('quarterOf', () => {
  it.each([
    ['2023-09-30', 2566, 4],
    ['2023-10-01', 2567, 1],
    ['2023-12-31', 2567, 1],
    ['2024-01-01', 2567, 2],
    ['2024-02-29', 2567, 2],
    ['2024-03-31', 2567, 2],
    ['2024-04-01', 2567, 3],
    ['2024-06-30', 2567, 3],
    ['2024-07-01', 2567, 4],
    ['2024-09-30', 2567, 4],
    ['2024-10-01', 2568, 1],
  ])('puts %s in fiscal year %i quarter %i', (date, fiscalYear, quarter) => {
    expect(quarterOf(date)).toEqual({ fiscalYear, quarter });
  });

  it('maps every month to its quarter: Oct–Dec 1, Jan–Mar 2, Apr–Jun 3, Jul–Sep 4', () => {
    const quarters = Array.from(
      { length: 12 },
      (_, i) => quarterOf(`2024-${String(i + 1).padStart(2, '0')}-15`).quarter,
    );
    expect(quarters).toEqual([2, 2, 2, 3, 3, 3, 4, 4, 4, 1, 1, 1]);
  });

  it('agrees with quarterRange and fiscalYearRange on every day of fiscal year 2567', () => {
    const fy = fiscalYearRange(2567);
    let days = 0;
    for (let date = fy.start; date <= fy.end; date = nextDay(date)) {
      const { fiscalYear, quarter } = quarterOf(date);
      expect(fiscalYear, date).toBe(2567);
      expect(isWithin(date, quarterRange(2567, quarter)), date).toBe(true);
      for (const other of QUARTERS.filter((q) => q !== quarter)) {
        expect(isWithin(date, quarterRange(2567, other)), `${date} in Q${other}`).toBe(false);
      }
      days++;
    }
    // 1 Oct 2023 – 30 Sep 2024 includes 29 Feb 2024.
    expect(days).toBe(366);
  });
});

describe('ISO dates and leap years', () => {
  it('accepts 29 February 2024 (BE 2567) and parses it', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('rejects 29 February 2023 (not a leap year)', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(() => parseIsoDate('2023-02-29')).toThrow(/no such date/);
  });

  it('follows the Gregorian century rule: 2000 is a leap year, 1900 and 2100 are not', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });

  it.each([
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-01-32',
    '2024-2-29',
    '24-02-29',
    ' 2024-01-01',
    '2024-01-01 ',
    '2024-01-01T00:00:00Z',
    '๒๕๖๗-01-01',
    '',
  ])('rejects %j', (text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(() => parseIsoDate(text)).toThrow(RangeError);
  });

  it('knows the length of every month, February by leap year', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2024, m))).toEqual([
      31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2023, 2)).toBe(28);
  });
});

describe('ranges of fiscal year 2567', () => {
  it('runs the fiscal year from 1 October 2023 to 30 September 2024', () => {
    expect(fiscalYearRange(2567)).toEqual({ start: '2023-10-01', end: '2024-09-30' });
  });

  it('splits it into four quarters that meet without gaps', () => {
    expect(quarterRange(2567, 1)).toEqual({ start: '2023-10-01', end: '2023-12-31' });
    expect(quarterRange(2567, 2)).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterRange(2567, 3)).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(quarterRange(2567, 4)).toEqual({ start: '2024-07-01', end: '2024-09-30' });
    for (const q of [1, 2, 3] as const) {
      expect(nextDay(quarterRange(2567, q).end)).toBe(quarterRange(2567, (q + 1) as 2 | 3 | 4).start);
    }
  });

  it('makes the six-month round Q1+Q2 and the second half Q3+Q4', () => {
    expect(halfYearRange(2567, 1)).toEqual({ start: '2023-10-01', end: '2024-03-31' });
    expect(halfYearRange(2567, 2)).toEqual({ start: '2024-04-01', end: '2024-09-30' });
  });

  it('treats both ends of a period as inside it and the days around it as outside', () => {
    const fy = fiscalYearRange(2567);
    expect(isWithin('2023-10-01', fy)).toBe(true);
    expect(isWithin('2024-09-30', fy)).toBe(true);
    expect(isWithin('2023-09-30', fy)).toBe(false);
    expect(isWithin('2024-10-01', fy)).toBe(false);
  });
});

describe('bangkokDate', () => {
  it.each([
    ['2024-09-30T16:59:59.999Z', '2024-09-30', 2567],
    ['2024-09-30T17:00:00.000Z', '2024-10-01', 2568],
    ['2023-12-31T16:59:59.999Z', '2023-12-31', 2567],
    ['2023-12-31T17:00:00.000Z', '2024-01-01', 2567],
    ['2024-02-28T17:00:00.000Z', '2024-02-29', 2567],
    ['2024-10-01T16:59:00.000Z', '2024-10-01', 2568],
  ])('turns %s into the Bangkok date %s (fiscal year %i)', (instant, date, fy) => {
    expect(bangkokDate(new Date(instant))).toBe(date);
    expect(fiscalYearOf(bangkokDate(new Date(instant)))).toBe(fy);
  });

  it('puts midnight in Bangkok at the start of a new quarter', () => {
    expect(quarterOf(bangkokDate(new Date('2024-03-31T17:00:00Z')))).toEqual({
      fiscalYear: 2567,
      quarter: 3,
    });
    expect(quarterOf(bangkokDate(new Date('2024-03-31T16:59:59Z')))).toEqual({
      fiscalYear: 2567,
      quarter: 2,
    });
  });
});

describe('bangkokDate against Intl', () => {
  // What Intl (the IANA time zone data) says the date in Asia/Bangkok is.
  const intl = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Bangkok',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const intlDate = (d: Date) => {
    const parts = intl.formatToParts(d);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  };

  it('gives the date Intl gives for any instant from 1920 to 2200, midnight edges included', () => {
    const from = Date.UTC(1920, 3, 1);
    const to = Date.UTC(2200, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        expect(bangkokDate(new Date(ms))).toBe(intlDate(new Date(ms)));
      }),
      { numRuns: 5000 },
    );
    // Each side of midnight in Bangkok (17:00 UTC) on every day of 2020–2030.
    for (let day = Date.UTC(2020, 0, 1, 17); day < Date.UTC(2031, 0, 1); day += 86_400_000) {
      for (const ms of [day - 1, day]) expect(bangkokDate(new Date(ms))).toBe(intlDate(new Date(ms)));
    }
  });
});

describe('bangkokDate under a different process time zone', () => {
  const instants = [
    '2024-09-30T16:59:59.999Z',
    '2024-09-30T17:00:00.000Z',
    '2023-12-31T17:00:00.000Z',
    '2024-06-30T10:30:00.000Z',
  ];
  const expected = ['2024-09-30', '2024-10-01', '2024-01-01', '2024-06-30'];

  /** Runs bangkokDate in a fresh node process whose TZ is `zone`. */
  function runInZone(zone: string): { zone: string; local: string[]; bangkok: string[] } {
    const script = `
      const m = await import(${JSON.stringify(MODULE_URL)});
      const instants = ${JSON.stringify(instants)}.map((s) => new Date(s));
      const pad = (n) => String(n).padStart(2, '0');
      console.log(JSON.stringify({
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        local: instants.map((d) => d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate())),
        bangkok: instants.map((d) => m.bangkokDate(d)),
      }));
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    return JSON.parse(child.stdout.trim()) as { zone: string; local: string[]; bangkok: string[] };
  }

  it.each([
    ['America/Los_Angeles', ['2024-09-30', '2024-09-30', '2023-12-31', '2024-06-30']],
    ['Pacific/Kiritimati', ['2024-10-01', '2024-10-01', '2024-01-01', '2024-07-01']],
  ])(
    'gives the same Bangkok dates when the process runs in %s',
    (zone, localDates) => {
      const out = runInZone(zone);
      // The child really ran in that zone: its own local dates differ from Bangkok's.
      expect(out.zone).toBe(zone);
      expect(out.local).toEqual(localDates);
      expect(out.local).not.toEqual(expected);
      expect(out.bangkok).toEqual(expected);
    },
    30_000,
  );

  it('gives the same dates in this process', () => {
    expect(instants.map((s) => bangkokDate(new Date(s)))).toEqual(expected);
  });
});

describe('bangkokDate with locale data that lays en-CA out as month/day/year', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('still gives YYYY-MM-DD (ICU 72, as in Chrome 110 and Node 18.13, wrote en-CA as M/D/YYYY)', async () => {
    const Real = Intl.DateTimeFormat;
    class Icu72DateTimeFormat extends Real {
      override formatToParts(date?: Date | number): Intl.DateTimeFormatPart[] {
        const parts = super.formatToParts(date);
        const get = (type: string) => parts.find((p) => p.type === type)!;
        const slash = { type: 'literal' as const, value: '/' };
        return [get('month'), slash, get('day'), slash, get('year')];
      }
      override format(date?: Date | number): string {
        return this.formatToParts(date)
          .map((p) => p.value)
          .join('');
      }
    }
    const fakeIntl = Object.create(Intl, { DateTimeFormat: { value: Icu72DateTimeFormat } }) as typeof Intl;
    vi.stubGlobal('Intl', fakeIntl);
    vi.resetModules();
    const fresh = await import('../../../src/domain/fiscalCalendar');
    // The stub is in effect: a plain en-CA format now reads month first.
    expect(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date('2024-09-30T17:00:00Z')),
    ).toMatch(/^10\/0?1\/2024$/);
    expect(fresh.bangkokDate(new Date('2024-09-30T17:00:00Z'))).toBe('2024-10-01');
    expect(fresh.bangkokDate(new Date('2024-09-30T16:59:59Z'))).toBe('2024-09-30');
  });
});
