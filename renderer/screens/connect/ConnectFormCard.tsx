// The connect dialog's form: where the server is, who connects, the password and how the connection
// is encrypted. Checked here by the contract's schema (each refusal beside its field, focus on the
// first); the server's own refusals (cannot be reached, wrong password) are said above the fields,
// a CA certificate file the app cannot use beside its field, and what was typed stays.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  isCaFileRefusal,
  isLocalHost,
  TLS_CHOICE_LABELS,
  type SharedConnected,
  type SharedDatabaseState,
  type TlsChoice,
} from '../../../shared/contractSharedDatabase';
import { tryCall } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { InputField } from '../../components/InputField';
import { UNEXPECTED } from '../../state/messages';
import {
  checkForm,
  CONNECT_FIELDS,
  formFrom,
  withHost,
  type ConnectField,
  type ConnectForm,
} from './connectForm';

const TLS_HINTS: Record<TlsChoice, string> = {
  'verify-full':
    'Encrypted, and Board Pack checks the server is the one named (its certificate is signed by an authority this computer trusts, or by the CA whose certificate file is named below).',
  require:
    'Encrypted, but the server’s certificate is not checked. Use it only when whoever runs the server says so.',
  disable: 'Only for a server on this computer: nothing crosses the network.',
};

function fieldId(field: ConnectField): string {
  return field === 'tls' ? 'connect-tls-verify-full' : `connect-${field}`;
}

export function ConnectFormCard({
  state,
  onConnected,
}: {
  state: SharedDatabaseState;
  onConnected: (result: SharedConnected) => void;
}) {
  const [form, setForm] = useState<ConnectForm>(() => formFrom(state.server));
  const [errors, setErrors] = useState<Partial<Record<ConnectField, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (changes: Partial<ConnectForm>) => setForm({ ...form, ...changes });
  // Asked at start-up for a remembered server, everything but the password is filled in already.
  const askedFor = state.reason !== null && state.server !== null;
  useEffect(() => {
    if (askedFor) document.getElementById('connect-password')?.focus();
  }, [askedFor]);
  const choices = (['verify-full', 'require', 'disable'] as const).filter(
    (choice) => choice !== 'disable' || isLocalHost(form.host),
  );

  async function connect(event: FormEvent) {
    event.preventDefault();
    const checked = checkForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setRefusal(null);
      const first = CONNECT_FIELDS.find((field) => checked.errors[field]);
      if (first) formRef.current?.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await tryCall('sharedDatabase.connect', checked.input);
      if (result.ok) onConnected(result.value);
      else if (isCaFileRefusal(result.error.message)) {
        setRefusal(null);
        setErrors({ caFile: result.error.message });
        formRef.current?.querySelector<HTMLElement>('#connect-caFile')?.focus();
      } else setRefusal(result.error.message);
    } catch {
      setRefusal(UNEXPECTED);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="card connect-form"
      onSubmit={connect}
      aria-labelledby="connect-form-title"
      noValidate
    >
      <h2 id="connect-form-title">The shared database</h2>
      <ErrorMessage text={refusal} />
      <div className="connect-grid">
        <InputField
          id="connect-host"
          label="Server"
          value={form.host}
          onChange={(host) => setForm(withHost(form, host))}
          error={errors.host}
          hint="Its name or address, e.g. db.example.org"
          autoComplete="off"
        />
        <InputField
          id="connect-port"
          label="Port"
          value={form.port}
          onChange={(port) => set({ port })}
          error={errors.port}
          hint="5432 unless told otherwise"
          inputMode="numeric"
          autoComplete="off"
        />
        <InputField
          id="connect-database"
          label="Database"
          value={form.database}
          onChange={(database) => set({ database })}
          error={errors.database}
          autoComplete="off"
        />
        <InputField
          id="connect-user"
          label="User name"
          value={form.user}
          onChange={(user) => set({ user })}
          error={errors.user}
          autoComplete="username"
        />
        <InputField
          id="connect-password"
          label="Password"
          type="password"
          value={form.password}
          onChange={(password) => set({ password })}
          error={errors.password}
          autoComplete="current-password"
          hint={
            state.keepsPasswords
              ? 'Kept on this computer, encrypted by the operating system, for the next start.'
              : 'This computer cannot keep the password safely, so Board Pack will ask for it each time.'
          }
        />
      </div>
      <fieldset className="connect-tls" aria-describedby={errors.tls ? 'connect-tls-error' : undefined}>
        <legend>Encryption</legend>
        {choices.map((choice) => (
          <div key={choice} className="connect-choice">
            <input
              type="radio"
              id={`connect-tls-${choice}`}
              name="connect-tls"
              value={choice}
              checked={form.tls === choice}
              aria-invalid={errors.tls ? true : undefined}
              aria-describedby={`connect-tls-${choice}-hint`}
              onChange={() => set({ tls: choice })}
            />
            <label htmlFor={`connect-tls-${choice}`}>{TLS_CHOICE_LABELS[choice]}</label>
            <span className="hint" id={`connect-tls-${choice}-hint`}>
              {TLS_HINTS[choice]}
            </span>
          </div>
        ))}
        {errors.tls && (
          <p className="field-error" id="connect-tls-error">
            {errors.tls}
          </p>
        )}
        {form.tls === 'verify-full' && (
          <InputField
            id="connect-caFile"
            label="CA certificate file (optional)"
            value={form.caFile}
            onChange={(caFile) => set({ caFile })}
            error={errors.caFile}
            hint="Only when the server’s certificate is signed by your organisation’s own certificate authority: the full path of its certificate (.pem or .crt), from whoever runs the server."
            autoComplete="off"
          />
        )}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
        <span className="hint">The database open now stays open unless the shared one opens.</span>
      </div>
    </form>
  );
}
