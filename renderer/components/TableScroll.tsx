// A wide table's own scrolling box: on a narrow window the table scrolls sideways inside it, never
// the screen. Focusable and named, so the keyboard can scroll it too.
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
