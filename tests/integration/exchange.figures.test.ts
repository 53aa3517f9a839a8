// Indicator figures through the exchange: a request carries strand 2's indicators (S2.M1a, a
// count; S2.M1b, a percentage) with the secretariat's figures for the last 12 months, the lead's
// copy takes them in, the lead enters figures, the return carries them, and the secretariat
// previews and records them, with conflicts for figures changed here after the request went out.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importReturn, previewReturn } from '../../electron/exchange/importReturn';
import { installationKey, signingKey, trustKey } from '../../electron/exchange/keys';
import { openRequest } from '../../electron/exchange/openRequest';
import { newPassphrase } from '../../electron/exchange/sealing';
import type { FigureInput } from '../../electron/store/indicators';
import type { Store } from '../../electron/store/store';
import {
  dumpDatabase,
  leadReturn,
  passphraseFor,
  payloadOf,
  pinnedIds,
  secretariatAndLead,
  secretariatRequest,
  signedFile,
  type Pair,
} from './exchange.fixtures';

let pair: Pair;
afterEach(() => pair?.close());

function figure(store: Store, input: Partial<FigureInput> & Pick<FigureInput, 'ref' | 'month' | 'value'>) {
  return store.indicators.setFigure(
    { numerator: null, denominator: null, note: '', source: 'typed', author: 'Secretariat', ...input },
    store.now(),
  );
}

/** The secretariat holds August and September figures, then sends strand 2's October request. */
async function requestOpened() {
  pair = await secretariatAndLead();
  const ids = pinnedIds();
  await figure(pair.secretariat, { ref: 'S2.M1a', month: '2007-08', value: 31 });
  await figure(pair.secretariat, { ref: 'S2.M1a', month: '2007-09', value: 40 });
  await figure(pair.secretariat, {
    ref: 'S2.M1b',
    month: '2007-09',
    value: 25,
    numerator: 10,
    denominator: 40,
  });
  const requestPath = join(pair.dir, 'strand-2.bpreq');
  const made = await secretariatRequest(
    pair.secretariat,
    requestPath,
    { strandNumber: 2, leadName: 'DCS Lead', expiresOn: '2007-10-20' },
    ids,
  );
  const opened = await openRequest(pair.lead, {
    path: requestPath,
    actor: 'DCS Lead',
    passphrase: passphraseFor(requestPath),
  });
  await trustKey(
    pair.secretariat,
    { fingerprint: (await installationKey(pair.lead))!.fingerprint, name: 'DCS Lead', strandNumber: 2 },
    'Secretariat',
  );
  return { ids, requestPath, made, opened };
}

/** The lead enters October's figures and corrects September's count, then writes the return. */
async function leadAnswers(ids: () => string): Promise<string> {
  pair.clock.set('2007-10-05T10:00:00.000Z');
  const lead = { source: 'typed', author: 'DCS Lead' } as const;
  await figure(pair.lead, { ref: 'S2.M1a', month: '2007-10', value: 44, note: 'Provisional.', ...lead });
  await figure(pair.lead, {
    ref: 'S2.M1b',
    month: '2007-10',
    value: 30,
    numerator: 12,
    denominator: 40,
    ...lead,
  });
  await figure(pair.lead, { ref: 'S2.M1a', month: '2007-09', value: 41, note: 'Two late crimes.', ...lead });
  const returnPath = join(pair.dir, 'strand-2.bpret');
  const made = await leadReturn(pair.lead, returnPath, ids);
  expect(made.figures).toBe(3);
  return returnPath;
}

describe("a strand's indicators and figures through the exchange", () => {
  it("carries the strand's indicators and 12 months of figures, which the lead's copy takes in", async () => {
    const { requestPath, made, opened } = await requestOpened();
    expect(made.indicators).toBe(2);
    const payload = await payloadOf(requestPath, 'request', pair.lead, passphraseFor(requestPath));
    expect(payload.indicators?.map((i) => [i.ref, i.unit, i.figures.map((f) => f.month)])).toEqual([
      ['S2.M1a', 'count', ['2007-08', '2007-09']],
      ['S2.M1b', 'percent', ['2007-09']],
    ]);
    expect(opened).toMatchObject({ indicatorsAdded: ['S2.M1a', 'S2.M1b'], figuresCopied: 3 });
    expect((await pair.lead.indicators.list()).map((i) => i.ref)).toEqual(['S2.M1a', 'S2.M1b']);
    expect(await pair.lead.indicators.currentFigures({ refs: ['S2.M1b'] })).toEqual([
      expect.objectContaining({
        month: '2007-09',
        value: 25,
        numerator: 10,
        denominator: 40,
        source: 'exchange',
        author: 'Secretariat',
      }),
    ]);
  });

  it('takes the lead\'s figures back: shown beside ours in the preview, recorded as "exchange" and audited', async () => {
    const { ids } = await requestOpened();
    const returnPath = await leadAnswers(ids);
    const returned = await payloadOf(returnPath, 'return', pair.secretariat);
    // The figures the request carried and the lead left alone do not travel back.
    expect(returned.figures?.map((f) => `${f.ref}@${f.month}`)).toEqual([
      'S2.M1a@2007-09',
      'S2.M1a@2007-10',
      'S2.M1b@2007-10',
    ]);

    pair.clock.set('2007-10-08T09:00:00.000Z');
    const preview = await previewReturn(pair.secretariat, returnPath);
    expect(preview.figureConflicts).toEqual([]);
    expect(preview.figures.find((f) => f.key === 'S2.M1a@2007-09')).toMatchObject({
      indicator: expect.any(String),
      current: { value: 40, source: 'typed', author: 'Secretariat', revision: 1 },
      incoming: { value: 41, note: 'Two late crimes.' },
      conflict: false,
    });
    expect(preview.figures.find((f) => f.key === 'S2.M1b@2007-10')).toMatchObject({
      current: null,
      incoming: { value: 30, numerator: 12, denominator: 40 },
    });

    const taken = await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
    });
    expect(taken.figuresAccepted).toEqual(['S2.M1a@2007-09', 'S2.M1a@2007-10', 'S2.M1b@2007-10']);
    const october = await pair.secretariat.indicators.currentFigures({ from: '2007-09', to: '2007-10' });
    expect(october.map((f) => [f.ref, f.month, f.value, f.source, f.author, f.revision])).toEqual([
      ['S2.M1a', '2007-09', 41, 'exchange', 'DCS Lead', 2],
      ['S2.M1a', '2007-10', 44, 'exchange', 'DCS Lead', 1],
      ['S2.M1b', '2007-09', 25, 'typed', 'Secretariat', 1],
      ['S2.M1b', '2007-10', 30, 'exchange', 'DCS Lead', 1],
    ]);
    // September's first figure is kept as a revision: nothing is overwritten.
    expect((await pair.secretariat.indicators.revisions('S2.M1a', '2007-09')).map((f) => f.value)).toEqual([
      41, 40,
    ]);
    const audit = await pair.secretariat.audit.list({ entity: 'indicator' });
    expect(
      audit
        .filter((a) => a.action === 'indicator.figure' && a.at === '2007-10-08T09:00:00.000Z')
        .map((a) => [a.actor, a.entityId]),
    ).toEqual(
      expect.arrayContaining([
        ['DCS Lead', 'S2.M1a 2007-09'],
        ['DCS Lead', 'S2.M1a 2007-10'],
        ['DCS Lead', 'S2.M1b 2007-10'],
      ]),
    );
    const imported = (await pair.secretariat.audit.list()).find((a) => a.action === 'exchange.return.import');
    expect(imported?.after).toMatchObject({ figuresAccepted: taken.figuresAccepted, figuresRejected: [] });
  });

  it('shows a figure changed here after the request went out as a conflict with both values, and keeps ours when told', async () => {
    const { ids } = await requestOpened();
    const returnPath = await leadAnswers(ids);
    pair.clock.set('2007-10-06T11:00:00.000Z');
    await figure(pair.secretariat, { ref: 'S2.M1a', month: '2007-09', value: 39, note: 'Audited count.' });
    // Changed here too, but to what the lead says: no conflict.
    await figure(pair.secretariat, { ref: 'S2.M1a', month: '2007-10', value: 44, note: 'Provisional.' });

    const preview = await previewReturn(pair.secretariat, returnPath);
    expect(preview.figureConflicts).toEqual(['S2.M1a@2007-09']);
    expect(preview.figures.find((f) => f.key === 'S2.M1a@2007-09')).toMatchObject({
      current: { value: 39, note: 'Audited count.', revision: 2 },
      incoming: { value: 41, note: 'Two late crimes.' },
      conflict: true,
    });

    const before = dumpDatabase(pair.secretariat);
    await expect(
      importReturn(pair.secretariat, { path: returnPath, actor: 'Secretariat', acceptAll: true }),
    ).rejects.toThrow(
      /figures were changed here after the request went out.*S2\.M1a@2007-09: here 39 \(typed, by Secretariat\); from the lead 41.*Nothing was changed/,
    );
    expect(dumpDatabase(pair.secretariat)).toEqual(before);

    const taken = await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
      figureDecisions: { 'S2.M1a@2007-09': 'reject' },
      figureReasons: { 'S2.M1a@2007-09': 'The audited count stands.' },
    });
    expect(taken.figuresRejected).toEqual(['S2.M1a@2007-09']);
    expect(
      (await pair.secretariat.indicators.currentFigures({ refs: ['S2.M1a'], from: '2007-09' }))[0],
    ).toMatchObject({
      value: 39,
      author: 'Secretariat',
    });
    const rejection = (await pair.secretariat.audit.list()).find(
      (a) => a.action === 'exchange.figure.reject',
    );
    expect(rejection).toMatchObject({
      actor: 'Secretariat',
      entityId: 'S2.M1a@2007-09',
      after: { reason: 'The audited count stands.', incoming: { value: 41 } },
    });
  });

  it('opens a version 2 request written before indicators travelled, and answers it without figures', async () => {
    pair = await secretariatAndLead();
    const ids = pinnedIds();
    const issued = join(pair.dir, 'issued.bpreq');
    await secretariatRequest(pair.secretariat, issued, { strandNumber: 2, leadName: 'DCS Lead' }, ids);
    const { indicators: _indicators, ...older } = await payloadOf(
      issued,
      'request',
      pair.lead,
      passphraseFor(issued),
    );
    const path = signedFile(
      join(pair.dir, 'older.bpreq'),
      'request',
      older,
      await signingKey(pair.secretariat, 'Secretariat'),
      { method: 'passphrase', passphrase: newPassphrase() },
    );
    const opened = await openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase: passphraseFor(path) });
    expect(opened).toMatchObject({ seeded: true, indicatorsAdded: [], figuresCopied: 0 });
    expect(await pair.lead.indicators.count()).toBe(0);

    const returnPath = join(pair.dir, 'older.bpret');
    expect((await leadReturn(pair.lead, returnPath, ids)).figures).toBe(0);
    await trustKey(
      pair.secretariat,
      { fingerprint: (await installationKey(pair.lead))!.fingerprint, name: 'DCS Lead', strandNumber: 2 },
      'Secretariat',
    );
    expect('figures' in (await payloadOf(returnPath, 'return', pair.secretariat))).toBe(false);
    expect((await previewReturn(pair.secretariat, returnPath)).figures).toEqual([]);
  });
});
