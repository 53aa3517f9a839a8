// What a screen shows when there is nothing yet: what this place is for and the next thing to do.
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      <h3>{title}</h3>
      <div>{children}</div>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="error-message" role="alert">
      {text}
    </p>
  );
}
