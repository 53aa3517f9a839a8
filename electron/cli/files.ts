// The command line's files: it reads the file a person names into an upload, and writes a
// method's download to the file they name, as the desktop shell does through its dialogs. Writes
// go through a temporary file and a rename, never over the database or its backups folder.
import { basename, resolve } from 'node:path';
import type { Upload } from '../../shared/contract';
import { readFileLimited, type ReadLimit } from '../files/readLimited';
import { writeFileAtomically, type ProtectedFiles } from '../files/writeAtomically';

export { checkOutputPath } from '../files/writeAtomically';

/** A file as the contract takes it: its name and its bytes as base64, read no further than the limit. */
export function readUpload(file: string, limit: ReadLimit): Upload {
  const bytes = readFileLimited(resolve(file), limit);
  return { fileName: basename(file), base64: bytes.toString('base64') };
}

/** Reads a file's bytes, no further than the limit (a device or a pipe is refused at once). */
export function readBytes(file: string, limit: ReadLimit): Buffer {
  return readFileLimited(resolve(file), limit);
}

/** Writes base64 bytes from a method's result to out; returns the path written. */
export function writeBase64(out: string, base64: string, protect: ProtectedFiles): string {
  return writeFileAtomically(out, Buffer.from(base64, 'base64'), protect);
}
