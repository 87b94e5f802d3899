import { render, screen } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { closeToast, showToast, useToast } from '../../src/hooks/toast';

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
