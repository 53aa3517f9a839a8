// Reads the built screens' files for the app:// protocol and the bridge: a URL path maps to a file
// inside the build folder and never outside it; an unknown path that looks like a screen route
// gets index.html so a reload on any screen works.
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RendererFile {
  path: string;
  contentType: string;
  body: Buffer;
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file for a URL path, or null when the path escapes the folder or names nothing we serve. */
export function resolveRendererFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = normalize(root);
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const candidate = join(base, relative);
  if (candidate !== base && !candidate.startsWith(base.endsWith(sep) ? base : base + sep)) return null;
  if (isFile(candidate)) return candidate;
  // A screen route such as /updates/3 has no extension: the single page answers it.
  if (extname(relative) === '') {
    const index = join(base, 'index.html');
    return isFile(index) ? index : null;
  }
  return null;
}

export function readRendererFile(root: string, urlPath: string): RendererFile | null {
  const path = resolveRendererFile(root, urlPath);
  if (!path) return null;
  return { path, contentType: contentTypeOf(path), body: readFileSync(path) };
}
