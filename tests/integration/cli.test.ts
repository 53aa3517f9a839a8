// The command line, run in-process with captured output (and a few times as a real process):
// what it prints, its exit codes, and that a refused command leaves the database as it was.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/store';
import {
  cli,
  cliProcess,
  dumpDatabase,
  fileSha,
  fixedClock,
  REPO_ROOT,
  tempDir,
} from '../fixtures/databases';

let demoDb: string;

beforeAll(async () => {
  demoDb = join(tempDir(), 'demo.db');
  expect((await cli(['init', '--db', demoDb])).code).toBe(0);
  expect((await cli(['demo', '--db', demoDb])).code).toBe(0);
});

async function freshDb(): Promise<string> {
  const path = join(tempDir(), 'board.db');
  const result = await cli(['init', '--db', path]);
  expect(result.code).toBe(0);
  return path;
}

/** Runs a command that must be refused: exit 1, one line on stderr, nothing on stdout, database unchanged. */
async function expectRefused(args: string[], db: string, message: string | RegExp): Promise<void> {
  const before = dumpDatabase(db);
  const result = await cli([...args, '--db', db]);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  if (typeof message === 'string') expect(result.stderr).toBe(`${message}\n`);
  else expect(result.stderr).toMatch(message);
  expect(dumpDatabase(db)).toBe(before);
}

describe('init', () => {
  it('creates a database with the built-in plan and says so', async () => {
    const path = join(tempDir(), 'new.db');
    const result = await cli(['init', '--db', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Created a new database at .*new\.db and loaded the plan "Serious Violence Strategy 2007 – 2009" \(8 strands, \d+ objectives, 2007-04 to 2009-03\)\.\n$/,
    );
  });

  it('leaves an existing database as it is', async () => {
    const path = await freshDb();
    const before = dumpDatabase(path);
    const result = await cli(['init', '--db', path]);
    expect(result.stdout).toMatch(/already exists .* nothing else was changed\.\n$/);
    expect(dumpDatabase(path)).toBe(before);
  });

  it('uses BOARD_PACK_DB when no --db is given', async () => {
    const path = join(tempDir(), 'from-env.db');
    const result = await cli(['init'], { BOARD_PACK_DB: path });
    expect(result.code).toBe(0);
    expect(existsSync(path)).toBe(true);
  });

  it('creates the user-data folder for the default database, as the app does', async () => {
    const config = tempDir();
    const result = await cli(['init'], { XDG_CONFIG_HOME: config, HOME: config });
    expect(result.code).toBe(0);
    if (process.platform === 'linux')
      expect(existsSync(join(config, 'Board Pack', 'board-pack.db'))).toBe(true);
  });
});

describe('status', () => {
  it('prints a per-strand table of counts by status, No update included, for a demo month', async () => {
    const result = await cli(['status', '--db', demoDb, '--month', '2007-09']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Status for September 2007 (2007-09):');
    expect(lines[2]).toMatch(/^Strand\s+Red\s+Amber\s+Green\s+Complete\s+Not started\s+No update\s+Total$/);
    expect(lines.filter((l) => /^\d /.test(l))).toHaveLength(8);
    expect(lines[4]).toMatch(/^1 Sex Offender Management\s+(\d+\s+){6}\d+$/);
    const store = await openStore(demoDb, { clock: fixedClock() });
    const summary = await store.updates.monthSummary('2007-09');
    await store.close();
    const totals = lines[lines.length - 1].split(/\s{2,}/);
    expect(totals).toEqual([
      'All strands',
      ...['red', 'amber', 'green', 'complete', 'not_started', 'no_update'].map((s) =>
        String(summary.totals[s as keyof typeof summary.totals]),
      ),
      String(summary.total),
    ]);
  });

  it('shows the latest month with updates when no month is given, and says which', async () => {
    const result = await cli(['status', '--db', demoDb]);
    expect(result.stdout.split('\n')[0]).toBe(
      'Status for September 2007 (2007-09), the latest month with updates:',
    );
  });

  it('prints JSON with --json', async () => {
    const result = await cli(['status', '--db', demoDb, '--month', '2007-08', '--json']);
    const summary = JSON.parse(result.stdout) as { month: string; strands: unknown[]; total: number };
    expect(summary.month).toBe('2007-08');
    expect(summary.strands).toHaveLength(8);
  });

  it('says so when nothing has been reported yet', async () => {
    const result = await cli(['status', '--db', await freshDb()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^No updates have been reported yet/);
  });

  it('refuses a month outside the plan', async () => {
    await expectRefused(
      ['status', '--month', '2010-01'],
      demoDb,
      '2010-01 is outside the plan period (2007-04 to 2009-03).',
    );
  });
});

describe('update set', () => {
  const set = (ref: string, ...rest: string[]) => ['update', 'set', ref, ...rest];

  it('records an update as the person given by --as and shows it in the history', async () => {
    const db = await freshDb();
    const saved = await cli([
      ...set(
        '2.E.3',
        '--month',
        '2007-09',
        '--status',
        'Amber',
        '--narrative',
        'Two SOIT posts vacant; cover agreed.',
        '--metric',
        '42',
      ),
      '--db',
      db,
      '--as',
      'DI Marcus Reid',
    ]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe(
      'Saved the update for 2.E.3 in 2007-09: Amber, submitted (revision 1), by DI Marcus Reid.\n',
    );
    const shown = await cli(['update', 'show', '2.E.3', '--db', db]);
    expect(shown.stdout).toMatch(
      /2007-09\s+1\s+Amber\s+submitted\s+DI Marcus Reid\s+2007-10-01 09:00\s+Two SOIT posts vacant; cover agreed\./,
    );
    const history = JSON.parse((await cli(['update', 'show', '2.E.3', '--json', '--db', db])).stdout) as {
      metricActual: number;
    }[];
    expect(history[0].metricActual).toBe(42);
  });

  it('lets the secretariat record an accepted update', async () => {
    const db = await freshDb();
    const result = await cli([
      ...set('2.E.3', '--month', '2007-09', '--status', 'green', '--state', 'accepted'),
      '--db',
      db,
    ]);
    expect(result.stdout).toBe(
      'Saved the update for 2.E.3 in 2007-09: Green, accepted (revision 1), by test-secretariat.\n',
    );
  });

  it('records an accepted update through the contract: saved, submitted and accepted, each in the audit log', async () => {
    const db = await freshDb();
    const result = await cli([
      ...set('2.E.3', '--month', '2007-09', '--status', 'amber', '--narrative', 'Two posts vacant.'),
      '--state',
      'accepted',
      '--as',
      'Board secretariat',
      '--db',
      db,
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const store = await openStore(db, { clock: fixedClock() });
    try {
      const rows = await store.audit.list({ entity: 'update' });
      expect(rows.map((r) => [r.action, r.actor, r.entityId])).toEqual([
        ['update.accept', 'Board secretariat', '2.E.3@2007-09'],
        ['update.submit', 'Board secretariat', '2.E.3@2007-09'],
        ['update.save', 'Board secretariat', '2.E.3@2007-09'],
      ]);
      const reported = (await store.updates.reported('2007-09')).get('2.E.3');
      expect(reported).toMatchObject({ state: 'accepted', status: 'amber', revision: 1 });
    } finally {
      await store.close();
    }
  });

  it('refuses an accepted Red update without a narrative, leaving no draft behind', async () => {
    await expectRefused(
      set('2.E.3', '--month', '2007-09', '--status', 'red', '--state', 'accepted'),
      await freshDb(),
      '2.E.3 is Red: a Red update needs a narrative saying why and what is being done.',
    );
  });

  it('refuses an unknown reference', async () => {
    await expectRefused(
      set('9.Z.99', '--month', '2007-09', '--status', 'green'),
      await freshDb(),
      'There is no objective 9.Z.99 in the plan.',
    );
  });

  it('refuses a month outside the plan', async () => {
    await expectRefused(
      set('2.E.3', '--month', '2009-04', '--status', 'green'),
      await freshDb(),
      '2009-04 is outside the plan period (2007-04 to 2009-03).',
    );
  });

  it('refuses Red or Amber without a narrative', async () => {
    const db = await freshDb();
    await expectRefused(
      set('2.E.3', '--month', '2007-09', '--status', 'red'),
      db,
      '2.E.3 is Red: a Red update needs a narrative saying why and what is being done.',
    );
    await expectRefused(
      set('2.E.3', '--month', '2007-09', '--status', 'amber', '--narrative', '  '),
      db,
      /^2\.E\.3 is Amber: /,
    );
  });

  it('refuses a status, month, reference or metric it cannot read', async () => {
    const db = await freshDb();
    await expectRefused(
      set('2.E.3', '--month', '2007-09', '--status', 'purple'),
      db,
      /^error: option '--status <status>' argument 'purple' is invalid\. "purple" is not a status/,
    );
    await expectRefused(
      set('2.E.3', '--month', 'Sept', '--status', 'green'),
      db,
      'A month is written YYYY-MM, for example 2007-09.',
    );
    await expectRefused(
      set('2E3', '--month', '2007-09', '--status', 'green'),
      db,
      /^An objective reference looks like 2\.E\.3/,
    );
    // An empty or blank metric is not 0, and neither hexadecimal nor an overflowing exponent is a number.
    for (const metric of ['lots', '', '  ', '0x10', '1e999'])
      await expectRefused(
        set('2.E.3', '--month', '2007-09', '--status', 'green', '--metric', metric),
        db,
        `error: option '--metric <number>' argument '${metric}' is invalid. The metric actual must be a number.`,
      );
    await expectRefused(
      set('2.E.3', '--month', '2007-09', '--status', 'green', '--state', 'returned'),
      db,
      /^error: option '--state <state>' argument 'returned' is invalid\. Allowed choices are draft, submitted, accepted\./,
    );
  });

  it('reports a missing required option the way commander does, in one line', async () => {
    await expectRefused(
      ['update', 'set', '2.E.3', '--status', 'green'],
      await freshDb(),
      "error: required option '--month <YYYY-MM>' not specified\n".trimEnd(),
    );
  });
});

describe('refusals before anything is opened', () => {
  it('does not create a database for any command but init', async () => {
    const path = join(tempDir(), 'missing.db');
    const result = await cli(['status', '--db', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `There is no database at ${path}. Create one with: board-pack init --db "${path}"\n`,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('rejects unknown commands and options', async () => {
    expect(await cli(['agendas'])).toMatchObject({ code: 1, stderr: "error: unknown command 'agendas'\n" });
    expect(await cli(['status', '--colour'])).toMatchObject({
      code: 1,
      stderr: "error: unknown option '--colour'\n",
    });
  });

  it('says only that nothing was changed when something unexpected fails, with detail under --debug', async () => {
    const folder = tempDir();
    const plain = await cli(['status', '--db', folder]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      'Something went wrong; nothing was changed.\nRun again with --debug to see the details.\n',
    );
    const debug = await cli(['status', '--db', folder, '--debug']);
    expect(debug.stderr).toMatch(/^Something went wrong; nothing was changed\.\n.*EISDIR/s);
  });
});

describe('help', () => {
  it('has help with examples for every command', async () => {
    for (const command of [
      [],
      ['init'],
      ['demo'],
      ['demo', 'remove'],
      ['status'],
      ['update'],
      ['update', 'set'],
      ['update', 'show'],
      ['backup'],
      ['check'],
    ]) {
      const result = await cli([...command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: board-pack/);
      expect(result.stdout).toContain('--db <path>');
      expect(result.stdout).toMatch(/Examples?:\n {2}\$ board-pack/);
    }
  });
});

describe('demo', () => {
  it('loads and removes demo data and refuses to load it twice', async () => {
    const db = await freshDb();
    const loaded = await cli(['demo', '--db', db, '--months', '3']);
    expect(loaded.stdout).toMatch(
      /^Loaded demo data into .*\n {2}updates for April 2007 to June 2007: \d+ accepted/,
    );
    await expectRefused(
      ['demo'],
      db,
      'Demo data is already loaded. Remove it first ("demo remove") to load it again.',
    );
    const removed = await cli(['demo', 'remove', '--db', db]);
    expect(removed.stdout).toMatch(/^Removed demo data: \d+ update revisions, 3 meetings and 6 actions\.\n$/);
    await expectRefused(['demo', 'remove'], db, 'There is no demo data in this database.');
  });

  it('refuses a number of months it cannot fill', async () => {
    await expectRefused(
      ['demo', '--months', '30'],
      await freshDb(),
      /^Demo data covers between 3 and 24 months/,
    );
    await expectRefused(
      ['demo', '--months', 'six'],
      await freshDb(),
      "error: option '--months <n>' argument 'six' is invalid. Give the number of months as a whole number.",
    );
  });
});

describe('backup', () => {
  it('writes a consistent copy that opens with the same contents', async () => {
    const target = join(tempDir(), 'copy.db');
    const result = await cli(['backup', target, '--db', demoDb]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Backed up .* to .*copy\.db \(\d+\.\d MB\); the copy passed its check\.\n$/,
    );
    expect(dumpDatabase(target)).toBe(dumpDatabase(demoDb));
  });

  it('refuses to overwrite an existing file unless --force is given', async () => {
    const target = join(tempDir(), 'existing.db');
    writeFileSync(target, "last week's backup");
    await expectRefused(
      ['backup', target],
      demoDb,
      `${target} already exists; choose another name or add --force to replace it.`,
    );
    expect(readFileSync(target, 'utf8')).toBe("last week's backup");
    const forced = await cli(['backup', target, '--force', '--db', demoDb]);
    expect(forced.code).toBe(0);
    expect(dumpDatabase(target)).toBe(dumpDatabase(demoDb));
  });

  it('refuses a destination folder that does not exist', async () => {
    const target = join(tempDir(), 'no-such-folder', 'copy.db');
    await expectRefused(
      ['backup', target],
      demoDb,
      `There is no folder ${join(target, '..')}, so ${target} could not be written.`,
    );
  });
});

describe('check', () => {
  it('passes a sound database', async () => {
    const result = await cli(['check', '--db', demoDb]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/is sound/);
  });

  it('exits 1 and lists the problems of a damaged one', async () => {
    const db = await freshDb();
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("INSERT INTO success_measures (strand_id, position, text) VALUES (999, 1, 'orphan')").run();
    raw.close();
    const result = await cli(['check', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^success_measures row \d+ refers to a missing strands row\n.*has 1 problem\(s\); restore it from a backup\.\n$/s,
    );
  });
});

describe('as a real process', () => {
  it('runs init, demo and status through the board-pack bin', () => {
    const db = join(tempDir(), 'bin.db');
    const bin = join(REPO_ROOT, 'electron/cli/bin.mjs');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    expect(run('init', '--db', db).status).toBe(0);
    expect(run('demo', '--db', db).status).toBe(0);
    const status = run('status', '--db', db, '--month', '2007-09');
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/^Status for September 2007 \(2007-09\):\n\nStrand/);
  });

  it('exits 1 with one line on stderr and writes nothing when refused', () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'sub'));
    const db = join(folder, 'sub', 'board.db');
    expect(cliProcess(['init', '--db', db]).code).toBe(0);
    const sha = fileSha(db);
    const result = cliProcess([
      'update',
      'set',
      '9.Z.99',
      '--month',
      '2007-09',
      '--status',
      'green',
      '--db',
      db,
    ]);
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'There is no objective 9.Z.99 in the plan.\n',
    });
    expect(fileSha(db)).toBe(sha);
  });
});
