// What every command shares: where the database is, who is acting, where output goes, and how a
// store is opened for one command and closed again. Commands get it passed in, so the program
// runs in-process in tests with captured output.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { defaultDatabasePath, ensureDatabaseFolder } from '../store/paths';
import { removeLeftovers } from '../store/leftovers';
import { openStore, type Store } from '../store/store';

function isEmptyFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size === 0;
  } catch {
    return false;
  }
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** The clock the store records times with; the real one unless a test injects another. */
  clock?: () => Date;
}

export interface GlobalOptions {
  db?: string;
  as?: string;
  debug?: boolean;
}

export class CliContext {
  constructor(readonly io: CliIo) {}

  /** Prints a line (or lines) to standard output. */
  say(text: string): void {
    this.io.out(text.endsWith('\n') ? text : `${text}\n`);
  }

  globals(command: Command): GlobalOptions {
    return command.optsWithGlobals<GlobalOptions>();
  }

  databasePath(command: Command): { path: string; isDefault: boolean } {
    const given = this.globals(command).db;
    if (given) return { path: resolve(given), isDefault: false };
    return { path: resolve(defaultDatabasePath(this.io.env)), isDefault: true };
  }

  actor(command: Command): string {
    const given = this.globals(command).as?.trim();
    return given || this.io.env.USER || 'secretariat';
  }

  /**
   * Opens the database for one command and always closes it. Only "init" creates a database;
   * every other command refuses a missing one rather than silently making an empty file.
   */
  async withStore<T>(
    command: Command,
    work: (store: Store) => T | Promise<T>,
    options: { create?: boolean } = {},
  ): Promise<T> {
    const { path, isDefault } = this.databasePath(command);
    if (!existsSync(path)) {
      if (!options.create) {
        throw new BoardPackError(
          'not_found',
          `There is no database at ${path}. Create one with: board-pack init${isDefault ? '' : ` --db "${path}"`}`,
        );
      }
      if (isDefault) ensureDatabaseFolder(path);
      else if (!existsSync(dirname(path)))
        throw new BoardPackError('not_found', `The folder ${dirname(path)} does not exist.`);
    } else if (!options.create && isEmptyFile(path)) {
      throw new BoardPackError(
        'not_a_database',
        `The file ${path} is empty, so it is not a Board Pack database; nothing was changed. Create one with: board-pack init${isDefault ? '' : ` --db "${path}"`}`,
      );
    }
    const store = openStore(path, {
      clock: this.io.clock,
      actor: this.actor(command),
      create: Boolean(options.create),
    });
    try {
      removeLeftovers(store);
      return await work(store);
    } finally {
      store.close();
    }
  }
}

/** Parses a CLI value with a zod schema and turns a failure into one sentence naming the option. */
export function parseOption<T>(schema: z.ZodType<T, unknown>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length > 0 ? String(issue.path[0]) : null;
  const label =
    field === null
      ? name
      : field === 'ref'
        ? 'reference'
        : `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  throw new BoardPackError('invalid_input', `${label}: ${issue.message}`);
}

/** Pads columns for a plain-text table; numbers right-aligned, text left-aligned. */
export function formatTable(
  header: string[],
  rows: (string | number)[][],
  footer?: (string | number)[],
): string {
  const cells = [header, ...rows.map((r) => r.map(String)), ...(footer ? [footer.map(String)] : [])];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = cells.slice(1, footer ? -1 : undefined).map(line);
  return [line(cells[0]), rule, ...body, ...(footer ? [rule, line(cells[cells.length - 1])] : [])].join('\n');
}
