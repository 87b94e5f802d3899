import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../src/hooks/commands';
import { usePlanOverview } from '../../src/hooks/planData';
import { readViewSnapshot, saveViewSnapshot } from '../../src/hooks/viewSnapshot';
import { PlansPage } from '../../src/pages/PlansPage';
import { planInput } from '../unit/db/testDb';
import { emptyApp, renderAt } from './renderRoutes';

beforeEach(emptyApp);

const agency = (name: string) => ({ ...planInput, agency: { ...planInput.agency, name } });

/** Writes what waits to be saved, as leaving the page does. */
const leavePage = () => act(() => void dispatchEvent(new Event('pagehide')));

describe('a screen opened again', () => {
  it('draws what it showed last time at once, then what the database holds now', async () => {
    const planId = await commands.createPlan(agency('อบต.ก่อนแก้'));
    renderAt('/', { '/': PlansPage });
    await screen.findByRole('link', { name: /อบต\.ก่อนแก้/ });
    await waitFor(() => expect(readViewSnapshot('plans')).toBeDefined()); // saved once painted
    cleanup();

    // Changed while the screen was closed (another tab, a sync).
    await commands.updatePlan(planId, agency('อบต.หลังแก้'));
    renderAt('/', { '/': PlansPage });
    // The first frame, before IndexedDB has answered: no "loading", the list as it was.
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('link', { name: /อบต\.ก่อนแก้/ })).toBeTruthy();
    // Then the live list replaces it, and is kept for next time.
    await screen.findByRole('link', { name: /อบต\.หลังแก้/ });
    expect(screen.queryByRole('link', { name: /อบต\.ก่อนแก้/ })).toBeNull();
    leavePage();
    expect(JSON.stringify(readViewSnapshot('plans'))).toContain('อบต.หลังแก้');
  });

  it('shows loading, not a snapshot, where the value feeds a form or a decision', async () => {
    const planId = await commands.createPlan(agency('อบต.ฟอร์ม'));
    saveViewSnapshot(`plan:${planId}`, { plan: { agency: { name: 'ค่าเก่า' } } });
    leavePage();
    expect(readViewSnapshot(`plan:${planId}`)).toBeDefined();
    const statuses: string[] = [];
    function Form() {
      statuses.push(usePlanOverview(planId).status); // no `shown`: a form's starting values
      return null;
    }
    render(<Form />);
    expect(statuses[0]).toBe('loading');
  });
});

describe('the stored snapshots', () => {
  it('ignore what another build wrote, and text that is not theirs', async () => {
    await commands.createPlan(agency('อบต.สด'));
    localStorage.setItem('ita-view:plans', JSON.stringify({ build: 'another', at: 1, data: '[]' }));
    renderAt('/', { '/': PlansPage });
    expect(screen.getByRole('status').textContent).toContain('กำลังโหลด');
    await screen.findByRole('link', { name: /อบต\.สด/ });
    cleanup();

    localStorage.setItem('ita-view:plans', '{not json');
    renderAt('/', { '/': PlansPage });
    expect(screen.getByRole('status').textContent).toContain('กำลังโหลด');
    await screen.findByRole('link', { name: /อบต\.สด/ });
  });

  it('keep the six most recently saved screens', () => {
    for (let i = 1; i <= 8; i++) {
      saveViewSnapshot(`screen:${i}`, { i });
      leavePage();
    }
    const kept = Object.keys(localStorage).filter((k) => k.startsWith('ita-view:'));
    expect(kept.sort()).toEqual([3, 4, 5, 6, 7, 8].map((i) => `ita-view:screen:${i}`));
    expect(readViewSnapshot('screen:8')).toEqual({ i: 8 });
  });

  it('drop a screen whose new value cannot be stored as it is, rather than keep the old one', () => {
    saveViewSnapshot('screen:x', { n: 1 });
    leavePage();
    saveViewSnapshot('screen:x', { when: new Date(0) });
    leavePage();
    expect(readViewSnapshot('screen:x')).toBeUndefined();
  });

  it('leave the screen working when storage refuses to store, with no older snapshot left', () => {
    saveViewSnapshot('screen:full', { n: 1 });
    leavePage();
    const full = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      saveViewSnapshot('screen:full', { n: 2 });
      expect(() => leavePage()).not.toThrow();
      expect(full).toHaveBeenCalled();
    } finally {
      full.mockRestore();
    }
    expect(readViewSnapshot('screen:full')).toBeUndefined();
  });
});
