// Reading a shared database's address: where it is, and that a plan never crosses a network
// unencrypted. Refusals happen before any connection is tried, so no server is needed here.
import { describe, expect, it } from 'vitest';
import { BoardPackError } from '../../shared/errors';
import { postgresLocation } from '../../electron/store/postgresConnection';

const refusal = (address: string) => {
  try {
    postgresLocation(address);
    return 'accepted';
  } catch (error) {
    return error instanceof BoardPackError ? { code: error.code, message: error.message } : error;
  }
};

describe('postgresLocation', () => {
  it('checks a remote server’s certificate and name unless told otherwise', () => {
    const { config, server } = postgresLocation(
      'postgres://secretariat:s3cret@db.force.example:6543/board_pack',
    );
    expect(config).toMatchObject({
      host: 'db.force.example',
      port: 6543,
      database: 'board_pack',
      user: 'secretariat',
      password: 's3cret',
      ssl: { rejectUnauthorized: true },
    });
    expect(server).toBe('db.force.example:6543/board_pack');
  });

  it('connects to a server on this machine without TLS unless the address asks for it', () => {
    expect(postgresLocation('postgres://localhost/board_pack').config.ssl).toBe(false);
    expect(postgresLocation('postgres://[::1]:5433/board_pack').config).toMatchObject({
      host: '::1',
      ssl: false,
    });
    expect(postgresLocation('postgres:///board_pack?host=/var/run/postgresql').config).toMatchObject({
      host: '/var/run/postgresql',
      ssl: false,
    });
    expect(postgresLocation('postgres://127.0.0.1/board_pack?sslmode=require').config.ssl).toEqual({
      rejectUnauthorized: false,
    });
  });

  it('honours sslmode: require encrypts, verify-ca checks the chain but not the name', () => {
    expect(postgresLocation('postgres://db.example/b?sslmode=require').config.ssl).toEqual({
      rejectUnauthorized: false,
    });
    expect(postgresLocation('postgres://db.example/b?sslmode=verify-ca').config.ssl).toMatchObject({
      rejectUnauthorized: true,
      checkServerIdentity: expect.any(Function),
    });
    expect(postgresLocation('postgres://db.example/b?sslmode=verify-full').config.ssl).not.toHaveProperty(
      'checkServerIdentity',
    );
  });

  it('says how each connection is protected, for Settings', () => {
    const kind = (address: string) => postgresLocation(address).encryption;
    expect(kind('postgres://db.example/b')).toBe('verified');
    expect(kind('postgres://db.example/b?sslmode=verify-ca')).toBe('chain-only');
    expect(kind('postgres://db.example/b?sslmode=require')).toBe('unverified');
    expect(kind('postgres://localhost/b')).toBe('none');
  });

  it('refuses to send a plan unencrypted to a server on another machine', () => {
    for (const mode of ['disable', 'allow'])
      expect(refusal(`postgres://db.force.example/board_pack?sslmode=${mode}`)).toEqual({
        code: 'invalid_input',
        message: `Board Pack does not connect to the shared database at db.force.example/board_pack without encryption (its address says sslmode=${mode}). Use sslmode=verify-full (or require), and ask whoever runs the server for its certificate if it is not signed by a known authority.`,
      });
  });

  it('refuses an unknown sslmode, an address without a database and one that is not postgres://', () => {
    expect(refusal('postgres://db.example/b?sslmode=maybe')).toMatchObject({ code: 'invalid_input' });
    expect(refusal('postgres://db.example')).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('names no database'),
    });
    expect(refusal('mysql://db.example/b')).toMatchObject({ code: 'invalid_input' });
  });

  it('names a root certificate that cannot be read, and never shows the password', () => {
    const answer = refusal(
      'postgres://u:s3cret@db.example/b?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem',
    );
    expect(answer).toMatchObject({
      code: 'unreadable',
      message: expect.stringContaining('/nonexistent/ca.pem'),
    });
    expect(JSON.stringify(answer)).not.toContain('s3cret');
  });

  it('waits 10 s for a row another desk holds, well inside the 30 s a statement may go unanswered', () => {
    const { config } = postgresLocation('postgres://secretariat@localhost/board_pack');
    expect(config.lock_timeout).toBe(10_000);
    expect(config.query_timeout).toBe(30_000);
    expect(
      postgresLocation('postgres://secretariat@localhost/board_pack', { lockTimeoutMs: 500 }).config
        .lock_timeout,
    ).toBe(500);
  });
});
