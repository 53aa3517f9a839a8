// Where the person is: the screen and its parameters, kept in the location hash so a reload (or a
// crash and reopen) lands on the same screen, strand and month.
import { create } from 'zustand';

export const SCREENS = [
  'home',
  'plan',
  'updates',
  'performance',
  'meetings',
  'pack',
  'settings',
  'audit',
  'exchange',
  'files',
  // Reached from File → Connect to a shared database… and Settings, not the navigation.
  'connect',
] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  /** Further path parts, e.g. ['3'] for strand 3 on the updates screen or a meeting id. */
  parts: string[];
}

export function parseHash(hash: string): Route {
  const [first, ...parts] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const screen = (SCREENS as readonly string[]).includes(first) ? (first as Screen) : 'home';
  return { screen, parts: parts.map(decodeURIComponent) };
}

export function hrefFor(screen: Screen, ...parts: (string | number)[]): string {
  return `#/${[screen, ...parts.map((p) => encodeURIComponent(String(p)))].join('/')}`;
}

interface RouteState extends Route {
  go(screen: Screen, ...parts: (string | number)[]): void;
  sync(): void;
}

export const useRoute = create<RouteState>((set) => ({
  ...parseHash(window.location.hash),
  go(screen, ...parts) {
    const href = hrefFor(screen, ...parts);
    if (window.location.hash !== href) window.location.hash = href;
    set(parseHash(href));
  },
  sync() {
    set(parseHash(window.location.hash));
  },
}));

window.addEventListener('hashchange', () => useRoute.getState().sync());
