// Papers in the store: added in agenda order with their page count and SHA-256, renamed, removed with
// the rest moving up, and every refusal (not a PDF, cut short, encrypted, no pages, over 25 MB, an item
// of another meeting, no title, an unknown paper) said in words with the database left exactly as it was.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardPackError } from '../../shared/errors';
import { MAX_PAPER_BYTES } from '../../electron/store/papers';
import { MAX_PAPER_CONTENT_BYTES, MAX_PAPER_PAGES } from '../../shared/paperLimits';
import {
  HOSTILE_PAPERS,
  inflatingPaper,
  longActionChainPaper,
  loopingPageTree,
  pageListedManyTimes,
} from '../fixtures/hostilePapers';
import type { Meeting } from '../../electron/store/meetings';
import type { Store } from '../../electron/store/store';
import { issuePack, issuedPackPdf } from '../../electron/pack/index';
import { dumpDatabase } from '../fixtures/databases';
import { flat, LAST_MONTH, meeting, MONTH, packStore, pageTexts, tempDir, writePdf } from './pack.fixtures';
import { encryptedPdf, notAPdf, oversizedPdf, pagelessPdf, paperPdf, truncatedPdf } from './paper.fixtures';

let dir: string;
let store: Store;
let current: Meeting;
let previous: Meeting;

beforeEach(async () => {
  dir = tempDir();
  store = await packStore(dir);
  previous = await meeting(store, '2007-09-20T10:00', LAST_MONTH);
  current = await meeting(store, '2007-10-18T10:00', MONTH);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function item(m: Meeting, position: number): Promise<number> {
  const found = (await store.meetings.agenda(m.id)).find((a) => a.position === position);
  if (!found) throw new Error(`meeting ${m.id} has no item ${position}`);
  return found.id;
}

async function add(position: number, fileName: string, pdf: Uint8Array, title?: string) {
  return await store.papers.add(
    { meetingId: current.id, agendaItemId: await item(current, position), fileName, pdf, title },
    store.now(),
    'Secretariat',
  );
}

/** Runs a refused write and returns its error, proving the database did not change. */
async function refusal(write: () => Promise<unknown> | unknown): Promise<BoardPackError> {
  const before = dumpDatabase(store.path);
  let caught: unknown;
  try {
    await write();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BoardPackError);
  expect(dumpDatabase(store.path)).toBe(before);
  return caught as BoardPackError;
}

describe('papers in the store', () => {
  it('keeps a paper with its page count, size and SHA-256, titled from its file name, and returns its exact bytes', async () => {
    const pdf = await paperPdf('Knife crime', 3);
    const paper = await add(3, 'Knife crime problem profile.PDF', pdf);
    expect(paper).toMatchObject({
      meetingId: current.id,
      agendaItemId: await item(current, 3),
      position: 1,
      title: 'Knife crime problem profile',
      fileName: 'Knife crime problem profile.PDF',
      pages: 3,
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      addedBy: 'Secretariat',
    });
    expect(Buffer.compare(await store.papers.pdf(paper.id), pdf)).toBe(0);
    expect((await store.audit.list({ entity: 'paper' }))[0]).toMatchObject({
      action: 'paper.add',
      actor: 'Secretariat',
    });
  });

  it('lists papers in agenda order, then in their order under each item, and moves the rest up when one is removed', async () => {
    const pdf = await paperPdf('Any', 1);
    const late = await add(5, 'aob.pdf', pdf, 'Any other business note');
    const first = await add(3, 'a.pdf', pdf, 'First under item 3');
    const second = await add(3, 'b.pdf', pdf, 'Second under item 3');
    const third = await add(3, 'c.pdf', pdf, 'Third under item 3');
    const list = async () => (await store.papers.list(current.id)).map((p) => [p.title, p.position]);
    expect(await list()).toEqual([
      ['First under item 3', 1],
      ['Second under item 3', 2],
      ['Third under item 3', 3],
      ['Any other business note', 1],
    ]);
    await store.papers.remove(first.id, store.now(), 'Secretariat');
    expect(await list()).toEqual([
      ['Second under item 3', 1],
      ['Third under item 3', 2],
      ['Any other business note', 1],
    ]);
    expect(await store.papers.list(previous.id)).toEqual([]);
    expect([second.id, third.id, late.id]).toEqual((await store.papers.list(current.id)).map((p) => p.id));
    expect((await store.audit.list({ entity: 'paper' }))[0]).toMatchObject({
      action: 'paper.remove',
      entityId: String(first.id),
    });
  });

  it('refuses a file that is not a PDF, and changes nothing', async () => {
    const error = await refusal(() => add(3, 'minutes.docx', notAPdf()));
    expect(error.message).toBe('"minutes.docx" is not a PDF file. Save the paper as a PDF and attach that.');
  });

  it('refuses a PDF cut short, and changes nothing', async () => {
    const error = await refusal(async () => add(3, 'profile.pdf', truncatedPdf(await paperPdf('Cut', 4))));
    expect(error.message).toContain('"profile.pdf" is incomplete');
  });

  it('refuses a password-protected PDF, and changes nothing', async () => {
    const error = await refusal(async () => add(3, 'restricted.pdf', await encryptedPdf()));
    expect(error.message).toContain('"restricted.pdf" is protected with a password or encryption');
  });

  it('refuses a PDF that opens without a password but is encrypted to restrict printing, and changes nothing', async () => {
    const error = await refusal(async () => add(3, 'published.pdf', await encryptedPdf(null)));
    expect(error.message).toContain(
      '"published.pdf" is protected with a password or encryption (even if it opens without one',
    );
  });

  it('refuses a PDF with no pages, and changes nothing', async () => {
    const error = await refusal(async () => add(3, 'empty.pdf', await pagelessPdf()));
    expect(error.message).toBe('"empty.pdf" has no pages. Attach the PDF of the paper itself.');
  });

  it('refuses a file over 25 MB by its size, and changes nothing', async () => {
    const error = await refusal(() => add(3, 'scans.pdf', oversizedPdf(MAX_PAPER_BYTES)));
    expect(error.message).toContain('"scans.pdf" is 25.0 MB; a paper can be at most 25 MB');
  });

  it('refuses a paper of one page listed 100,000 times, at once and in words, and changes nothing', async () => {
    const pdf = await pageListedManyTimes(100_000);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const error = await refusal(() => add(3, 'repeated.pdf', pdf));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.message).toBe(
      `"repeated.pdf" has more than ${MAX_PAPER_PAGES} pages; a paper can have at most ${MAX_PAPER_PAGES}. Attach the part the board needs to read, or split it into shorter papers.`,
    );
  });

  it('refuses a paper whose page tree loops back on itself, as damaged, and changes nothing', async () => {
    const error = await refusal(async () => add(3, 'looping.pdf', await loopingPageTree()));
    expect(error.message).toBe(
      '"looping.pdf" could not be read as a PDF; it may be damaged. Save it again as a PDF and attach that.',
    );
  });

  it('keeps a paper of exactly 500 pages', async () => {
    const paper = await add(3, 'long.pdf', await pageListedManyTimes(MAX_PAPER_PAGES));
    expect(paper.pages).toBe(MAX_PAPER_PAGES);
  });

  it('refuses a 1 MB paper whose page unpacks to 1 GB, without unpacking it all, and changes nothing', async () => {
    const pdf = await inflatingPaper(1024 ** 3);
    expect(pdf.length).toBeLessThan(1.1 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const error = await refusal(() => add(3, 'inflating.pdf', pdf));
    expect(Date.now() - started).toBeLessThan(10_000);
    // The check unpacks at most the limit (100 MB), never the gigabyte.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
    expect(error.message).toBe(
      '"inflating.pdf" unpacks to more than 100 MB of page content (a normal paper unpacks to a few MB), which would make the pack too slow to build and to open. Print it to a new PDF, or save its pages as images, and attach that.',
    );
  });

  it('keeps a paper whose page content unpacks to less than the limit', async () => {
    const paper = await add(3, 'dense map.pdf', await inflatingPaper(MAX_PAPER_CONTENT_BYTES / 8));
    expect(paper.pages).toBe(1);
  });

  it('keeps a paper whose opening script chains 20,000 more, walking the chain without overflowing', async () => {
    const paper = await add(3, 'chain.pdf', await longActionChainPaper(20_000));
    expect(paper.pages).toBe(1);
  });

  it('keeps papers with links, scripts, forms and attached files: the pack removes those when it draws them', async () => {
    for (const [kind, build] of Object.entries(HOSTILE_PAPERS)) {
      const paper = await add(3, `${kind}.pdf`, await build());
      expect(paper.pages, kind).toBe(1);
    }
  });

  it('refuses an agenda item of another meeting, and changes nothing', async () => {
    const pdf = await paperPdf('Elsewhere', 1);
    const error = await refusal(
      async () =>
        await store.papers.add(
          { meetingId: current.id, agendaItemId: await item(previous, 3), fileName: 'x.pdf', pdf },
          store.now(),
          'Secretariat',
        ),
    );
    expect(error.message).toContain(`is not on meeting ${current.id}'s agenda`);
  });

  it('refuses a paper with no title once the file name gives none, and changes nothing', async () => {
    const pdf = await paperPdf('Untitled', 1);
    const error = await refusal(() => add(3, '.pdf', pdf, '   '));
    expect(error.message).toContain('A paper needs a title');
  });

  it('refuses to drop an agenda item that carries a paper, and changes nothing', async () => {
    await add(3, 'profile.pdf', await paperPdf('Kept', 2));
    const kept = (await store.meetings.agenda(current.id))
      .filter((a) => a.position !== 3)
      .map((a) => ({ id: a.id, title: a.title }));
    const error = await refusal(
      async () => await store.meetings.setAgenda(current.id, kept, store.now(), 'Secretariat'),
    );
    expect(error.message).toBe(
      'Item 3 "Performance against the plan (by exception)" carries a paper; remove it from the item first, or keep the item on the agenda.',
    );
  });

  it('keeps an item’s papers when the agenda is reordered or reworded', async () => {
    const paper = await add(3, 'profile.pdf', await paperPdf('Moves', 1));
    const agenda = await store.meetings.agenda(current.id);
    const reordered = [agenda[2], ...agenda.filter((a) => a.position !== 3)].map((a) => ({
      id: a.id,
      title: a.position === 3 ? 'Performance by exception' : a.title,
    }));
    await store.meetings.setAgenda(current.id, reordered, store.now(), 'Secretariat');
    expect(await store.papers.list(current.id)).toEqual([{ ...paper }]);
    expect((await store.meetings.agenda(current.id))[0]).toMatchObject({
      id: paper.agendaItemId,
      position: 1,
    });
  });
});

describe('renaming a paper', () => {
  it('gives a paper a new title, keeping its file, bytes and place, with an audit record of both titles', async () => {
    const pdf = await paperPdf('Knife crime', 2);
    const first = await add(3, 'kc-profile-v3.pdf', pdf, 'Knife crime profile');
    const second = await add(3, 'hotspots.pdf', pdf, 'Hotspots');
    const renamed = await store.papers.rename(
      first.id,
      '  Knife crime problem profile, October 2007 ',
      '2007-10-02T08:00:00.000Z',
      'Anna Price',
    );
    expect(renamed).toEqual({ ...first, title: 'Knife crime problem profile, October 2007' });
    expect(await store.papers.get(first.id)).toEqual(renamed);
    expect((await store.papers.list(current.id)).map((p) => [p.id, p.position, p.title])).toEqual([
      [first.id, 1, 'Knife crime problem profile, October 2007'],
      [second.id, 2, 'Hotspots'],
    ]);
    expect(Buffer.compare(await store.papers.pdf(first.id), pdf)).toBe(0);
    expect((await store.audit.list({ entity: 'paper' }))[0]).toMatchObject({
      at: '2007-10-02T08:00:00.000Z',
      actor: 'Anna Price',
      action: 'paper.rename',
      entityId: String(first.id),
      before: first,
      after: renamed,
    });
  });

  it('records nothing when the title given is the one the paper already has', async () => {
    const paper = await add(3, 'kc.pdf', await paperPdf('Same', 1), 'Knife crime profile');
    const before = dumpDatabase(store.path);
    expect(await store.papers.rename(paper.id, ' Knife crime profile ', store.now(), 'Secretariat')).toEqual(
      paper,
    );
    expect(dumpDatabase(store.path)).toBe(before);
  });

  it('refuses a paper that does not exist, and changes nothing', async () => {
    await add(3, 'kc.pdf', await paperPdf('Kept', 1), 'Knife crime profile');
    const error = await refusal(
      async () => await store.papers.rename(999, 'New title', store.now(), 'Secretariat'),
    );
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('There is no paper 999.');
  });

  it('refuses a blank title, and changes nothing', async () => {
    const paper = await add(3, 'kc.pdf', await paperPdf('Kept', 1), 'Knife crime profile');
    for (const blank of ['', '   ', '\t\n']) {
      const error = await refusal(
        async () => await store.papers.rename(paper.id, blank, store.now(), 'Secretariat'),
      );
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe('A paper needs a title; type the title to print in the pack.');
    }
    expect((await store.papers.get(paper.id)).title).toBe('Knife crime profile');
  });

  it('refuses a title longer than a paper may have when attached (200 characters), and changes nothing', async () => {
    const paper = await add(3, 'kc.pdf', await paperPdf('Kept', 1), 'Knife crime profile');
    const error = await refusal(
      async () => await store.papers.rename(paper.id, 'K'.repeat(201), store.now(), 'Secretariat'),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('A paper title is at most 200 characters.');
    // The same rule as attaching: 201 characters are refused there too, and 200 pass both ways.
    const attachError = await refusal(async () =>
      add(3, 'kc.pdf', await paperPdf('Long', 1), 'K'.repeat(201)),
    );
    expect(attachError.message).toBe(error.message);
    expect(
      (await store.papers.rename(paper.id, 'K'.repeat(200), store.now(), 'Secretariat')).title,
    ).toHaveLength(200);
  });

  it('renames a paper of a meeting whose pack is issued, as adding and removing do, leaving the issued pack as it was', async () => {
    const paper = await add(3, 'kc.pdf', await paperPdf('Knife crime', 1), 'Knife crime profile');
    // The smallest pack that shows a paper's title: its papers section alone.
    const issued = await issuePack(store, { meetingId: current.id, sections: ['papers'] }, 'Anna Price');
    const issuedBytes = await issuedPackPdf(store, issued.id);
    await store.papers.rename(
      paper.id,
      'Knife crime problem profile, October 2007',
      store.now(),
      'Secretariat',
    );

    const frozen = await issuedPackPdf(store, issued.id);
    expect(Buffer.compare(frozen, issuedBytes)).toBe(0);
    expect(createHash('sha256').update(frozen).digest('hex')).toBe(issued.sha256);
    const frozenText = flat(pageTexts(writePdf(dir, 'issued.pdf', frozen)).join('\n'));
    expect(frozenText).toContain('Knife crime profile');
    expect(frozenText).not.toContain('Knife crime problem profile, October 2007');

    const reissued = await issuePack(store, { meetingId: current.id, sections: ['papers'] }, 'Anna Price');
    const reissuedText = flat(
      pageTexts(writePdf(dir, 'reissued.pdf', await issuedPackPdf(store, reissued.id))).join('\n'),
    );
    expect(reissuedText).toContain('Knife crime problem profile, October 2007');
  });
});
