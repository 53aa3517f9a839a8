// Exchange files travel sealed to their recipient (format version 2): what a lost stick shows, the
// first request's passphrase, tampering, old clear files, and the hostile files of issue 18.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRequest } from '../../electron/exchange/openRequest';
import { importReturn, previewReturn } from '../../electron/exchange/importReturn';
import { installationKey, signingKey, trustKey } from '../../electron/exchange/keys';
import type { RequestPayload, ReturnPayload } from '../../electron/exchange/format';
import { createReturn } from '../../electron/exchange/return';
import {
  newPassphrase,
  normalisePassphrase,
  x25519PrivateKeyOf,
  x25519PublicKeyOf,
} from '../../electron/exchange/sealing';
import { openStore } from '../../electron/store/store';
import {
  clearV1File,
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

/** The lead writes a Green update for every objective of the strand it opened. */
async function leadWrites(month = '2007-10', strandNumber = 1) {
  for (const o of await pair.lead.plan.objectives({ strandNumber, month })) {
    await pair.lead.updates.save(
      {
        ref: o.ref,
        month,
        status: 'green',
        narrative: `Confidential progress on ${o.ref}.`,
        author: 'DCS Lead',
        state: 'draft',
      },
      pair.lead.now(),
    );
  }
}

/** A first request for strand 1, opened at the lead's with its passphrase, and the lead's return. */
async function firstRound() {
  pair = await secretariatAndLead();
  const ids = pinnedIds();
  const requestPath = join(pair.dir, 'strand-1.bpreq');
  const made = await secretariatRequest(
    pair.secretariat,
    requestPath,
    { strandNumber: 1, leadName: 'DCS Lead', expiresOn: '2007-10-20' },
    ids,
  );
  await openRequest(pair.lead, { path: requestPath, actor: 'DCS Lead', passphrase: made.passphrase! });
  await leadWrites();
  const returnPath = join(pair.dir, 'strand-1.bpret');
  await leadReturn(pair.lead, returnPath, ids);
  return { ids, made, requestPath, returnPath };
}

async function expectLeadRefused(path: string, message: RegExp, passphrase?: string) {
  const before = dumpDatabase(pair.lead);
  await expect(openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase })).rejects.toThrow(message);
  expect(dumpDatabase(pair.lead)).toEqual(before);
}

async function expectSecretariatRefused(path: string, message: RegExp) {
  const before = dumpDatabase(pair.secretariat);
  await expect(previewReturn(pair.secretariat, path)).rejects.toThrow(message);
  await expect(
    importReturn(pair.secretariat, { path, actor: 'Secretariat', acceptAll: true }),
  ).rejects.toThrow(message);
  expect(dumpDatabase(pair.secretariat)).toEqual(before);
}

describe('sealed exchange files', () => {
  it('carries a strand round trip with nothing of the plan or the updates readable on the stick', async () => {
    const { made, requestPath, returnPath } = await firstRound();
    expect(made.lockedWith).toBe('passphrase');
    expect(made.passphrase).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    for (const path of [requestPath, returnPath]) {
      const text = readFileSync(path, 'utf8');
      expect(text).not.toMatch(/Confidential|objective|narrative|Serious|DCS Lead|1\.E\.1/i);
      expect(readJson<{ formatVersion: number }>(path).formatVersion).toBe(2);
    }
    const taken = await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
      trust: true,
    });
    expect(taken.preview.encrypted).toBe(true);
    expect(taken.accepted.length).toBe((await pair.lead.plan.objectives({ strandNumber: 1 })).length);
    const held = [...(await pair.secretariat.updates.reported('2007-10', 1)).values()];
    expect(held.every((u) => u.narrative.startsWith('Confidential progress'))).toBe(true);
  });

  it("seals the next request to the lead's key once a return has shown it, and only that copy opens it", async () => {
    const { ids, returnPath } = await firstRound();
    await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
      trust: true,
    });
    const november = join(pair.dir, 'strand-1-2007-11.bpreq');
    const made = await secretariatRequest(
      pair.secretariat,
      november,
      { strandNumber: 1, month: '2007-11' },
      ids,
    );
    expect([made.lockedWith, made.passphrase]).toEqual(['lead_key', null]);
    expect(readJson<{ lock: { recipient: string } }>(november).lock.recipient).toBe(
      (await installationKey(pair.lead))!.fingerprint,
    );

    const newLaptop = await openStore(join(pair.dir, 'new-laptop.db'), { clock: pair.clock, seedPlan: null });
    await signingKey(newLaptop, 'DCS Lead');
    const before = dumpDatabase(newLaptop);
    await expect(openRequest(newLaptop, { path: november, actor: 'DCS Lead' })).rejects.toThrow(
      /is locked for the key .*, not this copy's key, so only that copy can open it\. If this is a new laptop, ask the secretariat for a request locked with a passphrase\. Nothing was changed\./,
    );
    expect(dumpDatabase(newLaptop)).toEqual(before);
    await newLaptop.close();

    expect((await openRequest(pair.lead, { path: november, actor: 'DCS Lead' })).encrypted).toBe(true);
  });

  it('locks with a passphrase when asked, for a lead who has a new laptop', async () => {
    const { ids, returnPath } = await firstRound();
    await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
      trust: true,
    });
    const path = join(pair.dir, 'again.bpreq');
    const made = await secretariatRequest(
      pair.secretariat,
      path,
      { strandNumber: 1, month: '2007-11', lockWithPassphrase: true },
      ids,
    );
    expect(made.lockedWith).toBe('passphrase');
    expect(readJson<{ lock: { method: string } }>(path).lock.method).toBe('passphrase');
  });

  it('refuses a first request without its passphrase, or with a wrong one, changing nothing', async () => {
    pair = await secretariatAndLead();
    const path = join(pair.dir, 'r.bpreq');
    await secretariatRequest(pair.secretariat, path, { strandNumber: 2 });
    const refusal = expect.objectContaining({
      code: 'passphrase_required',
      message: expect.stringMatching(
        /^r\.bpreq was refused: it is locked with a passphrase\. The secretariat reads it out by phone/,
      ),
    });
    await expect(openRequest(pair.lead, { path, actor: 'DCS Lead' })).rejects.toThrow(refusal);
    await expectLeadRefused(path, /that passphrase does not open it/, newPassphrase());
    // Typed as heard: lower case, spaces for dashes, O for 0 and I or L for 1 all open it.
    const heard = passphraseFor(path)!.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect((await openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase: heard })).seeded).toBe(true);
  });

  it('refuses a file whose ciphertext, nonce or lock was changed, changing nothing', async () => {
    const { returnPath } = await firstRound();
    const file = readJson<Record<string, unknown> & { lock: Record<string, unknown>; nonce: string }>(
      returnPath,
    );
    const flip = (text: string) => `${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`;
    const variants = {
      ciphertext: { ...file, ciphertext: flip(file.ciphertext as string) },
      nonce: { ...file, nonce: flip(file.nonce) },
      ephemeral: { ...file, lock: { ...file.lock, ephemeralKey: flip(file.lock.ephemeralKey as string) } },
      wrapped: { ...file, lock: { ...file.lock, wrappedKey: flip(file.lock.wrappedKey as string) } },
    };
    for (const [name, changed] of Object.entries(variants)) {
      const path = join(pair.dir, `${name}.bpret`);
      writeFileSync(path, JSON.stringify(changed, null, 2));
      await expectSecretariatRefused(
        path,
        new RegExp(`^${name}\\.bpret was refused: it has been changed or damaged since it was made`),
      );
    }
    const request = readJson<Record<string, unknown> & { lock: Record<string, unknown> }>(
      join(pair.dir, 'strand-1.bpreq'),
    );
    const salted = join(pair.dir, 'salted.bpreq');
    writeFileSync(salted, JSON.stringify({ ...request, lock: { ...request.lock, cost: 16 } }));
    await expectLeadRefused(
      salted,
      /that passphrase does not open it/,
      passphraseFor(join(pair.dir, 'strand-1.bpreq')),
    );
  });
});

describe('version 1 files, written in clear before files were sealed', () => {
  it('still opens a clear request and takes in a clear return, flagging both as not encrypted', async () => {
    pair = await secretariatAndLead();
    const ids = pinnedIds();
    const sealed = join(pair.dir, 'sealed.bpreq');
    await secretariatRequest(pair.secretariat, sealed, { strandNumber: 1, leadName: 'DCS Lead' }, ids);
    const payload: RequestPayload = await payloadOf(sealed, 'request', pair.lead);
    const clearRequest = clearV1File(
      join(pair.dir, 'old.bpreq'),
      'request',
      payload,
      await signingKey(pair.secretariat, 'Secretariat'),
    );
    expect(readFileSync(clearRequest, 'utf8')).toContain('"formatVersion": 1');
    const opened = await openRequest(pair.lead, { path: clearRequest, actor: 'DCS Lead' });
    expect(opened.encrypted).toBe(false);

    await leadWrites();
    // An older lead's copy answers in clear too.
    const sealedReturn = join(pair.dir, 'sealed.bpret');
    await createReturn(pair.lead, { out: sealedReturn, actor: 'DCS Lead' }, { newFileId: ids });
    const returnPayload: ReturnPayload = await payloadOf(sealedReturn, 'return', pair.secretariat);
    const clearReturn = clearV1File(
      join(pair.dir, 'old.bpret'),
      'return',
      returnPayload,
      await signingKey(pair.lead, 'DCS Lead'),
    );
    const preview = await previewReturn(pair.secretariat, clearReturn, { trust: true });
    expect(preview.encrypted).toBe(false);
    const taken = await importReturn(pair.secretariat, {
      path: clearReturn,
      actor: 'Secretariat',
      acceptAll: true,
      trust: true,
    });
    expect(taken.accepted.length).toBeGreaterThan(0);
  });
});

describe('signed files the schema refuses (issue 18, item 4)', () => {
  async function resignedReturn(name: string, change: (p: ReturnPayload) => void): Promise<string> {
    const { returnPath } = await firstRound();
    await trustKey(
      pair.secretariat,
      { fingerprint: (await installationKey(pair.lead))!.fingerprint, name: 'DCS Lead', strandNumber: 1 },
      'Secretariat',
    );
    const payload = await payloadOf(returnPath, 'return', pair.secretariat);
    change(payload);
    return signedFile(
      join(pair.dir, name),
      'return',
      payload,
      await signingKey(pair.lead, 'DCS Lead'),
      await sealedTo(pair.secretariat),
    );
  }

  it.each([['0000-00-00T00:00Z'], ['2007-13-45T99:99Z'], ['2007-02-29T10:00Z'], ['2007-10-01T24:00Z']])(
    'refuses a return created at %s, which is no real time',
    async (createdAt) => {
      const path = await resignedReturn('dated.bpret', (p) => (p.createdAt = createdAt));
      await expectSecretariatRefused(path, /at payload\.createdAt: That is not a real date and time/);
    },
  );

  it('refuses the same timestamps in a clear version 1 return too', async () => {
    const { returnPath } = await firstRound();
    const payload = await payloadOf(returnPath, 'return', pair.secretariat);
    const path = clearV1File(
      join(pair.dir, 'v1.bpret'),
      'return',
      { ...payload, updates: payload.updates.map((u) => ({ ...u, savedAt: '2007-13-45T99:99Z' })) },
      await signingKey(pair.lead, 'DCS Lead'),
    );
    await expectSecretariatRefused(path, /at payload\.updates\.0\.savedAt: That is not a real date and time/);
  });

  async function resignedRequest(change: (p: RequestPayload) => void): Promise<string> {
    pair = await secretariatAndLead();
    const sealed = join(pair.dir, 'sealed.bpreq');
    await secretariatRequest(pair.secretariat, sealed, { strandNumber: 1 });
    const payload = await payloadOf(sealed, 'request', pair.lead);
    change(payload);
    return signedFile(
      join(pair.dir, 'changed.bpreq'),
      'request',
      payload,
      await signingKey(pair.secretariat, 'Secretariat'),
      { method: 'passphrase', passphrase: 'TEST-TEST' },
    );
  }

  it('refuses a request listing the same objective twice', async () => {
    const path = await resignedRequest((p) => p.objectives.push(p.objectives[0]));
    await expectLeadRefused(path, /at payload\.objectives: 1\.I\.1 is listed more than once/, 'TEST-TEST');
  });

  it('refuses a request whose plan starts after it ends', async () => {
    const path = await resignedRequest((p) => (p.plan.startMonth = '2010-04'));
    await expectLeadRefused(path, /at payload\.plan\.startMonth: the plan starts after it ends/, 'TEST-TEST');
  });

  it('refuses a request for a month outside its own plan period', async () => {
    const path = await resignedRequest((p) => (p.month = '2012-01'));
    await expectLeadRefused(path, /at payload\.month: the month is outside the plan period/, 'TEST-TEST');
  });

  it('refuses a request that expires on a day not on the calendar', async () => {
    const path = await resignedRequest((p) => (p.expiresOn = '2099-02-30'));
    await expectLeadRefused(path, /at payload\.expiresOn: That is not a date on the calendar/, 'TEST-TEST');
  });
});

describe('hostile exchange files get a sentence, not "Something went wrong"', () => {
  /** A clear version 1 return whose text is changed by `edit`, signed by nobody in particular. */
  async function clearReturnText(edit: (text: string) => string): Promise<string> {
    const { returnPath } = await firstRound();
    const payload = await payloadOf(returnPath, 'return', pair.secretariat);
    const path = clearV1File(
      join(pair.dir, 'v1.bpret'),
      'return',
      payload,
      await signingKey(pair.lead, 'DCS Lead'),
    );
    const edited = join(pair.dir, 'edited.bpret');
    writeFileSync(edited, edit(readFileSync(path, 'utf8')));
    return edited;
  }

  it('refuses a number too large to be real (1e999) inside the payload', async () => {
    const path = await clearReturnText((t) => t.replace('"metricActual": null', '"metricActual": 1e999'));
    await expectSecretariatRefused(
      path,
      /^edited\.bpret was refused: it holds a number too large to be real\. Nothing was changed\.$/,
    );
  });

  it('refuses nesting 100,000 deep inside the payload', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const path = await clearReturnText((t) => t.replace('"planId":', `"extra": ${deep}, "planId":`));
    await expectSecretariatRefused(path, /it nests values far deeper than any Board Pack exchange file does/);
  });

  it('refuses nesting 100,000 deep in a sealed file’s clear header', async () => {
    const { returnPath } = await firstRound();
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const path = join(pair.dir, 'deep.bpret');
    writeFileSync(path, readFileSync(returnPath, 'utf8').replace('"lock":', `"extra": ${deep}, "lock":`));
    await expectSecretariatRefused(path, /it nests values far deeper/);
  });

  it('opens a file saved with a byte order mark, as some editors save it', async () => {
    const { returnPath } = await firstRound();
    const path = join(pair.dir, 'bom.bpret');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(returnPath)]));
    expect((await previewReturn(pair.secretariat, path, { trust: true })).updates.length).toBeGreaterThan(0);
  });

  it('refuses /dev/zero and a named pipe at once, reading nothing unbounded', async () => {
    await firstRound();
    const fifo = join(pair.dir, 'pipe.bpret');
    execFileSync('mkfifo', [fifo]);
    for (const path of ['/dev/zero', fifo]) {
      const started = Date.now();
      await expectSecretariatRefused(
        path,
        /is not an ordinary file \(it is a device or a pipe\), so it cannot be read as a return file/,
      );
      await expectLeadRefused(path, /is not an ordinary file/);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });
});

describe('where exchange files may be written (issue 18, items 0, 6 and 8)', () => {
  it('refuses --out naming the database, its -wal file or a file in its backups folder, changing nothing', async () => {
    pair = await secretariatAndLead();
    const backups = join(pair.dir, 'backups');
    mkdirSync(backups);
    const targets: [string, RegExp][] = [
      [pair.secretariat.path, /is the database itself/],
      [`${pair.secretariat.path}-wal`, /belongs to the database \(its wal file\)/],
      [join(backups, 'r.bpreq'), /is inside the backups folder Board Pack manages/],
      [join(pair.dir, 'no-such-folder', 'r.bpreq'), /There is no folder/],
      [pair.dir, /is a folder; give the name of a file/],
    ];
    const fileBefore = readFileSync(pair.secretariat.path);
    for (const [out, message] of targets) {
      const before = dumpDatabase(pair.secretariat);
      await expect(secretariatRequest(pair.secretariat, out, { strandNumber: 2 })).rejects.toThrow(message);
      expect(dumpDatabase(pair.secretariat)).toEqual(before);
    }
    expect(readFileSync(pair.secretariat.path).subarray(0, 16).toString()).toBe(
      fileBefore.subarray(0, 16).toString(),
    );
  });

  it("refuses a return written over the lead's own database", async () => {
    await firstRound();
    const before = dumpDatabase(pair.lead);
    await expect(createReturn(pair.lead, { out: pair.lead.path, actor: 'DCS Lead' })).rejects.toThrow(
      /is the database itself; choose another file name/,
    );
    expect(dumpDatabase(pair.lead)).toEqual(before);
  });

  it.each([
    ['9999-99-99', /"9999-99-99" is not a date on the calendar/],
    ['2099-02-30', /"2099-02-30" is not a date on the calendar/],
    ['2009-10-01', /more than a year away; choose a date by 2008-10-01/],
  ])('refuses a request expiring on %s', async (expiresOn, message) => {
    pair = await secretariatAndLead();
    const before = dumpDatabase(pair.secretariat);
    await expect(
      secretariatRequest(pair.secretariat, join(pair.dir, 'r.bpreq'), { strandNumber: 2, expiresOn }),
    ).rejects.toThrow(message);
    expect(dumpDatabase(pair.secretariat)).toEqual(before);
  });
});

describe('the keys files are sealed to', () => {
  it("turns an installation's Ed25519 key pair into the matching X25519 pair (RFC 7748's map)", async () => {
    for (let i = 0; i < 8; i += 1) {
      const pair = generateKeyPair();
      const fromPublic = x25519PublicKeyOf(pair.publicKey)!.export({ type: 'spki', format: 'der' });
      const fromPrivate = createPublicKey(x25519PrivateKeyOf(pair.privateKey)).export({
        type: 'spki',
        format: 'der',
      });
      expect(fromPublic.equals(fromPrivate)).toBe(true);
    }
    expect(x25519PublicKeyOf(Buffer.from('not a key').toString('base64'))).toBeNull();
  });

  it('reads a passphrase as heard: case, spaces and dashes ignored, O as 0 and I or L as 1', async () => {
    expect(normalisePassphrase('k2v7 ohj3-ff5s rdhc-xbi5')).toBe('K2V70HJ3FF5SRDHCXB15');
    expect(new Set(Array.from({ length: 50 }, () => newPassphrase())).size).toBe(50);
  });
});
