// The papers.* rows of the contract test's table (tests/integration/contract.test.ts runs them):
// each method against a real store through dispatch, with malformed input refused before its handler.
import { createHash } from 'node:crypto';
import { expect, vi } from 'vitest';
import { MAX_PAPER_BYTES, type MethodName } from '../../shared/contract';
import { handlers } from '../../electron/handlers/index';
import { boardMeeting, type TestApp } from '../fixtures/appServices';
import { paperFontsNotice } from '../../shared/packWords';
import { notAPdf, paperPdf } from '../fixtures/paperPdf';

type Example = { behaviour: string; run: () => Promise<void> };
type PapersMethod = Extract<MethodName, `papers.${string}`>;

/** A meeting on the standing agenda, and its agenda items' ids in order. */
async function meetingWithAgenda(app: TestApp) {
  const meeting = await boardMeeting(app);
  const items = (await app.store.meetings.agenda(meeting.id)).map((a) => a.id);
  return { meetingId: meeting.id, items };
}

async function attach(app: TestApp, meetingId: number, agendaItemId: number, title: string, pages = 2) {
  const pdf = await paperPdf(title, pages);
  // The paper as papers.list and papers.get give it: without the attach-time notice on its fonts.
  const { notice: _fontsNotice, ...paper } = await app.call('papers.add', {
    meetingId,
    agendaItemId,
    fileName: `${title}.pdf`,
    pdfBase64: pdf.toString('base64'),
  });
  return paper;
}

/** Calls a method with input the contract refuses, and checks its handler never ran. */
async function refusedBeforeHandler(app: TestApp, method: PapersMethod, input: unknown) {
  const handler = vi.spyOn(handlers, method);
  try {
    const result = await app.raw(method, input);
    expect(handler).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('refused input was answered');
    expect(result.error.code).toBe('invalid_input');
    return result.error.message;
  } finally {
    handler.mockRestore();
  }
}

export function papersExamples(current: () => TestApp): { [M in PapersMethod]: Example } {
  return {
    'papers.list': {
      behaviour:
        'lists a meeting’s papers in agenda order, then in the order attached; refuses a meeting that is not a number',
      run: async () => {
        const app = current();
        const { meetingId, items } = await meetingWithAgenda(app);
        expect(await app.call('papers.list', { meetingId })).toEqual([]);
        await attach(app, meetingId, items[2], 'Performance exceptions');
        await attach(app, meetingId, items[0], 'Apologies received');
        await attach(app, meetingId, items[2], 'Strand 2 recovery plan', 5);
        const listed = await app.call('papers.list', { meetingId });
        expect(listed.map((p) => [p.agendaItemId, p.position, p.title, p.pages])).toEqual([
          [items[0], 1, 'Apologies received', 2],
          [items[2], 1, 'Performance exceptions', 2],
          [items[2], 2, 'Strand 2 recovery plan', 5],
        ]);
        expect(await refusedBeforeHandler(app, 'papers.list', { meetingId: 'three' })).toMatch(/meetingId/);
        expect((await app.refusal('papers.list', { meetingId: 999 })).code).toBe('not_found');
      },
    },
    'papers.get': {
      behaviour: 'gives one paper’s details, and refuses a paper that does not exist',
      run: async () => {
        const app = current();
        const { meetingId, items } = await meetingWithAgenda(app);
        const added = await attach(app, meetingId, items[1], 'Knife crime problem profile');
        expect(await app.call('papers.get', { id: added.id })).toEqual(added);
        expect(await app.refusal('papers.get', { id: added.id + 1 })).toEqual({
          code: 'not_found',
          message: `There is no paper ${added.id + 1}.`,
        });
      },
    },
    'papers.add': {
      behaviour:
        'keeps a PDF with its pages and hash; refuses a file that is not a PDF, and one over 25 MB before any handler runs',
      run: async () => {
        const app = current();
        const { meetingId, items } = await meetingWithAgenda(app);
        const pdf = await paperPdf('Knife crime problem profile', 3);
        const added = await app.call('papers.add', {
          meetingId,
          agendaItemId: items[3],
          fileName: 'Knife crime problem profile.pdf',
          pdfBase64: pdf.toString('base64'),
        });
        expect(added).toMatchObject({
          meetingId,
          agendaItemId: items[3],
          position: 1,
          title: 'Knife crime problem profile',
          pages: 3,
          sizeBytes: pdf.length,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          addedBy: 'Secretariat',
        });
        expect((await app.store.audit.list({ entity: 'paper' }))[0].action).toBe('paper.add');
        // pdf-lib's standard fonts are not embedded: said at once, while the paper can be swapped.
        expect(added.notice).toBe(paperFontsNotice('Knife crime problem profile'));

        const text = await app.refusal('papers.add', {
          meetingId,
          agendaItemId: items[3],
          fileName: 'minutes.txt',
          pdfBase64: notAPdf().toString('base64'),
        });
        expect(text).toEqual({ code: 'refused_file', message: expect.stringMatching(/not a PDF/) });

        // 25 MB and one byte, as base64: refused by the contract, in words, before any handler.
        const oversized = Buffer.alloc(MAX_PAPER_BYTES + 1, 0x25).toString('base64');
        const message = await refusedBeforeHandler(app, 'papers.add', {
          meetingId,
          agendaItemId: items[3],
          fileName: 'scan.pdf',
          pdfBase64: oversized,
        });
        expect(message).toMatch(/larger than 25 MB/);
        // Exactly 25 MB passes the contract and is judged by the store (here: not a PDF).
        const atLimit = await app.refusal('papers.add', {
          meetingId,
          agendaItemId: items[3],
          fileName: 'scan.pdf',
          pdfBase64: Buffer.alloc(MAX_PAPER_BYTES, 0x25).toString('base64'),
        });
        expect(atLimit.code).toBe('refused_file');
        expect(
          await refusedBeforeHandler(app, 'papers.add', {
            meetingId,
            agendaItemId: items[3],
            fileName: 'paper.pdf',
            pdfBase64: 'not base64 at all!',
          }),
        ).toMatch(/could not be read/);
        expect(await refusedBeforeHandler(app, 'papers.add', { meetingId, fileName: 'x.pdf' })).toMatch(
          /agendaItemId|pdfBase64/,
        );
        expect((await app.call('papers.list', { meetingId })).map((p) => p.id)).toEqual([added.id]);
      },
    },
    'papers.rename': {
      behaviour:
        'gives a paper a new title with its audit record; refuses a blank title and an unknown paper in the store’s words, and an id that is not a number before the handler',
      run: async () => {
        const app = current();
        const { meetingId, items } = await meetingWithAgenda(app);
        const paper = await attach(app, meetingId, items[2], 'perf-exc-feb08');
        const renamed = await app.call('papers.rename', {
          id: paper.id,
          title: ' Performance exceptions, February 2008 ',
        });
        expect(renamed).toEqual({ ...paper, title: 'Performance exceptions, February 2008' });
        expect(await app.call('papers.list', { meetingId })).toEqual([renamed]);
        expect((await app.store.audit.list({ entity: 'paper' }))[0]).toMatchObject({
          action: 'paper.rename',
          before: { title: 'perf-exc-feb08' },
          after: { title: 'Performance exceptions, February 2008' },
        });

        expect(await app.refusal('papers.rename', { id: paper.id, title: '   ' })).toEqual({
          code: 'invalid_input',
          message: 'A paper needs a title; type the title to print in the pack.',
        });
        expect(await app.refusal('papers.rename', { id: paper.id, title: 'x'.repeat(201) })).toEqual({
          code: 'invalid_input',
          message: 'A paper title is at most 200 characters.',
        });
        expect(await app.refusal('papers.rename', { id: paper.id + 1, title: 'Other' })).toEqual({
          code: 'not_found',
          message: `There is no paper ${paper.id + 1}.`,
        });
        expect(await refusedBeforeHandler(app, 'papers.rename', { id: 'first', title: 'Other' })).toMatch(
          /\(id\)/,
        );
        expect(await refusedBeforeHandler(app, 'papers.rename', { id: paper.id })).toMatch(/\(title\)/);
        expect(await app.call('papers.list', { meetingId })).toEqual([renamed]);
      },
    },
    'papers.remove': {
      behaviour: 'removes a paper, moving the ones after it up; refuses an id that is not a positive number',
      run: async () => {
        const app = current();
        const { meetingId, items } = await meetingWithAgenda(app);
        const first = await attach(app, meetingId, items[1], 'Minutes of the last meeting');
        const second = await attach(app, meetingId, items[1], 'Action log extract');
        expect(await app.call('papers.remove', { id: first.id })).toEqual({ removed: first.id });
        expect(await app.call('papers.list', { meetingId })).toEqual([{ ...second, position: 1 }]);
        expect((await app.store.audit.list({ entity: 'paper' }))[0].action).toBe('paper.remove');
        expect((await app.refusal('papers.remove', { id: first.id })).code).toBe('not_found');
        expect(await refusedBeforeHandler(app, 'papers.remove', { id: -1 })).toMatch(/\(id\)/);
        expect(await app.call('papers.list', { meetingId })).toHaveLength(1);
      },
    },
    'papers.open': {
      behaviour: 'returns a paper’s exact bytes, file name and hash; refuses an id that is not a number',
      run: async () => {
        const app = current();
        const { meetingId, items } = await meetingWithAgenda(app);
        const pdf = await paperPdf('Operation Blunt 2 briefing', 4);
        const added = await app.call('papers.add', {
          meetingId,
          agendaItemId: items[4],
          title: 'Blunt 2: weapons sweeps',
          fileName: 'blunt2-briefing.pdf',
          pdfBase64: pdf.toString('base64'),
        });
        expect(added.title).toBe('Blunt 2: weapons sweeps');
        const opened = await app.call('papers.open', { id: added.id });
        expect(opened.fileName).toBe('blunt2-briefing.pdf');
        expect(Buffer.from(opened.pdfBase64, 'base64').equals(pdf)).toBe(true);
        expect(opened.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
        expect(await refusedBeforeHandler(app, 'papers.open', { id: 'first' })).toMatch(/\(id\)/);
        expect((await app.refusal('papers.open', { id: added.id + 1 })).code).toBe('not_found');
      },
    },
  };
}
