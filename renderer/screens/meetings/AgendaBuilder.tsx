// The agenda builder: edit, reorder (Move up / Move down), link an item to a pack section, add and
// remove items, then save the whole agenda in one go.
import { useState } from 'react';
import type { AgendaItem, PackSection } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf, useNotices } from '../../state/notices';
import { AgendaRow } from './AgendaRow';

export type Item = {
  id?: number;
  key: string;
  title: string;
  presenter: string;
  minutesAllotted: number;
  packSection: PackSection | null;
};

let nextKey = 1;
const toItem = (a: AgendaItem): Item => ({
  id: a.id,
  key: `i${a.id}`,
  title: a.title,
  presenter: a.presenter,
  minutesAllotted: a.minutesAllotted,
  packSection: a.packSection,
});

export function AgendaBuilder({
  meetingId,
  agenda,
  onSaved,
}: {
  meetingId: number;
  agenda: AgendaItem[];
  onSaved(): Promise<void>;
}) {
  const [items, setItems] = useState<Item[]>(agenda.map(toItem));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = useNotices((s) => s.show);

  function change(list: Item[]) {
    setItems(list);
    setDirty(true);
  }
  const update = (i: number, c: Partial<Item>) =>
    change(items.map((it, j) => (j === i ? { ...it, ...c } : it)));
  function move(i: number, by: number) {
    const j = i + by;
    if (j < 0 || j >= items.length) return;
    const list = [...items];
    [list[i], list[j]] = [list[j], list[i]];
    change(list);
    // Focus follows the moved item; at the top or bottom the other button is the one still enabled.
    const atEdge = j === 0 || j === list.length - 1;
    const button = by < 0 !== atEdge ? 'up' : 'down';
    window.setTimeout(() => document.getElementById(`agenda-${list[j].key}-${button}`)?.focus());
  }

  async function save() {
    try {
      await call('meetings.setAgenda', {
        meetingId,
        items: items.map(({ id, title, presenter, minutesAllotted, packSection }) => ({
          id,
          title,
          presenter,
          minutesAllotted,
          packSection,
        })),
      });
      setDirty(false);
      setError(null);
      show('success', 'Agenda saved.');
      await onSaved();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const total = items.reduce((sum, it) => sum + it.minutesAllotted, 0);
  return (
    <div className="card" data-testid="agenda">
      <div className="card-head">
        <h2 id="agenda-title">Agenda</h2>
        <span className="muted small">
          {items.length} items · {total} minutes{dirty ? ' · not saved yet' : ''}
        </span>
      </div>
      <ErrorMessage text={error} />
      <table aria-labelledby="agenda-title" className="agenda-table">
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Item</th>
            <th scope="col">Presenter</th>
            <th scope="col">Minutes</th>
            <th scope="col">Pack section</th>
            <th scope="col">
              <span className="visually-hidden">Order</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <AgendaRow
              key={it.key}
              item={it}
              index={i}
              last={i === items.length - 1}
              onChange={(c) => update(i, c)}
              onMove={(by) => move(i, by)}
              onRemove={() => change(items.filter((_, j) => j !== i))}
            />
          ))}
        </tbody>
      </table>
      <div className="button-row agenda-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            change([
              ...items,
              {
                key: `n${nextKey++}`,
                title: 'New item',
                presenter: '',
                minutesAllotted: 10,
                packSection: null,
              },
            ])
          }
        >
          Add an item
        </button>
        <button type="button" className="button button-primary" disabled={!dirty} onClick={save}>
          Save agenda
        </button>
      </div>
    </div>
  );
}
