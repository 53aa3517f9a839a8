// A refusal from either database named by SQLite's code, and the server's refusals in words.
import { describe, expect, it } from 'vitest';
import { BoardPackError } from '../../shared/errors';
import { constraintCode, postgresFailure } from '../../electron/store/postgresErrors';

/** An error as pg raises it: a message, PostgreSQL's SQLSTATE as code and the constraint's name. */
const pgError = (code: string, constraint?: string) =>
  Object.assign(new Error('refused'), { code, constraint });

describe('constraintCode', () => {
  it("gives PostgreSQL's refusals SQLite's codes", () => {
    expect(constraintCode(pgError('23505', 'things_name_key'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(constraintCode(pgError('23505', 'things_pkey'))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(constraintCode(pgError('23503'))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(constraintCode(pgError('23514'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(constraintCode(pgError('23502'))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(constraintCode(pgError('P0001'))).toBe('SQLITE_CONSTRAINT_TRIGGER');
  });

  it("keeps SQLite's own code, and names nothing else", () => {
    expect(constraintCode(pgError('SQLITE_CONSTRAINT_CHECK'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(constraintCode(pgError('SQLITE_BUSY'))).toBeUndefined();
    expect(constraintCode(pgError('42601'))).toBeUndefined();
    expect(constraintCode(new Error('no code'))).toBeUndefined();
  });
});

describe('postgresFailure', () => {
  const failure = (error: unknown) => {
    const answer = postgresFailure(error, 'db.example/board_pack');
    return answer instanceof BoardPackError ? answer.code : answer;
  };

  it('says the server cannot be reached for a refused, dropped or timed-out connection', () => {
    for (const error of [
      pgError('ECONNREFUSED'),
      pgError('57P01'),
      pgError('08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('Query read timeout'),
    ])
      expect(failure(error)).toBe('unreachable');
  });

  it("names the server's own refusals, and leaves a constraint to the repositories", () => {
    expect(failure(pgError('53100'))).toBe('disk_full');
    expect(failure(pgError('25006'))).toBe('read_only');
    expect(failure(pgError('28P01'))).toBe('access_refused');
    expect(failure(pgError('3D000'))).toBe('not_found');
    expect(failure(pgError('53300'))).toBe('busy');
    expect(failure(pgError('40001'))).toBe('busy');
    expect(failure(pgError('40P01'))).toBe('busy');
    expect(failure(pgError('SELF_SIGNED_CERT_IN_CHAIN'))).toBe('unreachable');
    expect(failure(new Error('The server does not support SSL connections'))).toBe('unreachable');
    expect(failure(pgError('23505'))).toBeUndefined();
  });

  it("says a wait on another desk's row lock is busy, try again, not a server out of reach", () => {
    const answer = postgresFailure(pgError('55P03'), 'db.example/board_pack');
    expect(answer).toBeInstanceOf(BoardPackError);
    expect(answer?.code).toBe('busy');
    expect(answer?.message).toMatch(
      /^Another desk is in the middle of changing the same thing at db\.example\/board_pack/,
    );
    expect(answer?.message).toMatch(/Nothing was changed; try again in a moment\.$/);
    expect(answer?.message).not.toMatch(/cannot be reached/);
  });
});
