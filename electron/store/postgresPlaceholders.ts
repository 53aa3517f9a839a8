// The repositories write ? placeholders, as SQLite takes them; PostgreSQL numbers its own ($1, $2
// …). A ? inside a string, a quoted identifier, a comment or a dollar-quoted body is text, not a
// placeholder, so the statement is read token by token rather than with one replace.

const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

/** Where the quoted run starting at `start` (a ' or ") ends; a doubled quote stays inside it. */
function endOfQuoted(sql: string, start: number, backslashEscapes: boolean): number {
  const quote = sql[start];
  for (let i = start + 1; i < sql.length; i++) {
    if (backslashEscapes && sql[i] === '\\') {
      i++;
      continue;
    }
    if (sql[i] !== quote) continue;
    if (sql[i + 1] !== quote) return i + 1;
    i++;
  }
  return sql.length;
}

/** Where the block comment starting at `start` ends; PostgreSQL's block comments nest. */
function endOfBlockComment(sql: string, start: number): number {
  let depth = 0;
  for (let i = start; i < sql.length - 1; i++) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i++;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return sql.length;
}

/** Where the dollar-quoted body starting at `start` ends, or -1 when `start` opens none. */
function endOfDollarQuoted(sql: string, start: number): number {
  if (start > 0 && IDENTIFIER_CHAR.test(sql[start - 1])) return -1;
  const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(start, start + 64));
  if (!tag) return -1;
  const close = sql.indexOf(tag[0], start + tag[0].length);
  return close === -1 ? sql.length : close + tag[0].length;
}

/** An E'…' string takes backslash escapes; any other string only doubled quotes. */
function isEscapeString(sql: string, quoteAt: number): boolean {
  const prefix = sql[quoteAt - 1];
  return (prefix === 'E' || prefix === 'e') && (quoteAt < 2 || !IDENTIFIER_CHAR.test(sql[quoteAt - 2]));
}

/** The length of the token of text (not a placeholder) starting at `i`, or 0 when it is none. */
function textRun(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'") return endOfQuoted(sql, i, isEscapeString(sql, i)) - i;
  if (c === '"') return endOfQuoted(sql, i, false) - i;
  if (c === '-' && sql[i + 1] === '-') {
    const end = sql.indexOf('\n', i);
    return (end === -1 ? sql.length : end) - i;
  }
  if (c === '/' && sql[i + 1] === '*') return endOfBlockComment(sql, i) - i;
  if (c === '$') {
    const end = endOfDollarQuoted(sql, i);
    return end === -1 ? 0 : end - i;
  }
  return 0;
}

/**
 * The statement with each ? placeholder numbered $1, $2 … in order. SQLite's numbered ?NNN form
 * is refused: the repositories use plain ? only, and a number would mean something else here.
 */
export function numberedPlaceholders(sql: string): string {
  let out = '';
  let count = 0;
  let i = 0;
  while (i < sql.length) {
    const run = textRun(sql, i);
    if (run > 0) {
      out += sql.slice(i, i + run);
      i += run;
      continue;
    }
    if (sql[i] === '?') {
      if (/[0-9]/.test(sql[i + 1] ?? ''))
        throw new Error(`Numbered placeholders (?${sql[i + 1]}…) are not portable: write plain ? in: ${sql}`);
      out += `$${++count}`;
    } else {
      out += sql[i];
    }
    i++;
  }
  return out;
}
