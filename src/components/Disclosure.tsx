import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A <details> whose content is made only when it is first opened, then kept.
 * Closed, it costs its summary alone: meeting mode has one per ticked row,
 * and each panel inside reads the database.
 */
export function Disclosure({
  summary,
  children,
}: {
  summary: ComponentChildren;
  children: ComponentChildren;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children}
    </details>
  );
}
