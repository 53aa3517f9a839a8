// The agenda, when its save was refused because another desk saved it first: their saved agenda
// beside the person's, item by item, until "Keep mine" or "Use theirs".
import type { AgendaItem } from '../../../shared/contract';
import { PACK_SECTION_TITLES } from '../../../shared/packSections';
import { ConflictText, EditConflict, type ConflictRow } from '../../components/EditConflict';
import type { Item } from './AgendaRow';

/** An item in one line: "Performance against the plan · Head of Performance · 30 min · Exceptions". */
function itemWords(item: Pick<Item, 'title' | 'presenter' | 'minutesAllotted' | 'packSection'> | undefined) {
  if (!item) return '';
  return [
    item.title,
    item.presenter,
    `${item.minutesAllotted} min`,
    item.packSection ? `pack: ${PACK_SECTION_TITLES[item.packSection]}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function agendaConflictRows(theirs: AgendaItem[], mine: Item[]): ConflictRow[] {
  return Array.from({ length: Math.max(theirs.length, mine.length) }, (_, i) => {
    const saved = itemWords(theirs[i]);
    const unsaved = itemWords(mine[i]);
    return {
      label: `Item ${i + 1}`,
      theirs: <ConflictText text={saved} />,
      mine: <ConflictText text={unsaved} />,
      differs: saved !== unsaved,
    };
  });
}

interface Props {
  message: string;
  theirs: AgendaItem[];
  mine: Item[];
  busy: boolean;
  onKeepMine(): void;
  onUseTheirs(): void;
}

export function AgendaConflict({ message, theirs, mine, busy, onKeepMine, onUseTheirs }: Props) {
  return (
    <EditConflict
      subject="the agenda"
      message={message}
      rows={agendaConflictRows(theirs, mine)}
      busy={busy}
      onKeepMine={onKeepMine}
      onUseTheirs={onUseTheirs}
    />
  );
}
