// The agenda builder: edit, reorder (Move up / Move down), link an item to a pack section, add and
// remove items, then save the whole agenda in one go, from the agenda version the edits started
// from: if another desk saved the agenda first, both versions are shown to choose from. A save the
// shared database could not take waits for it with the agenda as edited, and is made when it answers.
import { useEffect, useRef, useState } from 'react';
import type { AgendaItem, Paper } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useNotices } from '../../state/notices';
import { saveAgenda, saveOnLeaving, toItem } from './agendaSave';
import { AgendaConflict } from './AgendaConflict';
import { AgendaRow, type Item } from './AgendaRow';
import { useRoute } from '../../state/route';
import { forgetAgenda, keepAgenda, unsavedAgenda } from '../../state/unsavedAgenda';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';

let nextKey = 1;

export function AgendaBuilder({
  meetingId,
  agenda,
  agendaVersion,
  onSaved,
  papers,
  onPapersChanged,
}: {
  meetingId: number;
  agenda: AgendaItem[];
  /** The meeting's agendaVersion the saved agenda is at. */
  agendaVersion: number;
  onSaved(): Promise<void>;
  /** The meeting's papers, shown under their items; null while loading. */
  papers: Paper[] | null;
  onPapersChanged(): Promise<void>;
}) {
  const [restored] = useState(() => unsavedAgenda(meetingId));
  const [items, setItems] = useState<Item[]>(restored?.items ?? agenda.map(toItem));
  const [base, setBase] = useState(restored?.baseVersion ?? agendaVersion);
  const [dirty, setDirty] = useState(restored !== null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ message: string; theirs: AgendaItem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const show = useNotices((s) => s.show);
  const server = useSaveWhenReachable(() => save());

  // Leaving the meeting with changes not saved saves them, so the pack never silently uses an
  // older agenda; a refusal says so and the changes stay in this window for the next visit. Watched
  // on the route rather than on unmounting, which a reload of the meeting also does.
  // A save waiting for the shared database to answer is made then, wherever the person is.
  const latest = useRef({ items, dirty, base, waiting: server.waiting });
  latest.current = { items, dirty, base, waiting: server.waiting };
  useEffect(
    () =>
      useRoute.subscribe((route) => {
        const here = route.screen === 'meetings' && route.parts[0] === String(meetingId);
        if (here || !latest.current.dirty || latest.current.waiting) return;
        latest.current.dirty = false;
        void saveOnLeaving(meetingId, latest.current.items, latest.current.base);
      }),
    [meetingId],
  );

  function change(list: Item[]) {
    setItems(list);
    setDirty(true);
    keepAgenda(meetingId, base, list);
  }
  const update = (i: number, c: Partial<Item>) =>
    change(items.map((it, j) => (j === i ? { ...it, ...c } : it)));
  // An item carrying papers stays until its papers are removed (the store refuses it too), so the
  // papers are never lost to an agenda edit.
  function remove(i: number) {
    const carried = (papers ?? []).filter((p) => p.agendaItemId === items[i].id).length;
    if (carried === 0) return change(items.filter((_, j) => j !== i));
    const them = carried === 1 ? 'a paper; remove it' : `${carried} papers; remove them`;
    setError(`Item ${i + 1} carries ${them} first, or keep the item on the agenda.`);
  }
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

  async function save(from = base, list = items) {
    const result = await saveAgenda(meetingId, list, from);
    if (!result.ok) {
      const { code, message, current } = result.error;
      if (code === 'edit_conflict' && current) setConflict({ message, theirs: current });
      else setError(server.waitIfUnreachable(result.error) ?? message);
      return;
    }
    server.saved();
    latest.current.dirty = false;
    setDirty(false);
    forgetAgenda(meetingId);
    setError(null);
    show('success', 'Agenda saved.');
    await onSaved();
  }

  /** Saves mine over theirs: items theirs no longer has go back on as new items. */
  async function keepMine(theirs: AgendaItem[]) {
    setBusy(true);
    const version =
      theirs[0]?.agendaVersion ?? (await call('meetings.get', { id: meetingId })).meeting.agendaVersion;
    const held = new Set(theirs.map((t) => t.id));
    const list = items.map((it) => (it.id !== undefined && !held.has(it.id) ? { ...it, id: undefined } : it));
    setConflict(null);
    setItems(list);
    setBase(version);
    keepAgenda(meetingId, version, list);
    await save(version, list);
    setBusy(false);
  }

  /** Drops mine: the agenda is read again, as the other desk saved it. */
  async function takeTheirs() {
    latest.current.dirty = false;
    setDirty(false);
    setConflict(null);
    forgetAgenda(meetingId);
    await onSaved();
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
      {conflict && (
        <AgendaConflict
          message={conflict.message}
          theirs={conflict.theirs}
          mine={items}
          busy={busy}
          onKeepMine={() => void keepMine(conflict.theirs)}
          onUseTheirs={() => void takeTheirs()}
        />
      )}
      {restored && dirty && (
        <p className="callout">Your unsaved changes to this agenda are back. Save the agenda to keep them.</p>
      )}
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
              onRemove={() => remove(i)}
              papers={{ meetingId, all: papers, onChanged: onPapersChanged }}
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
        <button
          type="button"
          className="button button-primary"
          disabled={!dirty || conflict !== null}
          onClick={() => void save()}
        >
          Save agenda
        </button>
      </div>
    </div>
  );
}
