// A strand lead's side: open the request the secretariat sent (a fresh copy is set up from it),
// write the month's updates on the Monthly updates screen, then save the return to send back.
import { useState } from 'react';
import type { ExchangeOverview, MethodOutput } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { call, tryCall } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf } from '../../state/notices';
import { hrefFor, useRoute } from '../../state/route';
import { useOpenedRequest } from '../../state/openedRequest';
import { OpenedRequest } from '../../components/OpenedRequest';
import { useSession } from '../../state/session';
import { offerDownload, sizeLabel, uploadOf } from './files';

type Upload = Awaited<ReturnType<typeof uploadOf>>;
type Returned = MethodOutput<'exchange.createReturn'>;

export function LeadPanel({ overview, onChange }: { overview: ExchangeOverview; onChange: () => void }) {
  const opened = useOpenedRequest((s) => s.opened);
  const setOpened = useOpenedRequest((s) => s.set);
  const settings = useApp((s) => s.settings);
  // A lead's copy asks once for the lead's name: it is remembered, and signs every return.
  const [leadName, setLeadName] = useState('');
  const askName = settings !== null && !settings.userNameSet;
  const [openError, setOpenError] = useState<string | null>(null);
  // A request signed by a key this copy does not know yet, kept so the person can trust it once
  // they have confirmed its fingerprint with the secretariat.
  const [untrusted, setUntrusted] = useState<Upload | null>(null);
  // A first request is locked with a passphrase the secretariat reads out by phone: the file is
  // kept while the person types it.
  const [locked, setLocked] = useState<Upload | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const latest = overview.openedRequests[0];

  async function open(upload: Upload | null, trust = false) {
    setOpened(null);
    setUntrusted(null);
    setLocked(null);
    if (!upload) return;
    const result = await tryCall('exchange.openRequest', {
      ...upload,
      trust,
      passphrase: passphrase.trim() || undefined,
    });
    if (!result.ok) {
      setOpenError(result.error.message);
      if (result.error.code === 'unknown_key') setUntrusted(upload);
      if (result.error.code === 'passphrase_required') setLocked(upload);
      return;
    }
    setPassphrase('');
    setOpened(result.value);
    setOpenError(null);
    if (askName && leadName.trim()) await call('settings.update', { userName: leadName.trim() });
    // The plan may have been set up or changed from the request; the month is the request's.
    useSession.getState().setMonth(result.value.month);
    await useApp.getState().load();
    onChange();
    // A lead's copy goes on to write the month's updates for the strand asked about.
    if (useApp.getState().settings?.leadStrands?.includes(result.value.strandNumber))
      useRoute.getState().go('updates', result.value.strandNumber);
  }

  return (
    <div className="card" data-testid="lead-panel">
      <h2>For a strand lead: answer a request</h2>
      {askName && (
        <div className="field">
          <label htmlFor="lead-name">Your name</label>
          <input
            id="lead-name"
            type="text"
            autoComplete="name"
            value={leadName}
            onChange={(e) => setLeadName(e.target.value)}
          />
          <span className="hint">
            Asked once and remembered: the secretariat sees it as the author of your returns.
          </span>
        </div>
      )}
      <div className="field">
        <label htmlFor="request-passphrase">Passphrase (a first request only)</label>
        <input
          id="request-passphrase"
          type="text"
          autoComplete="off"
          spellCheck={false}
          className="mono"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <span className="hint">
          The secretariat reads it out by phone when they send your first request. Later requests open with
          this copy&apos;s own key.
        </span>
      </div>
      <div className="field">
        <label htmlFor="request-file">Open a request file (.bpreq)</label>
        <input
          id="request-file"
          type="file"
          accept=".bpreq"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void uploadOf(file).then((upload) => open(upload));
          }}
        />
        <span className="hint">
          Open it in the copy you keep for this strand; a new, empty copy is set up from it.
        </span>
      </div>
      <ErrorMessage text={openError} />
      {locked && (
        <p>
          <button type="button" onClick={() => void open(locked)}>
            Open the request with this passphrase
          </button>
        </p>
      )}
      {untrusted && (
        <p>
          <button type="button" onClick={() => void open(untrusted, true)}>
            I have confirmed the fingerprint: trust this key and open the request
          </button>
        </p>
      )}
      <div role="status">{opened && <OpenedRequest opened={opened} />}</div>
      {latest && (
        <ReturnExport
          key={latest.fileId}
          strandNumber={latest.strandNumber}
          month={latest.month}
          expiresOn={latest.expiresOn}
        />
      )}
    </div>
  );
}

function ReturnExport(props: { strandNumber: number; month: string; expiresOn: string }) {
  const settings = useApp((s) => s.settings);
  const [authorName, setAuthorName] = useState(settings?.userNameSet ? settings.userName : '');
  const [made, setMade] = useState<Returned | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function make() {
    setMade(null);
    try {
      // The name typed here is remembered, so the next return is signed the same way.
      const name = authorName.trim();
      if (name && (name !== settings?.userName || !settings.userNameSet))
        useApp.getState().setSettings(await call('settings.update', { userName: name }));
      const result = await call('exchange.createReturn', {
        strandNumber: props.strandNumber,
        month: props.month,
        authorName: authorName.trim() || undefined,
      });
      offerDownload(result.base64, result.fileName);
      setMade(result);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="offline-step" data-testid="return-export">
      <h3>
        Strand {props.strandNumber}, {monthLabel(props.month)} (answer by {props.expiresOn})
      </h3>
      <ol className="offline-steps">
        <li>
          Write the month&apos;s updates on{' '}
          <a
            href={hrefFor('updates', props.strandNumber)}
            onClick={() => useSession.getState().setMonth(props.month)}
          >
            Monthly updates for strand {props.strandNumber}
          </a>
          . Drafts are sent as they stand.
        </li>
        <li>Save the return file and send it to the secretariat.</li>
      </ol>
      <div className="field">
        <label htmlFor="return-author">Your name, as the secretariat will see it</label>
        <input
          id="return-author"
          type="text"
          value={authorName}
          onChange={(e) => setAuthorName(e.target.value)}
        />
      </div>
      <ErrorMessage text={error} />
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={make}>
          Save return file
        </button>
      </div>
      <div role="status">
        {made && (
          <p className="offline-ok" data-testid="return-made">
            {made.fileName} ({sizeLabel(made.bytes)}) is in your downloads with {made.updates} update
            {made.updates === 1 ? '' : 's'}.
            {made.missing.length > 0 &&
              ` Nothing written yet for ${made.missing.join(', ')}: the board will see No update for those.`}
          </p>
        )}
      </div>
    </div>
  );
}
