// The indicator command group against a real database: `indicator show --json` checked against a
// series worked by hand, and a refused command that leaves the database as it was.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, dumpDatabase, tempDir } from '../fixtures/databases';

async function freshDb(): Promise<string> {
  const path = join(tempDir(), 'board.db');
  expect((await cli(['init', '--db', path])).code).toBe(0);
  return path;
}

async function run(db: string, ...args: string[]): Promise<string> {
  const result = await cli([...args, '--db', db]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

// Twelve months alternating 10 and 16, then 40. Worked by hand:
//   centre = (6 × 10 + 5 × 16 + 40) / 12 = 15
//   moving ranges: ten of 6 and one of 30; their mean 90 / 11 = 8.18, and 30 ≥ 3.267 × 8.18 = 26.7,
//   so 30 is left out: mean moving range = 6; limits = 15 ± 2.66 × 6 = −0.96 and 30.96.
//   40 is above the upper limit and lower is better: special cause, concern. No run (values
//   alternate about 15), no trend, nothing near a limit: every other month is common cause.
//   Target 5 lies between the limits: the target will be passed and failed at random.
const VALUES = [10, 16, 10, 16, 10, 16, 10, 16, 10, 16, 10, 40];
const MONTHS = VALUES.map((_, i) => `${i < 9 ? 2007 : 2008}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`);

describe('indicator', () => {
  it('adds an indicator, prints its reference, and shows its XmR chart as JSON as worked by hand', async () => {
    const db = await freshDb();
    const ref = (
      await run(
        db,
        'indicator',
        'add',
        '--title',
        'Knife-enabled robbery',
        '--unit',
        'count',
        '--better',
        'lower',
        '--outcome',
        '3',
        '--target',
        '5',
      )
    ).trim();
    expect(ref).toBe('KO3.M1');
    for (const [i, value] of VALUES.entries())
      await run(db, 'indicator', 'set', ref, '--month', MONTHS[i], '--value', String(value));

    const shown = JSON.parse(await run(db, 'indicator', 'show', ref, '--json')) as {
      months: {
        month: string;
        value: number;
        centre: number;
        lower: number;
        upper: number;
        variation: string;
      }[];
      assurance: string | null;
    };
    expect(shown.months.map((m) => m.month)).toEqual(MONTHS);
    expect(shown.months.map((m) => m.value)).toEqual(VALUES);
    for (const m of shown.months) {
      expect(Object.keys(m)).toEqual(['month', 'value', 'centre', 'lower', 'upper', 'variation']);
      expect(m.centre).toBeCloseTo(15, 9);
      expect(m.lower).toBeCloseTo(-0.96, 9);
      expect(m.upper).toBeCloseTo(30.96, 9);
    }
    expect(shown.months.map((m) => m.variation)).toEqual([
      ...Array(11).fill('common_cause'),
      'special_cause_concern',
    ]);
    expect(shown.assurance).toBe('inconsistent');
  });

  it('rebases the chart at a definition change: each segment has its own centre and limits', async () => {
    const db = await freshDb();
    for (const [i, value] of VALUES.entries())
      await run(db, 'indicator', 'set', 'KO1', '--month', MONTHS[i], '--value', String(value));
    expect(
      await run(
        db,
        'indicator',
        'break',
        'KO1',
        '--month',
        '2008-01',
        '--note',
        'Counted by date of offence.',
      ),
    ).toMatch(/^Recorded a definition change to KO1 from 2008-01/);
    const shown = JSON.parse(await run(db, 'indicator', 'show', 'KO1', '--json', '--month', '2008-03')) as {
      months: { centre: number; lower: number | null; upper: number | null; variation: string }[];
      assurance: string | null;
    };
    // Before: nine points, (5 × 10 + 4 × 16) / 9 = 12.67, ranges all 6: 12.67 ± 15.96.
    expect(shown.months[0].centre).toBeCloseTo(114 / 9, 9);
    expect(shown.months[0].upper).toBeCloseTo(114 / 9 + 15.96, 9);
    // After: 16, 10, 40: centre 22; ranges 6 and 30, mean 18 (30 < 3.267 × 18): 22 ± 47.88.
    expect(shown.months[9].centre).toBeCloseTo(22, 9);
    expect(shown.months[11].upper).toBeCloseTo(22 + 2.66 * 18, 9);
    expect(shown.months[11].variation).toBe('common_cause');
    expect(shown.assurance).toBeNull();
  });

  it('lists indicators and refuses a figure that disagrees with its numerator, changing nothing', async () => {
    const db = await freshDb();
    await run(
      db,
      'indicator',
      'set',
      'S6.M1',
      '--month',
      '2007-09',
      '--value',
      '80',
      '--numerator',
      '8',
      '--denominator',
      '10',
    );
    expect(await run(db, 'indicator', 'list')).toMatch(/S6\.M1 .* 2007-09 +80% +Common cause/);
    const before = dumpDatabase(db);
    const refused = await cli([
      'indicator',
      'set',
      'S6.M1',
      '--month',
      '2007-10',
      '--value',
      '70',
      '--numerator',
      '8',
      '--denominator',
      '10',
      '--db',
      db,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/8 out of 10 is 80/);
    expect(dumpDatabase(db)).toBe(before);
  });

  it('previews an import without changing anything, and applies it with --apply', async () => {
    const db = await freshDb();
    const file = join(tempDir(), 'figures.csv');
    writeFileSync(file, 'indicator,month,value\nKO2,2007-09,1020\nKO2,2007-10,1048\n');
    const before = dumpDatabase(db);
    expect(await run(db, 'indicator', 'import', file)).toMatch(/2 new figure\(s\).*\n.*Nothing was changed/);
    expect(dumpDatabase(db)).toBe(before);
    expect(await run(db, 'indicator', 'import', file, '--apply')).toMatch(/saved 2 figure\(s\), 0 unchanged/);
  });
});
