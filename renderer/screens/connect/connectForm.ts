// The connect dialog's fields as typed, checked by the contract's own schema before anything is
// sent, so each refusal is shown beside the field it is about.
import {
  connectSharedInputSchema,
  DEFAULT_PORT,
  isLocalHost,
  type ConnectSharedInput,
  type SharedServerFields,
  type TlsChoice,
} from '../../../shared/contractSharedDatabase';

export interface ConnectForm {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  tls: TlsChoice;
  /** The CA certificate file's full path, for verifying the server's certificate; '' for none. */
  caFile: string;
}
export type ConnectField = keyof ConnectForm;

/** In the order the dialog shows them: focus goes to the first one refused. */
export const CONNECT_FIELDS: readonly ConnectField[] = [
  'host',
  'port',
  'database',
  'user',
  'password',
  'tls',
  'caFile',
];

export function formFrom(server: SharedServerFields | null): ConnectForm {
  return {
    host: server?.host ?? '',
    port: String(server?.port ?? DEFAULT_PORT),
    database: server?.database ?? '',
    user: server?.user ?? '',
    password: '',
    tls: server?.tls ?? 'verify-full',
    caFile: server?.caFile ?? '',
  };
}

/** A new server name; leaving this computer takes away the choice of no encryption. */
export function withHost(form: ConnectForm, host: string): ConnectForm {
  const tls = form.tls === 'disable' && !isLocalHost(host) ? 'verify-full' : form.tls;
  return { ...form, host, tls };
}

export type CheckedForm =
  { ok: true; input: ConnectSharedInput } | { ok: false; errors: Partial<Record<ConnectField, string>> };

function isField(key: unknown): key is ConnectField {
  return typeof key === 'string' && (CONNECT_FIELDS as readonly string[]).includes(key);
}

export function checkForm(form: ConnectForm): CheckedForm {
  const port = form.port.trim() === '' ? Number.NaN : Number(form.port.trim());
  // The file is asked for only with "Verify the server's certificate": kept in the field, not sent, with another choice.
  const caFile = form.tls === 'verify-full' ? form.caFile : '';
  const parsed = connectSharedInputSchema.safeParse({ ...form, port, caFile });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Partial<Record<ConnectField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (isField(field) && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
