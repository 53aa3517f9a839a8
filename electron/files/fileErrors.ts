// The sentence a person gets when the file system refuses a read or a write: which path, and why,
// in words ("the disk is full", "there is no folder …"), never an errno or a stack trace.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { BoardPackError } from '../../shared/errors';

function errnoOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A BoardPackError for a failed write to path; errors that are already ours pass through. */
export function writeFailure(error: unknown, path: string): BoardPackError {
  if (error instanceof BoardPackError) return error;
  switch (errnoOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new BoardPackError(
        'disk_full',
        `The disk is full, so ${path} could not be written. Nothing was changed; free some space and try again.`,
      );
    case 'ENOENT':
      // /proc and the like exist but refuse new files with ENOENT: do not call the folder missing.
      if (existsSync(dirname(path)))
        return new BoardPackError(
          'write_failed',
          `${path} cannot be created: ${dirname(path)} is not a folder files can be written to. Nothing was changed.`,
        );
      return new BoardPackError(
        'not_found',
        `There is no folder ${dirname(path)}, so ${path} could not be written.`,
      );
    case 'ENOTDIR':
      return new BoardPackError(
        'invalid_input',
        `Part of ${path} is a file, not a folder, so it could not be written.`,
      );
    case 'EISDIR':
      return new BoardPackError('invalid_input', `${path} is a folder; give the name of a file to write.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new BoardPackError(
        'read_only',
        `${path} cannot be written: the folder is read-only or you do not have permission.`,
      );
    case 'EBUSY':
    case 'ETXTBSY':
      return new BoardPackError(
        'in_use',
        `${path} is in use by another program, so it could not be written.`,
      );
    default:
      return new BoardPackError(
        'write_failed',
        `${path} could not be written (${errnoOf(error) ?? 'the system refused'}). Nothing was changed.`,
      );
  }
}

/** A BoardPackError for a failed read of path; errors that are already ours pass through. */
export function readFailure(error: unknown, path: string): BoardPackError {
  if (error instanceof BoardPackError) return error;
  switch (errnoOf(error)) {
    case 'ENOENT':
      return new BoardPackError('not_found', `There is no file at ${path}.`);
    case 'ENOTDIR':
      return new BoardPackError(
        'not_found',
        `There is no file at ${path} (part of the path is a file, not a folder).`,
      );
    case 'EISDIR':
      return new BoardPackError('invalid_input', `${path} is a folder, not a file.`);
    case 'EACCES':
    case 'EPERM':
      return new BoardPackError(
        'unreadable',
        `${path} cannot be read: you do not have permission to read it.`,
      );
    default:
      return new BoardPackError(
        'unreadable',
        `${path} could not be read (${errnoOf(error) ?? 'the system refused'}).`,
      );
  }
}
