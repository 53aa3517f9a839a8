// Every method of the contract, called through dispatch on a real temp database (a file, or one on
// the test server in the store-postgres project). The table below is typed by the contract's method
// names, so a new method without a test does not compile.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../shared/contract';
import { dispatch } from '../../electron/handlers/dispatch';
import { DatabaseSession } from '../../electron/shell/databaseSession';
import { rememberDatabaseFile, rememberSharedServer } from '../../electron/shell/rememberedDatabase';
import { createServices } from '../../electron/handlers/index';
import { openStore } from '../../electron/store/store';
import { inspectBackup } from '../../electron/store/backups';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrate';
import { acceptedUpdate, APP_NOW, boardMeeting, openTestApp, type TestApp } from '../fixtures/appServices';
import { locationOf, onPostgres } from '../fixtures/databases';
import { indicatorsExamples } from './contract.indicators';
import { papersExamples } from './contract.papers';
import { chaseExamples } from './contract.chase';
import { meetingsExamples } from './contract.meetings';
import { readPdf } from '../support/pdf';
import { closedPort, fakeKeeper } from '../fixtures/secretKeeper';

let app: TestApp;
afterEach(() => app?.close());

function pdfText(base64: string): string {
  return readPdf(Buffer.from(base64, 'base64')).pageTexts().join('\n');
}

type Example = { behaviour: string; run: () => Promise<void> };

const examples: { [M in MethodName]: Example } = {
  'plan.get': {
    behaviour: 'returns the built-in plan with its eight strands and the theme headings used by objectives',
    run: async () => {
      const plan = await app.call('plan.get');
      expect(plan.strands).toHaveLength(8);
      expect(plan.boardName).toBe('Serious Violence Strategy Board');
      expect(plan.themes.map((t) => t.code)).toContain('E');
      expect(plan.standingAgenda.length).toBeGreaterThan(0);
    },
  },
  'plan.objectives': {
    behaviour: 'filters objectives by strand, theme, status and words, with this month’s status',
    run: async () => {
      await acceptedUpdate(app, '2.E.1', '2007-10', 'red', 'Detections behind target.');
      const strandTwo = await app.call('plan.objectives', {
        strandNumber: 2,
        themeCode: 'E',
        month: '2007-10',
      });
      expect(strandTwo.objectives.length).toBeGreaterThan(1);
      expect(strandTwo.objectives.every((o) => o.ref.startsWith('2.') && o.themeCode.includes('E'))).toBe(
        true,
      );
      const red = await app.call('plan.objectives', { status: 'red', month: '2007-10' });
      expect(red.objectives.map((o) => o.ref)).toEqual(['2.E.1']);
      const noUpdate = await app.call('plan.objectives', { status: 'no_update', month: '2007-10' });
      expect(noUpdate.objectives.map((o) => o.ref)).not.toContain('2.E.1');
      const words = await app.call('plan.objectives', { text: 'mappa' });
      expect(words.objectives.length).toBeGreaterThan(0);
      expect(
        words.objectives.every((o) =>
          `${o.text} ${o.targetText ?? ''} ${o.owner ?? ''}`.toLowerCase().includes('mappa'),
        ),
      ).toBe(true);
    },
  },
  'plan.addObjective': {
    behaviour: 'adds an objective with the next free reference for its strand and theme',
    run: async () => {
      const before = await app.call('plan.objectives', { strandNumber: 1, themeCode: 'E' });
      const added = await app.call('plan.addObjective', {
        strandNumber: 1,
        theme: 'Enforcement',
        themeCode: 'E',
        text: 'Review every MAPPA level 3 case monthly',
        year: 'Year 2',
      });
      expect(added.ref).toMatch(/^1\.E\.\d+$/);
      expect(before.objectives.map((o) => o.ref)).not.toContain(added.ref);
      const months = await app.call('months.list', {});
      expect(added.startMonth).toBe(months.nextMeetingMonth ?? months.current);
      expect((await app.store.audit.list({ entity: 'objective' }))[0].action).toBe('objective.add');
    },
  },
  'plan.rewordObjective': {
    behaviour: 'rewords an objective and keeps its reference',
    run: async () => {
      const reworded = await app.call('plan.rewordObjective', { ref: '1.E.1', text: 'A clearer wording' });
      expect(reworded.ref).toBe('1.E.1');
      expect(reworded.text).toBe('A clearer wording');
    },
  },
  'plan.retireObjective': {
    behaviour: 'retires an objective from a month on, keeping it in earlier months',
    run: async () => {
      await app.call('plan.retireObjective', { ref: '1.E.1', fromMonth: '2007-11' });
      const october = await app.call('plan.objectives', { strandNumber: 1, month: '2007-10' });
      const november = await app.call('plan.objectives', { strandNumber: 1, month: '2007-11' });
      expect(october.objectives.map((o) => o.ref)).toContain('1.E.1');
      expect(november.objectives.map((o) => o.ref)).not.toContain('1.E.1');
    },
  },
  'plan.unretireObjective': {
    behaviour: 'undoes a retirement, so the objective reports again, and records it in the audit log',
    run: async () => {
      await app.call('plan.retireObjective', { ref: '1.E.1', fromMonth: '2007-11' });
      const unretired = await app.call('plan.unretireObjective', { ref: '1.E.1' });
      expect(unretired).toMatchObject({ retired: false, retiredFrom: null });
      const november = await app.call('plan.objectives', { strandNumber: 1, month: '2007-11' });
      expect(november.objectives.map((o) => o.ref)).toContain('1.E.1');
      expect((await app.store.audit.list({ entity: 'objective' }))[0].action).toBe('objective.unretire');
      const again = await app.refusal('plan.unretireObjective', { ref: '1.E.1' });
      expect(again.code).toBe('conflict');
    },
  },
  'plan.deleteObjective': {
    behaviour: 'deletes an unused objective but refuses one that has updates, saying to retire it',
    run: async () => {
      const added = await app.call('plan.addObjective', {
        strandNumber: 3,
        theme: 'Prevention',
        themeCode: 'P',
        text: 'A mistaken line',
        year: null,
      });
      expect(await app.call('plan.deleteObjective', { ref: added.ref })).toEqual({ deleted: added.ref });
      await app.call('updates.saveDraft', { ref: '3.P.1', month: '2007-10', status: 'green' });
      const refusal = await app.refusal('plan.deleteObjective', { ref: '3.P.1' });
      expect(refusal.code).toBe('conflict');
      expect(refusal.message).toMatch(/Retire it instead/);
    },
  },
  'updates.grid': {
    behaviour:
      'shows each objective of the strand with this month’s working revision and last month’s reported status',
    run: async () => {
      await acceptedUpdate(app, '1.E.1', '2007-09', 'amber', 'Two posts vacant.');
      await app.call('updates.saveDraft', {
        ref: '1.E.1',
        month: '2007-10',
        status: 'green',
        narrative: 'Posts filled.',
      });
      const grid = await app.call('updates.grid', { strandNumber: 1, month: '2007-10' });
      expect(grid.previousMonth).toBe('2007-09');
      const row = grid.rows.find((r) => r.objective.ref === '1.E.1');
      expect(row?.lastMonthStatus).toBe('amber');
      expect(row?.working?.state).toBe('draft');
      expect(row?.reportedStatus).toBe('no_update');
      expect(row?.lastMonth?.narrative).toBe('Two posts vacant.');
      expect(row?.objective).not.toHaveProperty('notes');
      const other = grid.rows.find((r) => r.objective.ref !== '1.E.1');
      expect(other?.working).toBeNull();
      expect(other?.lastMonthStatus).toBe('no_update');
    },
  },
  'updates.saveDraft': {
    behaviour: 'autosaves a Red draft without a narrative, edited in place, authored by this copy’s user',
    run: async () => {
      await app.call('settings.update', { userName: 'Jo Bloggs' });
      const first = await app.call('updates.saveDraft', { ref: '2.E.1', month: '2007-10', status: 'red' });
      const second = await app.call('updates.saveDraft', {
        ref: '2.E.1',
        month: '2007-10',
        status: 'red',
        narrative: 'Behind',
      });
      expect(second.id).toBe(first.id);
      expect(second.revision).toBe(1);
      expect(second.author).toBe('Jo Bloggs');
      expect(second.state).toBe('draft');
    },
  },
  'updates.submit': {
    behaviour: 'refuses to submit a Red update without a narrative, and submits it once written',
    run: async () => {
      await app.call('updates.saveDraft', { ref: '2.E.1', month: '2007-10', status: 'red' });
      const refusal = await app.refusal('updates.submit', { ref: '2.E.1', month: '2007-10' });
      expect(refusal.code).toBe('narrative_required');
      await app.call('updates.saveDraft', {
        ref: '2.E.1',
        month: '2007-10',
        status: 'red',
        narrative: 'Detections fell.',
      });
      expect((await app.call('updates.submit', { ref: '2.E.1', month: '2007-10' })).state).toBe('submitted');
    },
  },
  'updates.accept': {
    behaviour: 'accepts a submitted update, which the dashboard then counts',
    run: async () => {
      const accepted = await acceptedUpdate(app, '2.E.1', '2007-10', 'green');
      expect(accepted.state).toBe('accepted');
      const dashboard = await app.call('dashboard.get', { month: '2007-10' });
      expect(dashboard.strands.find((s) => s.strandNumber === 2)?.counts.green).toBe(1);
    },
  },
  'updates.return': {
    behaviour: 'returns a submitted update only with a comment saying why',
    run: async () => {
      await app.call('updates.saveDraft', {
        ref: '2.E.1',
        month: '2007-10',
        status: 'green',
        narrative: 'Fine.',
      });
      await app.call('updates.submit', { ref: '2.E.1', month: '2007-10' });
      expect(
        (await app.refusal('updates.return', { ref: '2.E.1', month: '2007-10', comment: '  ' })).code,
      ).toBe('invalid_input');
      const returned = await app.call('updates.return', {
        ref: '2.E.1',
        month: '2007-10',
        comment: 'Say which boroughs.',
      });
      expect(returned.state).toBe('returned');
      expect(returned.comment).toBe('Say which boroughs.');
    },
  },
  'updates.history': {
    behaviour: 'lists every revision of an objective’s update, newest first',
    run: async () => {
      await acceptedUpdate(app, '2.E.1', '2007-10', 'amber', 'At risk.');
      await app.call('updates.saveDraft', {
        ref: '2.E.1',
        month: '2007-10',
        status: 'green',
        narrative: 'Recovered.',
      });
      const history = await app.call('updates.history', { ref: '2.E.1' });
      expect(history.map((u) => [u.revision, u.state, u.status])).toEqual([
        [2, 'draft', 'green'],
        [1, 'accepted', 'amber'],
      ]);
    },
  },
  'dashboard.get': {
    behaviour:
      'counts statuses per strand, movement since last month, missing updates and the next meeting’s checklist',
    run: async () => {
      await acceptedUpdate(app, '1.E.1', '2007-09', 'green');
      await acceptedUpdate(app, '1.E.1', '2007-10', 'red', 'Off track.');
      await app.call('updates.saveDraft', { ref: '1.E.2', month: '2007-10', status: 'green' });
      await boardMeeting(app, '2007-11-05T10:00', '2007-10');
      const d = await app.call('dashboard.get', { month: '2007-10' });
      const strandOne = d.strands.find((s) => s.strandNumber === 1);
      expect(strandOne?.counts.red).toBe(1);
      expect(strandOne?.counts.no_update).toBe((strandOne?.total ?? 0) - 1);
      expect(d.movement.worsened).toBe(1);
      expect(d.missing.find((m) => m.ref === '1.E.2')?.working).toBe(true);
      expect(d.missing.map((m) => m.ref)).not.toContain('1.E.1');
      expect(d.total).toBe(d.missing.length + 1);
      const checklist = Object.fromEntries(d.nextMeeting?.checklist.map((c) => [c.key, c]) ?? []);
      expect(checklist.missing_updates.count).toBe(d.missing.length);
      expect(checklist.drafts_not_submitted.count).toBe(1);
      expect(checklist.agenda.done).toBe(true);
      expect(checklist.issued.done).toBe(false);
    },
  },
  'months.list': {
    behaviour:
      'lists the plan’s 24 months with how many objectives are reported in each, opening on this month',
    run: async () => {
      await acceptedUpdate(app, '1.E.1', '2007-09', 'green');
      const months = await app.call('months.list');
      expect(months.months).toHaveLength(24);
      expect(months.months[0]).toEqual({ month: '2007-04', reported: 0 });
      expect(months.months.find((m) => m.month === '2007-09')?.reported).toBe(1);
      expect(months.current).toBe('2007-10');
      expect(months.latestReported).toBe('2007-09');
    },
  },
  'meetings.list': {
    behaviour: 'lists meetings in date order with how many pack versions each has issued',
    run: async () => {
      await boardMeeting(app, '2007-12-03T10:00', '2007-11');
      await boardMeeting(app, '2007-11-05T10:00', '2007-10');
      const meetings = await app.call('meetings.list');
      expect(meetings.map((m) => m.heldAt)).toEqual(['2007-11-05T10:00', '2007-12-03T10:00']);
      expect(meetings.every((m) => m.issuedVersions === 0)).toBe(true);
    },
  },
  'meetings.get': {
    behaviour: 'returns a meeting with its standing agenda, minutes, actions arising and the meeting before',
    run: async () => {
      const first = await boardMeeting(app, '2007-10-01T10:00', '2007-09');
      const second = await boardMeeting(app, '2007-11-05T10:00', '2007-10');
      const detail = await app.call('meetings.get', { id: second.id });
      expect(detail.previous?.id).toBe(first.id);
      expect(detail.agenda.map((a) => a.title)).toEqual((await app.call('plan.get')).standingAgenda);
      expect(detail.minutes).toEqual([]);
      expect(detail.actions).toEqual([]);
    },
  },
  'meetings.create': {
    behaviour: 'creates a meeting with an empty agenda when the standing agenda is not wanted',
    run: async () => {
      const meeting = await app.call('meetings.create', {
        title: 'Extraordinary meeting',
        heldAt: '2007-10-20T14:00',
        reportingMonth: '2007-10',
        useStandingAgenda: false,
      });
      expect((await app.call('meetings.get', { id: meeting.id })).agenda).toEqual([]);
      expect(
        (
          await app.refusal('meetings.create', {
            title: '',
            heldAt: '2007-10-20T14:00',
            reportingMonth: '2007-10',
          })
        ).message,
      ).toMatch(/needs a title/);
    },
  },
  'meetings.update': {
    behaviour: 'changes a meeting’s place and attendance, and keeps the lists a change leaves out',
    run: async () => {
      const meeting = await boardMeeting(app);
      const details = {
        id: meeting.id,
        title: meeting.title,
        heldAt: meeting.heldAt,
        reportingMonth: meeting.reportingMonth,
      };
      const updated = await app.call('meetings.update', {
        ...details,
        place: 'Room 2',
        chairs: ['Commander Serious Violence'],
        members: [],
        attendees: [],
        apologies: ['Head of Performance'],
      });
      expect(updated.place).toBe('Room 2');
      expect(updated.apologies).toEqual(['Head of Performance']);
      // The details form sends no attendance: what the meeting holds is kept, not emptied.
      const moved = await app.call('meetings.update', { ...details, place: 'Room 3' });
      expect(moved.place).toBe('Room 3');
      expect(moved.apologies).toEqual(['Head of Performance']);
      expect(moved.chairs).toEqual(['Commander Serious Violence']);
      const { meeting: stored } = await app.call('meetings.get', { id: meeting.id });
      expect(stored.apologies).toEqual(['Head of Performance']);
      const cleared = await app.call('meetings.update', { ...details, apologies: [] });
      expect(cleared.apologies).toEqual([]);
      expect(cleared.place).toBe('');
    },
  },
  'meetings.setAgenda': {
    behaviour: 'reorders the agenda and links an item to a pack section',
    run: async () => {
      const meeting = await boardMeeting(app);
      const { agenda } = await app.call('meetings.get', { id: meeting.id });
      const reordered = await app.call('meetings.setAgenda', {
        meetingId: meeting.id,
        items: [
          { ...agenda[2], packSection: 'exceptions' },
          agenda[0],
          { title: 'Knife crime briefing', minutesAllotted: 15 },
        ],
      });
      expect(reordered.map((a) => [a.position, a.title])).toEqual([
        [1, agenda[2].title],
        [2, agenda[0].title],
        [3, 'Knife crime briefing'],
      ]);
      expect(reordered[0].packSection).toBe('exceptions');
    },
  },
  'meetings.addMinute': {
    behaviour: 'records a minute and a decision against an agenda item',
    run: async () => {
      const meeting = await boardMeeting(app);
      const { agenda } = await app.call('meetings.get', { id: meeting.id });
      await app.call('meetings.addMinute', {
        meetingId: meeting.id,
        agendaItemId: agenda[1].id,
        text: 'Minutes agreed.',
      });
      await app.call('meetings.addMinute', {
        meetingId: meeting.id,
        agendaItemId: agenda[1].id,
        kind: 'decision',
        text: 'Actions carried.',
      });
      const { minutes } = await app.call('meetings.get', { id: meeting.id });
      expect(minutes.map((m) => [m.kind, m.text])).toEqual([
        ['minute', 'Minutes agreed.'],
        ['decision', 'Actions carried.'],
      ]);
    },
  },
  'meetings.editMinute': {
    behaviour: 'corrects a minute’s wording',
    run: async () => {
      const meeting = await boardMeeting(app);
      const minute = await app.call('meetings.addMinute', { meetingId: meeting.id, text: 'Minutse agreed.' });
      expect(
        (await app.call('meetings.editMinute', { minuteId: minute.id, text: 'Minutes agreed.' })).text,
      ).toBe('Minutes agreed.');
    },
  },
  'actions.list': {
    behaviour: 'shows an open action past its due date as overdue, and filters by it',
    run: async () => {
      const meeting = await boardMeeting(app, '2007-09-03T10:00', '2007-08');
      await app.call('actions.add', {
        meetingId: meeting.id,
        description: 'Circulate the tasking report',
        owner: 'Secretariat',
        dueDate: '2007-10-01',
      });
      await app.call('actions.add', {
        meetingId: meeting.id,
        description: 'Brief the chairs',
        owner: 'Strand 2 lead',
        dueDate: '2007-12-01',
      });
      const overdue = await app.call('actions.list', { status: 'overdue' });
      expect(overdue.map((a) => a.description)).toEqual(['Circulate the tasking report']);
      expect((await app.call('actions.list', { owner: 'strand 2' })).map((a) => a.shownStatus)).toEqual([
        'open',
      ]);
    },
  },
  'actions.add': {
    behaviour: 'raises an action with a reference from its meeting’s date',
    run: async () => {
      const meeting = await boardMeeting(app);
      const action = await app.call('actions.add', {
        meetingId: meeting.id,
        description: 'Report on Operation Blunt',
        owner: 'Strand 6 lead',
      });
      expect(action.ref).toBe('A2007-11/1');
      expect(action.shownStatus).toBe('open');
    },
  },
  'actions.update': {
    behaviour: 'adds a progress note and completes an action on today’s date',
    run: async () => {
      const action = await raisedAction(app);
      const done = await app.call('actions.update', {
        ref: action.ref,
        note: 'Report circulated.',
        status: 'complete',
      });
      expect(done.shownStatus).toBe('complete');
      expect(done.completedOn).toBe('2007-10-15');
      expect(done.updates.map((u) => u.text)).toEqual(['Report circulated.']);
    },
  },
  'packs.buildDraft': {
    behaviour: 'builds a draft pack as a real PDF marked as a draft, returned as base64',
    run: async () => {
      await acceptedUpdate(app, '1.E.1', '2007-10', 'red', 'Off track this month.');
      const meeting = await boardMeeting(app);
      const draft = await app.call('packs.buildDraft', {
        meetingId: meeting.id,
        sections: ['cover', 'dashboard', 'exceptions'],
      });
      const bytes = Buffer.from(draft.pdfBase64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(draft.sha256);
      expect(draft.pages).toBeGreaterThan(0);
      expect(pdfText(draft.pdfBase64)).toMatch(/Draft of version 1/);
    },
  },
  'packs.issue': {
    behaviour: 'issues version 1, then a reissue as version 2 listing the secretariat’s note first',
    run: async () => {
      const meeting = await boardMeeting(app);
      const first = await app.call('packs.issue', {
        meetingId: meeting.id,
        sections: ['cover', 'dashboard'],
      });
      expect(first.version).toBe(1);
      expect(first.issuedBy).toBe('Secretariat');
      await acceptedUpdate(app, '1.E.1', '2007-10', 'green');
      const second = await app.call('packs.issue', {
        meetingId: meeting.id,
        sections: ['cover', 'dashboard'],
        changes: ['Strand 1 update added late'],
      });
      expect(second.version).toBe(2);
      expect(second.changes[0]).toBe('Strand 1 update added late');
    },
  },
  'packs.list': {
    behaviour: 'lists a meeting’s issued versions with their hashes',
    run: async () => {
      const meeting = await boardMeeting(app);
      const issued = await app.call('packs.issue', { meetingId: meeting.id, sections: ['cover'] });
      const listed = await app.call('packs.list', { meetingId: meeting.id });
      expect(listed.map((p) => [p.version, p.sha256])).toEqual([[1, issued.sha256]]);
      expect(await app.call('packs.list', { meetingId: meeting.id + 1 })).toEqual([]);
    },
  },
  'packs.export': {
    behaviour: 're-exports the issued bytes exactly, named by meeting date and version',
    run: async () => {
      const meeting = await boardMeeting(app);
      const issued = await app.call('packs.issue', { meetingId: meeting.id, sections: ['cover'] });
      const exported = await app.call('packs.export', { id: issued.id });
      expect(exported.fileName).toBe('board-pack-2007-11-05-v1.pdf');
      expect(createHash('sha256').update(Buffer.from(exported.pdfBase64, 'base64')).digest('hex')).toBe(
        issued.sha256,
      );
      expect((await app.refusal('packs.export', { id: issued.id + 100 })).code).toBe('not_found');
    },
  },
  'packs.verify': {
    behaviour: 'recognises an issued pack’s file and not an altered copy',
    run: async () => {
      const meeting = await boardMeeting(app);
      const issued = await app.call('packs.issue', { meetingId: meeting.id, sections: ['cover'] });
      const { pdfBase64 } = await app.call('packs.export', { id: issued.id });
      expect((await app.call('packs.verify', { pdfBase64 })).match?.version).toBe(1);
      const second = await app.call('packs.issue', {
        meetingId: meeting.id,
        sections: ['cover'],
        changes: ['Reissued'],
      });
      const replaced = await app.call('packs.verify', { pdfBase64 });
      expect(replaced.verified).toEqual({
        version: 1,
        meetingHeldAt: meeting.heldAt,
        meetingTitle: meeting.title,
        issuedAt: issued.issuedAt,
        issuedBy: 'Secretariat',
        reference: issued.reference,
        replacedBy: { version: 2, issuedAt: second.issuedAt },
      });
      expect(issued.reference).toMatch(/^[0-9a-f]{8}$/);
      const altered = Buffer.from(pdfBase64, 'base64');
      altered[altered.length - 10] ^= 1;
      const verdict = await app.call('packs.verify', { pdfBase64: altered.toString('base64') });
      expect(verdict.match).toBeNull();
      expect(verdict.verified).toBeNull();
      expect(verdict.sha256).not.toBe(issued.sha256);
    },
  },
  'packs.changesSinceIssue': {
    behaviour:
      'says the latest version still matches, then lists what changed since it was issued, as the reissue prints it',
    run: async () => {
      const meeting = await boardMeeting(app);
      expect(await app.call('packs.changesSinceIssue', { meetingId: meeting.id })).toBeNull();
      const first = await app.call('packs.issue', {
        meetingId: meeting.id,
        sections: ['cover', 'dashboard'],
      });
      const fresh = await app.call('packs.changesSinceIssue', { meetingId: meeting.id });
      expect(fresh).toEqual({
        version: 1,
        issuedAt: first.issuedAt,
        reference: first.reference,
        changes: [],
      });

      await acceptedUpdate(app, '1.E.1', '2007-10', 'green');
      const stale = await app.call('packs.changesSinceIssue', { meetingId: meeting.id });
      expect(stale?.version).toBe(1);
      expect(stale?.changes).toEqual(['1.E.1: status No update → Green; narrative changed']);

      const second = await app.call('packs.issue', {
        meetingId: meeting.id,
        sections: ['cover', 'dashboard'],
        changes: ['Strand 1 update added late'],
      });
      expect(second.changes).toEqual(['Strand 1 update added late', ...(stale?.changes ?? [])]);
      expect((await app.call('packs.changesSinceIssue', { meetingId: meeting.id }))?.changes).toEqual([]);
      expect((await app.refusal('packs.changesSinceIssue', { meetingId: meeting.id + 100 })).code).toBe(
        'not_found',
      );
    },
  },
  ...papersExamples(() => app),
  ...indicatorsExamples(() => app),
  ...chaseExamples(() => app),
  ...meetingsExamples(() => app),
  'search.query': {
    behaviour: 'finds a minute and an update narrative by words in any case, hyphens and accents ignored',
    run: async () => {
      await acceptedUpdate(app, '2.E.3', '2007-10', 'amber', 'Multi-agency tasking in Lambeth slipped.');
      const meeting = await boardMeeting(app);
      await app.call('meetings.addMinute', {
        meetingId: meeting.id,
        text: 'The board asked for a Réunion of the multi agency panel.',
      });
      const found = await app.call('search.query', { words: 'MULTI-AGENCY' });
      const update = found.groups.find((g) => g.kind === 'update');
      const minute = found.groups.find((g) => g.kind === 'minute');
      expect(update?.hits.map((h) => [h.ref, h.month, h.strandNumber])).toEqual([['2.E.3', '2007-10', 2]]);
      expect(minute?.hits.map((h) => h.meetingId)).toEqual([meeting.id]);
      expect(found.groups.map((g) => g.kind)).toEqual(['objective', 'update', 'minute']);
      expect((await app.call('search.query', { words: 'NEAR( " *' })).groups).toEqual([]);
      expect((await app.refusal('search.query', { words: 'x'.repeat(201) })).code).toBe('invalid_input');
    },
  },
  'settings.get': {
    behaviour: 'returns the board’s settings and where the database is',
    run: async () => {
      const settings = await app.call('settings.get');
      expect(settings.protectiveMarking).toBe('OFFICIAL-SENSITIVE');
      expect(settings.databasePath).toBe(app.store.path);
      expect(settings.userName).toBe('Secretariat');
      expect(settings.backupSchedule).toBe('off');
    },
  },
  'settings.update': {
    behaviour: 'changes plan settings and this copy’s settings together, and refuses an empty marking',
    run: async () => {
      const settings = await app.call('settings.update', {
        protectiveMarking: 'OFFICIAL',
        userName: 'Sam Clerk',
        backupSchedule: 'daily',
      });
      expect([settings.protectiveMarking, settings.userName, settings.backupSchedule]).toEqual([
        'OFFICIAL',
        'Sam Clerk',
        'daily',
      ]);
      expect((await app.refusal('settings.update', { protectiveMarking: ' ' })).code).toBe('invalid_input');
      expect((await app.call('settings.get')).protectiveMarking).toBe('OFFICIAL');
    },
  },
  'people.list': {
    behaviour: 'lists the people who use the plan',
    run: async () => {
      // The built-in plan's strand leads (roles, as the document gives them) and chairs are seeded.
      const seeded = await app.call('people.list');
      const leads = seeded.filter((p) => p.role === 'strand_lead');
      expect(leads.map((p) => p.strandNumber).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(leads.find((p) => p.strandNumber === 8)?.name).toBe(
        'Detective Chief Superintendent Child Abuse Investigation Command',
      );
      expect(seeded.filter((p) => p.role === 'chair').map((p) => p.name)).toEqual([
        'Commander Organised Crime and Criminal Networks (OC and CN)',
        'Commander Violent Crime Directorate (VCD)',
      ]);
      // A strand has one lead at a time: the one before is marked as left first.
      const refusal = await app.refusal('people.save', {
        name: 'Pat Lead',
        role: 'strand_lead',
        strandNumber: 2,
      });
      expect(refusal.message).toMatch(/Strand 2 already has a strand lead, .*mark them as left first/);
      const before = leads.find((p) => p.strandNumber === 2)!;
      await app.call('people.save', { ...before, retired: true });
      await app.call('people.save', { name: 'Pat Lead', role: 'strand_lead', strandNumber: 2 });
      const live = (await app.call('people.list')).filter((p) => p.strandNumber === 2 && !p.retired);
      expect(live.map((p) => p.name)).toEqual(['Pat Lead']);
    },
  },
  'people.save': {
    behaviour: 'adds and edits a person, and refuses a strand lead with no strand',
    run: async () => {
      const person = await app.call('people.save', { name: 'Pat Lead', role: 'secretariat' });
      const edited = await app.call('people.save', {
        id: person.id,
        name: 'Pat Lead',
        role: 'secretariat',
        retired: true,
      });
      expect(edited.retired).toBe(true);
      expect((await app.refusal('people.save', { name: 'Nobody', role: 'strand_lead' })).message).toMatch(
        /which strand/,
      );
    },
  },
  'audit.list': {
    behaviour: 'shows who changed what, newest first, filtered by entity',
    run: async () => {
      await app.call('settings.update', { userName: 'Sam Clerk' });
      await app.call('updates.saveDraft', { ref: '1.E.1', month: '2007-10', status: 'green' });
      const entries = await app.call('audit.list', { entity: 'update' });
      expect(entries.map((e) => [e.actor, e.action, e.entityId])).toEqual([
        ['Sam Clerk', 'update.save', '1.E.1@2007-10'],
      ]);
    },
  },
  'app.info': {
    behaviour: 'says which database is open, its schema and that no demo data is loaded',
    run: async () => {
      const info = await app.call('app.info');
      expect(info).toMatchObject({
        version: '9.9.9',
        databasePath: app.store.path,
        demoLoaded: false,
        door: 'test',
      });
      expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    },
  },
  'app.backupNow': {
    behaviour: 'writes a checked backup into the backup folder',
    run: async () => {
      const folder = join(app.dir, 'my-backups');
      await app.call('settings.update', { backupFolder: folder });
      const { path } = await app.call('app.backupNow');
      expect(path.startsWith(folder)).toBe(true);
      expect(existsSync(path)).toBe(true);
      expect(inspectBackup(path).problems).toEqual([]);
    },
  },
  'demo.load': {
    behaviour: 'loads demo updates and meetings and says so',
    run: async () => {
      const info = await app.call('demo.load');
      expect(info.demoLoaded).toBe(true);
      expect((await app.call('meetings.list')).length).toBeGreaterThan(0);
    },
  },
  'demo.remove': {
    behaviour: 'removes the demo data again',
    run: async () => {
      await app.call('demo.load');
      const info = await app.call('demo.remove');
      expect(info.demoLoaded).toBe(false);
      expect(await app.call('meetings.list')).toEqual([]);
    },
  },

  'exchange.overview': {
    behaviour: 'makes this installation’s key and lists requests, returns and trusted keys',
    run: async () => {
      const overview = await app.call('exchange.overview');
      expect(overview.ownFingerprint).toMatch(/\S{8,}/);
      expect((await app.call('exchange.overview')).ownFingerprint).toBe(overview.ownFingerprint);
      expect(overview.issuedRequests).toEqual([]);
      await app.call('exchange.createRequest', {
        strandNumber: 2,
        month: '2007-10',
        leadName: 'Strand 2 lead',
      });
      const after = await app.call('exchange.overview');
      expect(after.issuedRequests.map((r) => [r.strandNumber, r.month, r.leadName])).toEqual([
        [2, '2007-10', 'Strand 2 lead'],
      ]);
      expect(after.workingCopy).toBeNull();
    },
  },
  'exchange.createRequest': {
    behaviour: 'returns a signed request file for a strand and month as a download',
    run: async () => {
      const made = await app.call('exchange.createRequest', { strandNumber: 3, month: '2007-10' });
      expect(made.fileName).toBe('strand-3-2007-10.bpreq');
      const file = JSON.parse(Buffer.from(made.base64, 'base64').toString('utf8')) as { kind: string };
      expect(file.kind).toBe('request');
      expect(made.bytes).toBe(Buffer.from(made.base64, 'base64').length);
      expect(made.objectives).toBeGreaterThan(0);
      const past = await app.refusal('exchange.createRequest', {
        strandNumber: 3,
        month: '2007-10',
        expiresOn: '2007-01-01',
      });
      expect(past.message).toContain('already past');
    },
  },
  'exchange.openRequest': {
    behaviour: 'opens a request in a fresh copy, and refuses a changed file by name',
    run: async () => {
      const request = await app.call('exchange.createRequest', { strandNumber: 2, month: '2007-10' });
      const lead = await openTestApp();
      try {
        const opened = await lead.call('exchange.openRequest', request);
        expect([opened.strandNumber, opened.month, opened.secretariatKey]).toEqual([
          2,
          '2007-10',
          'first_use',
        ]);
        const again = await lead.refusal('exchange.openRequest', request);
        expect(again.message).toContain('already opened');
        const file = JSON.parse(Buffer.from(request.base64, 'base64').toString('utf8')) as {
          ciphertext: string;
        };
        const at = file.ciphertext.length >> 1;
        file.ciphertext = `${file.ciphertext.slice(0, at)}${file.ciphertext[at] === 'A' ? 'B' : 'A'}${file.ciphertext.slice(at + 1)}`;
        const text = JSON.stringify(file);
        const tampered = await lead.refusal('exchange.openRequest', {
          fileName: 'changed.bpreq',
          base64: Buffer.from(text).toString('base64'),
          passphrase: request.passphrase,
        });
        expect(tampered.message).toMatch(/^changed\.bpreq was refused: it has been changed or damaged/);
      } finally {
        await lead.close();
      }
    },
  },
  'exchange.createReturn': {
    behaviour: 'packs the lead’s updates for the opened request into a return file',
    run: async () => {
      const made = await returnFromFreshCopy(app, '2.E.1', 'green', 'On track.', 'Strand 2 lead');
      expect(made.fileName).toBe('strand-2-2007-10.bpret');
      expect(made.updates).toBe(1);
      expect(made.missing.length).toBeGreaterThan(0);
    },
  },
  'exchange.previewReturn': {
    behaviour: 'shows each incoming update beside the current one, and refuses an unknown key until trusted',
    run: async () => {
      const ret = await leadReturn(app, '2.E.1', 'amber', 'Two boroughs late.');
      const unknown = await app.refusal('exchange.previewReturn', ret);
      expect(unknown.message).toContain('does not trust');
      const preview = await app.call('exchange.previewReturn', { ...ret, trust: true });
      expect(preview.keyTrusted).toBe(false);
      expect(preview.updates.map((u) => [u.ref, u.incoming.status, u.current, u.conflict])).toEqual([
        ['2.E.1', 'amber', null, false],
      ]);
      expect((await app.store.updates.working('2007-10', 2)).size).toBe(0);
    },
  },
  'exchange.importReturn': {
    behaviour: 'trusts the lead’s key, applies the accepted updates and refuses the same file twice',
    run: async () => {
      const ret = await leadReturn(app, '2.E.1', 'red', 'Detections behind target.');
      const result = await app.call('exchange.importReturn', { ...ret, trust: true, acceptAll: true });
      expect([result.accepted, result.trustedNow]).toEqual([['2.E.1'], true]);
      expect((await app.store.updates.working('2007-10', 2)).get('2.E.1')?.status).toBe('red');
      const again = await app.refusal('exchange.importReturn', { ...ret, acceptAll: true });
      expect(again.message).toContain('already imported');
      expect((await app.call('exchange.overview')).trustedKeys).toHaveLength(1);
    },
  },

  'spreadsheets.exportPlan': {
    behaviour: 'returns the plan as an XLSX or CSV download',
    run: async () => {
      const xlsx = await app.call('spreadsheets.exportPlan');
      expect(xlsx.fileName).toBe('board-pack-plan.xlsx');
      expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
      const csv = await app.call('spreadsheets.exportPlan', { format: 'csv' });
      expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('1.E.1');
      expect(csv.rows).toBe(xlsx.rows);
    },
  },
  'spreadsheets.exportUpdates': {
    behaviour: 'returns a month range of updates as a spreadsheet',
    run: async () => {
      await acceptedUpdate(app, '2.E.1', '2007-10', 'red', 'Detections behind target.');
      const csv = await app.call('spreadsheets.exportUpdates', {
        from: '2007-10',
        to: '2007-10',
        strandNumber: 2,
        format: 'csv',
      });
      expect(csv.fileName).toBe('board-pack-updates-2007-10-strand-2.csv');
      expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('Detections behind target.');
    },
  },
  'spreadsheets.previewPlanImport': {
    behaviour: 'previews a reworded objective without changing the plan',
    run: async () => {
      const csv = Buffer.from((await app.call('spreadsheets.exportPlan', { format: 'csv' })).base64, 'base64')
        .toString('utf8')
        .replace(
          'In partnership develop an enhanced risk assessment model.',
          'Develop a risk model with partners.',
        );
      const upload = { fileName: 'plan.csv', base64: Buffer.from(csv).toString('base64') };
      const preview = await app.call('spreadsheets.previewPlanImport', upload);
      expect(preview.mode).toBe('merge');
      expect(preview.changed.map((c) => c.ref)).toEqual(['1.P.3']);
      expect(preview.errors).toEqual([]);
      expect((await app.store.plan.objective('1.P.3')).text).toBe(
        'In partnership develop an enhanced risk assessment model.',
      );
    },
  },
  'spreadsheets.importPlan': {
    behaviour: 'applies a plan spreadsheet, and refuses one with bad rows unless told to skip them',
    run: async () => {
      const lines = Buffer.from(
        (await app.call('spreadsheets.exportPlan', { format: 'csv' })).base64,
        'base64',
      )
        .toString('utf8')
        .split('\n');
      const bad = [...lines.slice(0, 2), 'nonsense,,,,,,,,', ...lines.slice(2)].join('\n');
      const upload = { fileName: 'plan.csv', base64: Buffer.from(bad).toString('base64') };
      const refused = await app.refusal('spreadsheets.importPlan', upload);
      expect(refused.message).toContain('nothing was imported');
      const applied = await app.call('spreadsheets.importPlan', { ...upload, skipBadRows: true });
      expect(applied.skippedRows.length).toBe(1);
    },
  },

  'backups.settings': {
    behaviour: 'says where automatic backups go and how many are kept',
    run: async () => {
      const settings = await app.call('backups.settings');
      expect(settings.folder).toBe(join(app.dir, 'backups'));
      expect(settings.keep).toBe(14);
    },
  },
  'backups.configure': {
    behaviour: 'changes the backup folder and how many to keep, refusing an unreasonable number',
    run: async () => {
      const folder = join(app.dir, 'elsewhere');
      expect(await app.call('backups.configure', { folder, keep: 7 })).toEqual({ folder, keep: 7 });
      expect((await app.refusal('backups.configure', { keep: 0 })).message).toContain('between 1 and 365');
    },
  },
  'backups.download': {
    behaviour: 'returns a checked copy of the database as a download',
    run: async () => {
      const made = await app.call('backups.download');
      const path = join(app.dir, made.fileName);
      writeFileSync(path, Buffer.from(made.base64, 'base64'));
      expect(made.fileName).toMatch(/^board-pack-2007-10-15T09-00-00\.db$/);
      expect(inspectBackup(path).problems).toEqual([]);
    },
  },
  'backups.toFolder': {
    behaviour: 'writes a backup into the configured folder',
    run: async () => {
      const folder = join(app.dir, 'kept');
      await app.call('backups.configure', { folder });
      const made = await app.call('backups.toFolder');
      expect(made.path.startsWith(folder)).toBe(true);
      expect(inspectBackup(made.path).problems).toEqual([]);
    },
  },
  'backups.inspect': {
    behaviour: 'reports a sound backup as sound and names the problem with a file that is not one',
    run: async () => {
      const made = await app.call('backups.download');
      const sound = await app.call('backups.inspect', made);
      expect(sound.problems).toEqual([]);
      const notOurs = await app.call('backups.inspect', {
        fileName: 'notes.db',
        base64: Buffer.from('hello').toString('base64'),
      });
      expect(notOurs.problems.join(' ')).toContain('notes.db');
    },
  },
  'backups.restore': {
    behaviour:
      'restores a backup over the open database through the desktop session, and is refused elsewhere',
    run: async () => {
      const backup = await app.call('backups.download');
      const refused = await app.refusal('backups.restore', backup);
      expect(refused.message).toContain('only the desktop app');
      const session = await DatabaseSession.start(join(app.dir, 'desktop.db'), {
        door: 'electron',
        clock: () => new Date(APP_NOW),
      });
      try {
        const before = (await session.services.store.plan.summary()).boardName;
        const desktopBackup = await dispatch(session.services, 'backups.download', {});
        if (!desktopBackup.ok) throw new Error(desktopBackup.error.message);
        const { fileName, base64 } = desktopBackup.value as { fileName: string; base64: string };
        await dispatch(session.services, 'settings.update', { boardName: 'Renamed after the backup' });
        const restored = await dispatch(session.services, 'backups.restore', { fileName, base64 });
        expect(restored).toMatchObject({
          ok: true,
          value: { restoredFrom: fileName, schemaVersion: LATEST_SCHEMA_VERSION },
        });
        expect((await session.services.store.plan.summary()).boardName).toBe(before);
        const notOurs = await dispatch(session.services, 'backups.restore', {
          fileName: 'notes.db',
          base64: Buffer.from('not a database').toString('base64'),
        });
        expect(notOurs).toMatchObject({ ok: false, error: { code: 'refused_file' } });
        expect((await session.services.store.plan.summary()).boardName).toBe(before);
      } finally {
        await session.close();
      }
    },
  },

  'sharedDatabase.state': {
    behaviour:
      'is not offered outside the desktop app, and through its session starts from the shared database used last, with its CA certificate file',
    run: async () => {
      expect(await app.call('sharedDatabase.state')).toMatchObject({ offered: false, databaseOpen: true });
      const memory = { file: join(app.dir, 'database.json'), keeper: fakeKeeper() };
      rememberSharedServer(
        memory.file,
        'postgres://alice@db.example.org:5432/board_pack?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Fforce-ca.pem',
        null,
      );
      rememberDatabaseFile(memory.file, join(app.dir, 'desktop.db'));
      const session = await DatabaseSession.start(join(app.dir, 'desktop.db'), { door: 'electron', memory });
      try {
        expect(await dispatch(session.services, 'sharedDatabase.state', {})).toEqual({
          ok: true,
          value: {
            offered: true,
            databaseOpen: true,
            keepsPasswords: true,
            server: {
              host: 'db.example.org',
              port: 5432,
              database: 'board_pack',
              user: 'alice',
              tls: 'verify-full',
              caFile: '/etc/ssl/force-ca.pem',
            },
            reason: null,
          },
        });
      } finally {
        await session.close();
      }
    },
  },
  'sharedDatabase.connect': {
    behaviour:
      'ties a sentence to each field it refuses, never sends a plan unencrypted to another computer, and keeps the open database when the server cannot be reached',
    run: async () => {
      const fields = {
        host: '127.0.0.1',
        port: await closedPort(),
        database: 'board_pack',
        user: 'secretariat',
      };
      expect((await app.refusal('sharedDatabase.connect', { ...fields, tls: 'disable' })).message).toContain(
        'only the desktop app',
      );
      const memory = { file: join(app.dir, 'database.json'), keeper: fakeKeeper() };
      const desktop = join(app.dir, 'desktop.db');
      const session = await DatabaseSession.start(desktop, {
        door: 'electron',
        memory,
        log: () => undefined,
      });
      const connect = (input: unknown) => dispatch(session.services, 'sharedDatabase.connect', input);
      try {
        expect(await connect({ ...fields, host: ' ' })).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', message: 'Say which server the shared database is on.' },
        });
        expect(await connect({ ...fields, port: 70000 })).toMatchObject({
          error: { message: 'The port is a number from 1 to 65535.' },
        });
        expect(await connect({ ...fields, user: '' })).toMatchObject({
          error: { message: 'Say which user name to connect as.' },
        });
        expect(await connect({ ...fields, host: 'db.example.org', tls: 'disable' })).toMatchObject({
          error: { code: 'invalid_input', message: expect.stringContaining('only encrypted') },
        });
        const unreachable = await connect({ ...fields, password: 'pw', tls: 'disable' });
        expect(unreachable).toMatchObject({
          ok: false,
          error: {
            code: 'unreachable',
            message: `The shared database at 127.0.0.1:${fields.port}/board_pack cannot be reached: the server or the network is down, or the server's name or port is wrong.`,
          },
        });
        expect(session.path).toBe(desktop);
        expect(await session.services.store.plan.hasPlan()).toBe(true);
        expect(existsSync(memory.file)).toBe(false);
      } finally {
        await session.close();
      }
    },
  },

  // ── Methods the command line needed first; the screens may call them too ──
  'updates.record': {
    behaviour:
      'records a submitted or accepted update in one step by the screens’ rules, an audit row for each step, and leaves nothing when refused',
    run: async () => {
      const accepted = await app.call('updates.record', {
        ref: '2.E.1',
        month: '2007-10',
        status: 'amber',
        narrative: 'Two posts vacant.',
        state: 'accepted',
      });
      expect(accepted).toMatchObject({ state: 'accepted', revision: 1, author: 'Secretariat' });
      const steps = await app.store.audit.list({ entity: 'update' });
      expect(steps.map((r) => [r.action, r.entityId])).toEqual([
        ['update.accept', '2.E.1@2007-10'],
        ['update.submit', '2.E.1@2007-10'],
        ['update.save', '2.E.1@2007-10'],
      ]);
      const submitted = await app.call('updates.record', { ref: '2.E.2', month: '2007-10', status: 'green' });
      expect(submitted.state).toBe('submitted');
      const refused = await app.refusal('updates.record', {
        ref: '2.E.3',
        month: '2007-10',
        status: 'red',
        state: 'accepted',
      });
      expect(refused.code).toBe('narrative_required');
      expect(await app.call('updates.history', { ref: '2.E.3', month: '2007-10' })).toEqual([]);
    },
  },
  'updates.monthSummary': {
    behaviour:
      'counts each strand’s objectives by reported status for a month, the latest reported month when none is given',
    run: async () => {
      expect(await app.call('updates.monthSummary', {})).toBeNull();
      await acceptedUpdate(app, '2.E.1', '2007-10', 'red', 'Behind target.');
      const latest = await app.call('updates.monthSummary', {});
      expect(latest?.month).toBe('2007-10');
      expect(latest?.strands).toHaveLength(8);
      expect(latest?.totals.red).toBe(1);
      expect(latest?.totals.no_update).toBe((latest?.total ?? 0) - 1);
      expect((await app.call('updates.monthSummary', { month: '2007-09' }))?.totals.red).toBe(0);
      expect((await app.refusal('updates.monthSummary', { month: '2010-01' })).code).toBe(
        'outside_plan_period',
      );
    },
  },
  'packs.build': {
    behaviour: 'builds a pack without a watermark, or with one as a draft, and stores nothing',
    run: async () => {
      const meeting = await boardMeeting(app);
      const request = { meetingId: meeting.id, sections: ['cover' as const] };
      const final = await app.call('packs.build', request);
      const draft = await app.call('packs.build', { ...request, draft: true });
      expect(pdfText(draft.pdfBase64)).toMatch(/Draft of version 1/);
      expect(pdfText(final.pdfBase64)).not.toMatch(/Draft of version/);
      expect(await app.call('packs.list', {})).toEqual([]);
    },
  },
  'app.checkDatabase': {
    behaviour: 'runs SQLite’s integrity and foreign-key checks and finds a sound database sound',
    run: async () => {
      expect(await app.call('app.checkDatabase', {})).toEqual({
        databasePath: app.store.path,
        problems: [],
      });
    },
  },
  'app.changes': {
    behaviour:
      'tells a desk the kinds of record another desk changed on the same database, and not its own changes',
    run: async () => {
      // Two stores on one database are two desks: each run of the app marks its audit rows as its own.
      const otherDesk = createServices(
        await openStore(await locationOf(app.store), { clock: () => new Date(APP_NOW) }),
        {
          door: 'test',
          version: '9.9.9',
          defaultActor: 'Desk B',
          log: (context, error) => app.logged.push([context, error]),
        },
      );
      const callB = async (method: unknown, input: unknown) => {
        const result = await dispatch(otherDesk, method, input);
        if (!result.ok) throw new Error(`${String(method)} refused: ${result.error.message}`);
      };
      try {
        // A window just opened has read everything: it learns where to ask from, and nothing else.
        const opened = await app.call('app.changes', { since: 0 });
        expect(opened).toEqual({
          last: (await app.store.audit.list({ limit: 1 }))[0]?.id ?? 0,
          entities: [],
        });

        await callB('updates.saveDraft', {
          ref: '2.E.1',
          month: '2007-10',
          status: 'red',
          narrative: 'Behind.',
        });
        await callB('people.save', { name: 'DCI Ada Byron', role: 'member' });
        const seen = await app.call('app.changes', { since: opened.last });
        expect(seen.entities).toEqual(['person', 'update']);
        expect(seen.last).toBeGreaterThan(opened.last);

        // This desk's own change moves last on but names nothing to read again.
        await app.call('updates.saveDraft', {
          ref: '2.E.2',
          month: '2007-10',
          status: 'green',
          narrative: '',
        });
        const own = await app.call('app.changes', { since: seen.last });
        expect(own.entities).toEqual([]);
        expect(own.last).toBeGreaterThan(seen.last);
        // Nothing new: the same last, nothing changed.
        expect(await app.call('app.changes', { since: own.last })).toEqual({ last: own.last, entities: [] });
        // Desk B sees this desk's change as another desk's.
        const forB = await dispatch(otherDesk, 'app.changes', { since: seen.last });
        expect(forB).toEqual({ ok: true, value: { last: own.last, entities: ['update'] } });
        expect((await app.refusal('app.changes', { since: -1 })).code).toBe('invalid_input');
      } finally {
        await otherDesk.store.close();
      }
    },
  },
  'exchange.trustKey': {
    behaviour:
      'trusts a lead’s key for a strand after its fingerprint is confirmed, and refuses one that is no fingerprint',
    run: async () => {
      const trusted = await app.call('exchange.trustKey', {
        fingerprint: '3F2A91C05B7E0D448E19C2A677F01B3D',
        name: 'DCS Jane Smith',
        strandNumber: 2,
      });
      expect(trusted).toMatchObject({
        fingerprint: '3f2a-91c0-5b7e-0d44-8e19-c2a6-77f0-1b3d',
        role: 'strand_lead',
        strandNumber: 2,
        trustedBy: 'Secretariat',
      });
      expect((await app.call('exchange.overview', {})).trustedKeys).toContainEqual(trusted);
      const refused = await app.refusal('exchange.trustKey', {
        fingerprint: 'not-a-key',
        name: 'Someone',
        strandNumber: 2,
      });
      expect(refused.code).toBe('invalid_input');
    },
  },
  'backups.auto': {
    behaviour: 'makes today’s backup in the backups folder once, keeping the newest as configured',
    run: async () => {
      await app.call('backups.configure', { folder: join(app.dir, 'daily'), keep: 2 });
      const first = await app.call('backups.auto', {});
      expect(first.created).not.toBeNull();
      expect(existsSync(first.created ?? '')).toBe(true);
      const again = await app.call('backups.auto', {});
      expect(again).toMatchObject({ created: null, keep: 2, removed: [] });
      expect(again.kept).toHaveLength(1);
    },
  },
};

/** An open action raised at a board meeting for Strand 6's lead. */
async function raisedAction(secretariat: TestApp) {
  const meeting = await boardMeeting(secretariat);
  return secretariat.call('actions.add', {
    meetingId: meeting.id,
    description: 'Report on Operation Blunt',
    owner: 'Strand 6 lead',
  });
}

/**
 * A strand lead's fresh copy opens a request made by `secretariat` for the ref's strand (October
 * 2007), writes one update and makes its return file.
 */
async function returnFromFreshCopy(
  secretariat: TestApp,
  ref: string,
  status: 'green' | 'amber' | 'red',
  narrative: string,
  authorName?: string,
) {
  const strandNumber = Number(ref.split('.')[0]);
  const request = await secretariat.call('exchange.createRequest', { strandNumber, month: '2007-10' });
  const lead = await openTestApp();
  try {
    await lead.call('exchange.openRequest', request);
    await lead.call('updates.saveDraft', { ref, month: '2007-10', status, narrative });
    return await lead.call('exchange.createReturn', { authorName });
  } finally {
    await lead.close();
  }
}

/** That return as the secretariat uploads it. */
async function leadReturn(
  secretariat: TestApp,
  ref: string,
  status: 'green' | 'amber' | 'red',
  narrative: string,
) {
  const made = await returnFromFreshCopy(secretariat, ref, status, narrative);
  return { fileName: made.fileName, base64: made.base64 };
}

/**
 * The methods that copy the database file or keep its backups, whose examples need a file: on the
 * server they refuse in words instead (a shared database is backed up with pg_dump), which
 * backup.test.ts proves.
 */
const BACKUP_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.backupNow',
  'backups.settings',
  'backups.configure',
  'backups.download',
  'backups.toFolder',
  'backups.inspect',
  'backups.restore',
  'backups.auto',
]);

describe('the contract', () => {
  for (const method of METHOD_NAMES) {
    // Backups copy the SQLite file; on a server they are pg_dump's job and refused (backup.test.ts).
    it.skipIf(onPostgres && BACKUP_METHODS.has(method))(
      `${method} ${examples[method].behaviour}`,
      async () => {
        app = await openTestApp();
        await examples[method].run();
        expect(app.logged).toEqual([]);
      },
    );
  }
});

describe("a strand lead's copy", () => {
  it('knows it is a lead’s copy for its strand, and signs returns with the name the lead gave once', async () => {
    app = await openTestApp();
    const request = await app.call('exchange.createRequest', { strandNumber: 2, month: '2007-10' });
    const lead = await openTestApp();
    try {
      expect((await lead.call('settings.get')).leadStrands).toBeNull();
      await lead.call('exchange.openRequest', request);
      expect(await lead.call('settings.get')).toMatchObject({
        leadStrands: [2],
        userNameSet: false,
        userName: 'Secretariat',
      });
      await lead.call('updates.saveDraft', {
        ref: '2.E.1',
        month: '2007-10',
        status: 'green',
        narrative: '',
      });
      // Before the lead has given a name, the return carries the name the request was addressed to.
      const unnamed = await lead.call('exchange.createReturn', {});
      const first = await app.call('exchange.previewReturn', { ...unnamed, trust: true });
      expect(first.author).toBe((await app.store.plan.strand(2)).lead);

      const named = await lead.call('settings.update', { userName: 'Dana Lee' });
      expect([named.userName, named.userNameSet]).toEqual(['Dana Lee', true]);
      const second = await app.call('exchange.previewReturn', {
        ...(await lead.call('exchange.createReturn', {})),
        trust: true,
      });
      expect(second.author).toBe('Dana Lee');
    } finally {
      await lead.close();
    }
    expect(app.logged).toEqual([]);
  });
});
