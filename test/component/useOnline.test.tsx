import { act, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useOnline } from '../../src/hooks/useOnline';

function Probe() {
  return <p>{useOnline() ? 'ออนไลน์' : 'ออฟไลน์'}</p>;
}

describe('useOnline', () => {
  afterEach(() => vi.restoreAllMocks());

  it('catches a change between the first render and its listeners, which no event reports', () => {
    // Online when the component first renders, offline by the time its effect runs.
    const reads = [true];
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => reads.shift() ?? false);
    render(<Probe />);
    expect(screen.getByText('ออฟไลน์')).toBeTruthy();
  });

  it('follows the online and offline events', () => {
    let online = true;
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    render(<Probe />);
    expect(screen.getByText('ออนไลน์')).toBeTruthy();
    online = false;
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(screen.getByText('ออฟไลน์')).toBeTruthy();
  });
});
