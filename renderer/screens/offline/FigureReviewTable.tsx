// A return's indicator figures (this month's and the lead's corrections to earlier months), each
// beside the figure this copy holds, with accept or reject for each; a conflict is a figure changed
// here after the request went out that the lead's differs from, shown with both values.
import type { ReturnPreviewView } from '../../../shared/contract';
import { FIGURE_SOURCE_LABELS, figureSourceSchema } from '../../../shared/contractIndicators';
import { monthLabel } from '../../../shared/months';
import { formatNumber } from '../../../shared/spcWords';
import { DecisionRadios, RejectReason } from './DecisionControls';
import type { ReviewTableProps } from './UpdateReviewTable';

type Item = ReturnPreviewView['figures'][number];
type Values = Item['incoming'];

export function FigureReviewTable(props: ReviewTableProps & { figures: readonly Item[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Incoming figures">
      <table className="offline-review" aria-describedby={props.describedBy} data-testid="figure-review">
        <caption className="visually-hidden">Incoming indicator figures beside the figures held here</caption>
        <thead>
          <tr>
            <th scope="col">Indicator and month</th>
            <th scope="col">Here now</th>
            <th scope="col">From the lead</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {props.figures.map((item) => (
            <FigureRow key={item.key} item={item} {...props} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "30 (12 of 40)" for a ratio, "44" for a count. */
function figureText(values: Pick<Values, 'value' | 'numerator' | 'denominator'>): string {
  const value = formatNumber(values.value, 2);
  if (values.numerator === null || values.denominator === null) return value;
  return `${value} (${formatNumber(values.numerator, 2)} of ${formatNumber(values.denominator, 2)})`;
}

function sourceLabel(source: string): string {
  const known = figureSourceSchema.safeParse(source);
  return known.success ? FIGURE_SOURCE_LABELS[known.data] : source;
}

function FigureCell({ values }: { values: Values | Item['current'] }) {
  if (!values) return <span className="muted small">Nothing yet</span>;
  return (
    <>
      <span className="offline-figure">{figureText(values)}</span>
      {values.note && <p className="offline-narrative">{values.note}</p>}
    </>
  );
}

function FigureRow(props: ReviewTableProps & { item: Item }) {
  const { item } = props;
  const decision = props.decisions[item.key];
  return (
    <tr data-key={item.key} className={item.conflict ? 'offline-conflict' : undefined}>
      <th scope="row">
        <span className="mono">{item.ref}</span>
        {item.indicator !== item.ref && ` ${item.indicator}`}
        <span className="offline-figure-month">{monthLabel(item.month)}</span>
        {item.conflict && (
          <p className="offline-conflict-mark">
            <strong>Conflict:</strong> changed here after the request went out. Here{' '}
            {item.current ? figureText(item.current) : 'nothing'}; from the lead {figureText(item.incoming)}.
          </p>
        )}
      </th>
      <td>
        <FigureCell values={item.current} />
        {item.current && (
          <p className="small muted">
            {sourceLabel(item.current.source)}, by {item.current.author}
          </p>
        )}
      </td>
      <td>
        <FigureCell values={item.incoming} />
      </td>
      <td>
        <DecisionRadios
          kind="figure"
          id={item.key}
          label={`${item.ref}, ${monthLabel(item.month)}`}
          conflict={item.conflict}
          decision={decision}
          invalid={props.showUndecided && !decision}
          onDecide={props.onDecide}
        />
        {decision === 'reject' && (
          <RejectReason
            kind="figure"
            id={item.key}
            conflict={item.conflict}
            reason={props.reasons[item.key] ?? ''}
            missing={false}
            onReason={props.onReason}
          />
        )}
      </td>
    </tr>
  );
}
