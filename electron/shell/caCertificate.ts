// The connect dialog's CA certificate file, checked before any connection is made: a file this
// computer lets Board Pack read, holding a PEM certificate (the form whoever runs the server hands
// out: -----BEGIN CERTIFICATE----- …). Each refusal names the file and says what is wrong with it.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { BoardPackError } from '../../shared/errors';
import { CA_FILE_REFUSAL_START } from '../../shared/contractSharedDatabase';

/** A bundle of a few authorities is some kilobytes; a file far larger is not a certificate. */
const MOST_BYTES = 1024 * 1024;
const PEM_CERTIFICATE =
  /-----BEGIN (?:TRUSTED )?CERTIFICATE-----[\s\S]+?-----END (?:TRUSTED )?CERTIFICATE-----/;

function refusal(path: string, what: string): BoardPackError {
  return new BoardPackError('invalid_input', `${CA_FILE_REFUSAL_START} ${path} ${what}`);
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function unreadable(path: string, error: unknown): BoardPackError {
  const code = codeOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return refusal(path, 'is not there: check the path, or ask whoever runs the server for the file.');
  if (code === 'EACCES' || code === 'EPERM')
    return refusal(path, 'cannot be read: this computer does not let Board Pack open it.');
  return refusal(path, `cannot be read (${code ?? 'the system gave no reason'}).`);
}

/** Reads the start of the file: enough for any certificate bundle, never a whole large file. */
function readStart(path: string): string {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(MOST_BYTES);
    const bytes = readSync(descriptor, buffer, 0, MOST_BYTES, 0);
    return buffer.subarray(0, bytes).toString('latin1');
  } finally {
    closeSync(descriptor);
  }
}

/** Throws a sentence naming the file unless it can be read and holds a PEM certificate. */
export function checkCaFile(path: string): void {
  let size: number;
  try {
    const found = statSync(path);
    if (found.isDirectory()) throw refusal(path, 'is a folder: name the certificate file inside it.');
    if (!found.isFile()) throw refusal(path, 'is not a file.');
    size = found.size;
  } catch (error) {
    if (error instanceof BoardPackError) throw error;
    throw unreadable(path, error);
  }
  if (size > MOST_BYTES) throw refusal(path, 'is too large to be a certificate.');
  let text: string;
  try {
    text = readStart(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  if (!PEM_CERTIFICATE.test(text))
    throw refusal(
      path,
      'does not hold a certificate in PEM form (text beginning -----BEGIN CERTIFICATE-----). Ask whoever runs the server for the CA certificate as a .pem or .crt file.',
    );
}
