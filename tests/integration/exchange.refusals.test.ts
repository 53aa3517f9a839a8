import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRequest } from '../../electron/exchange/openRequest';
import { importReturn, previewReturn } from '../../electron/exchange/importReturn';
import { signingKey, installationKey, trustKey } from '../../electron/exchange/keys';
import type { RequestPayload, ReturnPayload } from '../../electron/exchange/format';
import { openStore } from '../../electron/store/store';
import { newPassphrase } from '../../electron/exchange/sealing';
import { loadBuiltInPlan } from '../../electron/store/planFile';
import {
  dumpDatabase,
  generateKeyPair,
  leadReturn,
  passphraseFor,
  payloadOf,
  pinnedIds,
  readJson,
  sealedTo,
  secretariatAndLead,
  secretariatRequest,
  signedFile,
  type Pair,
} from './exchange.fixtures';

let pair: Pair;
afterEach(() => pair?.close());

interface Prepared {
  requestPath: string;
  returnPath: string;
}

/**
 * Secretariat issues a request for strand 1 (October 2007); the lead answers every objective.
 * The request carries strand 1's indicators: S1.M1 (not countable) and, when asked, S1.M9 (a percentage).
 */
async function prepare(options: { trustLead?: boolean; percentIndicator?: boolean } = {}): Promise<Prepared> {
  pair = await secretariatAndLead();
  const ids = pinnedIds();
  if (options.percentIndicator)
    await pair.secretariat.indicators.add(
      {
        ref: 'S1.M9',
        title: 'Share of knife crime cases charged',
        outcome: null,
        strand: 1,
        unit: 'percent',
        per: null,
        better: 'higher',
        target: null,
        source: '',
        notes: [],
      },
      pair.secretariat.now(),
      'Secretariat',
    );
  const requestPath = join(pair.dir, 'strand-1.bpreq');
  await secretariatRequest(
    pair.secretariat,
    requestPath,
    { strandNumber: 1, leadName: 'DCS Lead', expiresOn: '2007-10-20' },
    ids,
  );
  await openRequest(pair.lead, {
    path: requestPath,
    actor: 'DCS Lead',
    passphrase: passphraseFor(requestPath),
  });
  for (const o of await pair.lead.plan.objectives({ strandNumber: 1 })) {
    await pair.lead.updates.save(
      {
        ref: o.ref,
        month: '2007-10',
        status: 'green',
        narrative: `On track: ${o.ref}.`,
        author: 'DCS Lead',
        state: 'draft',
      },
      pair.lead.now(),
    );
  }
  const returnPath = join(pair.dir, 'strand-1.bpret');
  await leadReturn(pair.lead, returnPath, ids);
  if (options.trustLead !== false) {
    await trustKey(
      pair.secretariat,
      { fingerprint: (await installationKey(pair.lead))!.fingerprint, name: 'DCS Lead', strandNumber: 1 },
      'Secretariat',
    );
  }
  return { requestPath, returnPath };
}

/** Imports and expects a refusal matching the message, with the secretariat's database untouched. */
async function expectRefused(path: string, message: RegExp) {
  const before = dumpDatabase(pair.secretariat);
  await expect(previewReturn(pair.secretariat, path)).rejects.toThrow(message);
  await expect(
    importReturn(pair.secretariat, { path, actor: 'Secretariat', acceptAll: true }),
  ).rejects.toThrow(message);
  expect(dumpDatabase(pair.secretariat)).toEqual(before);
}

function rewrite(
  path: string,
  change: (file: { payload: ReturnPayload; formatVersion: number; format: string }) => void,
): string {
  const file = readJson<{ payload: ReturnPayload; formatVersion: number; format: string }>(path);
  change(file);
  const out = path.replace('.bpret', '-changed.bpret');
  writeFileSync(out, JSON.stringify(file, null, 2));
  return out;
}

async function resigned(path: string, change: (payload: ReturnPayload) => void): Promise<string> {
  const payload = await payloadOf(path, 'return', pair.secretariat);
  change(payload);
  return signedFile(
    path.replace('.bpret', '-resigned.bpret'),
    'return',
    payload,
    await signingKey(pair.lead, 'DCS Lead'),
    await sealedTo(pair.secretariat),
  );
}

describe('a return file the secretariat refuses, changing nothing', () => {
  it('refuses a file that is not a Board Pack exchange file', async () => {
    await prepare();
    const path = join(pair.dir, 'minutes.bpret');
    writeFileSync(path, 'Minutes of the Serious Violence Strategy Board, 4 October 2007\n');
    await expectRefused(path, /not a Board Pack exchange file/);
    const json = join(pair.dir, 'other.bpret');
    writeFileSync(json, JSON.stringify({ format: 'something-else', version: 3 }));
    await expectRefused(json, /not a Board Pack exchange file/);
  });

  it('refuses a truncated file as incomplete', async () => {
    const { returnPath } = await prepare();
    const bytes = readFileSync(returnPath);
    const cut = join(pair.dir, 'cut.bpret');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(cut, /incomplete or damaged/);
  });

  it('refuses a file with one character of its sealed contents changed as tampered', async () => {
    const { returnPath } = await prepare();
    const file = readJson<{ ciphertext: string }>(returnPath);
    const at = Math.floor(file.ciphertext.length / 2);
    const changed = file.ciphertext[at] === 'A' ? 'B' : 'A';
    file.ciphertext = `${file.ciphertext.slice(0, at)}${changed}${file.ciphertext.slice(at + 1)}`;
    const tampered = join(pair.dir, 'tampered.bpret');
    writeFileSync(tampered, JSON.stringify(file, null, 2));
    await expectRefused(
      tampered,
      /tampered\.bpret was refused: it has been changed or damaged since it was made/,
    );
  });

  it('refuses a 50 MB file by the bytes read, reading no more than the limit', async () => {
    await prepare();
    const big = join(pair.dir, 'huge.bpret');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    await expectRefused(big, /larger than 5 MB\. No Board Pack exchange file is that large/);
  });

  it('refuses a file of a newer format version, saying to install the newer version', async () => {
    const { returnPath } = await prepare();
    await expectRefused(
      rewrite(returnPath, (f) => (f.formatVersion = 3)),
      /newer version of Board Pack \(format version 3/,
    );
  });

  it('refuses a request file offered as a return', async () => {
    const { requestPath } = await prepare();
    await expectRefused(
      requestPath,
      /is a request file \(\.bpreq\), but a return file \(\.bpret\) was expected/,
    );
  });

  it('refuses a return for another plan', async () => {
    const { returnPath } = await prepare();
    await expectRefused(
      await resigned(returnPath, (p) => (p.planId = 'another-strategy')),
      /for another plan \(another-strategy\)/,
    );
  });

  it('refuses a return for another strand than its request', async () => {
    const { returnPath } = await prepare();
    await expectRefused(
      await resigned(returnPath, (p) => (p.strandNumber = 3)),
      /for strand 3, but the request it answers was for strand 1/,
    );
  });

  it('refuses a return arriving more than a week after its request expired, by the clock here', async () => {
    const { returnPath } = await prepare();
    pair.clock.set('2007-10-28T09:00:00.000Z');
    await expectRefused(
      returnPath,
      /expired on 2007-10-20, and returns are taken in for 7 days after that \(until 2007-10-27\)/,
    );
  });

  it('refuses a late return even when the lead dated it before the expiry', async () => {
    const { returnPath } = await prepare();
    const backdated = await resigned(returnPath, (p) => (p.createdAt = '2007-10-02T08:00:00.000Z'));
    pair.clock.set('2007-11-15T09:00:00.000Z');
    await expectRefused(backdated, /expired on 2007-10-20/);
  });

  it('takes in a return written after the expiry when it arrives within the week of grace', async () => {
    const { returnPath } = await prepare();
    const late = await resigned(returnPath, (p) => (p.createdAt = '2007-10-25T08:00:00.000Z'));
    pair.clock.set('2007-10-27T17:00:00.000Z');
    const taken = await importReturn(pair.secretariat, { path: late, actor: 'Secretariat', acceptAll: true });
    expect(taken.accepted.length).toBeGreaterThan(0);
  });

  it('refuses a return signed by an unknown key with its own code, its fingerprint and how to trust it', async () => {
    const { returnPath } = await prepare({ trustLead: false });
    const fingerprint = (await installationKey(pair.lead))!.fingerprint;
    const message =
      `strand-1.bpret was refused: it is signed by a key this copy does not trust for strand 1: ${fingerprint}, from "DCS Lead". ` +
      'Confirm that fingerprint with the lead by phone or in person, then trust it and take in the return again ' +
      '(on the Exchange files screen, or with --trust on the command line). Nothing was changed.';
    const before = dumpDatabase(pair.secretariat);
    // Its own code, so the screen can offer to trust the key once the person has confirmed it.
    const refusal = expect.objectContaining({ code: 'unknown_key', message });
    await expect(previewReturn(pair.secretariat, returnPath)).rejects.toThrow(refusal);
    await expect(
      importReturn(pair.secretariat, { path: returnPath, actor: 'Secretariat', acceptAll: true }),
    ).rejects.toThrow(refusal);
    expect(dumpDatabase(pair.secretariat)).toEqual(before);

    const taken = await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
      trust: true,
    });
    expect(taken.trustedNow).toBe(true);
    expect(taken.accepted.length).toBeGreaterThan(0);
  });

  it("refuses a return signed by a stranger's key even when it names the right request", async () => {
    const { returnPath } = await prepare();
    const payload = await payloadOf(returnPath, 'return', pair.secretariat);
    const forged = signedFile(
      join(pair.dir, 'forged.bpret'),
      'return',
      { ...payload, fileId: '00000000-0000-4000-8000-000000000999' },
      generateKeyPair(),
      await sealedTo(pair.secretariat),
    );
    await expectRefused(forged, /does not trust for strand 1/);
  });

  const figure = {
    month: '2007-10',
    value: 4,
    numerator: null,
    denominator: null,
    note: '',
    savedAt: '2007-10-01T09:00:00.000Z',
  };
  it.each<[string, ReturnPayload['figures'], RegExp]>([
    [
      'a figure for an indicator the request did not carry',
      [{ ...figure, ref: 'S2.M1a' }],
      /holds figures for indicators the request did not carry: S2\.M1a\./,
    ],
    [
      'a figure for a month outside the twelve before the request and its own',
      [{ ...figure, ref: 'S1.M9', month: '2006-09' }],
      /figure for S1\.M9 in 2006-09, outside the months the request asked about \(2006-10 to 2007-10\)/,
    ],
    [
      'two figures for one month',
      [
        { ...figure, ref: 'S1.M9', value: 50, numerator: 1, denominator: 2 },
        { ...figure, ref: 'S1.M9', value: 25, numerator: 1, denominator: 4 },
      ],
      /more than one figure for S1\.M9@2007-10/,
    ],
    [
      'a figure for an indicator that takes no figures',
      [{ ...figure, ref: 'S1.M1' }],
      /Indicator S1\.M1 is not countable/,
    ],
    [
      'a value its numerator and denominator do not give',
      [{ ...figure, ref: 'S1.M9', value: 90, numerator: 12, denominator: 40 }],
      /does not fit: The value for S1\.M9 in 2007-10 is 90, but 12 out of 40 is 30/,
    ],
    [
      'a numerator without its denominator',
      [{ ...figure, ref: 'S1.M9', value: 30, numerator: 12, denominator: null }],
      /not in the expected form \(at payload\.figures\.0: a figure has both a numerator and a denominator, or neither\)/,
    ],
    [
      'a value that is not a number',
      [{ ...figure, ref: 'S1.M9', value: 'lots' as unknown as number }],
      /not in the expected form \(at payload\.figures\.0\.value/,
    ],
    [
      'a figure for an indicator reference that is not one',
      [{ ...figure, ref: '../../KO1' }],
      /not in the expected form \(at payload\.figures\.0\.ref: An indicator reference looks like KO1/,
    ],
  ])('refuses a return carrying %s', async (_case, figures, message) => {
    const { returnPath } = await prepare({ percentIndicator: true });
    await expectRefused(await resigned(returnPath, (p) => (p.figures = figures)), message);
  });

  it('takes a return in once: importing the same file again says when and changes nothing', async () => {
    const { returnPath } = await prepare();
    pair.clock.set('2007-10-09T14:30:00.000Z');
    await importReturn(pair.secretariat, { path: returnPath, actor: 'Secretariat', acceptAll: true });
    await expectRefused(
      returnPath,
      /already imported on 2007-10-09 14:30 UTC by Secretariat\. Nothing was changed\./,
    );
  });
});

describe("a request file the lead's copy refuses, changing nothing", () => {
  async function expectLeadRefused(path: string, message: RegExp, options: { trust?: boolean } = {}) {
    const before = dumpDatabase(pair.lead);
    await expect(
      openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase: passphraseFor(path), ...options }),
    ).rejects.toThrow(message);
    expect(dumpDatabase(pair.lead)).toEqual(before);
  }

  /** A lead's fresh copy that has opened a strand 2 request (first.bpreq) from the secretariat. */
  async function leadCopyOfStrand2(): Promise<{ ids: () => string; first: string }> {
    pair = await secretariatAndLead();
    const ids = pinnedIds();
    const first = join(pair.dir, 'first.bpreq');
    await secretariatRequest(pair.secretariat, first, { strandNumber: 2 }, ids);
    await openRequest(pair.lead, { path: first, actor: 'DCS Lead', passphrase: passphraseFor(first) });
    return { ids, first };
  }

  it('refuses a request that has expired', async () => {
    pair = await secretariatAndLead();
    const path = join(pair.dir, 'r.bpreq');
    await secretariatRequest(pair.secretariat, path, { strandNumber: 2, expiresOn: '2007-10-10' });
    pair.clock.set('2007-10-11T09:00:00.000Z');
    await expectLeadRefused(path, /expired on 2007-10-10\. Ask the secretariat for a new request/);
  });

  it('refuses a request opened a second time', async () => {
    pair = await secretariatAndLead();
    const path = join(pair.dir, 'r.bpreq');
    await secretariatRequest(pair.secretariat, path, { strandNumber: 2 });
    await openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase: passphraseFor(path) });
    await expectLeadRefused(path, /already opened on 2007-10-01 09:00 UTC/);
  });

  it('refuses a request for another plan than the working copy holds', async () => {
    await leadCopyOfStrand2();
    const other = await openStore(join(pair.dir, 'other.db'), {
      clock: pair.clock,
      seedPlan: { ...loadBuiltInPlan(), id: 'another-strategy', title: 'Another Strategy' },
    });
    const path = join(pair.dir, 'other.bpreq');
    await secretariatRequest(other, path, { strandNumber: 2 }, pinnedIds(1));
    await other.close();
    await expectLeadRefused(path, /for another plan \("Another Strategy"\)/);
  });

  it('refuses a request for another strand than the working copy was made for', async () => {
    const { ids } = await leadCopyOfStrand2();
    const path = join(pair.dir, 'strand-3.bpreq');
    await secretariatRequest(pair.secretariat, path, { strandNumber: 3 }, ids);
    await expectLeadRefused(path, /for strand 3, but this working copy is for strand 2/);
  });

  it('refuses a request signed by a different secretariat key until the person confirms it', async () => {
    const { ids, first } = await leadCopyOfStrand2();
    const payload: RequestPayload = await payloadOf(first, 'request', pair.lead);
    const impostor = generateKeyPair();
    const path = signedFile(
      join(pair.dir, 'impostor.bpreq'),
      'request',
      { ...payload, fileId: ids(), month: '2007-11' },
      impostor,
      await sealedTo(pair.lead),
    );
    await expectLeadRefused(
      path,
      new RegExp(`signed by a key this copy does not know \\(${impostor.fingerprint}\\)`),
    );
    // Its own code, so a screen can offer to trust the key once the person has confirmed it.
    await expect(openRequest(pair.lead, { path, actor: 'DCS Lead' })).rejects.toThrow(
      expect.objectContaining({ code: 'unknown_key' }),
    );
    expect((await openRequest(pair.lead, { path, actor: 'DCS Lead', trust: true })).secretariatKey).toBe(
      'trusted_now',
    );
  });

  const withIndicators = (change: (indicators: NonNullable<RequestPayload['indicators']>) => void) => change;
  it.each<[string, (indicators: NonNullable<RequestPayload['indicators']>) => void, RegExp]>([
    [
      'a figure its numerator and denominator do not give',
      withIndicators(
        (i) => (i[1].figures = [{ month: '2007-09', value: 90, numerator: 10, denominator: 40, note: '' }]),
      ),
      /figures does not fit: The value for S2\.M1b in 2007-09 is 90, but 10 out of 40 is 25/,
    ],
    [
      'a key outcome the plan does not have',
      withIndicators((i) => (i[0].outcome = 99)),
      /indicator S2\.M1a names key outcome 99, which the plan does not have/,
    ],
    [
      'a figure from before the months a request carries',
      withIndicators(
        (i) =>
          (i[0].figures = [{ month: '2005-01', value: 3, numerator: null, denominator: null, note: '' }]),
      ),
      /S2\.M1a has a figure for 2005-01, outside the months a request carries \(2006-10 to 2007-10\)/,
    ],
    [
      'figures for a measure that is not countable',
      withIndicators((i) => Object.assign(i[0], { countable: false, unit: null, better: null })),
      /at payload\.indicators\.0: an indicator that is not countable has no figures/,
    ],
    [
      'one indicator listed twice',
      withIndicators((i) => i.push({ ...i[0] })),
      /indicator S2\.M1a is listed more than once/,
    ],
    [
      'a rate without its base',
      withIndicators((i) => (i[0].unit = 'rate')),
      /a rate says what it is per, and only a rate does/,
    ],
  ])('refuses a request whose indicators carry %s', async (_case, change, message) => {
    pair = await secretariatAndLead();
    await pair.secretariat.indicators.setFigure(
      {
        ref: 'S2.M1a',
        month: '2007-09',
        value: 3,
        numerator: null,
        denominator: null,
        note: '',
        source: 'typed',
        author: 'Secretariat',
      },
      pair.secretariat.now(),
    );
    const issued = join(pair.dir, 'issued.bpreq');
    await secretariatRequest(pair.secretariat, issued, { strandNumber: 2 });
    const payload: RequestPayload = await payloadOf(issued, 'request', pair.lead);
    change(payload.indicators!);
    const path = signedFile(
      join(pair.dir, 'hostile.bpreq'),
      'request',
      payload,
      await signingKey(pair.secretariat, 'Secretariat'),
      { method: 'passphrase', passphrase: newPassphrase() },
    );
    await expectLeadRefused(path, message);
  });

  it("refuses a request addressed to another person's key", async () => {
    pair = await secretariatAndLead();
    await trustKey(
      pair.secretariat,
      { fingerprint: generateKeyPair().fingerprint, name: 'Someone Else', strandNumber: 2 },
      'Secretariat',
    );
    const path = join(pair.dir, 'r.bpreq');
    await secretariatRequest(pair.secretariat, path, { strandNumber: 2 });
    await expectLeadRefused(path, /addressed to the key .* meant for another person's copy/);
  });
});
