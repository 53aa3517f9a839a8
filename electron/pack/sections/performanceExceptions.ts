// The indicator exceptions: those whose latest figure is special cause for concern, and those whose
// target their process will consistently fail. Nothing at all when the pack has no figures, so the
// Exceptions section of such a pack is as it was before indicators.
import { monthLabel } from '../../../shared/months';
import type { Node } from '../content';
import { fontRuns } from '../fontRuns';
import type { PackModel } from '../model';
import { analysePerformance, type AnalysedIndicator } from '../performance';
import { INK } from '../theme';
import { emptyNote, ruledTable, td, th } from './common';
import { fullFigure } from './performanceCells';

function indicatorRows(found: AnalysedIndicator[], third: (a: AnalysedIndicator) => string): Node[][] {
  return found.map((a): Node[] => [
    td(a.indicator.ref, { style: 'ref' }),
    td(fontRuns(a.indicator.title.replace(/\.$/, ''))),
    td(third(a)),
    td(fontRuns(a.series.sentence), { color: INK.text }),
  ]);
}

export function indicatorExceptions(model: PackModel): Node[] {
  if (!model.performance) return [];
  const month = monthLabel(model.reportingMonth);
  const all = analysePerformance(model.performance, model.reportingMonth);
  const concern = all.filter((a) => a.latest?.variation === 'special_cause_concern');
  const failing = all.filter((a) => a.series.chart?.assurance === 'consistent_fail');
  const figure = (a: AnalysedIndicator) =>
    a.latest === null ? '—' : `${fullFigure(a.latest.value, a.indicator)}\n${monthLabel(a.latest.month)}`;
  const target = (a: AnalysedIndicator) =>
    a.series.chart?.target == null ? '—' : fullFigure(a.series.chart.target, a.indicator);
  const widths = [40, 130, 62, '*'];
  const title = 'Indicators showing special cause for concern';
  const failTitle = 'Targets that will consistently fail';
  return [
    concern.length
      ? ruledTable(
          widths,
          [th('Ref'), th('Indicator'), th('Latest'), th('What the chart shows')],
          indicatorRows(concern, figure),
          `${title} (${concern.length})`,
        )
      : [
          { text: title, style: 'h3' },
          emptyNote(`No indicator shows special cause for concern in ${month}.`),
        ],
    failing.length
      ? ruledTable(
          widths,
          [th('Ref'), th('Indicator'), th('Target'), th('What the chart shows')],
          indicatorRows(failing, target),
          `${failTitle} (${failing.length})`,
        )
      : [{ text: failTitle, style: 'h3' }, emptyNote('No indicator is set to fail its target every month.')],
  ];
}
