// One agenda item in the builder: its title, presenter, time and pack section, and its buttons to
// move it up or down or take it off the agenda; under it, the papers it carries into the pack.
import type { PackSection } from '../../../shared/contract';
import { PACK_SECTION_TITLES } from '../../../shared/packSections';
import type { AgendaDraftItem } from '../../state/unsavedAgenda';
import { ItemPapers, type ItemPapersProps } from './ItemPapers';

/** An agenda item as the builder edits it: saved ones have an id; key tells rows apart until then. */
export type Item = AgendaDraftItem;

interface Props {
  item: Item;
  index: number;
  last: boolean;
  onChange(change: Partial<Item>): void;
  onMove(by: number): void;
  onRemove(): void;
  papers: Omit<ItemPapersProps, 'agendaItemId' | 'itemNumber'>;
}

export function AgendaRow({ item: it, index, last, onChange, onMove, onRemove, papers }: Props) {
  return (
    <>
      <tr className="agenda-item-row">
        <td>{index + 1}</td>
        <td>
          <label className="visually-hidden agenda-label" htmlFor={`agenda-${it.key}-title`}>
            Item {index + 1} title
          </label>
          <input
            id={`agenda-${it.key}-title`}
            type="text"
            className="wide"
            value={it.title}
            onChange={(e) => onChange({ title: e.target.value })}
          />
        </td>
        <td>
          <label className="visually-hidden agenda-label" htmlFor={`agenda-${it.key}-presenter`}>
            Item {index + 1} presenter
          </label>
          <input
            id={`agenda-${it.key}-presenter`}
            type="text"
            value={it.presenter}
            onChange={(e) => onChange({ presenter: e.target.value })}
          />
        </td>
        <td>
          <label className="visually-hidden agenda-label" htmlFor={`agenda-${it.key}-minutes`}>
            Item {index + 1} minutes allotted
          </label>
          <input
            id={`agenda-${it.key}-minutes`}
            type="number"
            min={0}
            max={600}
            className="narrow"
            value={it.minutesAllotted}
            onChange={(e) => onChange({ minutesAllotted: Number(e.target.value) || 0 })}
          />
        </td>
        <td>
          <label className="visually-hidden agenda-label" htmlFor={`agenda-${it.key}-section`}>
            Item {index + 1} pack section
          </label>
          <select
            id={`agenda-${it.key}-section`}
            value={it.packSection ?? ''}
            onChange={(e) => onChange({ packSection: (e.target.value || null) as PackSection | null })}
          >
            <option value="">None</option>
            {Object.entries(PACK_SECTION_TITLES).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </td>
        <td className="nowrap">
          <button
            type="button"
            id={`agenda-${it.key}-up`}
            className="button-quiet"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            Up<span className="visually-hidden">: move item {index + 1} up</span>
          </button>
          <button
            type="button"
            id={`agenda-${it.key}-down`}
            className="button-quiet"
            disabled={last}
            onClick={() => onMove(1)}
          >
            Down<span className="visually-hidden">: move item {index + 1} down</span>
          </button>
          <button type="button" className="button-quiet" onClick={() => onRemove()}>
            Remove<span className="visually-hidden"> item {index + 1}</span>
          </button>
        </td>
      </tr>
      <tr className="agenda-papers-row">
        <td />
        <td colSpan={5}>
          <ItemPapers {...papers} agendaItemId={it.id} itemNumber={index + 1} />
        </td>
      </tr>
    </>
  );
}
