// Where the active update is in its workflow, said plainly at the top of the panel.
import type { RowView } from './rowView';

const SENTENCES = {
  draft: 'Draft: saved as you type; submit it when it is ready.',
  submitted: 'Submitted: waiting for the secretariat to accept or return it.',
  accepted: 'Accepted: part of the record the board sees.',
  returned: 'Returned: change it and submit it again.',
} as const;

export function StatePill({ view }: { view: RowView }) {
  if (!view.state)
    return <p className="state-line">Nothing written for this month yet: choose a status to start.</p>;
  return <p className={`state-line state-${view.state}`}>{SENTENCES[view.state]}</p>;
}
