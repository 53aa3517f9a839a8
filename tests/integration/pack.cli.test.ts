// The pack commands from the command line: build a draft to a file, issue a version, list it, and
// verify files against it (a changed byte is refused with a sentence and exit code 1). The reference
// the CLI prints is the one printed on the pack's cover and every page; `pack list` says when the
// data has moved on since the latest version, and verify when a later version replaced a file.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/databases';
import { readPdf } from '../support/pdf';
import { buildPackFixture, flat, packStore, report, tempDir } from './pack.fixtures';

let db: string;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  const fixture = await buildPackFixture(dir);
  db = fixture.store.path;
  await fixture.store.close();
});

describe('pack commands', () => {
  it('builds a draft for a month to a file and says how many pages it has', async () => {
    const out = join(dir, 'draft.pdf');
    const result = await cli([
      'pack',
      'build',
      '--db',
      db,
      '--month',
      '2007-09',
      '--draft',
      '--sections',
      'dashboard,cover',
      '--out',
      out,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Wrote .*draft\.pdf: \d+ pages, \d+ KB, in [\d.]+ s\.\nReference [0-9a-f]{8} · SHA-256 [0-9a-f]{64}\n$/,
    );
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses an unknown section with the list of sections', async () => {
    const result = await cli([
      'pack',
      'build',
      '--db',
      db,
      '--meeting',
      '2',
      '--sections',
      'cover,minutez',
      '--out',
      join(dir, 'x.pdf'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '--sections: "minutez" is not a pack section; choose from cover, agenda, contents, minutes, actions, dashboard, exceptions, performance, strands, papers, appendices.\n',
    );
  });

  it('issues version 1, lists it, and verifies the issued file but not a file with one byte changed', async () => {
    const out = join(dir, 'issued.pdf');
    const issued = await cli([
      'pack',
      'issue',
      '--db',
      db,
      '--month',
      '2007-09',
      '--sections',
      'cover,exceptions',
      '--out',
      out,
      '--as',
      'Anna Price',
    ]);
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^Issued version 1 of the pack for meeting 2 \(September 2007\)/);
    const reference = /Reference ([0-9a-f]{8}) · SHA-256/.exec(issued.stdout)?.[1] ?? '';
    expect(reference).toMatch(/^[0-9a-f]{8}$/);

    // What the chair holds says the same: the cover and every page's footer print that reference.
    const pages = readPdf(out).pageTexts().map(flat);
    expect(pages[0]).toContain(`Version 1 · Reference ${reference}`);
    for (const page of pages) expect(page).toContain(`Version 1 · Reference ${reference}`);

    const list = await cli(['pack', 'list', '--db', db]);
    expect(list.stdout).toMatch(
      new RegExp(`1\\s+2\\s+1\\s+2007-09\\s+.*Anna Price\\s+${reference}\\s+current`),
    );
    expect(list.stdout.split('\n')[0]).toMatch(/\bReference\b/);

    const verified = await cli(['pack', 'verify', '--db', db, out]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toBe(
      `${out} is version 1 of the pack for the meeting of 18 October 2007 (Serious Violence Strategy Board), issued 1 October 2007 by Anna Price, Reference ${reference}. It has not been changed. It is the latest version.\nSHA-256 ${readSha(out)}\n`,
    );

    const bytes = readFileSync(out);
    bytes[bytes.length >> 1] ^= 0x20;
    const changed = join(dir, 'changed.pdf');
    writeFileSync(changed, bytes);
    const refused = await cli(['pack', 'verify', '--db', db, changed]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/changed\.pdf matches no issued pack \(SHA-256 [0-9a-f]{64}\)\./);
  });

  it('lists a pack as stale once the data changes, and verify says which version and date replaced it', async () => {
    const store = await packStore(dir);
    const ref = (await store.plan.objectives())[1].ref;
    await report(store, ref, '2007-09', 'green', 'Reported after the pack went out.');
    await store.close();

    const stale = await cli(['pack', 'list', '--db', db, '--meeting', '2']);
    expect(stale.stdout).toMatch(/Anna Price\s+[0-9a-f]{8}\s+stale: 1 change since issue/);

    const out = join(dir, 'issued-v2.pdf');
    const reissued = await cli([
      'pack',
      'issue',
      '--db',
      db,
      '--meeting',
      '2',
      '--out',
      out,
      '--as',
      'Ben Okoro',
    ]);
    expect(reissued.code).toBe(0);
    expect(reissued.stdout).toContain(`${ref}: status No update → Green; narrative changed`);

    const listed = await cli(['pack', 'list', '--db', db, '--meeting', '2']);
    const rows = listed.stdout.trim().split('\n').slice(2);
    expect(rows[0]).toMatch(/\breplaced by version 2\b/);
    expect(rows[1]).toMatch(/Ben Okoro\s+[0-9a-f]{8}\s+current/);

    const verified = await cli(['pack', 'verify', '--db', db, join(dir, 'issued.pdf')]);
    expect(verified.stdout).toContain('is version 1 of the pack for the meeting of 18 October 2007');
    expect(verified.stdout).toContain(
      'It was replaced by version 2 on 1 October 2007: read that one instead.',
    );
    expect(verified.stdout).not.toContain('meeting 2');
  });
});

function readSha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
