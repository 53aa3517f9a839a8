// The browser test door: a local HTTP server on 127.0.0.1 that serves the built screens with the
// app's CSP and answers the contract through the same dispatch as the desktop app. Every request
// needs the random token of this run. Used by the end-to-end tests and npm run preview; the
// packaged app never starts it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createServices, dispatch, type ErrorLog, type Services } from '../handlers/index';
import { PROJECT_ROOT } from '../launch/build';
import { securityHeaders } from '../shell/csp';
import { readRendererFile } from '../shell/rendererFiles';
import { openStore, type Clock } from '../store/store';
import { ensureRendererBuild } from './rendererBuild';
import { CALL_PATH, SHIM_PATH, shimScript, TOKEN_HEADER, withShim } from './shim';
import { UNEXPECTED_MESSAGE } from '../../shared/ipc';

export const BRIDGE_HOST = '127.0.0.1';
const COOKIE = 'board_pack_token';
const callBodySchema = z.object({ method: z.string(), input: z.unknown().optional() });
/** A verified pack's PDF arrives base64-encoded; packs run to a few megabytes. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface BridgeOptions {
  dbPath: string;
  clock?: Clock;
  port?: number;
  /** The built screens; by default a build of the current sources, made on demand. */
  rendererDir?: string;
  /** The author recorded for changes made through the bridge. */
  actor?: string;
  log?: ErrorLog;
}

export interface Bridge {
  /** Open this in a browser: it carries the token once, then a cookie does. */
  url: string;
  origin: string;
  /** The address the server is bound to, as the operating system reports it. */
  boundAddress: string;
  token: string;
  services: Services;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
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
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': contentType, ...extra });
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
  const store = openStore(options.dbPath, { clock: options.clock });
  const services = createServices(store, {
    door: 'bridge',
    version: packageVersion(),
    defaultActor: options.actor ?? 'Secretariat',
    log,
  });
  const token = randomBytes(24).toString('base64url');
  let host = '';

  const answerCall = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'Use POST.');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'The request was not JSON.');
    }
    const call = callBodySchema.safeParse(body);
    if (!call.success)
      return send(response, 400, 'text/plain; charset=utf-8', 'The request names no method.');
    const result = await dispatch(services, call.data.method, call.data.input);
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    // Refuse a page that reached us under another host name (DNS rebinding).
    if (request.headers.host !== host) return send(response, 403, 'text/plain; charset=utf-8', 'Wrong host.');
    const url = new URL(request.url ?? '/', `http://${host}`);
    const queryToken = url.searchParams.get('token') ?? undefined;
    const headerToken = request.headers[TOKEN_HEADER];
    const given =
      queryToken ?? (typeof headerToken === 'string' ? headerToken : undefined) ?? cookieToken(request);
    if (!sameToken(given, token)) {
      return send(
        response,
        401,
        'text/plain; charset=utf-8',
        'This Board Pack preview needs the link it printed when it started (it carries a token).',
      );
    }
    if (queryToken !== undefined) {
      // Swap the token in the address for a cookie that only this origin sends back.
      url.searchParams.delete('token');
      return send(response, 303, 'text/plain; charset=utf-8', '', {
        Location: `${url.pathname}${url.search}`,
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (url.pathname === CALL_PATH) return answerCall(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'Not allowed.');
    if (url.pathname === SHIM_PATH)
      return send(response, 200, 'text/javascript; charset=utf-8', shimScript(token));
    const file = readRendererFile(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    if (file.path.endsWith('index.html'))
      return send(response, 200, file.contentType, withShim(file.body.toString('utf8')));
    return send(response, 200, file.contentType, file.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log('bridge request failed', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', UNEXPECTED_MESSAGE);
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, BRIDGE_HOST, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The bridge did not get a TCP port.');
  const { port } = address;
  host = `${BRIDGE_HOST}:${port}`;
  const origin = `http://${host}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    boundAddress: address.address,
    token,
    services,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
