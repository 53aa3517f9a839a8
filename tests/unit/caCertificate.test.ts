// The connect dialog's CA certificate file: checked before any connection (readable, a PEM
// certificate), each refusal a sentence naming the file that the dialog puts beside its field;
// kept in the address as sslrootcert, so database.json remembers it and the dialog shows it again.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaFile } from '../../electron/shell/caCertificate';
import { fieldsOfAddress, sharedAddress } from '../../electron/shell/sharedAddress';
import {
  connectSharedInputSchema,
  isCaFileRefusal,
  type SharedServerFields,
} from '../../shared/contractSharedDatabase';

const PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBszCCAVmgAwIBAgIUDx2c0ZgX0a1vYbQ0a4k9b2mK7V0wCgYIKoZIzj0EAwIw',
  'LzEtMCsGA1UEAwwkRXhhbXBsZSBGb3JjZSBSb290IENBIChub3QgYSByZWFsIG9u',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'bp-ca-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function refusalOf(path: string): string {
  try {
    checkCaFile(path);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'accepted';
}

describe('the CA certificate file', () => {
  it('is accepted when it holds a PEM certificate, with other text around it', () => {
    expect(refusalOf(file('force-ca.pem', PEM))).toBe('accepted');
    expect(refusalOf(file('bundle.crt', `Force Root CA\n${PEM}${PEM}`))).toBe('accepted');
  });

  it('is refused, naming the file, when it is not there, a folder, or not a PEM certificate', () => {
    const missing = join(dir, 'missing.pem');
    expect(refusalOf(missing)).toBe(
      `The CA certificate file ${missing} is not there: check the path, or ask whoever runs the server for the file.`,
    );
    const folder = join(dir, 'certs');
    mkdirSync(folder);
    expect(refusalOf(folder)).toBe(
      `The CA certificate file ${folder} is a folder: name the certificate file inside it.`,
    );
    const der = file('force-ca.der', '\u0030\u0082\u0001\u00b3 binary certificate');
    expect(refusalOf(der)).toMatch(
      /^The CA certificate file .*force-ca\.der does not hold a certificate in PEM form/,
    );
    const key = file('server.key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    expect(refusalOf(key)).toMatch(/does not hold a certificate in PEM form/);
    for (const path of [missing, folder, der, key]) expect(isCaFileRefusal(refusalOf(path))).toBe(true);
  });

  it.skipIf(userInfo().uid === 0)('is refused when this computer does not let Board Pack read it', () => {
    const locked = file('locked.pem', PEM);
    chmodSync(locked, 0o000);
    expect(refusalOf(locked)).toBe(
      `The CA certificate file ${locked} cannot be read: this computer does not let Board Pack open it.`,
    );
  });

  it('is named by its full path, and only to verify the server’s certificate', () => {
    const fields = { host: 'db.force.example', database: 'board_pack', user: 'secretariat' };
    const issues = (input: object) =>
      connectSharedInputSchema
        .safeParse({ ...fields, ...input })
        .error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ caFile: 'force-ca.pem' })).toEqual([
      [
        'caFile',
        'The CA certificate file is named by its full path, e.g. /etc/ssl/certs/force-ca.pem or C:\\Certificates\\force-ca.pem.',
      ],
    ]);
    expect(issues({ caFile: '/etc/ssl/force-ca.pem', tls: 'require' })).toEqual([
      [
        'caFile',
        'The CA certificate file is used to verify the server’s certificate: choose “Verify the server’s certificate”, or leave the file out.',
      ],
    ]);
    expect(issues({ caFile: 'C:\\Certificates\\force-ca.pem' })).toBeUndefined();
    expect(issues({})).toBeUndefined();
  });

  it('goes into the address as sslrootcert with verify-full, and comes back into the dialog from it', () => {
    const fields: SharedServerFields = {
      host: 'db.force.example',
      port: 5432,
      database: 'board_pack',
      user: 'secretariat',
      tls: 'verify-full',
      caFile: '/etc/ssl/force ca.pem',
    };
    const address = sharedAddress(fields);
    expect(new URL(address).searchParams.get('sslrootcert')).toBe('/etc/ssl/force ca.pem');
    expect(new URL(address).searchParams.get('sslmode')).toBe('verify-full');
    expect(fieldsOfAddress(address)).toEqual(fields);
    // Without a file, the address names none and this computer's authorities are used.
    const plain = sharedAddress({ ...fields, caFile: '' });
    expect(new URL(plain).searchParams.has('sslrootcert')).toBe(false);
    expect(fieldsOfAddress(plain)?.caFile).toBe('');
    expect(fieldsOfAddress(`${plain.replace('verify-full', 'verify-full&sslrootcert=system')}`)?.caFile).toBe(
      '',
    );
  });
});
