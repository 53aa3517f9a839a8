// The audit log: who changed what and when. Read-only; filter by what was changed, by whom, or words.
import { useRef, useState } from 'react';
import { AUDIT_ENTITIES } from '../../../shared/auditEntities';
import type { AuditEntry } from '../../../shared/contract';
import { call } from '../../api';
import { EmptyState, ErrorMessage, Loading } from '../../components/EmptyState';
import { showError } from '../../state/notices';
import { useResource } from '../../state/resource';
import { actionLabel, describeEntry } from './describeChange';
import { useAgendaItemPlaces } from './useAgendaItemPlaces';
import { TableScroll } from '../../components/TableScroll';
import { useScreenTitle } from '../../state/title';
import { useExternalChanges } from '../../state/externalChanges';

const PAGE = 100;
const EVERY_KIND = AUDIT_ENTITIES.map((e) => e.entity);

/** The computer a change was made at: the desk without the mark of the app's run ("SVB-LAPTOP/3f9a2c"). */
export function deskComputer(desk: string): string {
  const mark = desk.lastIndexOf('/');
  return mark === -1 ? desk : desk.slice(0, mark);
}

export function AuditScreen() {
  useScreenTitle('Audit log');
  const [entity, setEntity] = useState('');
  const [actor, setActor] = useState('');
  const [text, setText] = useState('');
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const filter = { entity: entity || undefined, actor: actor || undefined, text: text || undefined };
  // Another desk's change is read in with as many entries as are shown, so older pages stay.
  const shown = useRef(0);
  const keepShown = useRef(false);
  const list = useResource(JSON.stringify(filter), () => {
    const limit = keepShown.current ? Math.min(1000, Math.max(PAGE, shown.current)) : PAGE;
    keepShown.current = false;
    setOlder([]);
    return call('audit.list', { ...filter, limit });
  });
  const entries = [...(list.data ?? []), ...older];
  shown.current = entries.length;
  useExternalChanges(EVERY_KIND, () => {
    keepShown.current = true;
    return list.reload();
  });
  const items = useAgendaItemPlaces(entries);

  async function loadOlder() {
    const last = entries[entries.length - 1];
    if (!last) return;
    try {
      setOlder([...older, ...(await call('audit.list', { ...filter, limit: PAGE, beforeId: last.id }))]);
    } catch (e) {
      showError(e);
    }
  }

  return (
    <section aria-labelledby="audit-title">
      <div className="screen-head">
        <div>
          <h1 id="audit-title">Audit log</h1>
          <p className="lede">Every change, who made it and when. Nothing here can be edited or deleted.</p>
        </div>
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Filter the audit log"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="audit-entity">What changed</label>
          <select id="audit-entity" value={entity} onChange={(e) => setEntity(e.target.value)}>
            <option value="">Anything</option>
            {AUDIT_ENTITIES.map(({ entity, label }) => (
              <option key={entity} value={entity}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Who</label>
          <input id="audit-actor" type="search" value={actor} onChange={(e) => setActor(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="audit-text">Words or a reference</label>
          <input id="audit-text" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
      </form>
      <ErrorMessage text={list.error ?? items.error} />
      {!list.data && !list.error && <Loading what="the audit log" />}
      {list.data && entries.length === 0 && (
        <EmptyState title="Nothing matches">
          <p>Clear the filters to see every change.</p>
        </EmptyState>
      )}
      {entries.length > 0 && (
        <div className="card">
          <TableScroll label="Audit entries">
            <table className="audit-table">
              <caption className="visually-hidden">Changes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who, at which desk</th>
                  <th scope="col">What</th>
                  <th scope="col">Which</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap small">{e.at.slice(0, 19).replace('T', ' ')}</td>
                    <td>
                      {e.actor}
                      {/* Entries from before several desks (schema 9) do not say where. */}
                      {(e.desk || e.dbUser) && (
                        <div className="small muted audit-desk">
                          {e.desk && (
                            <span>
                              <span className="visually-hidden">at desk </span>
                              {deskComputer(e.desk)}
                            </span>
                          )}
                          {e.desk && e.dbUser && ' · '}
                          {e.dbUser && (
                            <span>
                              <span className="visually-hidden">as database user </span>
                              {e.dbUser}
                            </span>
                          )}
                        </div>
                      )}
                    </td>
                    <td>{actionLabel(e.action)}</td>
                    <td className="ref">{e.entityId}</td>
                    <td className="small audit-after">
                      {describeEntry(e, items.placeOf).map((line) => (
                        <div key={line}>{line}</div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {(list.data?.length ?? 0) + older.length >= PAGE && (
            <button type="button" className="button" onClick={loadOlder}>
              Show older changes
            </button>
          )}
        </div>
      )}
    </section>
  );
}
