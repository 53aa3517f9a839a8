// The app:// protocol that serves the built screens with the security headers: the window never
// loads a file:// page or a remote URL.
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../shell/csp';
import { readRendererFile } from '../shell/rendererFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'board-pack';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready: a standard, secure scheme gets an origin, fetch and relative URLs. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The response for one app:// request: a file of the build, with the CSP header, or 404. */
export function appResponse(
  rendererDir: string,
  url: string,
  policy: string = CONTENT_SECURITY_POLICY,
): Response {
  const headers = securityHeaders(policy);
  const parsed = new URL(url);
  const file = parsed.host === APP_HOST ? readRendererFile(rendererDir, parsed.pathname) : null;
  if (!file)
    return new Response('Not found', {
      status: 404,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { ...headers, 'Content-Type': file.contentType },
  });
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url));
}
