import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BarChart } from '../../src/components/charts/BarChart';
import { QuarterColumns } from '../../src/components/charts/QuarterColumns';
import { wrapLabel } from '../../src/components/charts/wrapLabel';

const LONG = 'การเปิดเผยข้อมูลสาธารณะและการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้างขององค์การบริหารส่วนตำบล';

const data = [
  { key: 'a', label: `1. ${LONG}`, progress: { done: 1, total: 4 }, note: 'เลยกำหนด' },
  { key: 'b', label: '2. การป้องกันการทุจริต', progress: { done: 3, total: 3 } },
  { key: 'c', label: '3. ยังไม่มีขั้นตอน', progress: { done: 0, total: 0 } },
  { key: 'd', label: '4. สองในสาม', progress: { done: 2, total: 3 } },
];

/** What each bar says in text: its label lines, its figure and its note. */
function bars(svg: Element) {
  return [...svg.querySelectorAll('.chart-row')].map((row) => ({
    lines: [...row.querySelectorAll('.chart-label tspan')].map((t) => t.textContent),
    value: row.querySelector('.chart-value')?.textContent,
    note: row.querySelector('.chart-note')?.textContent ?? null,
    track: Number(row.querySelector('.chart-track')?.getAttribute('width')),
    fill: Number(row.querySelector('.chart-fill')?.getAttribute('width') ?? 0),
  }));
}

function describedBy(el: Element): string {
  const id = el.getAttribute('aria-describedby') ?? '';
  return document.getElementById(id)?.textContent ?? '';
}

/** Opens the chart's folded table and reads each row: name, note under it, done/total, percent. */
function openTable(name: string) {
  fireEvent.click(screen.getByText('ดูเป็นตาราง'));
  const table = screen.getByRole('table', { name });
  return [...table.querySelectorAll('tbody tr')].map((tr) => {
    const [th, ...tds] = [...tr.children];
    return [
      th!.firstChild?.textContent,
      th!.querySelector('.sub')?.textContent ?? '',
      ...tds.map((c) => c.textContent),
    ];
  });
}

describe('bar chart', () => {
  it('labels every bar with its name and done/total (percent) in text, with bar lengths to match', () => {
    render(<BarChart title="ความคืบหน้าตามมาตรการ" labelHeader="มาตรการ" data={data} digits="arabic" />);
    const svg = screen.getByRole('img', { name: 'ความคืบหน้าตามมาตรการ' });
    const [long, full, empty, twoThirds] = bars(svg);
    expect(long!.lines.length).toBeGreaterThan(1);
    expect(long!.lines.join('')).toBe(`1. ${LONG}`);
    expect(long!.value).toBe('1/4 (25%)');
    expect(long!.note).toBe('เลยกำหนด');
    expect(long!.fill / long!.track).toBeCloseTo(0.25);
    expect(full!.value).toBe('3/3 (100%)');
    expect(full!.fill).toBe(full!.track);
    expect(empty!.value).toBe('0/0 (0%)');
    expect(empty!.fill).toBe(0);
    expect(twoThirds!.value).toBe('2/3 (67%)');
    expect(twoThirds!.fill / twoThirds!.track).toBeCloseTo(0.67);
  });

  it('scales by its viewBox, so one chart fits a 360 px phone and a desktop', () => {
    render(<BarChart title="ก" labelHeader="ก" data={data} digits="arabic" />);
    const svg = screen.getByRole('img', { name: 'ก' });
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 360 \d+/);
    expect(svg.getAttribute('width')).toBeNull();
  });

  it('has a text description and a table with the same figures', () => {
    render(<BarChart title="ความคืบหน้าตามหน่วยงาน" labelHeader="หน่วยงาน" data={data} digits="arabic" />);
    const svg = screen.getByRole('img', { name: 'ความคืบหน้าตามหน่วยงาน' });
    expect(describedBy(svg)).toBe(
      `1. ${LONG}: 1/4 (25%) เลยกำหนด; 2. การป้องกันการทุจริต: 3/3 (100%); 3. ยังไม่มีขั้นตอน: 0/0 (0%); 4. สองในสาม: 2/3 (67%)`,
    );
    // Each chart's table is offered under the chart's own name.
    expect(screen.getByText('ดูเป็นตาราง').textContent).toBe('ดูเป็นตาราง: ความคืบหน้าตามหน่วยงาน');
    expect(openTable('ความคืบหน้าตามหน่วยงาน')).toEqual([
      [`1. ${LONG}`, 'เลยกำหนด', '1/4', '25%'],
      ['2. การป้องกันการทุจริต', '', '3/3', '100%'],
      ['3. ยังไม่มีขั้นตอน', '', '0/0', '0%'],
      ['4. สองในสาม', '', '2/3', '67%'],
    ]);
  });

  it('writes its figures in Thai digits when that is the setting', () => {
    render(<BarChart title="ก" labelHeader="ก" data={data.slice(0, 1)} digits="thai" />);
    expect(bars(screen.getByRole('img', { name: 'ก' }))[0]!.value).toBe('๑/๔ (๒๕%)');
  });

  it('says so when there is nothing to chart', () => {
    render(<BarChart title="ก" labelHeader="ก" data={[]} digits="arabic" />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('ยังไม่มีข้อมูล')).toBeTruthy();
  });
});

describe('quarter columns', () => {
  it('marks the current quarter in words and gives each quarter its figures', () => {
    const q = (done: number) => ({ done, total: 8 });
    render(
      <QuarterColumns
        title="รายไตรมาส"
        quarters={{ 1: q(1), 2: q(2), 3: q(0), 4: q(4) }}
        current={4}
        digits="arabic"
      />,
    );
    const svg = screen.getByRole('img', { name: 'รายไตรมาส' });
    const columns = [...svg.querySelectorAll('.chart-col')].map((c) => c.textContent);
    expect(columns).toEqual([
      '1/8(13%)ไตรมาส 1ต.ค.–ธ.ค.',
      '2/8(25%)ไตรมาส 2ม.ค.–มี.ค.',
      '0/8(0%)ไตรมาส 3เม.ย.–มิ.ย.',
      '4/8(50%)ไตรมาส 4ก.ค.–ก.ย.ไตรมาสนี้',
    ]);
    expect(describedBy(svg)).toContain('ไตรมาส 4 (ก.ค.–ก.ย.): 4/8 (50%) ไตรมาสนี้');
    expect(openTable('รายไตรมาส')[3]).toEqual(['ไตรมาส 4 (ก.ค.–ก.ย.)', 'ไตรมาสนี้', '4/8', '50%']);
  });
});

describe('label wrapping', () => {
  it('breaks Thai at word boundaries without losing or splitting characters', () => {
    const lines = wrapLabel(LONG, 20, 10);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(LONG);
    for (const line of lines) expect(line).not.toMatch(/^[\p{Mn}]/u);
  });

  it('ends the last allowed line with an ellipsis when a label is too long', () => {
    const lines = wrapLabel(LONG, 20, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
  });
});
