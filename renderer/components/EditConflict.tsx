// A save another desk got in first: their saved version beside the person's unsaved one, field by
// field, as the exchange return's review shows an incoming update beside the one held here, with
// "Keep mine" (save again over theirs) and "Use theirs" (put theirs in the fields).
import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

export interface ConflictRow {
  label: string;
  theirs: ReactNode;
  mine: ReactNode;
  /** Marked, as an exchange conflict is, where the two versions say different things. */
  differs: boolean;
}

interface Props {
  /** Names the region and its buttons: "2.E.3", "the agenda", "action A2008-03/1". */
  subject: string;
  /** The refusal's sentence: who changed it, when and at which desk. */
  message: string;
  rows: ConflictRow[];
  busy?: boolean;
  onKeepMine(): void;
  onUseTheirs(): void;
}

export function EditConflict({ subject, message, rows, busy = false, onKeepMine, onUseTheirs }: Props) {
  const id = `conflict-${subject.replace(/[^A-Za-z0-9]/g, '-')}`;
  // The focus stays where the person is typing (a save is refused while they type on); the
  // sentence is announced instead.
  return (
    <section className="edit-conflict" aria-labelledby={`${id}-title`} data-testid="edit-conflict">
      <h3 id={`${id}-title`}>Changed on another desk: {subject}</h3>
      <p role="alert">{message}</p>
      <TableScroll label={`Both versions of ${subject}`}>
        <table className="edit-conflict-table">
          <caption className="visually-hidden">Their saved version of {subject} beside yours</caption>
          <thead>
            <tr>
              <th scope="col" id={`${id}-theirs`}>
                Theirs (saved)
              </th>
              <th scope="col" id={`${id}-mine`}>
                Yours (not saved)
              </th>
            </tr>
          </thead>
          {/* A row group per field, its name across both columns: two columns stay readable in a
              narrow panel where a third, for the names, would squeeze the versions apart. */}
          {rows.map((row, i) => (
            <tbody key={row.label} className={row.differs ? 'edit-conflict-differs' : undefined}>
              <tr>
                <th colSpan={2} scope="rowgroup" id={`${id}-field-${i}`}>
                  {row.label}
                  {row.differs && <span className="edit-conflict-mark"> · differs</span>}
                </th>
              </tr>
              <tr>
                <td headers={`${id}-field-${i} ${id}-theirs`} data-side="theirs">
                  {row.theirs}
                </td>
                <td headers={`${id}-field-${i} ${id}-mine`} data-side="mine">
                  {row.mine}
                </td>
              </tr>
            </tbody>
          ))}
        </table>
      </TableScroll>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={onKeepMine}>
          Keep mine<span className="visually-hidden"> for {subject}</span>
        </button>
        <button type="button" className="button" disabled={busy} onClick={onUseTheirs}>
          Use theirs<span className="visually-hidden"> for {subject}</span>
        </button>
      </div>
    </section>
  );
}

/** A text field's value in a comparison cell: kept as written (line breaks too), or "(empty)". */
export function ConflictText({ text }: { text: string }) {
  if (!text.trim()) return <span className="muted small">(empty)</span>;
  return <span className="edit-conflict-text">{text}</span>;
}
