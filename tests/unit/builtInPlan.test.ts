// The built-in plan: the action plan of the MPS Serious Violence Strategy 2007 – 2009, transcribed
// from the seed document. These counts and wordings pin the transcription so that an edit to the
// file that loses, duplicates or rewords a bullet is caught.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { planFileSchema } from '../../shared/planFile';

const planPath = new URL('../../resources/plans/met-serious-violence-2007.json', import.meta.url);
const plan = planFileSchema.parse(JSON.parse(readFileSync(planPath, 'utf8')));

const strand = (n: number) => {
  const found = plan.strands.find((s) => s.number === n);
  if (!found) throw new Error(`No strand ${n}`);
  return found;
};
const objectivesOf = (n: number) => strand(n).themes.flatMap((g) => g.objectives);
const allObjectives = plan.strands.flatMap((s) => s.themes.flatMap((g) => g.objectives));
const objective = (ref: string) => {
  const found = allObjectives.find((o) => o.ref === ref);
  if (!found) throw new Error(`No objective ${ref}`);
  return found;
};

/** Objectives per theme code, counted across the strand (a code may head several groups). */
const countsByCode = (n: number) => {
  const counts: Record<string, number> = {};
  for (const group of strand(n).themes)
    counts[group.code] = (counts[group.code] ?? 0) + group.objectives.length;
  return counts;
};

const expectedPerStrand: Record<number, number> = { 1: 9, 2: 25, 3: 43, 4: 21, 5: 18, 6: 19, 7: 15, 8: 13 };
const expectedPerCode: Record<number, Record<string, number>> = {
  1: { I: 2, P: 3, E: 2, R: 2 },
  2: { RP: 5, E: 18, I: 2 },
  3: { R: 9, I: 11, P: 8, E: 15 },
  4: { I: 7, E: 6, P: 3, R: 5 },
  5: { R: 3, I: 6, P: 5, E: 4 },
  6: { R: 3, I: 7, P: 5, E: 4 },
  7: { E: 8, RPE: 3, I: 4 },
  8: { I: 2, P: 2, E: 8, R: 1 },
};

describe('the built-in Serious Violence Strategy plan', () => {
  it('is a valid plan file describing the strategy and its board', () => {
    expect(plan.id).toBe('met-serious-violence-2007');
    expect(plan.title).toBe('Serious Violence Strategy 2007 – 2009');
    expect(plan.aim).toBe('To reduce serious violence in London');
    expect(plan.period).toEqual({ startMonth: '2007-04', endMonth: '2009-03' });
    expect(plan.chairs).toEqual([
      'Commander Violent Crime Directorate (VCD)',
      'Commander Organised Crime and Criminal Networks (OC and CN)',
    ]);
    expect(plan.standingAgenda).toHaveLength(8);
  });

  it('holds the seven key outcomes in the document’s own words', () => {
    expect(plan.outcomes.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(plan.outcomes[1]?.text).toBe('Reduce the incidence of Grevious Bodily Harm (GBH)');
    expect(plan.outcomes.some((o) => o.text.includes('*'))).toBe(false);
  });

  it('holds the ten underpinning themes and four cross-cutting themes', () => {
    expect(plan.underpinningThemes).toHaveLength(10);
    expect(plan.crossCuttingThemes.map((t) => t.name)).toEqual([
      'Drugs',
      'Alcohol',
      'Mental Health',
      'Weapon-enabled serious violence (guns and knives)',
    ]);
  });

  it('holds all eight strands in order with their operations and leads', () => {
    expect(plan.strands.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.strands.map((s) => s.operation)).toEqual([
      'Jigsaw',
      'Sapphire',
      null,
      'Curb',
      null,
      null,
      null,
      null,
    ]);
    expect(strand(5).lead).toBe(
      'Detective Chief Superintendent Violent Crime Directorate / Specialist Crime Directorate',
    );
    expect(strand(8).lead).toBe('Detective Chief Superintendent Child Abuse Investigation Command');
  });

  it('keeps the success measures and aims of each strand', () => {
    expect(plan.strands.map((s) => s.successMeasures.length)).toEqual([1, 1, 8, 2, 1, 2, 1, 3]);
    expect(plan.strands.map((s) => s.aims.length)).toEqual([3, 2, 7, 6, 1, 2, 3, 19]);
    expect(strand(6).successMeasures[0]).toBe('To achieve a detection rate of 85% homicide investigation');
  });

  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`holds every objective bullet of strand ${n} with its theme`, () => {
      expect(objectivesOf(n)).toHaveLength(expectedPerStrand[n]!);
      expect(countsByCode(n)).toEqual(expectedPerCode[n]);
    });
  }

  it('numbers references per strand and theme code without gaps, continuing across repeated headings', () => {
    for (const s of plan.strands) {
      const seen: Record<string, number> = {};
      for (const group of s.themes) {
        for (const o of group.objectives) {
          seen[group.code] = (seen[group.code] ?? 0) + 1;
          expect(o.ref).toBe(`${s.number}.${group.code}.${seen[group.code]}`);
        }
      }
    }
    expect(strand(2).themes.map((g) => g.code)).toEqual(['RP', 'E', 'I', 'E']);
    expect(strand(2).themes[3]?.objectives[0]?.ref).toBe('2.E.7');
    expect(strand(3).themes.map((g) => g.code)).toEqual(['R', 'I', 'P', 'E', 'R', 'I', 'P', 'E']);
  });

  it('transcribes 163 objectives in all, three of them flagged as stated twice', () => {
    expect(allObjectives).toHaveLength(163);
    expect(allObjectives.filter((o) => o.repeated).map((o) => o.ref)).toEqual(['2.E.8', '2.E.10', '3.P.1']);
    expect(objective('2.E.8').text).toBe(objective('2.E.3').text);
    expect(objective('2.E.10').text).toBe(objective('2.E.5').text);
    expect(objective('3.P.1').text).toBe(objective('3.R.1').text);
  });

  it('words the first and last objectives of strands 2 and 8 as the document does', () => {
    const s2 = objectivesOf(2);
    expect(s2[0]?.text).toBe(
      'Increase the reporting of serious sexual offences and bring more offenders to justice working with LCJB partners',
    );
    expect(s2[0]?.year).toBe('Year 1');
    expect(s2.at(-1)?.text).toBe('Monitoring of Case Disposal through Sapphire Case Tracking');
    expect(s2.at(-1)?.ref).toBe('2.E.18');
    const s8 = objectivesOf(8);
    expect(s8[0]?.text).toBe(
      "Develop multi agency intelligence with the London Safeguarding Children's Board",
    );
    expect(s8.at(-1)?.text).toBe(
      'To work with Safer neighbourhood teams and safer schools officers to deliver key awareness programmes in schools and with young people',
    );
    expect(s8.at(-1)?.year).toBe('Year 1 & 2');
  });

  it('keeps measurable targets with their values', () => {
    expect(objective('8.E.4')).toMatchObject({
      text: '85% sanction detection rate for intrafamilial child homicide',
      year: 'Year 1',
      target: { text: '85% sanction detection rate', value: 85, unit: '%' },
    });
    expect(objective('8.E.6')).toMatchObject({
      text: 'Proactive disruption of 130 individuals with a sexual interest in children',
      target: { text: '130 individuals', value: 130, unit: 'individuals' },
    });
    expect(objective('6.I.1').target).toEqual({
      text: '15% of all homicide investigations',
      value: 15,
      unit: '%',
    });
    expect(objective('6.P.2').target).toEqual({ text: 'Target 100%', value: 100, unit: '%' });
    expect(allObjectives.filter((o) => o.target !== null)).toHaveLength(7);
  });

  it('joins bullets split across page breaks once, and strips the trailing year', () => {
    expect(objective('4.P.2')).toMatchObject({
      text: 'Continue to explore ways in which Safer Neighbourhood Teams / Safer Schools officers can impact on knife related crime particularly in respect of youth',
      year: 'Year 1 & 2',
    });
    expect(objective('3.I.7').text).toBe(
      'Targeting of high-risk DV perpetrators by Boroughs assisted by proactive assets for relevant cross border cases.',
    );
    expect(objective('6.R.1').text).toBe(
      'Develop the witness relocation program in partnership with Boroughs and IAGs',
    );
    expect(allObjectives.some((o) => /(Year ?1|Yr 1|Year 2)\s*$/.test(o.text))).toBe(false);
    expect(objective('4.R.2').year).toBeNull();
  });

  it('keeps the table’s non-objective lines as notes beside the bullets they belong to', () => {
    const withNotes = allObjectives.filter((o) => o.notes.length > 0);
    expect(withNotes.map((o) => [o.ref, o.notes])).toEqual([
      [
        '2.RP.1',
        ['This forms part of SPI 1 Satisfaction of Victims of violent crime & SPI 2 Confidence in Policing.'],
      ],
      ['2.I.2', ['Forms part of the broader OBTJ and SD Critical Performance Areas']],
      // A lead-in line belongs to the list it introduces, which starts at 3.E.7.
      ['3.E.7', ['Scrutinise Borough performance through the following methods:']],
    ]);
  });

  it('lists the partners as the document does, duplicate included, and the glossary', () => {
    expect(plan.partners).toHaveLength(41);
    expect(plan.partners.filter((p) => p === 'London Councils')).toHaveLength(2);
    expect(plan.partners.some((p) => p.startsWith('['))).toBe(false);
    expect(plan.glossary.map((g) => g.term)).toEqual([
      'ACPO',
      'CAIC',
      'ECM',
      'LCSP',
      'LYCPB',
      'NIM',
      'OCU',
      'YOT',
    ]);
  });
});
