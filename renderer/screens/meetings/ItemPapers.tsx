// What sits under an agenda item in the builder: the papers it carries and the control to attach
// another. A new item has no id until the agenda is saved, so it says to save first.
import type { Paper } from '../../../shared/contract';
import { AttachPaper } from './AttachPaper';
import { PaperList } from './PaperList';

export interface ItemPapersProps {
  meetingId: number;
  /** Absent for an item added to the agenda but not saved yet. */
  agendaItemId: number | undefined;
  itemNumber: number;
  /** Every paper of the meeting (this item's are picked out here); null while loading. */
  all: Paper[] | null;
  onChanged(): Promise<void>;
}

export function ItemPapers({ meetingId, agendaItemId, itemNumber, all, onChanged }: ItemPapersProps) {
  if (agendaItemId === undefined)
    return <p className="small muted paper-none">Save the agenda to attach papers to this item.</p>;
  if (!all) return null;
  const papers = all.filter((p) => p.agendaItemId === agendaItemId);
  return (
    <div className="item-papers" data-item={agendaItemId}>
      <PaperList papers={papers} agendaItemId={agendaItemId} itemNumber={itemNumber} onChanged={onChanged} />
      <AttachPaper
        meetingId={meetingId}
        agendaItemId={agendaItemId}
        itemNumber={itemNumber}
        onAttached={onChanged}
      />
    </div>
  );
}
