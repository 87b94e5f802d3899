import { act, render, screen } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { closeToast, closeToastElsewhere, showToast, useToast } from '../../src/hooks/toast';

function Shell({ children }: { children?: ComponentChildren }) {
  const toast = useToast();
  return (
    <div>
      {children}
      <p role="status">{toast?.message ?? ''}</p>
    </div>
  );
}

/** A page that says something as it opens: its effect runs before the shell's. */
function Announces() {
  useEffect(() => showToast({ message: 'นำเข้าแผนแล้ว' }), []);
  return <h1>แผน</h1>;
}

describe('useToast', () => {
  afterEach(closeToast);

  it('shows a toast a child raised on mount, before the shell listened', () => {
    render(
      <Shell>
        <Announces />
      </Shell>,
    );
    expect(screen.getByRole('status').textContent).toBe('นำเข้าแผนแล้ว');
  });
});

describe('a toast and navigation', () => {
  afterEach(() => {
    closeToast();
    history.replaceState(null, '', '/');
  });

  it('goes with the navigation that raised it, and is closed by the next one', async () => {
    history.replaceState(null, '', '/measures/m1');
    render(<Shell />);
    // Saved, then sent to the plan's page in the same task (as a delete with undo does).
    act(() => {
      showToast({ message: 'ลบมาตรการแล้ว', actionLabel: 'เลิกทำ', onAction: () => undefined });
      history.pushState(null, '', '/plans/p1');
    });
    await Promise.resolve();
    act(() => closeToastElsewhere('/plans/p1'));
    expect(screen.getByRole('status').textContent).toBe('ลบมาตรการแล้ว');
    // The person moves on: undo does not follow them to cover the next page.
    act(() => closeToastElsewhere('/plans/p1/meetings'));
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
