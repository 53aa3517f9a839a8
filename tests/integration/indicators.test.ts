// Performance indicators on a real database (a file, or the test server), through dispatch: the
// built-in indicators seeded with the plan, every change audited, figures kept with their
// revisions, refusals that change nothing, and figures round-tripped through CSV and XLSX.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrate';
import { openStore } from '../../electron/store/store';
import { loadBuiltInPlan } from '../../electron/store/planFile';
import { dumpStore, fixedClock, newDatabaseLocation, onPostgres, tempDir } from '../fixtures/databases';
import { databaseAt } from '../fixtures/schemaVersions';
import { indicatorApp, rateFigures, upload, type IndicatorApp } from './indicators.fixtures';

/** The tables the built-in plan is seeded into, unchanged since schema 5. */
const PLAN_TABLES = [
  'plan',
  'outcomes',
  'themes',
  'standing_agenda',
  'partners',
  'glossary',
  'strands',
  'success_measures',
  'strand_aims',
  'objectives',
];

let app: IndicatorApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function expectUnchanged(a: IndicatorApp, refused: () => Promise<unknown>): Promise<void> {
  const before = await dumpStore(a.store);
  await refused();
  expect(await dumpStore(a.store)).toBe(before);
}

describe('the built-in indicators', () => {
  it('are seeded with the built-in plan, in its order, with one audit record', async () => {
    app = await indicatorApp();
    const plan = loadBuiltInPlan();
    const all = await app.store.indicators.list({ includeRetired: true });
    expect(all.map((i) => i.ref)).toEqual(plan.indicators.map((i) => i.ref));
    expect(all).toHaveLength(28);
    expect(all.filter((i) => !i.countable).map((i) => i.ref)).toEqual([
      'KO7',
      'S1.M1',
      'S5.M1',
      'S8.M2',
      'S8.M3',
    ]);
    expect(await app.store.indicators.get('S6.M1')).toMatchObject({
      unit: 'percent',
      better: 'higher',
      target: { kind: 'value', value: 85, text: '85%' },
    });
    expect((await app.store.audit.list({ entity: 'indicator' })).map((e) => e.action)).toEqual([
      'indicators.seed',
    ]);
  });

  // Upgrades a schema-5 SQLite file; no version before this one made a database on a server.
  it.skipIf(onPostgres)(
    'are added once to a database made before indicators existed whose plan is the built-in one',
    async () => {
      // What this version's predecessor left: a database at schema 5 holding the built-in plan (its
      // rows copied from a database this version made, whose plan tables have not changed since).
      const source = join(tempDir(), 'source.db');
      await (await openStore(source, { clock: fixedClock() })).close();
      const old = databaseAt(5);
      old.exec(`ATTACH DATABASE '${source.replace(/'/g, "''")}' AS source`);
      for (const table of PLAN_TABLES) old.exec(`INSERT INTO main.${table} SELECT * FROM source.${table}`);
      old.exec('DETACH DATABASE source');
      const path = old.name;
      old.close();
      const seedsBefore = 0;

      app = await indicatorApp(path);
      expect(await app.store.indicators.count()).toBe(28);
      expect(await app.store.settings.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      await app.close();
      app = await indicatorApp(path);
      expect(await app.store.indicators.count()).toBe(28);
      const seeds = (await app.store.audit.list({ entity: 'indicator' })).filter(
        (e) => e.action === 'indicators.seed',
      );
      expect(seeds).toHaveLength(seedsBefore + 1);
    },
  );

  it('are not added to a database whose plan is another strategy', async () => {
    const path = await newDatabaseLocation(tempDir(), 'other.db');
    const plan = loadBuiltInPlan();
    const other = { ...plan, id: 'another-plan', indicators: [] };
    const made = await openStore(path, { clock: fixedClock(), seedPlan: other });
    await made.close();
    app = await indicatorApp(path);
    expect(await app.store.indicators.count()).toBe(0);
  });
});

describe('changing indicators', () => {
  it('adds with the next free reference, edits, retires and records a definition change, each audited', async () => {
    app = await indicatorApp();
    const added = await app.call('indicators.add', {
      title: 'Knife-enabled robbery',
      unit: 'count',
      better: 'lower',
      strand: 4,
      target: { kind: 'value', value: 300 },
    });
    expect(added.ref).toBe('S4.M3');
    const outcomeOnly = await app.call('indicators.add', {
      title: 'Gun crime',
      unit: 'rate',
      per: 100000,
      better: 'lower',
      outcome: 3,
    });
    expect(outcomeOnly.ref).toBe('KO3.M1');
    const edited = await app.call('indicators.edit', {
      ref: 'S4.M3',
      title: 'Knife-enabled robbery offences',
      target: null,
    });
    expect(edited).toMatchObject({ title: 'Knife-enabled robbery offences', target: null, unit: 'count' });
    const change = await app.call('indicators.break', {
      ref: 'S4.M3',
      month: '2007-10',
      note: 'Home Office counting rules changed.',
    });
    expect(change).toMatchObject({ month: '2007-10', actor: 'Secretariat' });
    const retired = await app.call('indicators.retire', { ref: 'KO3.M1', fromMonth: '2008-04' });
    expect(retired.retiredFrom).toBe('2008-04');
    expect((await app.call('indicators.list', {})).map((i) => i.indicator.ref)).not.toContain('KO3.M1');

    const actions = (await app.store.audit.list({ entity: 'indicator' })).map(
      (e) => `${e.action} ${e.entityId}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'indicator.add S4.M3',
        'indicator.add KO3.M1',
        'indicator.edit S4.M3',
        'indicator.break S4.M3',
        'indicator.retire KO3.M1',
      ]),
    );
    const detail = await app.call('indicators.get', { ref: 'S4.M3' });
    expect(detail.definitionChanges.map((c) => c.month)).toEqual(['2007-10']);
  });

  it('refuses bad changes in words and changes nothing', async () => {
    app = await indicatorApp();
    const a = app;
    const refusals: [Promise<{ message: string }>, RegExp][] = [];
    await expectUnchanged(a, async () => {
      refusals.push(
        [
          a.refusal('indicators.add', { title: 'X', unit: 'count', better: 'lower', strand: 9 }),
          /no strand 9/,
        ],
        [
          a.refusal('indicators.add', { title: 'X', unit: 'count', better: 'lower' }),
          /key outcome or strand/,
        ],
        [a.refusal('indicators.add', { title: 'X', unit: 'rate', better: 'lower', strand: 1 }), /per/],
        [
          a.refusal('indicators.add', { ref: 'KO1', title: 'X', unit: 'count', better: 'lower', outcome: 1 }),
          /already an indicator KO1/,
        ],
        [
          a.refusal('indicators.add', { title: ' ', unit: 'count', better: 'lower', outcome: 1 }),
          /needs a title/,
        ],
        [a.refusal('indicators.edit', { ref: 'KO7', unit: 'count' }), /not countable/],
        [a.refusal('indicators.break', { ref: 'KO9', month: '2007-10', note: 'x' }), /no indicator KO9/],
        [a.refusal('indicators.setFigure', { ref: 'KO7', month: '2007-10', value: 1 }), /not countable/],
        [a.refusal('indicators.setFigure', { ref: 'KO1', month: '2007-13', value: 1 }), /YYYY-MM/],
        [
          a.refusal('indicators.setFigure', {
            ref: 'KO1',
            month: '2007-10',
            value: 1,
            numerator: 1,
            denominator: 2,
          }),
          /is a count/,
        ],
        [
          a.refusal('indicators.setFigure', {
            ref: 'KO5',
            month: '2007-10',
            value: 40,
            numerator: 1,
            denominator: 2,
          }),
          /1 out of 2 is 50/,
        ],
        [
          a.refusal('indicators.setFigure', { ref: 'KO5', month: '2007-10', value: 50, numerator: 1 }),
          /numerator and the denominator/,
        ],
      );
      for (const [refusal] of refusals) await refusal;
    });
    for (const [refusal, words] of refusals) expect((await refusal).message).toMatch(words);
  });

  it('refuses to retire an indicator before its last figure, and a second break in one month', async () => {
    app = await indicatorApp();
    await rateFigures(app);
    await app.call('indicators.break', { ref: 'KO5', month: '2007-05', note: 'New counting rules.' });
    const a = app;
    await expectUnchanged(a, async () => {
      expect((await a.refusal('indicators.retire', { ref: 'KO5', fromMonth: '2007-06' })).message).toMatch(
        /figure for 2007-06/,
      );
      expect(
        (await a.refusal('indicators.break', { ref: 'KO5', month: '2007-05', note: 'Again.' })).code,
      ).toBe('conflict');
      expect((await a.refusal('indicators.edit', { ref: 'KO5', unit: 'count' })).message).toMatch(
        /cannot change/,
      );
    });
  });
});

describe('monthly figures', () => {
  it('keeps every revision of a month, the latest current, each audited; the same figure again changes nothing', async () => {
    app = await indicatorApp();
    await app.call('indicators.setFigure', { ref: 'KO1', month: '2007-09', value: 14 });
    const again = await app.call('indicators.setFigure', { ref: 'KO1', month: '2007-09', value: 14 });
    expect(again.revision).toBe(1);
    const revised = await app.call('indicators.setFigure', {
      ref: 'KO1',
      month: '2007-09',
      value: 15,
      note: 'Late crime report.',
    });
    expect(revised).toMatchObject({ revision: 2, value: 15, source: 'typed', author: 'Secretariat' });
    const detail = await app.call('indicators.get', { ref: 'KO1' });
    expect(detail.figures).toHaveLength(1);
    expect(detail.figures[0]).toMatchObject({ value: 15, revision: 2 });
    expect(detail.figures[0].revisions.map((r) => [r.revision, r.value])).toEqual([[1, 14]]);
    const audited = (await app.store.audit.list({ entity: 'indicator' })).filter(
      (e) => e.action === 'indicator.figure',
    );
    expect(audited).toHaveLength(2);
  });

  it('takes a percentage with its numerator and denominator, and compares periods as ratios of sums', async () => {
    app = await indicatorApp();
    await rateFigures(app);
    const detail = await app.call('indicators.get', { ref: 'KO5', month: '2007-06' });
    expect(detail.months.map((m) => m.value)).toEqual([25, 30, 33.3]);
    // April to June: (50 + 60 + 1) / (200 + 200 + 3), not the mean of the three percentages.
    expect(detail.comparisons?.yearToDate.current.value).toBeCloseTo((111 / 403) * 100, 9);
    expect(detail.sentence).toMatch(/^Improve the criminal justice outcomes for rape: 33.3% in June 2007/);
  });

  it('shows a grid of months by indicators for a strand', async () => {
    app = await indicatorApp();
    await app.call('indicators.setFigure', {
      ref: 'S6.M1',
      month: '2007-09',
      value: 82,
      numerator: 41,
      denominator: 50,
    });
    const grid = await app.call('indicators.grid', { strandNumber: 6, lastMonth: '2007-10', months: 3 });
    expect(grid.months).toEqual(['2007-08', '2007-09', '2007-10']);
    expect(grid.rows.map((r) => r.indicator.ref)).toEqual(['S6.M1', 'S6.M2']);
    expect(grid.rows[0].cells.map((c) => c?.value ?? null)).toEqual([null, 82, null]);
  });

  it('lists each indicator with its latest figure, words and sparkline', async () => {
    app = await indicatorApp();
    await rateFigures(app);
    const list = await app.call('indicators.list', { sparklineMonths: 3 });
    const ko5 = list.find((i) => i.indicator.ref === 'KO5')!;
    expect(ko5.latest).toMatchObject({
      month: '2007-06',
      value: 33.3,
      variation: 'common_cause',
      variationWords: 'Common cause',
    });
    expect([ko5.sparklineFrom, ko5.sparkline]).toEqual(['2007-04', [25, 30, 33.3]]);
    expect(list.find((i) => i.indicator.ref === 'KO7')!.sentence).toMatch(/not counted month by month/);
  });
});

describe('figures in and out of spreadsheets', () => {
  async function figuresOf(a: IndicatorApp) {
    return (await a.store.indicators.currentFigures()).map(
      ({ ref, month, value, numerator, denominator, note }) => ({
        ref,
        month,
        value,
        numerator,
        denominator,
        note,
      }),
    );
  }

  for (const format of ['csv', 'xlsx'] as const) {
    it(`round-trips figures through ${format.toUpperCase()} unchanged`, async () => {
      app = await indicatorApp();
      await rateFigures(app);
      await app.call('indicators.setFigure', {
        ref: 'S3.M1',
        month: '2007-05',
        value: 1204,
        note: 'Includes "hate crime", £ and é',
      });
      const exported = await app.call('indicators.export', { format });
      expect(exported.rows).toBe(5);
      const other = await indicatorApp();
      try {
        const file = { fileName: exported.fileName, base64: exported.base64 };
        const preview = await other.call('indicators.previewImport', file);
        expect(preview).toMatchObject({ format, rows: 5, errors: [] });
        expect(preview.figures.every((f) => f.change === 'new')).toBe(true);
        const imported = await other.call('indicators.import', file);
        expect([imported.saved, imported.unchanged]).toEqual([5, 0]);
        expect(await figuresOf(other)).toEqual(await figuresOf(app));
        expect((await other.store.indicators.currentFigures()).every((f) => f.source === 'import')).toBe(
          true,
        );
        const twice = await other.call('indicators.import', file);
        expect([twice.saved, twice.unchanged]).toEqual([0, 5]);
      } finally {
        await other.close();
      }
    });
  }

  it('refuses a file with bad rows and changes nothing, naming each row', async () => {
    app = await indicatorApp();
    await rateFigures(app);
    const csv = [
      'indicator,month,value,numerator,denominator,note',
      'KO1,2007-05,12,,,',
      'KO99,2007-05,3,,,',
      'KO1,2007-5,3,,,',
      'KO5,2007-07,40,1,2,',
      'KO1,2007-05,13,,,',
      'KO2,2007-05,lots,,,',
    ].join('\n');
    const file = upload('figures.csv', csv);
    const preview = await app.call('indicators.previewImport', file);
    expect(preview.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7]);
    expect(preview.errors[0].message).toBe('Row 3: there is no indicator KO99.');
    expect(preview.errors[3].message).toMatch(/already given in row 2/);
    const a = app;
    await expectUnchanged(a, async () => {
      const refusal = await a.refusal('indicators.import', file);
      expect(refusal.message).toMatch(/^5 rows have problems, so nothing was imported\. Row 3/);
    });
    const skipped = await app.call('indicators.import', { ...file, skipBadRows: true });
    expect([skipped.saved, skipped.skippedRows]).toEqual([1, [3, 4, 5, 6, 7]]);
  });

  it('reads an XLSX sheet typed by a person, month cells made dates by the spreadsheet program', async () => {
    app = await indicatorApp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Figures');
    sheet.addRow(['Indicator', 'Month', 'Value']);
    sheet.addRow(['KO2', new Date(Date.UTC(2007, 8, 1)), 1020]);
    sheet.addRow(['KO2', '2007-10', '1,048']);
    const file = upload('typed.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const imported = await app.call('indicators.import', file);
    expect(imported.saved).toBe(2);
    expect(
      (await app.store.indicators.currentFigures({ refs: ['KO2'] })).map((f) => [f.month, f.value]),
    ).toEqual([
      ['2007-09', 1020],
      ['2007-10', 1048],
    ]);
  });
});
