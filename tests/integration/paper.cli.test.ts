// The paper commands from the command line: add a PDF to an agenda item (by number or id), list a
// meeting's papers as a table and as JSON, export the exact bytes, rename, remove; refusals are one
// line on stderr with exit code 1 and nothing changed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/store';
import { paperFontsNotice } from '../../shared/packWords';
import { cli, dumpDatabase, fileSha } from '../fixtures/databases';
import { buildPackFixture, tempDir } from './pack.fixtures';
import { notAPdf, paperPdf } from './paper.fixtures';

let db: string;
let dir: string;
let meetingId: number;
let paperFile: string;
let paperBytes: Buffer;

beforeAll(async () => {
  dir = tempDir();
  const fixture = await buildPackFixture(dir);
  db = fixture.store.path;
  meetingId = fixture.current.id;
  await fixture.store.close();
  paperBytes = await paperPdf('Knife crime problem profile', 2);
  paperFile = join(dir, 'Knife crime problem profile.pdf');
  writeFileSync(paperFile, paperBytes);
});

describe('paper commands', () => {
  it('adds, lists, exports and removes a paper', async () => {
    const added = await cli([
      'paper', 'add', '--db', db, '--as', 'Anna Price',
      '--meeting', String(meetingId), '--item', '3', '--file', paperFile,
    ]); // prettier-ignore
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^Added paper (\d+) "Knife crime problem profile" \(2 pages, \d+ KB\) as paper 3\.1 under item 3 "Performance against the plan \(by exception\)" of meeting \d+\.\nSHA-256 [0-9a-f]{64}\n/,
    );
    // The fixture names pdf-lib's standard fonts without embedding them: said at once.
    expect(added.stdout).toMatch(/[0-9a-f]{64}\n“Knife crime problem profile” does not carry its fonts, so/);
    expect(added.stdout.endsWith(`${paperFontsNotice('Knife crime problem profile')}\n`)).toBe(true);
    const id = Number(/^Added paper (\d+)/.exec(added.stdout)?.[1]);

    const table = await cli(['paper', 'list', '--db', db, '--meeting', String(meetingId)]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Id\s+No\.\s+Title\s+Pages\s+KB\s+File\s+Added\s+By/);
    expect(table.stdout).toMatch(
      new RegExp(
        `${id}\\s+3\\.1\\s+Knife crime problem profile\\s+2\\s+\\d+\\s+Knife crime problem profile\\.pdf\\s+2007-10-01 09:00\\s+Anna Price`,
      ),
    );

    const json = await cli(['paper', 'list', '--db', db, '--meeting', String(meetingId), '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        id,
        meetingId,
        position: 1,
        title: 'Knife crime problem profile',
        fileName: 'Knife crime problem profile.pdf',
        pages: 2,
        sizeBytes: paperBytes.length,
        addedBy: 'Anna Price',
      }),
    ]);

    const out = join(dir, 'exported.pdf');
    const exported = await cli(['paper', 'export', String(id), '--db', db, '--out', out]);
    expect(exported.code).toBe(0);
    expect(Buffer.compare(readFileSync(out), paperBytes)).toBe(0);

    const issued = await cli(['pack', 'issue', '--db', db, '--meeting', String(meetingId)]);
    expect(issued.code).toBe(0);
    const removed = await cli(['paper', 'remove', String(id), '--db', db]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe(
      `Removed paper ${id} "Knife crime problem profile" from meeting ${meetingId}.\nVersion 1 of this meeting's pack is issued and stays as it is; issue a new version (board-pack pack issue --meeting ${meetingId}) for the pack to show this change.\n`,
    );
    const after = await cli(['paper', 'list', '--db', db, '--meeting', String(meetingId)]);
    expect(after.stdout).toBe(`Meeting ${meetingId} has no papers.\n`);
  });

  it('adds to an item given by its id, with a title of its own', async () => {
    const store = await openStore(db);
    const item = (await store.meetings.agenda(meetingId))[4];
    await store.close();
    const added = await cli([
      'paper', 'add', '--db', db, '--meeting', String(meetingId), '--item-id', String(item.id),
      '--file', paperFile, '--title', 'Profile for any other business',
    ]); // prettier-ignore
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('"Profile for any other business" (2 pages');
    expect(added.stdout).toContain('as paper 5.1 under item 5 "Any other business"');
  });

  it('refuses a file that is not a PDF, and an item the agenda does not have, in one line each, changing nothing', async () => {
    const text = join(dir, 'minutes.txt');
    writeFileSync(text, notAPdf());
    const before = dumpDatabase(db);
    const notPdf = await cli([
      'paper', 'add', '--db', db, '--meeting', String(meetingId), '--item', '3', '--file', text,
    ]); // prettier-ignore
    expect(notPdf).toEqual({
      code: 1,
      stdout: '',
      stderr: '"minutes.txt" is not a PDF file. Save the paper as a PDF and attach that.\n',
    });
    const noItem = await cli([
      'paper', 'add', '--db', db, '--meeting', String(meetingId), '--item', '9', '--file', paperFile,
    ]); // prettier-ignore
    expect(noItem).toEqual({
      code: 1,
      stdout: '',
      stderr: `Meeting ${meetingId} has no agenda item 9; its items are numbered 1 to 5.\n`,
    });
    const noPaper = await cli(['paper', 'remove', '999', '--db', db]);
    expect(noPaper).toEqual({ code: 1, stdout: '', stderr: 'There is no paper 999.\n' });
    expect(dumpDatabase(db)).toBe(before);
  });

  it('renames a paper, saying its old and new titles, and that an issued pack keeps the old one', async () => {
    const store = await openStore(db);
    const item = (await store.meetings.agenda(meetingId))[3];
    await store.close();
    const added = await cli([
      'paper', 'add', '--db', db, '--meeting', String(meetingId), '--item-id', String(item.id),
      '--file', paperFile, '--title', 'MIB brief v7 FINAL',
    ]); // prettier-ignore
    const id = Number(/^Added paper (\d+)/.exec(added.stdout)?.[1]);

    const renamed = await cli(['paper', 'rename', String(id), '--db', db, '--as', 'Anna Price', '--title', 'Intelligence picture, October 2007']); // prettier-ignore
    expect(renamed).toEqual({
      code: 0,
      stdout: `Renamed paper ${id} "MIB brief v7 FINAL" to "Intelligence picture, October 2007" in meeting ${meetingId}.\nVersion 1 of this meeting's pack is issued and stays as it is; issue a new version (board-pack pack issue --meeting ${meetingId}) for the pack to show this change.\n`,
      stderr: '',
    });
    const json = await cli(['paper', 'list', '--db', db, '--meeting', String(meetingId), '--json']);
    expect(JSON.parse(json.stdout)).toContainEqual(
      expect.objectContaining({
        id,
        title: 'Intelligence picture, October 2007',
        fileName: 'Knife crime problem profile.pdf',
      }),
    );
    const check = await openStore(db);
    expect((await check.audit.list({ entity: 'paper' }))[0]).toMatchObject({
      action: 'paper.rename',
      actor: 'Anna Price',
    });
    await check.close();

    const again = await cli(['paper', 'rename', String(id), '--db', db, '--title', 'Intelligence picture, October 2007']); // prettier-ignore
    expect(again.stdout).toBe(
      `Paper ${id} is already titled "Intelligence picture, October 2007"; nothing changed.\n`,
    );
  });

  it('refuses a blank title, one over 200 characters, an unknown paper and a missing --title, in one line each, changing nothing', async () => {
    const store = await openStore(db);
    const [paper] = await store.papers.list(meetingId);
    await store.close();
    const before = dumpDatabase(db);
    const rename = (...args: string[]) => cli(['paper', 'rename', ...args, '--db', db]);
    expect(await rename(String(paper.id), '--title', '   ')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'A paper needs a title; type the title to print in the pack.\n',
    });
    expect(await rename(String(paper.id), '--title', 'x'.repeat(201))).toEqual({
      code: 1,
      stdout: '',
      stderr: 'A paper title is at most 200 characters.\n',
    });
    expect(await rename('999', '--title', 'Anything')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'There is no paper 999.\n',
    });
    const noTitle = await rename(String(paper.id));
    expect(noTitle.code).toBe(1);
    expect(noTitle.stderr).toMatch(/--title/);
    expect(dumpDatabase(db)).toBe(before);
  });

  it('refuses /dev/zero and a named pipe as a paper at once, in one line, changing nothing', async () => {
    const fifo = join(dir, 'paper.fifo');
    execFileSync('mkfifo', [fifo]);
    const before = dumpDatabase(db);
    for (const file of ['/dev/zero', fifo]) {
      const started = Date.now();
      const refused = await cli([
        'paper', 'add', '--db', db, '--meeting', String(meetingId), '--item', '3', '--file', file,
      ]); // prettier-ignore
      expect(refused).toEqual({
        code: 1,
        stdout: '',
        stderr: `${file} is not an ordinary file (it is a device or a pipe), so it cannot be read as a paper.\n`,
      });
      expect(Date.now() - started).toBeLessThan(5000);
    }
    expect(dumpDatabase(db)).toBe(before);
  });

  it('refuses to export a paper over the database, its -wal or -shm, or into its backups folder, leaving the database as it was', async () => {
    const store = await openStore(db);
    const [paper] = await store.papers.list(meetingId);
    await store.close();
    const backups = join(dir, 'backups');
    mkdirSync(backups, { recursive: true });
    const fingerprint = fileSha(db);
    const before = dumpDatabase(db);
    const exportTo = (out: string) => cli(['paper', 'export', String(paper.id), '--db', db, '--out', out]);
    expect(await exportTo(db)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${db} is the database itself; choose another file name. Nothing was written.\n`,
    });
    for (const suffix of ['-wal', '-shm']) {
      const refused = await exportTo(`${db}${suffix}`);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `${db}${suffix} belongs to the database (its ${suffix.slice(1)} file); choose another file name. Nothing was written.\n`,
      );
    }
    const intoBackups = await exportTo(join(backups, 'board-pack-2007-10-01.db'));
    expect(intoBackups.code).toBe(1);
    expect(intoBackups.stderr).toMatch(/is inside the backups folder Board Pack manages/);
    expect(readdirSync(backups)).toEqual([]);
    expect(fileSha(db)).toBe(fingerprint);
    expect(dumpDatabase(db)).toBe(before);
  });

  it('says which path and why when an export cannot be written, and leaves no partial file', async () => {
    const store = await openStore(db);
    const [paper] = await store.papers.list(meetingId);
    await store.close();
    const fingerprint = fileSha(db);
    const exportTo = (out: string) => cli(['paper', 'export', String(paper.id), '--db', db, '--out', out]);
    const noFolder = join(dir, 'no such folder', 'paper.pdf');
    expect(await exportTo(noFolder)).toEqual({
      code: 1,
      stdout: '',
      stderr: `There is no folder ${join(dir, 'no such folder')}, so ${noFolder} could not be written.\n`,
    });
    expect(await exportTo(dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${dir} is a folder; give the name of a file to write.\n`,
    });
    const proc = await exportTo('/proc/board-pack-paper.pdf');
    expect(proc.code).toBe(1);
    expect(proc.stderr).toMatch(
      /^\/proc\/board-pack-paper\.pdf cannot be (written|created)|could not be written/,
    );
    expect(existsSync('/proc/board-pack-paper.pdf')).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
    expect(fileSha(db)).toBe(fingerprint);
  });
});
