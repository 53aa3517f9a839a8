// The built-in plan's default indicators: the seven key outcomes and every strand's success
// measures, each titled in the document's own words. The titles are checked against the document
// itself (tests/fixtures/seed/, the strategy as the seed gives it), not against a second copy.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { planFileSchema } from '../../shared/planFile';

const plan = planFileSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../resources/plans/met-serious-violence-2007.json', import.meta.url), 'utf8'),
  ),
);
const seedRaw = readFileSync(
  new URL('../fixtures/seed/met-serious-violence-2007.txt', import.meta.url),
  'utf8',
);
/** The document's text with its table markup taken out and runs of white space made one space. */
const seed = seedRaw.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** Titles the document splits across a page break of its table: the parts, in order. */
const SPLIT_ACROSS_PAGES: Record<string, string[]> = {
  'S6.M1': ['To achieve a detection rate of 85% homicide', 'investigation'],
};

const indicator = (ref: string) => {
  const found = plan.indicators.find((i) => i.ref === ref);
  if (!found) throw new Error(`No indicator ${ref}`);
  return found;
};

describe('the built-in plan’s default indicators', () => {
  it('words every indicator exactly as the document does', () => {
    for (const { ref, title } of plan.indicators) {
      const parts = SPLIT_ACROSS_PAGES[ref];
      if (!parts) {
        expect(seed, ref).toContain(title);
        continue;
      }
      expect(parts.join(' '), ref).toBe(title);
      const first = seed.indexOf(parts[0]);
      expect(first, ref).toBeGreaterThan(-1);
      // The rest follows in the next page's row of the same table cell.
      const rest = seed.indexOf(` ${parts[1]} `, first + parts[0].length);
      expect(rest - first, ref).toBeGreaterThan(0);
      expect(rest - first, ref).toBeLessThan(1500);
    }
  });

  it('holds the seven key outcomes as KO1 … KO7, titled as the outcomes', () => {
    const outcomes = plan.indicators.filter((i) => i.ref.startsWith('KO'));
    expect(outcomes.map((i) => [i.ref, i.outcome, i.title])).toEqual(
      plan.outcomes.map((o) => [`KO${o.number}`, o.number, o.text]),
    );
  });

  it('covers every strand’s success measure, splitting a measure that joins two figures', () => {
    for (const strand of plan.strands) {
      strand.successMeasures.forEach((measure, i) => {
        const ref = `S${strand.number}.M${i + 1}`;
        const parts = plan.indicators.filter(
          (x) => x.ref === ref || x.ref.match(new RegExp(`^${ref.replace('.', '\\.')}[a-z]$`)),
        );
        expect(parts.length, ref).toBeGreaterThan(0);
        for (const part of parts) {
          expect(part.strand, part.ref).toBe(strand.number);
          expect(measure, part.ref).toContain(part.title);
        }
      });
    }
    expect(plan.indicators).toHaveLength(28);
  });

  it('keeps the document’s own targets: 85% homicide detection and conviction', () => {
    expect(indicator('S6.M1')).toMatchObject({
      unit: 'percent',
      better: 'higher',
      target: { kind: 'value', value: 85, text: '85%' },
    });
    expect(indicator('S6.M2')).toMatchObject({ unit: 'percent', target: { kind: 'value', value: 85 } });
    expect(plan.indicators.filter((i) => i.countable && i.target !== null).map((i) => i.ref)).toEqual([
      'S6.M1',
      'S6.M2',
    ]);
  });

  it('flags the measures that state no countable figure, each with its reason', () => {
    const notCountable = plan.indicators.filter((i) => !i.countable);
    expect(notCountable.map((i) => i.ref)).toEqual(['KO7', 'S1.M1', 'S5.M1', 'S8.M2', 'S8.M3']);
    for (const i of notCountable) expect(i.notes[0]).toMatch(/^Not countable as stated: /);
  });

  it('gives every countable indicator a unit, a better direction and a source', () => {
    for (const i of plan.indicators) {
      if (!i.countable) continue;
      expect(['count', 'percent', 'rate']).toContain(i.unit);
      expect(['lower', 'higher', 'neither']).toContain(i.better);
      expect(i.source.length).toBeGreaterThan(20);
    }
    expect(indicator('KO4')).toMatchObject({ countable: true, better: 'higher' });
    expect(indicator('S3.M1')).toMatchObject({ countable: true, better: 'neither' });
  });
});

describe('indicators in a plan file', () => {
  const base = JSON.parse(
    readFileSync(new URL('../../resources/plans/met-serious-violence-2007.json', import.meta.url), 'utf8'),
  );

  it('are optional: a plan file without them loads with none', () => {
    const { indicators: _dropped, ...without } = base;
    expect(planFileSchema.parse(without).indicators).toEqual([]);
  });

  it('refuses a repeated reference, an unknown strand and a rate without its base', () => {
    const bad = (indicators: unknown[]) => planFileSchema.safeParse({ ...base, indicators });
    const ko1 = base.indicators[0];
    expect(bad([ko1, ko1]).error?.issues[0]?.message).toBe('Indicator reference KO1 is used twice.');
    expect(bad([{ ...ko1, outcome: null, strand: 9 }]).error?.issues[0]?.message).toBe(
      'Indicator KO1 names strand 9, which the plan does not have.',
    );
    expect(bad([{ ...ko1, unit: 'rate' }]).error?.issues[0]?.message).toBe(
      'Indicator KO1: a rate says what it is per, and only a rate does.',
    );
  });
});
