// The secretariat's request: a strand, a month, who may answer and until when; saved as a .bpreq.
import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf } from '../../state/notices';
import { useSession } from '../../state/session';
import { offerDownload, sizeLabel } from './files';

export function RequestForm({ onMade }: { onMade: () => void }) {
  const plan = useApp((s) => s.plan);
  const months = useApp((s) => s.months);
  const sessionMonth = useSession((s) => s.month);
  const [strand, setStrand] = useState<number>(plan?.strands[0]?.number ?? 1);
  const [month, setMonth] = useState<string>(sessionMonth ?? months?.current ?? '');
  const [leadName, setLeadName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [lockWithPassphrase, setLockWithPassphrase] = useState(false);
  const [made, setMade] = useState<MethodOutput<'exchange.createRequest'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function make(event: FormEvent) {
    event.preventDefault();
    setMade(null);
    try {
      const result = await call('exchange.createRequest', {
        strandNumber: strand,
        month,
        leadName: leadName.trim() || undefined,
        expiresOn: expiresOn || undefined,
        lockWithPassphrase,
      });
      offerDownload(result.base64, result.fileName);
      setMade(result);
      setError(null);
      onMade();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <form className="card" onSubmit={make} aria-labelledby="request-title" data-testid="request-form">
      <h2 id="request-title">Request updates from a strand lead</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="request-strand">Strand</label>
          <select id="request-strand" value={strand} onChange={(e) => setStrand(Number(e.target.value))}>
            {plan?.strands.map((s) => (
              <option key={s.number} value={s.number}>
                {s.number}. {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="request-month">Reporting month</label>
          <select id="request-month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months?.months.map((m) => (
              <option key={m.month} value={m.month}>
                {monthLabel(m.month)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="request-lead">Lead&apos;s name (optional)</label>
          <input
            id="request-lead"
            type="text"
            value={leadName}
            onChange={(e) => setLeadName(e.target.value)}
          />
          <span className="hint">The strand&apos;s lead from the plan when left empty.</span>
        </div>
        <div className="field">
          <label htmlFor="request-expires">Answer by (optional)</label>
          <input
            id="request-expires"
            type="date"
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
          />
          <span className="hint">Four weeks from today when left empty.</span>
        </div>
        <div className="field">
          <label>
            <input
              id="request-passphrase-lock"
              type="checkbox"
              checked={lockWithPassphrase}
              onChange={(e) => setLockWithPassphrase(e.target.checked)}
            />{' '}
            Lock with a passphrase instead of the lead&apos;s key
          </label>
          <span className="hint">
            For a lead with a new laptop. A first request is always locked with a passphrase.
          </span>
        </div>
      </div>
      <ErrorMessage text={error} />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          Make request file
        </button>
      </div>
      <div role="status">
        {made && (
          <p className="offline-ok" data-testid="request-made">
            {made.fileName} ({sizeLabel(made.bytes)}) is in your downloads: {made.objectives} objectives of
            strand {made.strandNumber} for {monthLabel(made.month)}, for {made.leadName} to answer by{' '}
            {made.expiresOn}. It is signed and encrypted, so it can go by USB stick or email: a changed copy
            will be refused, and a lost one cannot be read.
          </p>
        )}
        {made?.passphrase && (
          <p className="offline-trust" data-testid="request-passphrase">
            It is locked with the passphrase{' '}
            <strong className="mono fingerprint" data-testid="passphrase">
              {made.passphrase}
            </strong>
            . Read it out to {made.leadName} by phone, not in the email or on the stick with the file. It is
            shown only now; if it is lost, make a new request.
          </p>
        )}
        {made && !made.passphrase && (
          <p className="small">Sealed to {made.leadName}&apos;s key: only their copy can open it.</p>
        )}
      </div>
    </form>
  );
}
