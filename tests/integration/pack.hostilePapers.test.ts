// Hostile papers in the board pack: a paper with a script run on opening, a document script, page
// actions, a link that launches a program, a web link, a script and a launch action inside a form
// XObject its page draws, an attached file or a form that submits itself is still printed, but the
// pack built with it holds no JavaScript, action, launch, attached file or form (every object read
// back with pdf-lib, streams unpacked), and the paper's divider says what was removed. A control pack
// with a plain paper passes the same scan, and its divider says nothing was.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePDFRawStream, PDFDocument, PDFRawStream } from 'pdf-lib';
import { buildPack } from '../../electron/pack/index';
import { BoardPackError } from '../../shared/errors';
import { HOSTILE_PAPERS, inflatingPaper, pageListedManyTimes } from '../fixtures/hostilePapers';
import { buildPackFixture, flat, pageTexts, tempDir, writePdf, type PackFixture } from './pack.fixtures';
import { paperLine, paperPdf } from './paper.fixtures';

/**
 * The names of active content (and /URI, which a web link needs), each as a whole PDF name (followed
 * by a delimiter, whitespace or the end), so a font subset called /AAAAAB+Roboto is not taken for /AA.
 */
const ACTIVE_NAME =
  /\/(JS|JavaScript|Launch|OpenAction|AA|EmbeddedFile|SubmitForm|URI)(?=[\s()<>[\]{}/%]|$)/g;

/** What each hostile paper's divider says was removed. */
const REMOVED: Record<string, string> = {
  'a script run on opening': 'Scripts were removed from this paper.',
  'a document script in the names tree': 'Scripts were removed from this paper.',
  "a page's additional actions": 'Scripts were removed from this paper.',
  'a link that launches a program': 'Links and scripts were removed from this paper.',
  'a web link': 'Links were removed from this paper.',
  'a script and a launch action in a form XObject the page draws':
    'Links and scripts were removed from this paper.',
  'an attached file': 'Attached files were removed from this paper.',
  'a form that submits itself': 'Form fields were removed from this paper.',
};

/**
 * Every name of active content in a PDF, with what surrounds it: the file's bytes as written, and
 * each object read back with pdf-lib, its stream unpacked where pdf-lib can (images in JPEG are not
 * and hold no names).
 */
async function activeNames(pdf: Buffer): Promise<string[]> {
  const texts = [pdf.toString('latin1')];
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) {
      texts.push(`${ref} ${object.toString()}`);
      continue;
    }
    texts.push(`${ref} ${object.dict.toString()}`);
    try {
      texts.push(`${ref} stream ${Buffer.from(decodePDFRawStream(object).decode()).toString('latin1')}`);
    } catch {
      // A filter pdf-lib does not unpack (DCTDecode): image data, not names.
    }
  }
  return texts.flatMap((text) =>
    [...text.matchAll(ACTIVE_NAME)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + 40)),
  );
}

let fixture: PackFixture;
let hostilePack: Buffer;
let hostilePages: string[];
let controlPack: Buffer;
let controlPages: string[];

async function attach(title: string, pdf: Buffer): Promise<void> {
  const item = (await fixture.store.meetings.agenda(fixture.current.id)).find((a) => a.position === 3);
  if (!item) throw new Error('no agenda item 3');
  await fixture.store.papers.add(
    { meetingId: fixture.current.id, agendaItemId: item.id, fileName: `${title}.pdf`, title, pdf },
    fixture.store.now(),
    'Secretariat',
  );
}

async function build(name: string): Promise<{ pdf: Buffer; pages: string[] }> {
  const built = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
  return { pdf: built.pdf, pages: pageTexts(writePdf(fixture.dir, name, built.pdf)) };
}

/** The text of the divider page of the paper titled `title`. */
function divider(pages: string[], title: string): string {
  const at = pages.findIndex((p) => flat(p).includes(`File ${title}.pdf`));
  expect(at, title).toBeGreaterThanOrEqual(0);
  return flat(pages[at]);
}

beforeAll(async () => {
  fixture = await buildPackFixture(tempDir());
  await attach('Knife crime problem profile', await paperPdf('Knife crime problem profile', 1));
  ({ pdf: controlPack, pages: controlPages } = await build('control.pdf'));
  for (const [kind, paper] of Object.entries(HOSTILE_PAPERS)) await attach(kind, await paper());
  ({ pdf: hostilePack, pages: hostilePages } = await build('hostile.pdf'));
}, 120_000);

afterAll(async () => {
  await fixture.store.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('hostile papers in the board pack', () => {
  it.each(Object.entries(HOSTILE_PAPERS))(
    'finds active content in the paper itself: %s',
    async (_kind, paper) => {
      // The scan can fail: each hostile paper, on its own, is caught by it.
      expect(await activeNames(await paper())).not.toEqual([]);
    },
  );

  it('builds a pack with every hostile paper that holds no script, action, launch, attached file or form', async () => {
    expect(await activeNames(hostilePack)).toEqual([]);
  });

  it('still prints each hostile paper’s page', () => {
    const text = flat(hostilePages.join('\n'));
    for (const marker of ['Opening script', 'Document script', 'Page actions', 'Launch link', 'Web link'])
      expect(text).toContain(paperLine(marker, 1, 1));
    for (const marker of ['Form actions', 'Attached file', 'Submit form'])
      expect(text).toContain(paperLine(marker, 1, 1));
  });

  it.each(Object.entries(REMOVED))('says on the divider of %s what was removed', (kind, sentence) => {
    expect(divider(hostilePages, kind)).toContain(`Removed ${sentence}`);
  });

  it('passes the same scan with a plain paper, whose divider says nothing was removed', async () => {
    expect(await activeNames(controlPack)).toEqual([]);
    const plain = divider(controlPages, 'Knife crime problem profile');
    expect(plain).toContain('SHA-256');
    expect(plain).not.toMatch(/removed/i);
    expect(divider(hostilePages, 'Knife crime problem profile')).not.toMatch(/removed/i);
  });
});

describe('a paper kept before papers had limits', () => {
  /** Writes a paper straight into the database, as a version without the limits would have kept it. */
  async function keepUnchecked(f: PackFixture, title: string, pdf: Buffer, pages: number): Promise<void> {
    const item = (await f.store.meetings.agenda(f.current.id)).find((a) => a.position === 3);
    const db = new Database(f.store.path);
    db.prepare(
      `INSERT INTO papers (meeting_id, agenda_item_id, position, title, file_name, sha256, size_bytes, pages, pdf, added_at, added_by)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, '2007-10-01T09:00:00.000Z', 'Secretariat')`,
    ).run(
      f.current.id,
      item?.id,
      title,
      `${title}.pdf`,
      createHash('sha256').update(pdf).digest('hex'),
      pdf.length,
      pages,
      pdf,
    );
    db.close();
  }

  async function buildRefusal(pdf: Buffer, pages: number): Promise<BoardPackError> {
    const f = await buildPackFixture(tempDir());
    try {
      await keepUnchecked(f, 'Archive', pdf, pages);
      const started = Date.now();
      const error = await buildPack(f.store, { meetingId: f.current.id, draft: true }).catch(
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(error).toBeInstanceOf(BoardPackError);
      return error as BoardPackError;
    } finally {
      await f.store.close();
      rmSync(f.dir, { recursive: true, force: true });
    }
  }

  it('refuses to build a pack with a paper of 100,000 pages, in words', async () => {
    const error = await buildRefusal(await pageListedManyTimes(100_000), 100_000);
    expect(error.message).toBe(
      'Paper 3.1 "Archive" has more than 500 pages, so the pack cannot be built with it. Remove it, and attach the part the board needs to read.',
    );
  });

  it('refuses to build a pack with a paper that unpacks to 1 GB, in words', async () => {
    const error = await buildRefusal(await inflatingPaper(1024 ** 3), 1);
    expect(error.message).toBe(
      'Paper 3.1 "Archive" unpacks to more than 100 MB of page content, so the pack cannot be built with it. Remove it, and attach a copy printed to a new PDF.',
    );
  });
});
