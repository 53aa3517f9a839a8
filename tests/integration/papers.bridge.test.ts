// A paper at the 25 MB limit crosses the browser bridge: its base64 (about 33 MB of JSON) is within
// the bridge's request limit and reaches the store; a byte more is refused by the contract in words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_PAPER_BYTES } from '../../shared/contract';
import { startBridge, type Bridge } from '../../electron/bridge/index';
import { dispatch, handlers } from '../../electron/handlers/index';
import { paperPdfOfSize } from '../fixtures/paperPdf';

let bridge: Bridge;
let dir: string;
let cookie = '';
let meetingId = 0;
let agendaItemId = 0;

async function call(method: string, input: unknown) {
  const response = await fetch(`${bridge.origin}/__bridge/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: bridge.origin, cookie },
    body: JSON.stringify({ method, input }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    ok: boolean;
    value?: { pages: number; sizeBytes: number };
    error?: { code: string; message: string };
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'board-pack-papers-bridge-'));
  const screens = join(dir, 'renderer');
  bridge = await startBridge({
    dbPath: join(dir, 'board.db'),
    clock: () => new Date('2007-10-15T09:00:00Z'),
    rendererDir: screens,
  });
  const first = await fetch(bridge.url, { redirect: 'manual' });
  cookie = String(first.headers.get('set-cookie')).split(';')[0];
  const created = await dispatch(bridge.services, 'meetings.create', {
    title: 'Serious Violence Strategy Board',
    heldAt: '2007-11-05T10:00',
    reportingMonth: '2007-10',
  });
  if (!created.ok) throw new Error(created.error.message);
  meetingId = (created.value as { id: number }).id;
  agendaItemId = (await bridge.services.store.meetings.agenda(meetingId))[3].id;
});

afterAll(async () => {
  await bridge?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('papers through the browser bridge', () => {
  it('takes a real PDF of exactly 25 MB and refuses one byte more before any handler', async () => {
    const atLimit = await paperPdfOfSize(MAX_PAPER_BYTES);
    const added = await call('papers.add', {
      meetingId,
      agendaItemId,
      fileName: 'borough-returns-scan.pdf',
      pdfBase64: atLimit.toString('base64'),
    });
    expect(added).toMatchObject({ ok: true, value: { pages: 1, sizeBytes: MAX_PAPER_BYTES } });

    const over = Buffer.concat([atLimit, Buffer.from('\n')]);
    const handler = vi.spyOn(handlers, 'papers.add');
    const refused = await call('papers.add', {
      meetingId,
      agendaItemId,
      fileName: 'borough-returns-scan-2.pdf',
      pdfBase64: over.toString('base64'),
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/larger than 25 MB/) },
    });
    expect(handler).not.toHaveBeenCalled();
    handler.mockRestore();
    expect(await bridge.services.store.papers.list(meetingId)).toHaveLength(1);
  });
});
