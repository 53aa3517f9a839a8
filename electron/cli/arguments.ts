// Turning what was typed into the values the contract takes: numbers, a status word, lists. Only
// the reading is done here; the rules (a month in the plan, a section that exists, a title within
// its limit) are the contract's and the handlers', so the command line cannot drift from them.
// A value that cannot be read is refused by commander in one line: "error: option … is invalid. …".
import { InvalidArgumentError } from 'commander';
import type { Status } from '../../shared/domain';
import { parseStatus } from '../../shared/status';

/** A whole number written in decimal digits, e.g. a meeting, a paper or a strand. */
export function wholeNumber(what: string): (value: string) => number {
  return (value) => {
    if (!/^\s*\+?\d+\s*$/.test(value)) throw new InvalidArgumentError(`Give ${what} as a whole number.`);
    return Number(value);
  };
}

/**
 * A number written out in decimal: Number() would take "" (and blanks) as 0, and "0x10" or "1e999"
 * as numbers.
 */
export function decimal(what: string): (value: string) => number {
  return (value) => {
    const trimmed = value.trim();
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed))
      throw new InvalidArgumentError(`${what} must be a number.`);
    return Number(trimmed);
  };
}

/** A status as a person writes it: Complete, Green, Amber, Red or "Not started", in any case. */
export function status(value: string): Status {
  const parsed = parseStatus(value);
  if (parsed === null)
    throw new InvalidArgumentError(
      `"${value}" is not a status; use Complete, Green, Amber, Red or "Not started".`,
    );
  return parsed;
}

/** A comma-separated list, blanks left out: "2.E.1, 2.E.3" → ['2.E.1', '2.E.3']. */
export function commaList(value: string | undefined): string[] {
  return value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}

/** Repeatable option: each use adds one value. */
export function repeatable(value: string, all: string[]): string[] {
  return [...all, value];
}
