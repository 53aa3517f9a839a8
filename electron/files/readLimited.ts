// Reading a file a person names (a paper, an exchange file, a spreadsheet, a pack to verify) with
// the limit applied to the bytes actually read: stat() says 0 for /dev/zero, and a named pipe would
// block for ever, so only regular files are read, opened without blocking, and never past the limit.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { BoardPackError } from '../../shared/errors';
import { readFailure } from './fileErrors';

export interface ReadLimit {
  /** The most bytes accepted. */
  maxBytes: number;
  /** The sentence when the file is larger, e.g. "A paper can be at most 25 MB." */
  tooLarge: string;
  /** What the file is, for "… is not a regular file, so it cannot be read as a paper". */
  what: string;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function openRegularFile(path: string, what: string): number {
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe with no writer returns at once instead of hanging.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw readFailure(error, path);
  }
  const stat = fstatSync(fd);
  if (stat.isFile()) return fd;
  closeSync(fd);
  if (stat.isDirectory()) throw new BoardPackError('invalid_input', `${path} is a folder, not a file.`);
  throw new BoardPackError(
    'refused_file',
    `${path} is not an ordinary file (it is a device or a pipe), so it cannot be read as ${what}.`,
  );
}

/** The whole file, refused with limit.tooLarge when it holds more than limit.maxBytes bytes. */
export function readFileLimited(path: string, limit: ReadLimit): Buffer {
  const fd = openRegularFile(path, limit.what);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit.maxBytes + 1 - total));
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw readFailure(error, path);
      }
      if (read === 0) break;
      total += read;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      if (total > limit.maxBytes)
        throw new BoardPackError(
          'refused_file',
          `${path} is larger than ${megabytes(limit.maxBytes)}. ${limit.tooLarge}`,
        );
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
