// The desktop app's open database and the File menu's operations on it: a refused file leaves the
// current database open; a new database never overwrites a file; a restore checks the backup first.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/index';
import { DatabaseSession } from '../../electron/shell/databaseSession';
import { readRememberedDatabase, rememberDatabaseFile } from '../../electron/shell/rememberedDatabase';

const sessions: DatabaseSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'board-pack-session-'));
}

async function session(path: string): Promise<DatabaseSession> {
  const opened = await DatabaseSession.start(path, {
    door: 'test',
    clock: () => new Date('2007-10-15T09:00:00Z'),
    log: () => undefined,
  });
  sessions.push(opened);
  return opened;
}

async function objectiveText(s: DatabaseSession, ref: string): Promise<string> {
  const result = await dispatch(s.services, 'plan.objectives', { text: ref });
  if (!result.ok) throw new Error(result.error.message);
  return (
    (result.value as { objectives: { ref: string; text: string }[] }).objectives.find((o) => o.ref === ref)
      ?.text ?? ''
  );
}

describe('the open database', () => {
  it('starts a new database seeded with the built-in plan on first run', async () => {
    const s = await session(join(folder(), 'board-pack.db'));
    const info = await dispatch(s.services, 'plan.get', undefined);
    expect(info.ok && (info.value as { strands: unknown[] }).strands).toHaveLength(8);
  });

  it('keeps the current database open when the chosen file is refused', async () => {
    const dir = folder();
    const s = await session(join(dir, 'board-pack.db'));
    const notOurs = join(dir, 'notes.db');
    writeFileSync(notOurs, 'plain text');
    await expect(s.open(notOurs)).rejects.toThrow(/not a Board Pack database/);
    expect(s.path).toBe(join(dir, 'board-pack.db'));
    expect(await s.services.store.plan.hasPlan()).toBe(true);
    expect(readFileSync(notOurs, 'utf8')).toBe('plain text');
  });

  it('refuses to start a new database over an existing file', async () => {
    const dir = folder();
    const s = await session(join(dir, 'board-pack.db'));
    writeFileSync(join(dir, 'taken.db'), 'already here');
    await expect(s.create(join(dir, 'taken.db'))).rejects.toThrow(/already a file/);
    expect(readFileSync(join(dir, 'taken.db'), 'utf8')).toBe('already here');
  });

  it('opens another database and closes the one before', async () => {
    const dir = folder();
    const first = await session(join(dir, 'first.db'));
    const before = first.services.store;
    await first.create(join(dir, 'second.db'));
    expect(first.path).toBe(join(dir, 'second.db'));
    await expect(before.plan.hasPlan()).rejects.toThrow(/not open/);
  });

  it('restores a backup, keeping the database as it was aside first', async () => {
    const dir = folder();
    const s = await session(join(dir, 'board-pack.db'));
    const original = await objectiveText(s, '1.E.1');
    const backup = await s.backup(join(dir, 'backup.db'));
    await dispatch(s.services, 'plan.rewordObjective', { ref: '1.E.1', text: 'Changed after the backup' });
    const restored = await s.restore(backup, 'Secretariat');
    expect(await objectiveText(s, '1.E.1')).toBe(original);
    expect(restored.previousKeptAt && existsSync(restored.previousKeptAt)).toBe(true);
  });

  it('refuses to restore a file that is not a backup, changing nothing', async () => {
    const dir = folder();
    const s = await session(join(dir, 'board-pack.db'));
    await dispatch(s.services, 'plan.rewordObjective', { ref: '1.E.1', text: 'Kept wording' });
    writeFileSync(join(dir, 'fake.db'), 'not sqlite');
    await expect(s.restore(join(dir, 'fake.db'), 'Secretariat')).rejects.toThrow(/was not restored/);
    expect(await objectiveText(s, '1.E.1')).toBe('Kept wording');
  });

  it('remembers the database last opened, and ignores a damaged memory', () => {
    const dir = folder();
    rememberDatabaseFile(join(dir, 'database.json'), '/data/board.db');
    expect(readRememberedDatabase(join(dir, 'database.json'))).toEqual({
      kind: 'file',
      path: '/data/board.db',
      lastServer: null,
    });
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(readRememberedDatabase(join(dir, 'broken.json'))).toBeNull();
  });
});
