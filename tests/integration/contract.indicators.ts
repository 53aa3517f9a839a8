// The indicators.* rows of the contract test's table (tests/integration/contract.test.ts runs them):
// each method against a real store with the built-in indicators, through dispatch.
import { expect } from 'vitest';
import type { MethodName } from '../../shared/contract';
import type { TestApp } from '../fixtures/appServices';

type Example = { behaviour: string; run: () => Promise<void> };
type IndicatorsMethod = Extract<MethodName, `indicators.${string}`>;

const FIGURES_CSV =
  'indicator,month,value,numerator,denominator,note\nKO1,2007-09,14,,,\nKO5,2007-09,25,50,200,\n';
const csvUpload = { fileName: 'figures.csv', base64: Buffer.from(FIGURES_CSV).toString('base64') };

export function indicatorsExamples(current: () => TestApp): { [M in IndicatorsMethod]: Example } {
  return {
    'indicators.list': {
      behaviour: 'lists the built-in indicators with their latest figure and words',
      run: async () => {
        await current().call('indicators.setFigure', { ref: 'KO1', month: '2007-09', value: 14 });
        const list = await current().call('indicators.list', {});
        expect(list).toHaveLength(28);
        expect(list[0]).toMatchObject({ indicator: { ref: 'KO1' }, latest: { month: '2007-09', value: 14 } });
      },
    },
    'indicators.get': {
      behaviour: 'shows one indicator: its figures, chart months, comparisons and sentence',
      run: async () => {
        await current().call('indicators.setFigure', { ref: 'KO1', month: '2007-09', value: 14 });
        const detail = await current().call('indicators.get', { ref: 'KO1' });
        expect(detail.months).toEqual([
          {
            month: '2007-09',
            value: 14,
            centre: 14,
            lower: null,
            upper: null,
            variation: 'common_cause',
            trial: true,
          },
        ]);
        expect(detail.sentence).toMatch(/^Reduce the incidence of Homicide: 14 in September 2007/);
        expect((await current().refusal('indicators.get', { ref: 'KO99' })).code).toBe('not_found');
      },
    },
    'indicators.add': {
      behaviour: 'adds an indicator with the next free reference on its strand',
      run: async () => {
        const added = await current().call('indicators.add', {
          title: 'Knife crime',
          unit: 'count',
          better: 'lower',
          strand: 4,
        });
        expect(added.ref).toBe('S4.M3');
      },
    },
    'indicators.edit': {
      behaviour: 'rewords an indicator and sets its target',
      run: async () => {
        const edited = await current().call('indicators.edit', {
          ref: 'KO1',
          target: { kind: 'value', value: 12 },
        });
        expect(edited.target).toEqual({ kind: 'value', value: 12 });
      },
    },
    'indicators.retire': {
      behaviour: 'retires an indicator from a month and brings it back',
      run: async () => {
        expect(
          (await current().call('indicators.retire', { ref: 'KO1', fromMonth: '2008-01' })).retiredFrom,
        ).toBe('2008-01');
        expect(
          (await current().call('indicators.retire', { ref: 'KO1', fromMonth: null })).retiredFrom,
        ).toBeNull();
      },
    },
    'indicators.break': {
      behaviour: 'records a definition change, refusing an empty note',
      run: async () => {
        const change = await current().call('indicators.break', {
          ref: 'KO2',
          month: '2007-10',
          note: 'New rules.',
        });
        expect(change.month).toBe('2007-10');
        expect(
          (await current().refusal('indicators.break', { ref: 'KO2', month: '2007-11', note: ' ' })).message,
        ).toBe('Say what changed in the definition.');
      },
    },
    'indicators.setFigure': {
      behaviour: 'saves a figure as a new revision and refuses one that disagrees with its numerator',
      run: async () => {
        const saved = await current().call('indicators.setFigure', {
          ref: 'KO5',
          month: '2007-09',
          value: 25,
          numerator: 50,
          denominator: 200,
        });
        expect(saved).toMatchObject({ revision: 1, source: 'typed' });
        const refusal = await current().refusal('indicators.setFigure', {
          ref: 'KO5',
          month: '2007-09',
          value: 30,
          numerator: 50,
          denominator: 200,
        });
        expect(refusal.code).toBe('invalid_input');
      },
    },
    'indicators.grid': {
      behaviour: 'gives months by indicators for a key outcome',
      run: async () => {
        const grid = await current().call('indicators.grid', { outcome: 1, lastMonth: '2007-10', months: 2 });
        expect(grid.months).toEqual(['2007-09', '2007-10']);
        expect(grid.rows.map((r) => r.indicator.ref)).toEqual(['KO1', 'S3.M7']);
      },
    },
    'indicators.previewImport': {
      behaviour: 'previews a figures file without changing anything',
      run: async () => {
        const preview = await current().call('indicators.previewImport', csvUpload);
        expect(preview).toMatchObject({ format: 'csv', rows: 2, errors: [] });
        expect(await current().store.indicators.currentFigures()).toEqual([]);
      },
    },
    'indicators.import': {
      behaviour: 'imports a figures file in one go',
      run: async () => {
        const imported = await current().call('indicators.import', csvUpload);
        expect(imported.saved).toBe(2);
      },
    },
    'indicators.export': {
      behaviour: 'exports the figures in the import format',
      run: async () => {
        await current().call('indicators.import', csvUpload);
        const csv = await current().call('indicators.export', { format: 'csv' });
        expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('"KO5","2007-09",25,50,200');
        expect(csv.rows).toBe(2);
      },
    },
  };
}
