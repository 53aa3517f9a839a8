// Hostile spreadsheets: values that would break the plan, files that would exhaust memory or hang,
// and exports aimed at the database. Each is refused with a sentence and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { openStore, type Store } from '../../electron/store/store';
import { exportPlan, PLAN_COLUMNS } from '../../electron/plan/spreadsheetPlan';
import { importPlan, previewPlanImport } from '../../electron/plan/spreadsheetImport';
import { exportUpdates } from '../../electron/plan/spreadsheetUpdates';
import { createRequest } from '../../electron/exchange/request';
import { cli, dumpDatabase, onDatabaseFile } from '../fixtures/databases';

const CHILD = fileURLToPath(new URL('./spreadsheet.child.ts', import.meta.url));
const clock = () => new Date('2007-10-01T09:00:00.000Z');
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'bp-hostile-sheet-'));
}

async function open(path: string, empty = false): Promise<Store> {
  const store = await openStore(path, { clock, seedPlan: empty ? null : undefined });
  stores.push(store);
  return store;
}

function fingerprint(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

const STRAND_2 = 'Rape and Serious Sexual Offences';

/** A plan row for strand 2 under Enforcement, with the given reference, wording and target value. */
function row(ref: string, text: string, targetValue = ''): string[] {
  return [
    '2',
    STRAND_2,
    'Enforcement',
    ref,
    text,
    'Year 1',
    targetValue ? 'A target' : '',
    '',
    targetValue,
    '',
    '',
    '',
  ];
}

/** The plan's own CSV export with extra rows, and each row changed by edit. */
async function editedExport(
  store: Store,
  path: string,
  options: { extra?: string[][]; edit?: (cells: string[]) => string[] } = {},
): Promise<string> {
  await exportPlan(store, path);
  const { parse } = await import('csv-parse/sync');
  const [header, ...records] = parse(readFileSync(path), { bom: true }) as string[][];
  const edited = records.map(options.edit ?? ((r) => r));
  writeFileSync(path, stringify([header, ...edited, ...(options.extra ?? [])]));
  return path;
}

/** Writes a workbook a row at a time with exceljs's streaming writer, as a hostile tool would. */
async function streamedWorkbook(
  path: string,
  rows: number,
  fill: (row: ExcelJS.Row, i: number) => void,
): Promise<string> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false });
  const sheet = book.addWorksheet('Action plan');
  sheet.addRow([...PLAN_COLUMNS]).commit();
  for (let i = 0; i < rows; i++) {
    const row = sheet.getRow(i + 2);
    fill(row, i);
    row.commit();
  }
  sheet.commit();
  await book.commit();
  return path;
}

/** Previews an import in a child process; what it said, and its peak resident memory. */
function previewInChild(file: string): { said: string; peakMegabytes: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, file], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as { said: string; peakMegabytes: number };
}

describe('values in a plan spreadsheet that would break the plan', () => {
  it('refuses a 400-digit target value on its row and column, and stores no Infinity', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const path = await editedExport(store, join(d, 'plan.csv'), {
      edit: (r) => (r[3] === '2.E.3' ? [...r.slice(0, 6), 'Big', r[7], '9'.repeat(400), ...r.slice(9)] : r),
    });
    const preview = await previewPlanImport(store, path);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0].message).toMatch(
      /^Row \d+ \(Target value\): the target value 999999999999… \(400 characters\) is too large \(a target value is at most 999,999,999,999\)\.$/,
    );
    await expect(importPlan(store, { path, actor: 'Secretariat' })).rejects.toThrow(/Target value/);
    await importPlan(store, { path, actor: 'Secretariat', skipBadRows: true });
    expect(
      (await store.plan.objectives({ includeRetired: true })).every(
        (o) => o.targetValue === null || Number.isFinite(o.targetValue),
      ),
    ).toBe(true);
  });

  it('takes a target value of twelve digits', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const path = await editedExport(store, join(d, 'plan.csv'), {
      extra: [row('', 'Large but real', '-999999999999')],
    });
    const result = await importPlan(store, { path, actor: 'Secretariat' });
    expect((await store.plan.objective(result.added[0])).targetValue).toBe(-999999999999);
  });

  it('refuses a 22-digit reference, and a strand written 02, on their rows', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const path = await editedExport(store, join(d, 'plan.csv'), {
      extra: [
        row(`2.E.${'1'.repeat(22)}`, 'Huge reference'),
        row('02.E.50', 'Padded strand'),
        row('', 'Next in theme'),
      ],
    });
    const preview = await previewPlanImport(store, path);
    expect(preview.errors.map((e) => e.message)).toEqual([
      'Row 165 (Reference): the reference 2.E.11111111… (26 characters) must end in a whole number from 1 to 9999, such as 2.E.3.',
      'Row 166: the reference 02.E.50 does not belong to strand 2.',
    ]);
    const result = await importPlan(store, { path, actor: 'Secretariat', skipBadRows: true });
    expect(result.added).toEqual(['2.E.19']);
  });

  it('refuses to seed a plan whose theme would need a reference past 9999', async () => {
    const d = dir();
    const store = await open(join(d, 'empty.db'), true);
    const path = join(d, 'plan.csv');
    writeFileSync(
      path,
      stringify([[...PLAN_COLUMNS], row('2.E.9999', 'The last number'), row('', 'One too many')]),
    );
    await expect(importPlan(store, { path, actor: 'Secretariat' })).rejects.toThrow(
      /^plan\.csv uses every reference up to 2\.E\.9999, so "One too many" cannot be given one\. Nothing was imported\.$/,
    );
    expect(await store.plan.hasPlan()).toBe(false);
  });

  it('gives the next sane reference after one stored before references were checked', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    onDatabaseFile(store.path, (db) =>
      db.prepare("UPDATE objectives SET ref = '2.E.1111111111111111111111' WHERE ref = '2.E.18'").run(),
    );
    const added = await store.plan.addObjective(
      {
        strandNumber: 2,
        theme: 'Enforcement',
        themeCode: 'E',
        text: 'After the long one',
        year: null,
        startMonth: '2007-04',
      },
      store.now(),
      'Secretariat',
    );
    expect(added.ref).toBe('2.E.18');
  });

  it('mends a target value stored as Infinity by an earlier import, after which a request can be made', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const { path } = await exportPlan(store, join(d, 'plan.csv'));
    onDatabaseFile(store.path, (db) =>
      db
        .prepare("UPDATE objectives SET target_value = ?, target_text = 'Big' WHERE ref = '1.I.1'")
        .run(Infinity),
    );
    const request = { strandNumber: 1, month: '2007-10', out: join(d, 'r.bpreq'), actor: 'Secretariat' };
    await expect(async () => createRequest(store, request)).rejects.toThrow();
    const preview = await previewPlanImport(store, path);
    expect(preview.changed).toEqual([
      {
        row: 2,
        ref: '1.I.1',
        changes: [
          { field: 'targetText', from: 'Big', to: null },
          { field: 'targetValue', from: Infinity, to: null },
        ],
      },
    ]);
    await importPlan(store, { path: path, actor: 'Secretariat' });
    expect((await createRequest(store, request)).objectives).toBeGreaterThan(0);
  });

  it('refuses a file with two columns named Objective, naming the column, and changes nothing', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const before = await store.plan.objectives({ includeRetired: true });
    const path = await editedExport(store, join(d, 'plan.csv'), { edit: (r) => [...r, 'Reworded'] });
    const [header, ...rest] = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, [`${header},Objective`, ...rest].join('\n'));
    const refusal =
      /^plan\.csv has two columns named "Objective" \(E and M\), so it is not clear which to import; keep one\. Nothing was imported\.$/;
    await expect(previewPlanImport(store, path)).rejects.toThrow(refusal);
    await expect(importPlan(store, { path, actor: 'Secretariat' })).rejects.toThrow(refusal);
    expect(await store.plan.objectives({ includeRetired: true })).toEqual(before);
  });

  it('reads a well-formed CSV whose lines end in CRLF and LF by turns', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const path = join(d, 'plan.csv');
    await exportPlan(store, path);
    const lines = readFileSync(path, 'utf8').split('\r\n');
    writeFileSync(
      path,
      lines.map((l, i) => (i === lines.length - 1 ? l : `${l}${i % 2 ? '\n' : '\r\n'}`)).join(''),
    );
    expect(readFileSync(path, 'utf8')).toMatch(/[^\r]\n/);
    expect(await previewPlanImport(store, path)).toMatchObject({ errors: [], changed: [], unchanged: 163 });
  });
});

describe('spreadsheets too large, or not files at all', () => {
  it('refuses /dev/zero and a named pipe at once', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    symlinkSync('/dev/zero', join(d, 'zero.xlsx'));
    execFileSync('mkfifo', [join(d, 'pipe.csv')]);
    await expect(previewPlanImport(store, join(d, 'zero.xlsx'))).rejects.toThrow(/is not an ordinary file/);
    await expect(previewPlanImport(store, join(d, 'pipe.csv'))).rejects.toThrow(/is not an ordinary file/);
  });

  it('refuses a CSV of more than 10,000 rows, or wider than 100 columns', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const long = join(d, 'long.csv');
    writeFileSync(long, `${PLAN_COLUMNS.join(',')}\n${'2,x,Enforcement,,y,,,\n'.repeat(10_000)}`);
    await expect(previewPlanImport(store, long)).rejects.toThrow(/^long\.csv has more than 10,000 rows/);
    const wide = join(d, 'wide.csv');
    writeFileSync(wide, `${PLAN_COLUMNS.join(',')}\n${'x,'.repeat(200)}x\n`);
    await expect(previewPlanImport(store, wide)).rejects.toThrow(
      /^wide\.csv has a cell in column CW \(line 2\); Board Pack reads at most 100 columns \(A to CV\)\./,
    );
  });

  // The reading that ran out of memory made every cell up to the last column for every row: 500
  // rows out to XFD are 8 million cells, and 1.5 million rows of 8 cells 12 million.
  it('refuses a workbook with a cell at column XFD on 500 rows within 300 MB', async () => {
    const d = dir();
    const path = await streamedWorkbook(join(d, 'wide.xlsx'), 500, (row, i) => {
      row.values = ['2', STRAND_2, 'Enforcement', '', `Objective ${i}`];
      row.getCell(16384).value = 'far away';
    });
    const { said, peakMegabytes } = previewInChild(path);
    expect(said).toBe(
      'wide.xlsx has a cell in column XFD (sheet "Action plan", row 2); Board Pack reads at most 100 columns (A to CV). Nothing was imported.',
    );
    expect(peakMegabytes).toBeLessThan(300);
  });

  // exceljs unpacks each worksheet to a temporary file before reading it: a small file of
  // compressed spaces became a 1 GB file and 700 MB of memory before it was refused.
  it('refuses a small workbook that unpacks to 60 MB before unpacking it, within 300 MB', async () => {
    const d = dir();
    const path = await streamedWorkbook(join(d, 'spaces.xlsx'), 1, (row) => {
      row.values = ['2', STRAND_2, 'Enforcement', '', ' '.repeat(60 * 1024 * 1024)];
    });
    expect(statSync(path).size).toBeLessThan(1024 * 1024);
    const { said, peakMegabytes } = previewInChild(path);
    expect(said).toBe(
      'spaces.xlsx unpacks to more than 32 MB, far more than an action plan. Nothing was imported.',
    );
    expect(peakMegabytes).toBeLessThan(300);
  });

  it('refuses a workbook of 30,000 rows at the row limit within 300 MB', async () => {
    const d = dir();
    const path = await streamedWorkbook(join(d, 'long.xlsx'), 30_000, (row, i) => {
      row.values = [
        2,
        STRAND_2,
        'Enforcement',
        '',
        `Objective number ${i} of a plan far longer than any board's`,
        'Year 1',
        'A target',
        'An owner',
      ];
    });
    const { said, peakMegabytes } = previewInChild(path);
    expect(said).toBe(
      'long.xlsx has more than 10,000 rows; an action plan has a few hundred at most. Nothing was imported.',
    );
    expect(peakMegabytes).toBeLessThan(300);
  });
});

describe('spreadsheets written out', () => {
  it('never writes over the database or into its backups folder, and leaves nothing behind', async () => {
    const d = dir();
    const database = join(d, 'board.xlsx');
    const store = await open(database);
    await store.backups.configure({ folder: join(d, 'backups') }, 'Secretariat');
    mkdirSync(join(d, 'backups'), { recursive: true }); // backups.configure makes it already
    const before = fingerprint(database);
    await expect(exportPlan(store, database)).rejects.toThrow(
      /is the database itself; choose another file name/,
    );
    await expect(exportPlan(store, join(d, 'backups', 'plan.csv'))).rejects.toThrow(
      /inside the backups folder/,
    );
    await expect(
      exportUpdates(store, { from: '2007-10', to: '2007-10', out: join(d, 'backups', 'updates.xlsx') }),
    ).rejects.toThrow(/inside the backups folder/);
    await expect(exportPlan(store, join(d, 'no', 'plan.xlsx'))).rejects.toThrow(
      /^There is no folder .*no, so/,
    );
    mkdirSync(join(d, 'folder.csv'));
    await expect(exportPlan(store, join(d, 'folder.csv'))).rejects.toThrow(
      /is a folder; give the name of a file/,
    );
    expect(fingerprint(database)).toBe(before);
    expect(readdirSync(join(d, 'backups'))).toEqual([]);
    expect(
      readdirSync(d)
        .filter((f) => !f.startsWith('board.xlsx'))
        .sort(),
    ).toEqual(['backups', 'folder.csv']);
  });
});

describe('plan import and export on the command line', () => {
  it('leaves no database behind when an import into a new one is refused', async () => {
    const d = dir();
    const source = await open(join(d, 'a.db'));
    const path = await editedExport(source, join(d, 'plan.csv'), { edit: (r) => [...r, 'Reworded'] });
    const [header, ...rest] = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, [`${header},Objective`, ...rest].join('\n'));
    const result = await cli(['plan', 'import', path, '--apply', '--db', join(d, 'new.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/has two columns named "Objective"/);
    expect(readdirSync(d).filter((f) => f.startsWith('new.db'))).toEqual([]);
  });

  it('refuses plan export and updates export naming the database, and changes nothing', async () => {
    const d = dir();
    const database = join(d, 'board.csv');
    expect((await cli(['init', '--db', database])).code).toBe(0);
    const before = dumpDatabase(database);
    const plan = await cli(['plan', 'export', '--out', database, '--db', database]);
    expect(plan.stderr).toMatch(
      /board\.csv is the database itself; choose another file name\. Nothing was written\./,
    );
    const updates = await cli([
      'updates',
      'export',
      '--from',
      '2007-10',
      '--to',
      '2007-10',
      '--out',
      database,
      '--db',
      database,
    ]);
    expect(updates.stderr).toMatch(/is the database itself/);
    expect([plan.code, updates.code]).toEqual([1, 1]);
    expect(dumpDatabase(database)).toBe(before);
  });
});
