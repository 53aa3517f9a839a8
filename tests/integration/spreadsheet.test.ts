import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openStore, type Store } from '../../electron/store/store';
import { exportPlan, PLAN_COLUMNS } from '../../electron/plan/spreadsheetPlan';
import { importPlan, previewPlanImport } from '../../electron/plan/spreadsheetImport';
import { exportUpdates } from '../../electron/plan/spreadsheetUpdates';
import { readSpreadsheet } from '../../electron/plan/spreadsheetRead';

const clock = () => new Date('2007-10-01T09:00:00.000Z');
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'bp-sheet-'));
}

async function open(path: string, empty = false): Promise<Store> {
  const store = await openStore(path, { clock, seedPlan: empty ? null : undefined });
  stores.push(store);
  return store;
}

async function wholePlan(store: Store) {
  return {
    detail: await store.plan.detail(),
    strands: await store.plan.strands(),
    objectives: await store.plan.objectives({ includeRetired: true }),
  };
}

/** Writes a one-sheet workbook with the plan columns and the given rows. */
async function workbook(
  path: string,
  rows: (string | number | ExcelJS.CellFormulaValue)[][],
): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Action plan');
  sheet.addRow([...PLAN_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  await book.xlsx.writeFile(path);
  return path;
}

describe('the action plan in and out of spreadsheets', () => {
  it('round-trips the built-in plan through XLSX into a fresh database, whole and equal', async () => {
    const d = dir();
    const source = await open(join(d, 'a.db'));
    const exported = await exportPlan(source, join(d, 'plan.xlsx'));
    expect(exported.rows).toBe(163);
    const fresh = await open(join(d, 'b.db'), true);
    const preview = await previewPlanImport(fresh, exported.path);
    expect(preview).toMatchObject({ mode: 'seed', errors: [], rows: 163 });
    await importPlan(fresh, { path: exported.path, actor: 'Secretariat' });
    expect(await wholePlan(fresh)).toEqual(await wholePlan(source));
  });

  it("round-trips the built-in plan's objectives through CSV into a fresh database", async () => {
    const d = dir();
    const source = await open(join(d, 'a.db'));
    const exported = await exportPlan(source, join(d, 'plan.csv'));
    const fresh = await open(join(d, 'b.db'), true);
    const summary = await source.plan.summary();
    await importPlan(fresh, {
      path: exported.path,
      actor: 'Secretariat',
      seed: {
        id: summary.id,
        title: summary.title,
        startMonth: summary.startMonth,
        endMonth: summary.endMonth,
      },
    });
    expect(await fresh.plan.objectives({ includeRetired: true })).toEqual(
      await source.plan.objectives({ includeRetired: true }),
    );
    expect((await fresh.plan.strands()).map((s) => [s.number, s.title])).toEqual(
      (await source.plan.strands()).map((s) => [s.number, s.title]),
    );
    expect(await fresh.plan.summary()).toMatchObject({
      id: summary.id,
      title: summary.title,
      startMonth: summary.startMonth,
    });
  });

  it("finds nothing to add, change or retire when the plan's own export is imported back", async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    for (const name of ['plan.xlsx', 'plan.csv']) {
      const exported = await exportPlan(store, join(d, name));
      const preview = await previewPlanImport(store, exported.path);
      expect(preview).toMatchObject({
        mode: 'merge',
        added: [],
        changed: [],
        retired: [],
        unchanged: 163,
        warnings: [],
        errors: [],
      });
    }
  });

  it('previews added, changed and retired objectives and applies them in one go', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const csv = join(d, 'plan.csv');
    await exportPlan(store, csv);
    const { parse } = await import('csv-parse/sync');
    const { stringify } = await import('csv-stringify/sync');
    const [header, ...records] = parse(readFileSync(csv), { bom: true }) as string[][];
    const edited = records
      .filter((r) => r[3] !== '1.I.1')
      .map((r) => (r[3] === '2.E.3' ? [...r.slice(0, 5), 'Year 2', ...r.slice(6)] : r))
      .concat([
        [
          '8',
          'Child Abuse',
          'Enforcement',
          '',
          'Review every open case at the monthly gold group',
          'Year 2',
          '',
          'DCI Review Team',
          '',
          '',
          '',
          '',
        ],
      ]);
    writeFileSync(csv, stringify([header, ...edited]));
    const preview = await previewPlanImport(store, csv, { retireFrom: '2007-11' });
    expect(preview.errors).toEqual([]);
    expect(preview.added).toEqual([
      { row: 164, ref: null, strandNumber: 8, text: 'Review every open case at the monthly gold group' },
    ]);
    expect(preview.changed.map((c) => c.ref)).toEqual(['2.E.3']);
    expect(preview.changed[0].changes).toEqual([
      { field: 'year', from: (await store.plan.objective('2.E.3')).year, to: 'Year 2' },
    ]);
    expect(preview.retired.map((r) => r.ref)).toEqual(['1.I.1']);
    // Without a month given, an added row reports from this month (October 2007), not from April.
    expect(preview.startFrom).toBe('2007-10');

    const result = await importPlan(store, { path: csv, actor: 'Secretariat', retireFrom: '2007-11' });
    expect(result.added).toEqual(['8.E.9']);
    expect(await store.plan.objective('8.E.9')).toMatchObject({
      text: 'Review every open case at the monthly gold group',
      owner: 'DCI Review Team',
      year: 'Year 2',
      startMonth: '2007-10',
    });
    expect(
      (await store.plan.objectives({ month: '2007-09', strandNumber: 8 })).some((o) => o.ref === '8.E.9'),
    ).toBe(false);
    expect((await store.updates.monthSummary('2007-09')).total).toBe(163);
    expect((await store.updates.monthSummary('2007-10')).total).toBe(164);
    expect((await store.plan.objective('2.E.3')).year).toBe('Year 2');
    expect((await store.plan.objective('1.I.1')).retired).toBe(true);
    expect(
      (await store.plan.objectives({ month: '2007-10', strandNumber: 1 })).some((o) => o.ref === '1.I.1'),
    ).toBe(true);
    expect(
      (await store.plan.objectives({ month: '2007-11', strandNumber: 1 })).some((o) => o.ref === '1.I.1'),
    ).toBe(false);
    expect(await store.audit.list({ text: 'plan.import' })).toHaveLength(1);
  });

  it('gives one clear sentence for each of 20 bad rows and imports nothing', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const good = (n: number) => [
      2,
      'Rape and Serious Sexual Offences',
      'Enforcement',
      '',
      `New objective ${n}`,
      'Year 1',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
    const faults: [(string | number)[], RegExp][] = [];
    for (let i = 0; i < 4; i++)
      faults.push([
        [
          2,
          'Rape and Serious Sexual Offences',
          'Enforcement',
          '',
          `Bad year ${i}`,
          'Year 3',
          '',
          '',
          '',
          '',
          '',
          '',
        ],
        /\(Year\): the year "Year 3" is not Year 1, Year 2 or Year 1 & 2/,
      ]);
    for (let i = 0; i < 4; i++)
      faults.push([
        [
          'two',
          'Rape and Serious Sexual Offences',
          'Enforcement',
          '',
          `Bad strand ${i}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ],
        /\(Strand number\): the strand number must be a whole number/,
      ]);
    for (let i = 0; i < 4; i++)
      faults.push([
        [2, 'Rape and Serious Sexual Offences', 'Enforcement', '', '', '', '', '', '', '', '', ''],
        /\(Objective\): the objective is empty/,
      ]);
    for (let i = 0; i < 4; i++)
      faults.push([
        [
          2,
          'Rape and Serious Sexual Offences',
          'Enforcement',
          `3.E.${90 + i}`,
          `Wrong strand ${i}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ],
        new RegExp(`the reference 3\\.E\\.${90 + i} does not belong to strand 2`),
      ]);
    for (let i = 0; i < 4; i++)
      faults.push([
        [
          2,
          'Rape and Serious Sexual Offences',
          'Enforcement',
          '',
          `Bad value ${i}`,
          '',
          'About ten',
          '',
          'ten',
          '',
          '',
          '',
        ],
        /\(Target value\): the target value must be a number/,
      ]);
    const rows = [good(1), ...faults.map(([row]) => row), good(2)];
    const path = await workbook(join(d, 'bad.xlsx'), rows);
    const preview = await previewPlanImport(store, path);
    expect(preview.errors).toHaveLength(20);
    preview.errors.forEach((error, i) => {
      expect(error.row).toBe(i + 3);
      expect(error.message).toMatch(new RegExp(`^Row ${i + 3}`));
      expect(error.message).toMatch(faults[i][1]);
    });
    const before = await store.plan.objectives({ includeRetired: true });
    await expect(importPlan(store, { path, actor: 'Secretariat' })).rejects.toThrow(
      /20 rows have problems, so nothing was imported\. Row 3 \(Year\)/,
    );
    expect(await store.plan.objectives({ includeRetired: true })).toEqual(before);
  });

  it('imports the good rows and leaves out the bad ones when asked to skip them', async () => {
    const d = dir();
    const store = await open(join(d, 'empty.db'), true);
    const path = await workbook(join(d, 'mixed.xlsx'), [
      [1, 'Homicide', 'Enforcement', '1.E.1', 'Investigate every homicide', 'Year 1', '', '', '', '', '', ''],
      [1, 'Homicide', 'Enforcement', '1.E.2', 'Broken', 'Year 9', '', '', '', '', '', ''],
      [1, 'Homicide', 'Prevention', '', 'Share learning from reviews', 'Year 1 & 2', '', '', '', '', '', ''],
    ]);
    const result = await importPlan(store, {
      path,
      actor: 'Secretariat',
      skipBadRows: true,
      seed: { startMonth: '2007-04' },
    });
    expect(result.skippedRows).toEqual([3]);
    expect((await store.plan.objectives()).map((o) => [o.ref, o.text])).toEqual([
      ['1.E.1', 'Investigate every homicide'],
      ['1.P.1', 'Share learning from reviews'],
    ]);
    expect(await store.plan.summary()).toMatchObject({
      title: 'mixed',
      startMonth: '2007-04',
      endMonth: '2009-04',
    });
  });

  it('reads a formula cell as its own text and never as its result', async () => {
    const d = dir();
    const store = await open(join(d, 'empty.db'), true);
    const formula = {
      formula: 'HYPERLINK("http://intranet.example/evil","Click for the target")',
      result: 'Click for the target',
    };
    const path = await workbook(join(d, 'formula.xlsx'), [
      [1, 'Homicide', 'Enforcement', '1.E.1', formula, 'Year 1', '', '', '', '', '', ''],
    ]);
    await importPlan(store, { path, actor: 'Secretariat' });
    expect((await store.plan.objective('1.E.1')).text).toBe(
      '=HYPERLINK("http://intranet.example/evil","Click for the target")',
    );
  });

  it('neutralises exported text that a spreadsheet would run as a formula, and reads it back unchanged', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const risky = ['=HYPERLINK("http://x","y")', '+44 20 7230 1212', '-10% on last year', '@SUM(A1:A2)'];
    const owners = ['=cmd|" /C calc"!A0', '\tTab-led owner', '-DCI Minus', null];
    risky.forEach(
      async (text, i) =>
        await store.plan.addObjective(
          {
            strandNumber: 1,
            theme: 'Enforcement',
            themeCode: 'E',
            text,
            year: null,
            owner: owners[i],
            startMonth: '2007-04',
          },
          store.now(),
          'Secretariat',
        ),
    );
    for (const name of ['plan.csv', 'plan.xlsx']) {
      const path = join(d, name);
      await exportPlan(store, path);
      const [sheet] = await readSpreadsheetRaw(path);
      const texts = sheet.map((r) => r[4]);
      for (const text of risky) expect(texts).toContain(`'${text}`);
      for (const owner of owners.slice(0, 3)) expect(sheet.map((r) => r[7])).toContain(`'${owner}`);
      expect(sheet.flat().every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
      const back = await previewPlanImport(store, path);
      expect(back).toMatchObject({ added: [], changed: [], retired: [], errors: [] });
    }
  });

  it('exports a range of months of updates with No update where nothing was reported', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    await store.updates.save(
      {
        ref: '2.E.3',
        month: '2007-10',
        status: 'red',
        narrative: '=1+1 is not a formula here',
        author: 'DCS Lead',
        state: 'submitted',
      },
      store.now(),
    );
    const out = join(d, 'updates.csv');
    const result = await exportUpdates(store, { from: '2007-09', to: '2007-10', out });
    expect(result.rows).toBe(163 * 2);
    const {
      sheets: [sheet],
    } = await readSpreadsheet(out);
    const row = sheet.rows.find((r) => r.cells[0] === '2007-10' && r.cells[3] === '2.E.3')!;
    expect(row.cells.slice(5, 7)).toEqual(['Red', '=1+1 is not a formula here']);
    expect(readFileSync(out, 'utf8')).toContain("'=1+1 is not a formula here");
    expect(sheet.rows.filter((r) => r.cells[5] === 'No update')).toHaveLength(163 * 2 - 1);
  });

  it('exports an objective only in the months it reports in, not as No update before it starts', async () => {
    const d = dir();
    const store = await open(join(d, 'a.db'));
    const added = await store.plan.addObjective(
      {
        strandNumber: 8,
        theme: 'Enforcement',
        themeCode: 'E',
        text: 'New in October',
        year: null,
        startMonth: '2007-10',
      },
      store.now(),
      'Secretariat',
    );
    await store.plan.retireObjective('2.E.3', '2007-10', store.now(), 'Secretariat');
    const out = join(d, 'updates.csv');

    const result = await exportUpdates(store, { from: '2007-09', to: '2007-10', out });

    const {
      sheets: [sheet],
    } = await readSpreadsheet(out);
    const months = (ref: string) => sheet.rows.filter((r) => r.cells[3] === ref).map((r) => r.cells[0]);
    expect(months(added.ref)).toEqual(['2007-10']);
    expect(months('2.E.3')).toEqual(['2007-09']);
    expect(result.rows).toBe(163 * 2);
  });
});

/** The raw cells as written, without the import's apostrophe handling. */
async function readSpreadsheetRaw(path: string): Promise<string[][]> {
  if (path.endsWith('.csv')) {
    const { parse } = await import('csv-parse/sync');
    return [(parse(readFileSync(path), { bom: true }) as string[][]).slice(1)] as unknown as string[][];
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: string[][] = [];
  book.getWorksheet('Action plan')!.eachRow((row, n) => {
    if (n > 1) rows.push(Array.from({ length: 12 }, (_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return [rows] as unknown as string[][];
}
