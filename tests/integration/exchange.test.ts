import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openRequest } from '../../electron/exchange/openRequest';
import { importReturn, previewReturn } from '../../electron/exchange/importReturn';
import { installationKey, trustedKeys, trustKey } from '../../electron/exchange/keys';
import { issuedRequests, workingCopy } from '../../electron/exchange/history';
import {
  dumpDatabase,
  leadReturn,
  passphraseFor,
  payloadOf,
  pinnedIds,
  secretariatAndLead,
  secretariatRequest,
  type Pair,
} from './exchange.fixtures';
import type { Status } from '../../shared/domain';
import { openStore } from '../../electron/store/store';
import { loadBuiltInPlan } from '../../electron/store/planFile';

const STATUSES: Status[] = ['green', 'amber', 'red', 'complete', 'not_started'];
let pair: Pair;

afterEach(() => pair?.close());

/** The lead opens the request and writes an update for every objective, as drafts. */
async function leadWritesEverything(p: Pair, requestPath: string, month: string) {
  const opened = await openRequest(p.lead, {
    path: requestPath,
    actor: 'DCS Lead',
    passphrase: passphraseFor(requestPath),
  });
  const objectives = await p.lead.plan.objectives({ strandNumber: opened.strandNumber, month });
  for (const [i, o] of objectives.entries()) {
    const status = STATUSES[i % STATUSES.length];
    await p.lead.updates.save(
      {
        ref: o.ref,
        month,
        status,
        narrative: `Lead's narrative for ${o.ref}: progress reviewed at the monthly tasking meeting.`,
        nextSteps: `Next step for ${o.ref}`,
        risks: i % 3 === 0 ? 'Resourcing over the holiday period' : '',
        metricActual: o.targetValue === null ? null : i,
        author: 'DCS Lead',
        state: 'draft',
      },
      p.lead.now(),
    );
  }
  return { opened, objectives };
}

describe('working offline with request and return files', () => {
  it("carries a strand lead's updates from an empty laptop back to the secretariat through files only", async () => {
    pair = await secretariatAndLead();
    const ids = pinnedIds();
    const requestPath = join(pair.dir, 'strand-2-2007-10.bpreq');
    const request = await secretariatRequest(
      pair.secretariat,
      requestPath,
      { strandNumber: 2, leadName: 'DCS Lead' },
      ids,
    );
    expect(request.objectives).toBe(25);

    pair.clock.set('2007-10-05T10:00:00.000Z');
    const { opened, objectives } = await leadWritesEverything(pair, requestPath, '2007-10');
    expect(opened.seeded).toBe(true);
    expect(opened.secretariatKey).toBe('first_use');
    expect(opened.secretariatFingerprint).toBe((await installationKey(pair.secretariat))!.fingerprint);
    expect((await pair.lead.plan.summary()).id).toBe((await pair.secretariat.plan.summary()).id);
    expect(objectives.map((o) => o.ref)).toEqual(
      (await pair.secretariat.plan.objectives({ strandNumber: 2, month: '2007-10' })).map((o) => o.ref),
    );

    const returnPath = join(pair.dir, 'strand-2-2007-10.bpret');
    const returned = await leadReturn(pair.lead, returnPath, ids);
    expect(returned.updates).toBe(25);
    expect(returned.missing).toEqual([]);

    pair.clock.set('2007-10-08T09:00:00.000Z');
    const preview = await previewReturn(pair.secretariat, returnPath, { trust: true });
    expect(preview.keyTrusted).toBe(false);
    expect(preview.conflicts).toEqual([]);
    expect(preview.updates.every((u) => u.current === null)).toBe(true);

    const result = await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      acceptAll: true,
      trust: true,
    });
    expect(result.accepted).toHaveLength(25);
    expect(result.trustedNow).toBe(true);

    const atSecretariat = await pair.secretariat.updates.working('2007-10', 2);
    const atLead = await pair.lead.updates.working('2007-10', 2);
    expect([...atSecretariat.keys()]).toEqual([...atLead.keys()]);
    for (const [ref, lead] of atLead) {
      const held = atSecretariat.get(ref)!;
      expect({
        status: held.status,
        narrative: held.narrative,
        nextSteps: held.nextSteps,
        risks: held.risks,
        metricActual: held.metricActual,
      }).toEqual({
        status: lead.status,
        narrative: lead.narrative,
        nextSteps: lead.nextSteps,
        risks: lead.risks,
        metricActual: lead.metricActual,
      });
      expect(held.author).toBe('DCS Lead');
      expect(held.state).toBe('accepted');
    }
    expect((await pair.secretariat.updates.working('2007-10')).size).toBe(25);
    expect(await pair.secretariat.audit.list({ text: 'exchange.return.import' })).toHaveLength(1);
    const [issued] = await issuedRequests(pair.secretariat);
    expect(issued).toMatchObject({
      fileId: request.fileId,
      strandNumber: 2,
      month: '2007-10',
      leadName: 'DCS Lead',
    });
    expect(
      issued.returns.map((r) => [
        r.fileId,
        r.author,
        Object.values(r.decisions).every((d) => d === 'accept'),
      ]),
    ).toEqual([[returned.fileId, 'DCS Lead', true]]);
    expect(await workingCopy(pair.lead)).toMatchObject({
      planId: (await pair.secretariat.plan.summary()).id,
      strandNumbers: [2],
      seededFromRequest: request.fileId,
    });
    expect(await workingCopy(pair.secretariat)).toBeNull();
  });

  it('accepts some updates and rejects others, writing each decision to the audit log', async () => {
    pair = await secretariatAndLead();
    const ids = pinnedIds();
    const requestPath = join(pair.dir, 'r.bpreq');
    await secretariatRequest(pair.secretariat, requestPath, { strandNumber: 1, leadName: 'DCS Lead' }, ids);
    const { objectives } = await leadWritesEverything(pair, requestPath, '2007-10');
    const returnPath = join(pair.dir, 'r.bpret');
    await leadReturn(pair.lead, returnPath, ids);
    await trustKey(
      pair.secretariat,
      { fingerprint: (await installationKey(pair.lead))!.fingerprint, name: 'DCS Lead', strandNumber: 1 },
      'Secretariat',
    );

    const [first, ...rest] = objectives.map((o) => o.ref);
    const decisions = Object.fromEntries([
      [first, 'reject' as const],
      ...rest.map((ref) => [ref, 'accept' as const]),
    ]);
    const before = dumpDatabase(pair.secretariat);
    await expect(
      importReturn(pair.secretariat, {
        path: returnPath,
        actor: 'Secretariat',
        decisions,
        reasons: { [first]: '  ' },
      }),
    ).rejects.toThrow(`Say why ${first} is rejected`);
    expect(dumpDatabase(pair.secretariat)).toEqual(before);
    const reason = 'The figures are for September, not October.';
    const result = await importReturn(pair.secretariat, {
      path: returnPath,
      actor: 'Secretariat',
      decisions,
      reasons: { [first]: reason },
    });
    expect(result.rejected).toEqual([first]);
    expect(await trustedKeys(pair.secretariat)).toMatchObject([
      { name: 'DCS Lead', strandNumber: 1, publicKey: (await installationKey(pair.lead))!.publicKey },
    ]);
    expect(result.accepted).toEqual(rest);
    expect(await pair.secretariat.updates.current(first, '2007-10')).toBeUndefined();
    expect(await pair.secretariat.audit.list({ text: 'exchange.update.reject' })).toMatchObject([
      { actor: 'Secretariat', entityId: `${first}@2007-10`, after: { reason, month: '2007-10', strand: 1 } },
    ]);

    // The next request to the strand carries the reason, and the lead's copy shows the update as returned.
    const next = join(pair.dir, 'next.bpreq');
    await secretariatRequest(pair.secretariat, next, { strandNumber: 1, month: '2007-11' }, pinnedIds(5));
    const carried = (await payloadOf(next, 'request', pair.lead)).objectives;
    expect(carried.find((o) => o.ref === first)?.returned).toEqual({
      month: '2007-10',
      reason,
      by: 'Secretariat',
    });
    expect(carried.filter((o) => o.returned)).toHaveLength(1);
    const opened = await openRequest(pair.lead, { path: next, actor: 'DCS Lead' });
    expect(opened.returnedUpdates).toEqual([first]);
    expect(await pair.lead.updates.current(first, '2007-10')).toMatchObject({
      state: 'returned',
      comment: reason,
    });
    expect((await pair.lead.updates.reported('2007-10', 1)).get(rest[0])).toMatchObject({
      state: 'accepted',
    });

    // A later request does not send the same rejection again.
    const later = join(pair.dir, 'later.bpreq');
    await secretariatRequest(pair.secretariat, later, { strandNumber: 1, month: '2007-12' }, pinnedIds(6));
    expect((await payloadOf(later, 'request', pair.lead)).objectives.some((o) => o.returned)).toBe(false);
  });

  it('asks for a decision on every update when neither accept-all nor decisions are given, changing nothing', async () => {
    pair = await secretariatAndLead();
    const ids = pinnedIds();
    const requestPath = join(pair.dir, 'r.bpreq');
    await secretariatRequest(pair.secretariat, requestPath, { strandNumber: 1 }, ids);
    await leadWritesEverything(pair, requestPath, '2007-10');
    const returnPath = join(pair.dir, 'r.bpret');
    await leadReturn(pair.lead, returnPath, ids);
    const before = dumpDatabase(pair.secretariat);
    await expect(
      importReturn(pair.secretariat, { path: returnPath, actor: 'Secretariat', trust: true }),
    ).rejects.toThrow(/Accept or reject each update/);
    expect(dumpDatabase(pair.secretariat)).toEqual(before);
  });
});

describe('a second return answering the same request', () => {
  /** Strand 1's request answered in full and accepted; the clock then moves on to 12 October. */
  async function firstReturnTakenIn(): Promise<() => string> {
    pair = await secretariatAndLead();
    const ids = pinnedIds();
    const requestPath = join(pair.dir, 'r.bpreq');
    await secretariatRequest(pair.secretariat, requestPath, { strandNumber: 1, leadName: 'DCS Lead' }, ids);
    await leadWritesEverything(pair, requestPath, '2007-10');
    const first = join(pair.dir, 'first.bpret');
    await leadReturn(pair.lead, first, ids);
    await importReturn(pair.secretariat, { path: first, actor: 'Secretariat', acceptAll: true, trust: true });
    pair.clock.set('2007-10-12T09:00:00.000Z');
    return ids;
  }

  it('is taken in without conflicts when only the lead changed things since the first', async () => {
    const ids = await firstReturnTakenIn();
    await pair.lead.updates.save(
      {
        ref: '1.I.1',
        month: '2007-10',
        status: 'red',
        narrative: 'Key analyst post vacant from 10 October.',
        author: 'DCS Lead',
        state: 'draft',
      },
      pair.lead.now(),
    );
    const second = join(pair.dir, 'second.bpret');
    await leadReturn(pair.lead, second, ids);
    const preview = await previewReturn(pair.secretariat, second);
    expect(preview.conflicts).toEqual([]);
    await importReturn(pair.secretariat, { path: second, actor: 'Secretariat', acceptAll: true });
    expect(await pair.secretariat.updates.current('1.I.1', '2007-10')).toMatchObject({
      status: 'red',
      state: 'accepted',
      revision: 2,
      author: 'DCS Lead',
    });
  });

  it('still shows a conflict where the secretariat changed an update after the first return', async () => {
    const ids = await firstReturnTakenIn();
    await pair.secretariat.updates.save(
      {
        ref: '1.I.2',
        month: '2007-10',
        status: 'amber',
        narrative: 'Board asked for a recovery plan.',
        author: 'Secretariat',
        state: 'submitted',
      },
      pair.secretariat.now(),
    );
    const second = join(pair.dir, 'second.bpret');
    await leadReturn(pair.lead, second, ids);
    expect((await previewReturn(pair.secretariat, second)).conflicts).toEqual(['1.I.2']);
  });
});

describe("a strand lead's working copy", () => {
  it("follows the secretariat's plan for its strand when the next request is opened", async () => {
    pair = await secretariatAndLead();
    const ids = pinnedIds();
    const october = join(pair.dir, 'october.bpreq');
    await secretariatRequest(pair.secretariat, october, { strandNumber: 1 }, ids);
    await openRequest(pair.lead, { path: october, actor: 'DCS Lead', passphrase: passphraseFor(october) });

    const s = pair.secretariat;
    await s.plan.addObjective(
      {
        strandNumber: 1,
        theme: 'Enforcement',
        themeCode: 'E',
        text: 'Review every unsolved homicide at 28 days',
        year: 'Year 2',
        startMonth: '2007-11',
      },
      s.now(),
      'Secretariat',
    );
    await s.plan.rewordObjective(
      '1.I.1',
      { text: 'Reworded by the board', owner: 'DI Analyst' },
      s.now(),
      'Secretariat',
    );
    await s.plan.retireObjective('1.P.1', '2007-11', s.now(), 'Secretariat');
    const november = join(pair.dir, 'november.bpreq');
    await secretariatRequest(s, november, { strandNumber: 1, month: '2007-11' }, ids);
    const opened = await openRequest(pair.lead, {
      path: november,
      actor: 'DCS Lead',
      passphrase: passphraseFor(november),
    });

    expect(opened).toMatchObject({
      addedObjectives: ['1.E.3'],
      rewordedObjectives: ['1.I.1'],
      retiredObjectives: ['1.P.1'],
    });
    const strip = (o: { id: number; position: number }) => ({ ...o, id: 0, position: 0 });
    expect((await pair.lead.plan.objectives({ strandNumber: 1, month: '2007-11' })).map(strip)).toEqual(
      (await s.plan.objectives({ strandNumber: 1, month: '2007-11' })).map(strip),
    );

    // Un-retired by the secretariat, 1.P.1 comes back to the lead's copy with the next request.
    await s.plan.unretireObjective('1.P.1', s.now(), 'Secretariat');
    const december = join(pair.dir, 'december.bpreq');
    await secretariatRequest(s, december, { strandNumber: 1, month: '2007-12' }, ids);
    const reopened = await openRequest(pair.lead, {
      path: december,
      actor: 'DCS Lead',
      passphrase: passphraseFor(december),
    });
    expect(reopened.addedObjectives).toEqual(['1.P.1']);
    expect((await pair.lead.plan.objective('1.P.1')).retired).toBe(false);
  });

  /** Another board's secretariat, and a lead's fresh install seeded with the built-in plan as the app does on first run. */
  async function otherBoardAndFreshInstall(): Promise<string> {
    pair = await secretariatAndLead();
    await pair.secretariat.close();
    pair.secretariat = await openStore(join(pair.dir, 'other-board.db'), {
      clock: pair.clock,
      seedPlan: { ...loadBuiltInPlan(), id: 'another-strategy', title: 'Another Strategy' },
    });
    await pair.lead.close();
    pair.lead = await openStore(join(pair.dir, 'fresh-install.db'), { clock: pair.clock });
    const path = join(pair.dir, 'other.bpreq');
    await secretariatRequest(pair.secretariat, path, { strandNumber: 2 });
    return path;
  }

  it("lets a fresh install holding only its built-in plan open a request for another board's plan", async () => {
    const path = await otherBoardAndFreshInstall();
    const opened = await openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase: passphraseFor(path) });
    expect(opened.seeded).toBe(true);
    expect(await pair.lead.plan.summary()).toMatchObject({
      id: 'another-strategy',
      title: 'Another Strategy',
    });
    expect((await pair.lead.plan.objectives()).map((o) => o.ref)).toEqual(
      (await pair.secretariat.plan.objectives({ strandNumber: 2 })).map((o) => o.ref),
    );
    expect((await pair.lead.audit.list({ entity: 'plan' })).map((e) => e.action)).toContain('plan.clear');
  });

  it('keeps its own plan, refusing the request, once an installation holds work on it', async () => {
    const path = await otherBoardAndFreshInstall();
    await pair.lead.updates.save(
      { ref: '1.I.1', month: '2007-09', status: 'green', author: 'DCS Lead', state: 'draft' },
      pair.lead.now(),
    );
    const before = dumpDatabase(pair.lead);
    await expect(
      openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase: passphraseFor(path) }),
    ).rejects.toThrow(/for another plan \("Another Strategy"\)/);
    expect(dumpDatabase(pair.lead)).toEqual(before);
  });

  it('leaves the plan of a full installation alone when it opens a request', async () => {
    pair = await secretariatAndLead();
    const ids = pinnedIds();
    await pair.lead.close();
    pair.lead = await openStore(join(pair.dir, 'full.db'), { clock: pair.clock });
    // Work on the plan makes it a full installation, not a fresh copy holding the built-in plan.
    await pair.lead.updates.save(
      { ref: '2.I.1', month: '2007-09', status: 'green', author: 'Secretariat', state: 'draft' },
      pair.lead.now(),
    );
    await pair.secretariat.plan.rewordObjective(
      '1.I.1',
      { text: 'Reworded by the board' },
      pair.secretariat.now(),
      'Secretariat',
    );
    const path = join(pair.dir, 'r.bpreq');
    await secretariatRequest(pair.secretariat, path, { strandNumber: 1 }, ids);
    const before = await pair.lead.plan.objectives({ includeRetired: true });
    const opened = await openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase: passphraseFor(path) });
    expect(opened).toMatchObject({
      seeded: false,
      addedObjectives: [],
      rewordedObjectives: [],
      retiredObjectives: [],
    });
    expect(await pair.lead.plan.objectives({ includeRetired: true })).toEqual(before);
  });
});

describe("last month's updates in a request", () => {
  it("shows the lead last month's accepted updates beside this month, by their authors", async () => {
    pair = await secretariatAndLead();
    const s = pair.secretariat;
    await s.updates.save(
      {
        ref: '1.I.1',
        month: '2007-09',
        status: 'amber',
        narrative: 'Analyst vacancy.',
        author: 'DCS Lead',
        state: 'submitted',
      },
      s.now(),
    );
    await s.updates.transition('1.I.1', '2007-09', 'accept', 'Secretariat', s.now());
    await s.updates.save(
      {
        ref: '1.I.2',
        month: '2007-09',
        status: 'green',
        narrative: 'Submitted, never accepted.',
        author: 'DCS Lead',
        state: 'submitted',
      },
      s.now(),
    );
    const path = join(pair.dir, 'r.bpreq');
    await secretariatRequest(s, path, { strandNumber: 1 });
    const opened = await openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase: passphraseFor(path) });
    expect(opened.lastMonthCopied).toBe(1);
    const september = await pair.lead.updates.reported('2007-09', 1);
    expect([...september.keys()]).toEqual(['1.I.1']);
    expect(september.get('1.I.1')).toMatchObject({
      status: 'amber',
      narrative: 'Analyst vacancy.',
      author: 'DCS Lead',
      state: 'accepted',
    });
  });

  /** September's update for 1.I.1 accepted at the secretariat, and October's request for strand 1. */
  async function acceptedSeptemberAndRequest(p: Pair, name = 'r.bpreq'): Promise<string> {
    await p.secretariat.updates.save(
      {
        ref: '1.I.1',
        month: '2007-09',
        status: 'amber',
        narrative: 'Analyst vacancy.',
        author: 'DCS Lead',
        state: 'submitted',
      },
      p.secretariat.now(),
    );
    await p.secretariat.updates.transition('1.I.1', '2007-09', 'accept', 'Secretariat', p.secretariat.now());
    const path = join(p.dir, name);
    await secretariatRequest(p.secretariat, path, { strandNumber: 1 }, pinnedIds(7));
    return path;
  }

  it("gives a copy that held the built-in plan last month's updates and makes it a lead's working copy", async () => {
    pair = await secretariatAndLead();
    await pair.lead.close();
    pair.lead = await openStore(join(pair.dir, 'built-in.db'), { clock: pair.clock });
    const path = await acceptedSeptemberAndRequest(pair);
    const opened = await openRequest(pair.lead, { path, actor: 'DCS Lead', passphrase: passphraseFor(path) });
    expect(opened).toMatchObject({ seeded: true, lastMonthCopied: 1 });
    expect((await workingCopy(pair.lead))?.strandNumbers).toEqual([1]);
    expect((await pair.lead.updates.reported('2007-09', 1)).get('1.I.1')).toMatchObject({
      narrative: 'Analyst vacancy.',
      state: 'accepted',
    });
  });

  it("shows last month the lead's own update, as the secretariat accepted it, in place of her draft", async () => {
    pair = await secretariatAndLead();
    const s = pair.secretariat;
    const september = join(pair.dir, 'sep.bpreq');
    await secretariatRequest(s, september, { strandNumber: 1, month: '2007-09' }, pinnedIds(6));
    await openRequest(pair.lead, {
      path: september,
      actor: 'DCS Lead',
      passphrase: passphraseFor(september),
    });
    await pair.lead.updates.save(
      {
        ref: '1.I.1',
        month: '2007-09',
        status: 'amber',
        narrative: 'Analyst vacancy.',
        author: 'DCS Lead',
        state: 'draft',
      },
      pair.lead.now(),
    );
    expect((await pair.lead.updates.reported('2007-09', 1)).size).toBe(0);
    const october = await acceptedSeptemberAndRequest(pair, 'oct.bpreq');
    const opened = await openRequest(pair.lead, {
      path: october,
      actor: 'DCS Lead',
      passphrase: passphraseFor(october),
    });
    expect(opened.lastMonthCopied).toBe(1);
    expect((await pair.lead.updates.reported('2007-09', 1)).get('1.I.1')).toMatchObject({
      narrative: 'Analyst vacancy.',
      author: 'DCS Lead',
      state: 'accepted',
    });
  });
});
