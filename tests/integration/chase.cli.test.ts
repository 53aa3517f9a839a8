// "chase" on the command line: the same chase list as Home, as a table, as JSON, as a PDF, and the
// request files for every owing strand written into a folder.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../fixtures/databases';
import { readPdf } from '../support/pdf';

async function boardWithMeeting(): Promise<string> {
  const db = join(tempDir(), 'board.db');
  expect((await cli(['init', '--db', db])).code).toBe(0);
  const set = await cli([
    'update',
    'set',
    '2.E.1',
    '--month',
    '2007-10',
    '--status',
    'green',
    '--state',
    'draft',
    '--db',
    db,
  ]);
  expect(set.code).toBe(0);
  return db;
}

describe('chase', () => {
  it('prints who owes what for the month, per strand lead', async () => {
    const db = await boardWithMeeting();
    const result = await cli(['chase', '--month', '2007-10', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Chase list for October 2007. No meeting reports on October 2007 yet');
    expect(result.stdout).toMatch(/^2 +.+ +2\.E\.1 +Draft not submitted *$/m);
    expect(result.stdout).toMatch(/^2 +.+ +2\.E\.2 +No update *$/m);
  });

  it('prints the list as JSON with each lead’s mailto: link, and writes the PDF', async () => {
    const db = await boardWithMeeting();
    const out = join(tempDir(), 'chase.pdf');
    const result = await cli(['chase', '--month', '2007-10', '--json', '--pdf', out, '--db', db]);
    expect(result.code).toBe(0);
    const list = JSON.parse(result.stdout) as { leads: { strandNumber: number; mailto: string }[] };
    expect(list.leads[1].strandNumber).toBe(2);
    expect(decodeURIComponent(list.leads[1].mailto)).toContain('2.E.1');
    expect(readPdf(out).pageText(1)).toContain('CHASE LIST · OCTOBER 2007');
  });

  it('lists the strands it could make no request for, and writes none, when no lead key is trusted', async () => {
    const db = await boardWithMeeting();
    const folder = join(tempDir(), 'requests');
    mkdirSync(folder);
    const result = await cli(['chase', '--month', '2007-10', '--requests', folder, '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'No request for strand 2: No key is trusted for the lead of strand 2 yet.',
    );
    expect(existsSync(join(folder, 'strand-2-2007-10.bpreq'))).toBe(false);
  });

  it('refuses a month outside the plan in one line', async () => {
    const db = await boardWithMeeting();
    const result = await cli(['chase', '--month', '2012-01', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
