// Version 1 exchange files kept as they were written: the request and the return in
// tests/fixtures/exchange/ were made by Board Pack at 9896274, the last version that wrote
// files in clear (its own createRequest and createReturn, strand 1, October 2007). They are
// kept as bytes, not built, because the point is that they never change with the code: every
// later version must still open them. The other v1 tests build files with clearV1File; the last
// test here proves that builder writes the same layout as these files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  signExchangeV1,
  type ExchangeKind,
  type RequestPayload,
  type ReturnPayload,
} from '../../electron/exchange/format';
import { importReturn, previewReturn } from '../../electron/exchange/importReturn';
import { openRequest } from '../../electron/exchange/openRequest';
import { generateKeyPair } from '../../electron/exchange/signing';
import { pinnedIds, secretariatAndLead, secretariatRequest, type Pair } from './exchange.fixtures';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'exchange');
const V1_REQUEST = join(FIXTURES, 'strand-1-2007-10.v1.bpreq');
const V1_RETURN = join(FIXTURES, 'strand-1-2007-10.v1.bpret');
/** The objectives the version 1 return answers, and how. */
const ANSWERED = [
  ['1.I.1', 'green'],
  ['1.I.2', 'amber'],
  ['1.P.1', 'red'],
];

let pair: Pair;
afterEach(() => pair?.close());

describe('version 1 exchange files written by an older Board Pack', () => {
  it('opens a version 1 request at an empty laptop, flagging it as not encrypted', async () => {
    pair = await secretariatAndLead('2007-10-05T10:00:00.000Z');
    const opened = await openRequest(pair.lead, { path: V1_REQUEST, actor: 'DCS Lead' });
    expect(opened).toMatchObject({
      fileId: '00000000-0000-4000-8000-000000000001',
      planId: 'met-serious-violence-2007',
      strandNumber: 1,
      month: '2007-10',
      seeded: true,
      secretariatKey: 'first_use',
      encrypted: false,
    });
    expect((await pair.lead.plan.objectives({ strandNumber: 1, month: '2007-10' })).length).toBe(
      opened.objectives,
    );
  });

  it('takes in a version 1 return answering a request issued here, flagging it as not encrypted', async () => {
    pair = await secretariatAndLead();
    // The request the version 1 return answers: the same id, strand and month, issued here.
    await secretariatRequest(
      pair.secretariat,
      join(pair.dir, 'strand-1.bpreq'),
      { strandNumber: 1, leadName: 'DCS Lead' },
      pinnedIds(),
    );
    pair.clock.set('2007-10-08T09:00:00.000Z');
    const preview = await previewReturn(pair.secretariat, V1_RETURN, { trust: true });
    expect(preview).toMatchObject({ encrypted: false, keyTrusted: false, conflicts: [], author: 'DCS Lead' });
    expect(preview.updates.map((u) => [u.ref, u.incoming.status])).toEqual(ANSWERED);

    const taken = await importReturn(pair.secretariat, {
      path: V1_RETURN,
      actor: 'Secretariat',
      acceptAll: true,
      trust: true,
    });
    expect(taken.accepted).toEqual(ANSWERED.map(([ref]) => ref));
    for (const [ref, status] of ANSWERED) {
      expect(await pair.secretariat.updates.current(ref, '2007-10')).toMatchObject({
        status,
        author: 'DCS Lead',
        state: 'accepted',
      });
    }
  });

  it.each<[ExchangeKind, string]>([
    ['request', V1_REQUEST],
    ['return', V1_RETURN],
  ])('builds a version 1 %s for the other tests in the same layout as the kept file', (kind, path) => {
    const kept = readFileSync(path, 'utf8');
    const { payload, signature } = JSON.parse(kept) as {
      payload: RequestPayload | ReturnPayload;
      signature: unknown;
    };
    const built = JSON.parse(signExchangeV1(kind, payload, generateKeyPair())) as Record<string, unknown>;
    // Only the signature differs (another key): everything else, order and spacing included, is the same.
    expect(`${JSON.stringify({ ...built, signature }, null, 2)}\n`).toBe(kept);
  });
});
