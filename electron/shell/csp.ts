// The Content-Security-Policy the screens run under, sent as a response header by the app://
// protocol and by the browser bridge alike. Nothing may load from another origin and nothing may be
// evaluated from a string. The built PDF is shown from a blob: URL in an <iframe>, hence frame-src.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * In development the Vite dev server injects an inline React-refresh preamble and talks to its
 * HMR socket, so the dev policy allows exactly that origin. Never used by a built app.
 */
export function developmentPolicy(devOrigin: string): string {
  const socket = devOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'",
    `script-src 'self' 'unsafe-inline' ${devOrigin}`,
  )
    .replace("style-src 'self'", `style-src 'self' 'unsafe-inline' ${devOrigin}`)
    .replace("connect-src 'self'", `connect-src 'self' ${devOrigin} ${socket}`);
}

/** Headers sent with every page and file of the screens. */
export function securityHeaders(policy: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
