// The chase list for the month: per strand lead, what is still owed (no update, a draft, a returned
// update, an indicator with no figure) and the date the pack must be issued by; printed as a PDF,
// an email text per lead for the person's own mail program, and every owing strand's request file.
import { useState } from 'react';
import { OWED_LABELS, type ChaseList as List } from '../../../shared/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { TableScroll } from '../../components/TableScroll';
import { messageOf } from '../../state/notices';
import { offerDownload } from '../offline/files';
import { ChaseRequests } from './ChaseRequests';

function Owed({ lead }: { lead: List['leads'][number] }) {
  const count = lead.objectives.length + lead.indicators.length;
  return (
    <details>
      <summary>
        {lead.objectives.length} objectives
        {lead.indicators.length ? `, ${lead.indicators.length} indicators` : ''}
        <span className="visually-hidden"> owed by strand {lead.strandNumber}</span>
      </summary>
      <ul className="plain-list small" aria-label={`${count} items owed by strand ${lead.strandNumber}`}>
        {lead.objectives.map((o) => (
          <li key={o.ref}>
            <span className="ref">{o.ref}</span> {OWED_LABELS[o.state]}
          </li>
        ))}
        {lead.indicators.map((i) => (
          <li key={i.ref}>
            <span className="ref">{i.ref}</span> No figure
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ChaseList({ list }: { list: List }) {
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const owing = list.leads.filter((l) => l.objectives.length > 0).length;

  async function print() {
    setPrinting(true);
    try {
      const pdf = await call('chase.pdf', { month: list.month });
      offerDownload(pdf.pdfBase64, pdf.fileName);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPrinting(false);
    }
  }

  return (
    <div className="card" data-testid="chase-list">
      <div className="card-head">
        <h2 id="chase-title">Chase list</h2>
        <span className="muted small">{list.issueByRule}</span>
      </div>
      {list.leads.length === 0 ? (
        <p>Nothing is owed: every strand has reported.</p>
      ) : (
        <TableScroll label="Who still owes updates">
          <table aria-labelledby="chase-title">
            <thead>
              <tr>
                <th scope="col">Strand</th>
                <th scope="col">Lead</th>
                <th scope="col">Owed</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              {list.leads.map((lead) => (
                <tr key={lead.strandNumber}>
                  <th scope="row">
                    {lead.strandNumber}. {lead.strandTitle}
                  </th>
                  <td>{lead.contact.name}</td>
                  <td>
                    <Owed lead={lead} />
                  </td>
                  <td>
                    <a href={lead.mailto}>
                      Email text<span className="visually-hidden"> for strand {lead.strandNumber}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ErrorMessage text={error} />
      <div className="button-row">
        <button type="button" className="button" disabled={printing} onClick={() => void print()}>
          Print chase list (PDF)
        </button>
        <ChaseRequests month={list.month} owing={owing} />
      </div>
    </div>
  );
}
