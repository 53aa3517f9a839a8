// Unexpected errors, with their detail, appended to a log file in the user-data folder: the person
// sees "nothing was changed", a developer reads this. Never throws itself.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ErrorLog } from '../handlers/services';

/** Past this size the log is moved aside once, so it cannot fill the disk. */
const MAX_LOG_BYTES = 5 * 1024 * 1024;

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

export function createErrorLog(file: string, now: () => Date = () => new Date()): ErrorLog {
  return (context, error) => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      try {
        if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
      } catch {
        // No log yet.
      }
      appendFileSync(file, `${now().toISOString()} ${context}\n${describe(error)}\n\n`);
    } catch (writeError) {
      console.error(
        '[board-pack] could not write the error log:',
        writeError,
        'while logging',
        context,
        error,
      );
    }
  };
}
