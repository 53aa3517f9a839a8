// Making a folder a person names (where backups go, where the database is kept before a restore)
// one level at a time: Node's recursive mkdir loops for ever under /proc, where mkdir answers
// "no such file" for a parent that exists. A refusal says which folder and why.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { BoardPackError } from '../../shared/errors';
import { writeFailure } from './fileErrors';

/** Folders of the system's own (processes, devices, the kernel): never a place for a person's files. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

function isSystemFolder(path: string): boolean {
  if (process.platform === 'win32') return false;
  return SYSTEM_FOLDERS.some((root) => path === root || path.startsWith(root + sep));
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Makes sure folder exists and can be written to, creating missing levels one by one; returns
 * its resolved path. `what` names it for the sentences ("the backups folder").
 */
export function ensureFolder(folder: string, what: string): string {
  if (!folder.trim())
    throw new BoardPackError(
      'invalid_input',
      `Say which folder to use as ${what}; an empty name is not a folder. Nothing was changed.`,
    );
  const path = resolve(folder);
  if (isSystemFolder(path))
    throw new BoardPackError(
      'invalid_input',
      `${path} belongs to the system (processes and devices live there), so it cannot be ${what}; choose another folder. Nothing was changed.`,
    );
  const missing: string[] = [];
  let existing = path;
  let stat = statOrNull(existing);
  while (stat === null && dirname(existing) !== existing) {
    missing.unshift(existing);
    existing = dirname(existing);
    stat = statOrNull(existing);
  }
  if (stat && !stat.isDirectory())
    throw new BoardPackError(
      'invalid_input',
      `${existing} is a file, not a folder, so it cannot be ${what}. Nothing was changed.`,
    );
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      throw folderFailure(error, level, what);
    }
  }
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    throw folderFailure(error, path, what);
  }
  return path;
}

function folderFailure(error: unknown, folder: string, what: string): BoardPackError {
  const failure = writeFailure(error, folder);
  if (failure.code === 'not_found')
    return new BoardPackError(
      'not_found',
      `The folder ${folder} could not be made (the system has no place for it), so it cannot be ${what}. Nothing was changed.`,
    );
  return new BoardPackError(failure.code, `${failure.message.replace(/\.$/, '')} (${what}).`);
}
