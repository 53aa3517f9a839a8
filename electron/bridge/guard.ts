// What a request must show before the bridge answers it: the exact Host this run is bound to, one
// request per connection, a page of the bridge's own origin behind it, JSON for a call, and a path
// that stays inside the built screens.
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

/** The header block is never longer than Node's own limit on it. */
const MAX_HEAD_BYTES = 16 * 1024;
const heads = new WeakMap<Socket, string>();

/**
 * Keeps the raw header block of each connection's first request. Node trims the spaces around a
 * header's value before we see it, so "Host: 127.0.0.1:PORT " would pass a comparison of the parsed
 * value; the raw bytes show it. Every response closes its connection, so every request is the first
 * on its connection and its head is checked.
 */
export function keepRequestHeads(server: Server): void {
  server.on('connection', (socket: Socket) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0 && head.length < MAX_HEAD_BYTES) return;
      socket.removeListener('data', onData);
      heads.set(socket, end < 0 ? '' : head.slice(0, end));
    };
    // Before Node's parser sees the bytes, so the head is kept before the request is handled.
    socket.prependListener('data', onData);
  });
}

/**
 * True when the request is the first on its connection and names exactly `host`: one Host line,
 * nothing after the value, and Node's parsed value agreeing.
 */
export function exactHost(request: IncomingMessage, host: string): boolean {
  const head = heads.get(request.socket);
  heads.delete(request.socket);
  if (!head || request.headers.host !== host) return false;
  const hostLines = head
    .split('\r\n')
    .slice(1)
    .filter((line) => /^host\s*:/i.test(line));
  return hostLines.length === 1 && /^host:[ \t]*(.*)$/i.exec(hostLines[0])?.[1] === host;
}

function oneHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * True when a browser says the request comes from a page of `origin` (or, for a page or file, from
 * the address bar). A page on another port of 127.0.0.1 is the same site, so the SameSite cookie
 * still goes with its requests: only Origin and Sec-Fetch-Site tell them apart. A call must carry
 * Origin, which every browser sends with a POST; a client that is not a browser sends neither
 * header and still needs the token.
 */
export function fromOwnOrigin(request: IncomingMessage, origin: string, isCall: boolean): boolean {
  const from = oneHeader(request, 'origin');
  const site = oneHeader(request, 'sec-fetch-site');
  if (from !== undefined && from !== origin) return false;
  if (isCall) return from === origin && (site === undefined || site === 'same-origin');
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** True when a browser says the request is for a script of one of this origin's own pages. */
export function forOwnScript(request: IncomingMessage): boolean {
  const site = oneHeader(request, 'sec-fetch-site');
  const dest = oneHeader(request, 'sec-fetch-dest');
  return (site === undefined || site === 'same-origin') && (dest === undefined || dest === 'script');
}

/**
 * True for a JSON body. A form or a no-cors fetch can only send text/plain, form-urlencoded or
 * multipart without the browser asking first, so refusing those refuses every cross-site form.
 */
export function isJson(request: IncomingMessage): boolean {
  const type = oneHeader(request, 'content-type') ?? '';
  return type.split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * True when the path as sent climbs out of its folder ("..", ".", backslashes, NUL), plainly or
 * percent-encoded. The URL parser would quietly resolve /../../etc/passwd to /etc/passwd; such a
 * request is answered 404, not with whatever the resolved path names.
 */
export function climbsOut(rawTarget: string): boolean {
  const path = rawTarget.split(/[?#]/)[0];
  if (!path.startsWith('/')) return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  if (/[\\\0]/.test(decoded)) return true;
  return decoded.split('/').some((segment) => segment === '..' || segment === '.');
}
