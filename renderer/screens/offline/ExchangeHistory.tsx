// What has gone out and come in, and the keys this copy trusts.
import type { ExchangeOverview } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { TableScroll } from '../../components/TableScroll';

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function decisionWords(decisions: Record<string, 'accept' | 'reject'>): string {
  const values = Object.values(decisions);
  const accepted = values.filter((d) => d === 'accept').length;
  return `${accepted} accepted, ${values.length - accepted} rejected`;
}

export function ExchangeHistory({ overview }: { overview: ExchangeOverview }) {
  return (
    <div className="offline-columns">
      <div className="card" data-testid="issued-requests">
        <h2>Requests issued</h2>
        {overview.issuedRequests.length === 0 ? (
          <p className="muted">No requests issued from this copy yet.</p>
        ) : (
          <TableScroll label="Requests issued">
            <table>
              <thead>
                <tr>
                  <th scope="col">Strand</th>
                  <th scope="col">Month</th>
                  <th scope="col">Lead</th>
                  <th scope="col">Answer by</th>
                  <th scope="col">Returns</th>
                </tr>
              </thead>
              <tbody>
                {overview.issuedRequests.map((r) => (
                  <tr key={r.fileId}>
                    <td>{r.strandNumber}</td>
                    <td>{monthLabel(r.month)}</td>
                    <td>{r.leadName}</td>
                    <td>{r.expiresOn}</td>
                    <td>
                      {r.returns.length === 0
                        ? 'Awaiting return'
                        : r.returns.map((x) => decisionWords(x.decisions)).join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <h2>Returns taken in</h2>
        {overview.importedReturns.length === 0 ? (
          <p className="muted">No returns taken in yet.</p>
        ) : (
          <TableScroll label="Requests opened">
            <table>
              <thead>
                <tr>
                  <th scope="col">Strand</th>
                  <th scope="col">Month</th>
                  <th scope="col">From</th>
                  <th scope="col">Taken in</th>
                  <th scope="col">Decisions</th>
                </tr>
              </thead>
              <tbody>
                {overview.importedReturns.map((r) => (
                  <tr key={r.fileId}>
                    <td>{r.strandNumber}</td>
                    <td>{monthLabel(r.month)}</td>
                    <td>{r.author}</td>
                    <td>
                      {when(r.importedAt)} by {r.importedBy}
                    </td>
                    <td>{decisionWords(r.decisions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
      <div className="card" data-testid="trusted-keys">
        <h2>Trusted keys</h2>
        {overview.trustedKeys.length === 0 ? (
          <p className="muted">
            No keys trusted yet. A key is trusted when you take in someone&apos;s first file, after confirming
            its fingerprint with them.
          </p>
        ) : (
          <TableScroll label="Returns taken in">
            <table>
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  <th scope="col">For</th>
                  <th scope="col">Fingerprint</th>
                  <th scope="col">Trusted</th>
                </tr>
              </thead>
              <tbody>
                {overview.trustedKeys.map((k) => (
                  <tr key={`${k.fingerprint}-${k.strandNumber ?? 's'}`}>
                    <td>{k.name}</td>
                    <td>{k.role === 'secretariat' ? 'Secretariat' : `Strand ${k.strandNumber}`}</td>
                    <td className="mono fingerprint">{k.fingerprint}</td>
                    <td>
                      {when(k.trustedAt)} by {k.trustedBy}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </div>
  );
}
