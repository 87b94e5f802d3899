import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from '../../src/components/ConfirmButton';
import { ProgressBar } from '../../src/components/ProgressBar';
import { QuarterTable } from '../../src/components/QuarterTable';
import { StatusBadge } from '../../src/components/StatusBadge';

describe('presentational components', () => {
  it('a progress bar states done, total and percent in words', () => {
    render(<ProgressBar progress={{ done: 3, total: 4 }} label="ความคืบหน้า" />);
    const bar = screen.getByRole('progressbar', { name: 'ความคืบหน้า' });
    expect(bar.getAttribute('aria-valuetext')).toBe('3 จาก 4 รายการ (75%)');
    expect(screen.getByText('3/4 (75%)')).toBeTruthy();
  });

  it('a status badge says the status in Thai, not by colour alone', () => {
    render(<StatusBadge status="in_progress" />);
    expect(screen.getByText('อยู่ระหว่างดำเนินการ')).toBeTruthy();
  });

  it('the quarter table marks the current quarter', () => {
    const q = { done: 1, total: 2 };
    render(
      <QuarterTable quarters={{ 1: q, 2: q, 3: { done: 0, total: 2 }, 4: q }} caption="ไตรมาส" current={3} />,
    );
    const current = screen.getByRole('columnheader', { current: true });
    expect(current.textContent).toContain('ไตรมาส 3');
    expect(screen.getAllByRole('cell')[2]!.textContent).toContain('0/2');
  });

  it('a delete asks for confirmation and can be cancelled', () => {
    const onConfirm = vi.fn();
    render(<ConfirmButton label="ลบแผน" confirmLabel="ยืนยันการลบ" onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'ลบแผน' }));
    fireEvent.click(screen.getByRole('button', { name: 'ยกเลิก' }));
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'ลบแผน' }));
    fireEvent.click(screen.getByRole('button', { name: 'ยืนยันการลบ' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
