import type { ComponentChildren } from 'preact';

/** A full-width notice under the header: update available, database changed, install guide. */
export function Banner({
  tone = 'info',
  children,
  role = 'status',
}: {
  tone?: 'info' | 'warn';
  children: ComponentChildren;
  role?: 'status' | 'alert';
}) {
  return (
    <div class={`banner banner-${tone}`} role={role}>
      {children}
    </div>
  );
}
