// Where the active update is in its workflow, said plainly at the top of the panel.
import type { RowView } from './rowView';

const SENTENCES = {
  draft: 'Draft: saved as you type; submit it when it is ready.',
  submitted: 'Submitted: waiting for the secretariat to accept or return it.',
  accepted: 'Accepted: part of the record the board sees.',
  returned: 'Returned: change it and submit it again.',
} as const;

interface Props {
  view: RowView;
  revising: boolean;
  onRevise(): void;
}

export function StatePill({ view, revising, onRevise }: Props) {
  if (!view.state) {
    return <p className="state-line">Nothing written for this month yet: choose a status to start.</p>;
  }
  const locked = (view.state === 'submitted' || view.state === 'accepted') && !revising;
  return (
    <div className={`state-line state-${view.state}`}>
      <span>{SENTENCES[view.state]}</span>
      {locked && (
        <>
          <button type="button" className="button-quiet" aria-describedby="revise-hint" onClick={onRevise}>
            Revise this update
          </button>
          <span id="revise-hint" className="visually-hidden">
            Makes a new revision; the board sees the {view.state} one until the new one is submitted.
          </span>
        </>
      )}
    </div>
  );
}
