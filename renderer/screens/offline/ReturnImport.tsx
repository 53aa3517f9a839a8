// Taking in a lead's return: every check first, then the trust step for a key this copy does not
// know, then each incoming update and figure beside ours to accept or reject, then what was done.
import { useEffect, useRef, useState } from 'react';
import type { MethodOutput, ReturnPreviewView, Upload } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { call, tryCall } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { messageOf } from '../../state/notices';
import { uploadOf } from './files';
import { ReturnReview } from './ReturnReview';
import { acceptUndecided, decide, giveReason, NO_CHOICES, plural, type ReviewChoices } from './reviewChoices';

type Imported = MethodOutput<'exchange.importReturn'>;

export function ReturnImport({ onImported }: { onImported: () => void }) {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<ReturnPreviewView | null>(null);
  const [needsTrust, setNeedsTrust] = useState(false);
  const [trusted, setTrusted] = useState(false);
  const [choices, setChoices] = useState<ReviewChoices>(NO_CHOICES);
  const [result, setResult] = useState<Imported | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setPreview(null);
    setNeedsTrust(false);
    setTrusted(false);
    setChoices(NO_CHOICES);
    setResult(null);
    setError(null);
  }

  async function choose(file: File | undefined) {
    reset();
    setUpload(null);
    if (!file) return;
    const chosen = await uploadOf(file);
    setUpload(chosen);
    const checked = await tryCall('exchange.previewReturn', chosen);
    if (checked.ok) {
      setPreview(checked.value);
      return;
    }
    setError(checked.error.message);
    if (checked.error.code !== 'unknown_key') return;
    // Every other check has passed when only the key is unknown: the preview with trust shows who
    // signed it (and changes nothing), so the person can confirm the fingerprint before trusting.
    // Refused even then, the file has another fault that trusting would not mend: say that one.
    const withTrust = await tryCall('exchange.previewReturn', { ...chosen, trust: true });
    if (!withTrust.ok) {
      setError(withTrust.error.message);
      return;
    }
    setPreview(withTrust.value);
    setNeedsTrust(true);
  }

  /** The person has confirmed the fingerprint: take the return in as if imported with --trust. */
  function trustAndTakeIn() {
    setTrusted(true);
    setError(null);
  }

  // Every decision the person made goes as made; the bulk button only ever fills in the rest.
  async function apply() {
    if (!upload) return;
    try {
      const done = await call('exchange.importReturn', { ...upload, trust: trusted, ...choices });
      setResult(done);
      setError(null);
      onImported();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  // While the key waits to be trusted, its refusal is shown in the trust step beside its button.
  const askingTrust = preview !== null && needsTrust && !trusted;
  return (
    <div className={preview ? 'card offline-wide' : 'card'} data-testid="return-import">
      <h2>Take in a lead&apos;s return</h2>
      <div className="field">
        <label htmlFor="return-file">Choose a return file (.bpret)</label>
        <input
          id="return-file"
          type="file"
          accept=".bpret"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {!askingTrust && <ErrorMessage text={error} />}
      {preview && askingTrust && <TrustStep preview={preview} refusal={error} onTrust={trustAndTakeIn} />}
      {preview && (!needsTrust || trusted) && !result && (
        <ReturnReview
          preview={preview}
          choices={choices}
          onReason={(kind, id, text) => setChoices((c) => giveReason(c, kind, id, text))}
          onDecide={(kind, id, d) => setChoices((c) => decide(c, kind, id, d))}
          onAcceptUndecided={(undecided) => setChoices((c) => acceptUndecided(c, undecided))}
          onApply={() => void apply()}
        />
      )}
      <div role="status">{result && <ResultSummary result={result} />}</div>
    </div>
  );
}

/** The refusal of an unknown lead key, with the fingerprint to read out and the button to trust it. */
function TrustStep(props: { preview: ReturnPreviewView; refusal: string | null; onTrust: () => void }) {
  const { preview } = props;
  return (
    <div className="offline-trust" data-testid="trust-step">
      <h3>A key this copy does not know yet</h3>
      <ErrorMessage text={props.refusal} />
      <p>
        This return for strand {preview.strandNumber} ({monthLabel(preview.month)}) is signed by &ldquo;
        {preview.author}&rdquo; with the key:
      </p>
      <p className="mono fingerprint fingerprint-large">{preview.fingerprint}</p>
      <p>
        Before trusting it, phone the lead on a number you already have (not one given in the file or the
        email that brought it) and ask them to read out the fingerprint shown on their Exchange files screen.
        Trust the key only if every group matches. Nothing is trusted or taken in until you apply your
        decisions on the next step.
      </p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={props.onTrust}>
          I have confirmed the fingerprint: trust this key and take in the return
        </button>
      </div>
    </div>
  );
}

function ResultSummary({ result }: { result: Imported }) {
  const { preview } = result;
  const figures = result.figuresAccepted.length + result.figuresRejected.length;
  // The review and its buttons are gone: focus lands on what happened, to read on from there.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => summary.current?.focus(), []);
  return (
    <div className="offline-ok" data-testid="return-result" ref={summary} tabIndex={-1}>
      <p>
        The return from {preview.author} for strand {preview.strandNumber}, {monthLabel(preview.month)} was
        taken in: {result.accepted.length} accepted, {result.rejected.length} rejected
        {result.trustedNow ? `; the key ${preview.fingerprint} is now trusted for this strand` : ''}.
      </p>
      {result.accepted.length > 0 && <p>Accepted: {result.accepted.join(', ')}.</p>}
      {result.rejected.length > 0 && <p>Kept as they were here: {result.rejected.join(', ')}.</p>}
      {figures > 0 && (
        <p>
          Of its {plural(figures, 'indicator figure')}, {result.figuresAccepted.length} recorded
          {result.figuresAccepted.length > 0 ? ` (${result.figuresAccepted.join(', ')})` : ''} and{' '}
          {result.figuresRejected.length} rejected
          {result.figuresRejected.length > 0
            ? ` (${result.figuresRejected.join(', ')}, kept as they were here)`
            : ''}
          .
        </p>
      )}
    </div>
  );
}
