// The agenda builder: edit, reorder (Move up / Move down), link an item to a pack section, add and
// remove items, then save the whole agenda in one go.
import { useState } from 'react';
import type { AgendaItem, PackSection } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf, useNotices } from '../../state/notices';
import { PACK_SECTION_LABELS } from '../pack/sections';

type Item = { id?: number; key: string; title: string; presenter: string; minutesAllotted: number; packSection: PackSection | null };

let nextKey = 1;
const toItem = (a: AgendaItem): Item => ({ id: a.id, key: `i${a.id}`, title: a.title, presenter: a.presenter, minutesAllotted: a.minutesAllotted, packSection: a.packSection });

export function AgendaBuilder({ meetingId, agenda, onSaved }: { meetingId: number; agenda: AgendaItem[]; onSaved(): Promise<void> }) {
  const [items, setItems] = useState<Item[]>(agenda.map(toItem));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = useNotices((s) => s.show);

  function change(list: Item[]) {
    setItems(list);
    setDirty(true);
  }
  const update = (i: number, c: Partial<Item>) => change(items.map((it, j) => (j === i ? { ...it, ...c } : it)));
  function move(i: number, by: number) {
    const j = i + by;
    if (j < 0 || j >= items.length) return;
    const list = [...items];
    [list[i], list[j]] = [list[j], list[i]];
    change(list);
    window.setTimeout(() => document.getElementById(`agenda-${list[j].key}-${by < 0 ? 'up' : 'down'}`)?.focus());
  }

  async function save() {
    try {
      await call('meetings.setAgenda', {
        meetingId,
        items: items.map(({ id, title, presenter, minutesAllotted, packSection }) => ({ id, title, presenter, minutesAllotted, packSection })),
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
            <tr key={it.key}>
              <td>{i + 1}</td>
              <td>
                <label className="visually-hidden" htmlFor={`agenda-${it.key}-title`}>Item {i + 1} title</label>
                <input id={`agenda-${it.key}-title`} type="text" className="wide" value={it.title} onChange={(e) => update(i, { title: e.target.value })} />
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`agenda-${it.key}-presenter`}>Item {i + 1} presenter</label>
                <input id={`agenda-${it.key}-presenter`} type="text" value={it.presenter} onChange={(e) => update(i, { presenter: e.target.value })} />
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`agenda-${it.key}-minutes`}>Item {i + 1} minutes allotted</label>
                <input id={`agenda-${it.key}-minutes`} type="number" min={0} max={600} className="narrow" value={it.minutesAllotted} onChange={(e) => update(i, { minutesAllotted: Number(e.target.value) || 0 })} />
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`agenda-${it.key}-section`}>Item {i + 1} pack section</label>
                <select id={`agenda-${it.key}-section`} value={it.packSection ?? ''} onChange={(e) => update(i, { packSection: (e.target.value || null) as PackSection | null })}>
                  <option value="">None</option>
                  {Object.entries(PACK_SECTION_LABELS).map(([key, label]) => (
                    <option key={key} value={key}>{label}</option>
                  ))}
                </select>
              </td>
              <td className="nowrap">
                <button type="button" id={`agenda-${it.key}-up`} className="button-quiet" disabled={i === 0} onClick={() => move(i, -1)}>
                  Up<span className="visually-hidden">: move item {i + 1} up</span>
                </button>
                <button type="button" id={`agenda-${it.key}-down`} className="button-quiet" disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                  Down<span className="visually-hidden">: move item {i + 1} down</span>
                </button>
                <button type="button" className="button-quiet" onClick={() => change(items.filter((_, j) => j !== i))}>
                  Remove<span className="visually-hidden"> item {i + 1}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row agenda-actions">
        <button type="button" className="button" onClick={() => change([...items, { key: `n${nextKey++}`, title: 'New item', presenter: '', minutesAllotted: 10, packSection: null }])}>
          Add an item
        </button>
        <button type="button" className="button button-primary" disabled={!dirty} onClick={save}>
          Save agenda
        </button>
      </div>
    </div>
  );
}
