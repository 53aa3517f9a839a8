// exchange.*, spreadsheets.* and backups.*: working offline and moving data in and out. The
// modules in electron/exchange, electron/plan and electron/store/backups take paths; here an
// uploaded file is written to a private temp folder under its own name (so refusals name it) and
// an export is written there and read back as base64, then the folder is removed.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, sep } from 'node:path';
import { BoardPackError, isBoardPackError } from '../../shared/errors';
import { MAX_EXCHANGE_BYTES } from '../exchange/format';
import { importedReturns, issuedRequests, workingCopy } from '../exchange/history';
import { importReturn, previewReturn } from '../exchange/importReturn';
import { ensureInstallationKey, trustedKeys, trustKey } from '../exchange/keys';
import { openRequest } from '../exchange/openRequest';
import { createRequest } from '../exchange/request';
import { createReturn, openedRequests } from '../exchange/return';
import { MAX_SPREADSHEET_BYTES } from '../plan/spreadsheetFile';
import { importPlan, previewPlanImport } from '../plan/spreadsheetImport';
import { exportPlan } from '../plan/spreadsheetPlan';
import { exportUpdates } from '../plan/spreadsheetUpdates';
import { inspectBackup } from '../store/backups';
import { currentReportingMonth } from './currentMonth';
import type { Store } from '../store/store';
import { actorOf, USER_NAME_SETTING } from './services';
import type { Group } from './table';

/** The largest backup the screens take in (a board's database is a few megabytes). */
const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** Decodes an upload, refusing it by its size before decoding anything. */
function decodeUpload(fileName: string, base64: string, maxBytes: number, what: string): Buffer {
  const approxBytes = Math.floor((base64.length * 3) / 4);
  if (approxBytes > maxBytes + 2) {
    throw new BoardPackError(
      'refused_file',
      `${basename(fileName)} was refused: it is larger than any ${what} can be (${megabytes(maxBytes)}). Nothing was changed.`,
    );
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0)
    throw new BoardPackError('refused_file', `${basename(fileName)} is empty or could not be read.`);
  return bytes;
}

/** A file name safe to write in our own temp folder, keeping the name the person will recognise. */
function safeName(fileName: string, fallbackExt: string): string {
  const name = basename(fileName.replace(/\\/g, '/')).replace(/[^\w .()-]/g, '_') || 'file';
  return extname(name) ? name : `${name}${fallbackExt}`;
}

/** Runs `work` with a fresh private folder, removed afterwards whatever happens. */
export async function inTempFolder<T>(work: (folder: string) => T | Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'board-pack-file-'));
  try {
    return await work(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Objectives added by import report from the current reporting month; a new database has no month yet. */
async function startOfNewObjectives(store: Store): Promise<string | undefined> {
  return (await store.plan.hasPlan()) ? await currentReportingMonth(store) : undefined;
}

export function withUpload<T>(
  upload: { fileName: string; base64: string },
  limit: { maxBytes: number; what: string; ext: string },
  work: (path: string) => T | Promise<T>,
): Promise<T> {
  const bytes = decodeUpload(upload.fileName, upload.base64, limit.maxBytes, limit.what);
  return inTempFolder(async (folder) => {
    const path = join(folder, safeName(upload.fileName, limit.ext));
    writeFileSync(path, bytes);
    try {
      return await work(path);
    } catch (error) {
      // A refusal names the file; the person chose it by name, not by our temp folder.
      if (isBoardPackError(error) && error.message.includes(folder))
        throw new BoardPackError(error.code, error.message.split(`${folder}${sep}`).join(''));
      throw error;
    }
  });
}

export function download(path: string): { fileName: string; base64: string; bytes: number } {
  const bytes = readFileSync(path);
  return { fileName: basename(path), base64: bytes.toString('base64'), bytes: bytes.length };
}

const EXCHANGE_LIMIT = { maxBytes: MAX_EXCHANGE_BYTES, what: 'Board Pack exchange file' };
const REQUEST_UPLOAD = { ...EXCHANGE_LIMIT, ext: '.bpreq' };
const RETURN_UPLOAD = { ...EXCHANGE_LIMIT, ext: '.bpret' };
const BACKUP_UPLOAD = { maxBytes: MAX_BACKUP_BYTES, what: 'Board Pack database', ext: '.db' };
const SPREADSHEET_UPLOAD = { maxBytes: MAX_SPREADSHEET_BYTES, what: 'plan spreadsheet', ext: '.xlsx' };

export const offlineHandlers: Group<'exchange' | 'spreadsheets' | 'backups'> = {
  'exchange.overview': async (services) => {
    const { store } = services;
    const own = await ensureInstallationKey(store, await actorOf(services));
    const mark = await workingCopy(store);
    return {
      ownFingerprint: own.fingerprint,
      trustedKeys: await trustedKeys(store),
      issuedRequests: await issuedRequests(store),
      importedReturns: await importedReturns(store),
      openedRequests: (await openedRequests(store)).map((r) => ({
        ...r,
        objectives: r.payload.objectives.length,
      })),
      workingCopy: mark ? { strandNumbers: mark.strandNumbers } : null,
    };
  },

  'exchange.createRequest': (services, input) =>
    inTempFolder(async (folder) => {
      const out = join(folder, `strand-${input.strandNumber}-${input.month}.bpreq`);
      const made = await createRequest(services.store, { ...input, out, actor: await actorOf(services) });
      return { ...made, ...download(made.path) };
    }),

  'exchange.openRequest': (services, upload) =>
    withUpload(
      upload,
      REQUEST_UPLOAD,
      async (path) =>
        await openRequest(services.store, {
          path,
          actor: await actorOf(services),
          trust: upload.trust,
          passphrase: upload.passphrase ?? undefined,
        }),
    ),

  'exchange.createReturn': (services, input) =>
    inTempFolder(async (folder) => {
      const opened = (await openedRequests(services.store)).find(
        (r) =>
          (input.strandNumber === undefined || r.strandNumber === input.strandNumber) &&
          (input.month === undefined || r.month === input.month),
      );
      const label = opened ? `strand-${opened.strandNumber}-${opened.month}` : 'return';
      const out = join(folder, `${label}.bpret`);
      // Until the lead has given their name, a return is signed with the name the request was addressed to.
      const named = (await services.store.settings.get(USER_NAME_SETTING)) !== null;
      const authorName = input.authorName ?? (named ? undefined : opened?.payload.respondent.name);
      const made = await createReturn(services.store, {
        ...input,
        authorName,
        out,
        actor: await actorOf(services),
      });
      return { ...made, ...download(made.path) };
    }),

  'exchange.previewReturn': (services, upload) =>
    withUpload(
      upload,
      RETURN_UPLOAD,
      async (path) => await previewReturn(services.store, path, { trust: upload.trust }),
    ),

  'exchange.importReturn': (services, input) =>
    withUpload(
      input,
      RETURN_UPLOAD,
      async (path) =>
        await importReturn(services.store, {
          path,
          actor: await actorOf(services),
          trust: input.trust,
          acceptAll: input.acceptAll,
          decisions: input.decisions,
          reasons: input.reasons,
          figureDecisions: input.figureDecisions,
          figureReasons: input.figureReasons,
        }),
    ),

  'exchange.trustKey': async (services, input) => {
    const { fingerprint, role, name, strandNumber, trustedAt, trustedBy } = await trustKey(
      services.store,
      input,
      await actorOf(services),
    );
    return { fingerprint, role, name, strandNumber, trustedAt, trustedBy };
  },

  'spreadsheets.exportPlan': (services, { format }) =>
    inTempFolder(async (folder) => {
      const made = await exportPlan(services.store, join(folder, `board-pack-plan.${format}`));
      return { ...download(made.path), rows: made.rows };
    }),

  'spreadsheets.exportUpdates': (services, input) =>
    inTempFolder(async (folder) => {
      const strand = input.strandNumber === undefined ? '' : `-strand-${input.strandNumber}`;
      const range = input.from === input.to ? input.from : `${input.from}-to-${input.to}`;
      const out = join(folder, `board-pack-updates-${range}${strand}.${input.format}`);
      const made = await exportUpdates(services.store, { ...input, out });
      return { ...download(made.path), rows: made.rows };
    }),

  'spreadsheets.previewPlanImport': (services, upload) =>
    withUpload(upload, SPREADSHEET_UPLOAD, async (path) =>
      previewPlanImport(services.store, path, {
        retireFrom: upload.retireFrom,
        startFrom: await startOfNewObjectives(services.store),
        seed: upload.seed,
      }),
    ),

  'spreadsheets.importPlan': (services, input) =>
    withUpload(input, SPREADSHEET_UPLOAD, async (path) =>
      importPlan(services.store, {
        path,
        actor: await actorOf(services),
        skipBadRows: input.skipBadRows,
        retireFrom: input.retireFrom,
        startFrom: await startOfNewObjectives(services.store),
        seed: input.seed,
      }),
    ),

  'backups.settings': async ({ store }) => await store.backups.settings(),

  'backups.configure': async (services, changes) =>
    await services.store.backups.configure(changes, await actorOf(services)),

  'backups.auto': async ({ store }) => await store.backups.autoBackup(),

  'backups.download': (services) =>
    inTempFolder(async (folder) => {
      const name = `board-pack-${services.store.now().slice(0, 19).replace(/:/g, '-')}.db`;
      const made = await services.store.backups.backup(join(folder, name));
      return download(made.path);
    }),

  'backups.toFolder': async (services) => {
    const folder = await services.store.backups.folder();
    const name = `board-pack-${services.store.now().slice(0, 19).replace(/:/g, '-')}.db`;
    const made = await services.store.backups.backup(join(folder, name));
    return { path: made.path, bytes: statSync(made.path).size };
  },

  'backups.inspect': (_services, upload) =>
    withUpload(upload, BACKUP_UPLOAD, (path) => ({
      fileName: basename(path),
      bytes: statSync(path).size,
      ...inspectBackup(path),
    })),

  'backups.restore': (services, upload) => {
    const { restore } = services;
    if (!restore) {
      throw new BoardPackError(
        'read_only',
        'Restoring replaces the open database, which only the desktop app can do. Nothing was changed.',
      );
    }
    return withUpload(upload, BACKUP_UPLOAD, async (path) => {
      const restored = await restore(path, await actorOf(services));
      return {
        restoredFrom: basename(path),
        previousKeptAt: restored.previousKeptAt,
        schemaVersion: restored.schemaVersion,
      };
    });
  },
};
