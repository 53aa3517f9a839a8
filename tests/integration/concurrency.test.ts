// Two processes writing one database at once, the desktop app's handlers in one and the command
// line in the other: every write waits for the other's lock instead of failing, none is lost, and
// a lock held past the wait is refused in words.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../electron/store/writeTransaction';
import { APP_WRITER, CLI_WRITER, runWriter } from '../fixtures/concurrentWriters';
import { cli, dumpDatabase, tempDir } from '../fixtures/databases';

const SAVES_PER_WRITER = 500;

function savesBy(path: string, writer: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (
      db.prepare('SELECT narrative FROM updates WHERE author = ? ORDER BY narrative').all(writer) as {
        narrative: string;
      }[]
    ).map((r) => r.narrative);
  } finally {
    db.close();
  }
}

describe('two processes saving updates into one database at once', () => {
  it(`saves all ${2 * SAVES_PER_WRITER} updates from the app and the command line, none failed and none lost`, async () => {
    const path = join(tempDir(), 'board.db');
    expect((await cli(['init', '--db', path])).code).toBe(0);
    const [app, commandLine] = await Promise.all([
      runWriter(APP_WRITER, path, 'The app', SAVES_PER_WRITER),
      runWriter(CLI_WRITER, path, 'The command line', SAVES_PER_WRITER),
    ]);
    expect(app.failures).toEqual([]);
    expect(commandLine.failures).toEqual([]);
    // Every save is a submitted revision of its own: each narrative is there once.
    for (const writer of ['The app', 'The command line']) {
      const expected = Array.from({ length: SAVES_PER_WRITER }, (_, i) => `${writer} ${i}`).sort();
      expect(savesBy(path, writer)).toEqual(expected);
    }
    expect((await cli(['check', '--db', path])).code).toBe(0);
  }, 300_000);

  it('says the database is busy when another connection holds the write lock past the wait, changing nothing', async () => {
    const path = join(tempDir(), 'board.db');
    expect((await cli(['init', '--db', path])).code).toBe(0);
    const before = dumpDatabase(path);
    const holder = new Database(path);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const result = await cli([
      'update',
      'set',
      '2.E.3',
      '--month',
      '2007-10',
      '--status',
      'green',
      '--db',
      path,
    ]);
    const waited = Date.now() - started;
    holder.exec('ROLLBACK');
    holder.close();
    expect(result.stderr).toBe(`${BUSY_MESSAGE}\n`);
    expect(result.code).toBe(1);
    // It waited (long enough for a pack issue or a backup to finish) before giving up.
    expect(waited).toBeGreaterThanOrEqual(19_000);
    expect(dumpDatabase(path)).toBe(before);
  }, 60_000);
});
