// The browser test door: a local HTTP server on 127.0.0.1 that serves the built screens with the
// app's CSP and answers the contract through the same dispatch as the desktop app. Every request
// needs the random token of this run and must come from the bridge's own origin (guard.ts). Used by
// the end-to-end tests and npm run preview; the packaged app never starts it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createServices, dispatch, type ErrorLog, type Services } from '../handlers/index';
import { PROJECT_ROOT } from '../launch/build';
import type { CallResult } from '../../shared/contract';
import { securityHeaders } from '../shell/csp';
import type { DatabaseSession } from '../shell/databaseSession';
import { readRendererFile } from '../shell/rendererFiles';
import { openStore, type Clock } from '../store/store';
import { climbsOut, exactHost, forOwnScript, fromOwnOrigin, isJson, keepRequestHeads } from './guard';
import { ensureRendererBuild } from './rendererBuild';
import { CALL_PATH, SHIM_PATH, shimScript, withShim } from './shim';
import { UNEXPECTED_MESSAGE } from '../../shared/ipc';

export const BRIDGE_HOST = '127.0.0.1';
const TEXT = 'text/plain; charset=utf-8';
const callBodySchema = z.object({ method: z.string(), input: z.unknown().optional() });
/** A verified pack's PDF arrives base64-encoded; packs run to a few megabytes. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

interface BridgeCommonOptions {
  clock?: Clock;
  port?: number;
  /** The built screens; by default a build of the current sources, made on demand. */
  rendererDir?: string;
  /** The author recorded for changes made through the bridge. */
  actor?: string;
  log?: ErrorLog;
}

/**
 * A database file the bridge opens and answers on; or a desktop session (DatabaseSession), whose
 * open database can be replaced from the screens — a shared one connected, a backup restored — as
 * in the desktop app, for the tests of those screens.
 */
export type BridgeOptions = BridgeCommonOptions & ({ dbPath: string } | { session: DatabaseSession });

export interface Bridge {
  /** Open this in a browser: it carries the token once, then a cookie does. */
  url: string;
  origin: string;
  /** The address the server is bound to, as the operating system reports it. */
  boundAddress: string;
  token: string;
  /** The open database's services (a session's current ones). */
  readonly services: Services;
  close(): Promise<void>;
}

interface Door {
  answer(method: unknown, input: unknown): Promise<CallResult<unknown>>;
  services(): Services;
  close(): Promise<void>;
}

async function openDoor(options: BridgeOptions, log: ErrorLog): Promise<Door> {
  if ('session' in options) {
    const { session } = options;
    return {
      answer: (method, input) => session.answer(method, input),
      services: () => session.services,
      close: () => session.close(),
    };
  }
  const store = await openStore(options.dbPath, { clock: options.clock });
  const services = createServices(store, {
    door: 'bridge',
    version: packageVersion(),
    defaultActor: options.actor ?? 'Secretariat',
    log,
  });
  return {
    answer: (method, input) => dispatch(services, method, input),
    services: () => services,
    close: () => store.close(),
  };
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage, cookie: string): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie) return value.join('=');
  }
  return undefined;
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...securityHeaders(),
    // No page of another origin may use a response, even as a <script> or an <img>.
    'Cross-Origin-Resource-Policy': 'same-origin',
    // One request per connection: each one's raw Host line is checked (guard.ts).
    Connection: 'close',
    'Content-Type': contentType,
    ...extra,
  });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function packageVersion(): string {
  try {
    return (
      (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string })
        .version ?? '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const rendererDir = options.rendererDir ?? (await ensureRendererBuild());
  const log: ErrorLog =
    options.log ?? ((context, error) => console.error(`[board-pack bridge] ${context}:`, error));
  const door = await openDoor(options, log);
  const token = randomBytes(24).toString('base64url');
  let host = '';
  let origin = '';
  // Cookies are shared by every port of a host: the port in the name keeps two previews apart.
  let cookie = '';

  const answerCall = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') return send(response, 405, TEXT, 'Use POST.');
    if (!isJson(request)) return send(response, 415, TEXT, 'A call is sent as application/json.');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      return send(response, 400, TEXT, 'The request was not JSON.');
    }
    const call = callBodySchema.safeParse(body);
    if (!call.success) return send(response, 400, TEXT, 'The request names no method.');
    const result = await door.answer(call.data.method, call.data.input);
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  };

  const answerFile = (request: IncomingMessage, response: ServerResponse, path: string) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, TEXT, 'Not allowed.');
    if (path === SHIM_PATH) {
      if (!forOwnScript(request)) return send(response, 403, TEXT, 'Only the preview’s own page.');
      return send(response, 200, 'text/javascript; charset=utf-8', shimScript());
    }
    const file = readRendererFile(rendererDir, path === '/' ? '/index.html' : path);
    // The screens route by the location hash, so a path that is not a file of the build (which
    // readRendererFile answers with index.html for the desktop app) names nothing here.
    const index = join(rendererDir, 'index.html');
    if (!file || (file.path === index && path !== '/' && path !== '/index.html'))
      return send(response, 404, TEXT, 'Not found.');
    if (file.path === index)
      return send(response, 200, file.contentType, withShim(file.body.toString('utf8')));
    return send(response, 200, file.contentType, file.body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    // Refuse a page that reached us under another host name (DNS rebinding), exactly.
    if (!exactHost(request, host)) return send(response, 403, TEXT, 'Wrong host.');
    const url = new URL(request.url ?? '/', origin);
    const isCall = url.pathname === CALL_PATH;
    if (!fromOwnOrigin(request, origin, isCall))
      return send(response, 403, TEXT, 'This Board Pack preview answers only its own page.');
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (!sameToken(queryToken ?? cookieToken(request, cookie), token)) {
      return send(
        response,
        401,
        TEXT,
        'This Board Pack preview needs the link it printed when it started (it carries a token).',
      );
    }
    if (climbsOut(request.url ?? '/')) return send(response, 404, TEXT, 'Not found.');
    if (queryToken !== undefined) {
      if (request.method !== 'GET' || isCall) return send(response, 405, TEXT, 'Open the link.');
      // Swap the token in the address for a cookie that only this origin's own pages send back:
      // HttpOnly, so no script (the screens' included) ever reads it.
      url.searchParams.delete('token');
      return send(response, 303, TEXT, '', {
        Location: `${url.pathname}${url.search}`,
        'Set-Cookie': `${cookie}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (isCall) return answerCall(request, response);
    return answerFile(request, response, url.pathname);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log('bridge request failed', error);
      if (!response.headersSent) send(response, 500, TEXT, UNEXPECTED_MESSAGE);
      else response.end();
    });
  });
  keepRequestHeads(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, BRIDGE_HOST, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The bridge did not get a TCP port.');
  const { port } = address;
  host = `${BRIDGE_HOST}:${port}`;
  origin = `http://${host}`;
  cookie = `board_pack_token_${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    boundAddress: address.address,
    token,
    get services() {
      return door.services();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(() => {
          door.close().then(resolve, reject);
        });
        server.closeAllConnections();
      }),
  };
}
