// The window title names the screen and what it is about (the meeting or the month), so a person
// switching windows, or a screen reader announcing the window, knows where they are — and, on a
// shared database, which one: two desks may have two boards' records open.
import { useEffect } from 'react';
import { useApp } from './app';

export function useScreenTitle(title: string | null): void {
  const shared = useApp((s) => s.settings?.sharedDatabase?.name ?? null);
  useEffect(() => {
    if (title) document.title = shared ? `${title} – ${shared} – Board Pack` : `${title} – Board Pack`;
  }, [title, shared]);
}
