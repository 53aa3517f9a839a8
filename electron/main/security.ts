// Electron's security checklist applied to every web page the app creates: no navigation away from
// the app, no new windows, no webviews, no permissions (camera, notifications, …) ever granted.
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './protocol';

/** True for the app's own pages (and, in development only, the Vite dev server). */
export function isAppUrl(url: string | undefined, devOrigin?: string): boolean {
  if (!url) return false;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  // URL.origin of a custom scheme is "null", so compare the start of the href instead.
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  return devOrigin !== undefined && origin === devOrigin;
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenContents(contents: WebContents, devOrigin?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
