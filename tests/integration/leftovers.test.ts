// What a killed backup or restore leaves behind: a temporary file with a recognisable name that is
// never taken for a backup, removed the next time the app or a command opens the database.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialPathFor } from '../../electron/store/backups';
import { partialOwner } from '../../electron/store/leftovers';
import { DatabaseSession } from '../../electron/shell/databaseSession';
import { cli, fixedClock, tempDir } from '../fixtures/databases';

/** Above any Linux pid_max (4,194,304): no process has it, as after a kill -9. */
const GONE = 99_999_999;

const LEFT_BY_A_KILLED_COPY = [
  `.board-pack-2007-10-01.db.board-pack-partial-${GONE}-0a1b2c3d`,
  `.board-pack-2007-10-01.db.board-pack-partial-${GONE}-0a1b2c3d-journal`,
  `.board-pack-before-restore-2007-10-01T09-00-00-000Z.db.board-pack-partial-${GONE}-deadbeef`,
  `board-pack-2007-09-30.db.partial-${GONE}`,
  `board-pack-2007-09-30.db.partial-${GONE}-wal`,
];
const NOT_LEFTOVERS = [
  `.copy.db.board-pack-partial-${process.pid}-feedf00d`, // a copy this process is still writing
  'notes.partial.txt',
  'board-pack-2007-09-29.db',
];

async function databaseWithLeftovers(): Promise<{ path: string; folders: string[] }> {
  const dir = tempDir();
  const path = join(dir, 'board.db');
  expect((await cli(['init', '--db', path])).code).toBe(0);
  const backups = join(dir, 'backups');
  mkdirSync(backups);
  for (const folder of [dir, backups])
    for (const name of [...LEFT_BY_A_KILLED_COPY, ...NOT_LEFTOVERS]) writeFileSync(join(folder, name), 'x');
  return { path, folders: [dir, backups] };
}

function expectOnlyKept(folders: string[]): void {
  for (const folder of folders) {
    const names = readdirSync(folder);
    for (const name of LEFT_BY_A_KILLED_COPY) expect(names).not.toContain(name);
    for (const name of NOT_LEFTOVERS) expect(names).toContain(name);
  }
}

describe('temporary files of killed copies', () => {
  it('are named with the writing process, so they are recognised and never match a daily backup', () => {
    const partial = basename(partialPathFor('/data/backups/board-pack-2007-10-01.db'));
    expect(partial).toMatch(/^\.board-pack-2007-10-01\.db\.board-pack-partial-\d+-[0-9a-f]{8}$/);
    expect(partialOwner(partial)).toBe(process.pid);
    expect(partialOwner('board-pack-2007-10-01.db')).toBeNull();
  });

  it('are removed when a command opens the database, beside it and in its backups folder', async () => {
    const { path, folders } = await databaseWithLeftovers();
    const result = await cli(['backup', 'auto', '--db', path]);
    expect(result.code).toBe(0);
    expectOnlyKept(folders);
    // Only real daily backups are counted and rotated: the kept one and today's.
    expect(result.stdout).toMatch(/\(2 there now\)/);
  });

  it('are removed when the app opens the database', async () => {
    const { path, folders } = await databaseWithLeftovers();
    const session = await DatabaseSession.start(path, { door: 'test', clock: fixedClock() });
    await session.close();
    expectOnlyKept(folders);
  });
});
