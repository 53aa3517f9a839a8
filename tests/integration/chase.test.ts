// Chasing a month offline (issue 16, part 2) and carrying an unchanged objective forward (part 8),
// through dispatch on real temp databases: the chase list's contents, its PDF read back, the email
// link decoded, and the bulk request files each opened in a strand lead's fresh copy.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureInstallationKey, trustKey } from '../../electron/exchange/keys';
import { openRequest } from '../../electron/exchange/openRequest';
import { openStore, type Store } from '../../electron/store/store';
import { acceptedUpdate, boardMeeting, openTestApp, type TestApp } from '../fixtures/appServices';
import { readPdf } from '../support/pdf';

let app: TestApp;
const leads: Store[] = [];
afterEach(async () => {
  for (const lead of leads.splice(0)) await lead.close();
  await app?.close();
});

/** A strand lead's laptop: an empty database whose key the secretariat trusts (with its public key). */
async function trustedLead(strandNumber: number, name: string): Promise<Store> {
  const lead = await openStore(join(app.dir, `lead-${strandNumber}.db`), {
    clock: () => new Date('2007-10-15T09:00:00.000Z'),
    seedPlan: null,
  });
  leads.push(lead);
  const key = await ensureInstallationKey(lead, name);
  await trustKey(
    app.store,
    { fingerprint: key.fingerprint, name, strandNumber, publicKey: key.publicKey },
    'Secretariat',
  );
  return lead;
}

/** Every objective of a strand reported for the month, so the strand owes nothing. */
async function reportStrand(strandNumber: number, month: string) {
  const { objectives } = await app.call('plan.objectives', { strandNumber, month });
  for (const o of objectives)
    await app.call('updates.record', { ref: o.ref, month, status: 'green', state: 'accepted' });
  return objectives.map((o) => o.ref);
}

describe('the chase list', () => {
  it('lists per strand lead the objectives with no update, a draft or a returned update, and the date the pack must be issued by', async () => {
    app = await openTestApp();
    await boardMeeting(app, '2007-11-05T10:00', '2007-10');
    await acceptedUpdate(app, '2.E.1', '2007-10', 'green');
    await app.call('updates.saveDraft', { ref: '2.E.2', month: '2007-10', status: 'amber' });
    await app.call('updates.record', { ref: '2.E.3', month: '2007-10', status: 'green', state: 'submitted' });
    await app.call('updates.return', { ref: '2.E.3', month: '2007-10', comment: 'Say which boroughs.' });
    await reportStrand(5, '2007-10');

    const list = await app.call('chase.list', { month: '2007-10' });
    expect(list.issueBy).toBe('2007-10-31');
    expect(list.issueByRule).toBe('The pack must be issued 5 days before the meeting on 5 November 2007.');
    const two = list.leads.find((l) => l.strandNumber === 2);
    const owed = new Map(two?.objectives.map((o) => [o.ref, o]));
    expect(owed.has('2.E.1')).toBe(false);
    expect(owed.get('2.E.2')).toMatchObject({ state: 'draft', comment: '' });
    expect(owed.get('2.E.3')).toMatchObject({ state: 'returned', comment: 'Say which boroughs.' });
    expect(owed.get('2.E.4')?.state).toBe('no_update');
    expect(two?.contact.name).toBe((await app.store.plan.strand(2)).lead);
    expect(two?.indicators.map((i) => i.ref)).toEqual(['S2.M1a', 'S2.M1b']);
    // Strand 5 reported everything and has no countable indicator of its own: it owes nothing.
    expect(list.clear.map((c) => c.strandNumber)).toEqual([5]);
    expect(list.leads.map((l) => l.strandNumber)).not.toContain(5);
  });

  it('takes the number of days from the setting, and says in words when no meeting reports on the month', async () => {
    app = await openTestApp();
    expect((await app.call('chase.list', { month: '2007-10' })).issueByRule).toBe(
      'No meeting reports on October 2007 yet, so there is no date the pack must be issued by.',
    );
    await boardMeeting(app, '2007-11-05T10:00', '2007-10');
    await app.store.settings.set({ 'chase.issueDaysBefore': '10' }, 'Secretariat');
    const list = await app.call('chase.list', { month: '2007-10' });
    expect([list.issueBy, list.daysBefore]).toEqual(['2007-10-26', 10]);
  });

  it('opens an email text per lead as a mailto: link whose subject and body decode to the objectives owed', async () => {
    app = await openTestApp();
    await boardMeeting(app, '2007-11-05T10:00', '2007-10');
    await app.call('updates.saveDraft', { ref: '2.E.2', month: '2007-10', status: 'amber' });
    const lead = (await app.call('chase.list', { month: '2007-10' })).leads.find((l) => l.strandNumber === 2);
    if (!lead) throw new Error('strand 2 owes nothing');
    const url = new URL(lead.mailto);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('');
    expect(lead.mailto).not.toMatch(/[ \n]/);
    const subject = decodeURIComponent(/subject=([^&]*)/.exec(lead.mailto)?.[1] ?? '');
    const body = decodeURIComponent(/body=([^&]*)/.exec(lead.mailto)?.[1] ?? '');
    expect(subject).toBe(`October 2007 updates for strand 2 (${lead.strandTitle})`);
    expect(body).toContain(`Dear ${lead.contact.name},`);
    expect(body).toContain('its pack must be issued by 31 October 2007');
    expect(body).toMatch(/- 2\.E\.2 .+ \(Draft not submitted\)/);
    expect(body).toMatch(/- 2\.E\.4 .+ \(No update\)/);
    expect(body).toContain('- S2.M1a');
    expect(body.split('\r\n').at(-1)).toBe('Secretariat');
    expect(body).toBe(lead.body);
  });

  it('prints a page per lead with the objectives each still owes, read back from the PDF', async () => {
    app = await openTestApp();
    await boardMeeting(app, '2007-11-05T10:00', '2007-10');
    for (const strand of [1, 3, 4, 5, 6, 7, 8]) await reportStrand(strand, '2007-10');
    await app.call('updates.saveDraft', { ref: '2.E.2', month: '2007-10', status: 'amber' });
    const pdf = await app.call('chase.pdf', { month: '2007-10' });
    expect(pdf.fileName).toBe('chase-list-2007-10.pdf');
    const read = readPdf(Buffer.from(pdf.pdfBase64, 'base64'));
    const list = await app.call('chase.list', { month: '2007-10' });
    // Strand 2 owes objectives; strands 3, 4, 6, 7 and 8 owe only indicator figures. Each lead's
    // list starts a page of its own (strand 2's runs to a second).
    expect(read.pageCount).toBe(pdf.pages);
    const pages = read.pageTexts().map((t) => t.replace(/\s+/g, ' '));
    const openings = pages
      .map((t) => /Strand (\d+):/.exec(t)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(openings).toEqual(list.leads.map((l) => l.strandNumber));
    expect(pages.find((t) => t.includes('Strand 6:'))).toContain('S6.M1');
    const page = pages.slice(0, 2).join(' ');
    expect(page).toContain('OFFICIAL-SENSITIVE');
    expect(page).toContain('Strand 2:');
    expect(page).toContain('Pack to be issued by 31 October 2007');
    for (const o of list.leads[0].objectives) expect(page).toContain(o.ref);
    expect(page).toMatch(/2\.E\.2 .*Draft not submitted/);
    expect(page).toContain('Page 1 of');
    const again = await app.call('chase.pdf', { month: '2007-10' });
    expect(again.sha256).toBe(pdf.sha256);
  });
});

describe('requests for every strand that still owes', () => {
  it('writes one request per owing strand whose lead key is trusted, each opening in that lead’s fresh copy, and lists the others with why', async () => {
    app = await openTestApp();
    const leadTwo = await trustedLead(2, 'DCS Two');
    const leadSix = await trustedLead(6, 'DCS Six');
    await trustKey(
      app.store,
      { fingerprint: 'ab'.repeat(16), name: 'New laptop', strandNumber: 3 },
      'Secretariat',
    );
    await reportStrand(1, '2007-10');

    const made = await app.call('chase.makeRequests', { month: '2007-10' });
    expect(made.made.map((m) => [m.strandNumber, m.fileName, m.leadName])).toEqual([
      [2, 'strand-2-2007-10.bpreq', 'DCS Two'],
      [6, 'strand-6-2007-10.bpreq', 'DCS Six'],
    ]);
    const skipped = new Map(made.skipped.map((s) => [s.strandNumber, s.reason]));
    expect([...skipped.keys()]).toEqual([3, 4, 5, 7, 8]);
    expect(skipped.get(4)).toBe(
      'No key is trusted for the lead of strand 4 yet. Make its request on the Exchange screen, locked with a passphrase you read out by phone.',
    );
    expect(skipped.get(3)).toContain('no file signed with it has been seen here');

    for (const [lead, request] of [
      [leadTwo, made.made[0]],
      [leadSix, made.made[1]],
    ] as const) {
      const path = join(app.dir, request.fileName);
      writeFileSync(path, Buffer.from(request.base64, 'base64'));
      const opened = await openRequest(lead, { path, actor: request.leadName, trust: true });
      expect(opened).toMatchObject({ strandNumber: request.strandNumber, month: '2007-10', seeded: true });
      expect(opened.objectives).toBe(request.objectives);
    }
    expect((await app.store.exchange.requests('2007-10')).map((r) => r.strandNumber).sort()).toEqual([2, 6]);
    expect(readFileSync(join(app.dir, made.made[0].fileName)).length).toBe(made.made[0].bytes);
  });
});

describe('carry forward', () => {
  it('records a new draft revision with last month’s status and “No change since …”, and leaves last month untouched', async () => {
    app = await openTestApp();
    const september = await acceptedUpdate(app, '2.E.1', '2007-09', 'amber', 'Two posts vacant.');
    const carried = await app.call('updates.carryForward', { ref: '2.E.1', month: '2007-10' });
    expect(carried).toMatchObject({
      month: '2007-10',
      status: 'amber',
      narrative: 'No change since September 2007.',
      state: 'draft',
      revision: 1,
      metricActual: null,
    });
    expect(await app.call('updates.history', { ref: '2.E.1', month: '2007-09' })).toEqual([september]);
    // Still a draft: it goes through submit and accept like any other.
    await app.call('updates.submit', { ref: '2.E.1', month: '2007-10' });
    expect((await app.call('updates.accept', { ref: '2.E.1', month: '2007-10' })).state).toBe('accepted');
  });

  it('takes an edited narrative, and refuses in words an objective with nothing last month or already written this month', async () => {
    app = await openTestApp();
    await acceptedUpdate(app, '2.E.1', '2007-09', 'green');
    const edited = await app.call('updates.carryForward', {
      ref: '2.E.1',
      month: '2007-10',
      narrative: 'No change: the review meets in November.',
    });
    expect(edited.narrative).toBe('No change: the review meets in November.');
    const again = await app.refusal('updates.carryForward', { ref: '2.E.1', month: '2007-10' });
    expect(again.message).toBe(
      '2.E.1 already has an update for October 2007 (draft, revision 1); edit that instead.',
    );
    const nothing = await app.refusal('updates.carryForward', { ref: '2.E.2', month: '2007-10' });
    expect(nothing.message).toBe(
      "2.E.2 has no update for September 2007 to carry forward; write this month's update instead.",
    );
  });

  it('carries a whole strand in one step, listing the objectives it skipped and why', async () => {
    app = await openTestApp();
    const { objectives } = await app.call('plan.objectives', { strandNumber: 2, month: '2007-10' });
    const refs = objectives.map((o) => o.ref);
    for (const ref of refs.slice(0, 3)) await acceptedUpdate(app, ref, '2007-09', 'green');
    await app.call('updates.saveDraft', {
      ref: refs[1],
      month: '2007-10',
      status: 'red',
      narrative: 'Worse.',
    });
    const result = await app.call('updates.carryForwardStrand', { strandNumber: 2, month: '2007-10' });
    expect(result.carried.map((u) => u.ref)).toEqual([refs[0], refs[2]]);
    expect(result.skipped.map((s) => s.ref)).toEqual(refs.filter((r) => r !== refs[0] && r !== refs[2]));
    expect(result.skipped[0].reason).toContain('already has an update for October 2007');
    expect(result.skipped[1].reason).toContain('has no update for September 2007');
    const audit = await app.store.audit.list({ entity: 'update' });
    const saved = audit.filter((r) => r.action === 'update.save' && r.entityId.endsWith('@2007-10'));
    expect(saved.map((r) => r.entityId).sort()).toEqual(
      [refs[0], refs[1], refs[2]].map((r) => `${r}@2007-10`),
    );
  });
});

describe('status month by month', () => {
  it('shows each month’s reported status from the plan’s start, No update where nothing was reported', async () => {
    app = await openTestApp();
    await acceptedUpdate(app, '2.E.1', '2007-08', 'red', 'Off track.');
    await acceptedUpdate(app, '2.E.1', '2007-09', 'amber', 'Better.');
    await app.call('updates.saveDraft', { ref: '2.E.1', month: '2007-10', status: 'green' });
    const strip = await app.call('updates.statusStrip', { ref: '2.E.1', to: '2007-10' });
    expect(strip.months.map((m) => `${m.month} ${m.status}`)).toEqual([
      '2007-04 no_update',
      '2007-05 no_update',
      '2007-06 no_update',
      '2007-07 no_update',
      '2007-08 red',
      '2007-09 amber',
      '2007-10 no_update',
    ]);
  });
});
