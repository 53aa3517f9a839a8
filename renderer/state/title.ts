// The window title names the screen and what it is about (the meeting or the month), so a person
// switching windows, or a screen reader announcing the window, knows where they are.
import { useEffect } from 'react';

export function useScreenTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = `${title} – Board Pack`;
  }, [title]);
}
