// The pack commands from the command line: build a draft to a file, issue a version, list it, and
// verify files against it (a changed byte is refused with a sentence and exit code 1).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/databases';
import { buildPackFixture, tempDir } from './pack.fixtures';

let db: string;
let dir: string;

beforeAll(() => {
  dir = tempDir();
  const fixture = buildPackFixture(dir);
  db = fixture.store.path;
  fixture.store.close();
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
      /^Wrote .*draft\.pdf: \d+ pages, \d+ KB, in [\d.]+ s\.\nSHA-256 [0-9a-f]{64}\n$/,
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
      '--sections: "minutez" is not a pack section; choose from cover, agenda, contents, minutes, actions, dashboard, exceptions, strands, papers, appendices.\n',
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
    const list = await cli(['pack', 'list', '--db', db]);
    expect(list.stdout).toMatch(/1\s+2\s+1\s+2007-09\s+.*Anna Price/);

    const verified = await cli(['pack', 'verify', '--db', db, out]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(
      'is version 1 of the pack for Serious Violence Strategy Board (September 2007), issued 2007-10-01 by Anna Price.',
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
});
