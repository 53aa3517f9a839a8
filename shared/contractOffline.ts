// The input and output schemas of the offline methods (exchange.*, spreadsheets.*, backups.*).
// Files cross the contract as base64 both ways, so the same screens work behind the Electron
// shell and the browser bridge: an import carries the chosen file's bytes and name, an export
// returns the bytes and a file name for the screen to offer as a download.
import './zodWithoutEval';
import { z } from 'zod';
import { isoDateSchema, statusSchema, workflowStateSchema } from './domain';
import { reportingMonthSchema } from './months';

/** Base64 characters per byte, rounded up: the size limit is checked on the text before decoding. */
const BASE64_PER_BYTE = 4 / 3;
/** The largest file any of these methods takes (a spreadsheet; exchange files are smaller still). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A file the person chose: its name (for its kind) and its bytes as base64. */
export const uploadSchema = z.object({
  fileName: z.string().trim().min(1, 'Choose a file first.').max(255),
  base64: z
    .string()
    .min(1, 'Choose a file first.')
    .max(Math.ceil(MAX_UPLOAD_BYTES * BASE64_PER_BYTE) + 4, 'That file is too large to be one of ours.'),
});
export type Upload = z.infer<typeof uploadSchema>;

/** A file made for the person to save: a suggested name and its bytes as base64. */
export const downloadSchema = z.object({
  fileName: z.string(),
  base64: z.string(),
  bytes: z.number().int(),
});

/** Shown beside a version 1 exchange file (from an older Board Pack), which travelled in clear. */
export const CLEAR_EXCHANGE_FILE_WARNING =
  'This file was not encrypted: it was made by an older version of Board Pack, and anyone who had the stick or the email could read it. Ask whoever sent it to update Board Pack.';

// ── Exchange ─────────────────────────────────────────────────────────────────────────────────────

/** A key this installation accepts files from, as the screens list it (its public key stays here). */
export const trustedKeySchema = z.object({
  fingerprint: z.string(),
  role: z.enum(['strand_lead', 'secretariat']),
  name: z.string(),
  strandNumber: z.number().int().nullable(),
  trustedAt: z.string(),
  trustedBy: z.string(),
});

/** A return taken in at the secretariat, with what was decided for each update. */
export const importedReturnSchema = z.object({
  fileId: z.string(),
  requestId: z.string(),
  strandNumber: z.number().int(),
  month: z.string(),
  author: z.string(),
  fingerprint: z.string(),
  decisions: z.record(z.string(), z.enum(['accept', 'reject'])),
  importedAt: z.string(),
  importedBy: z.string(),
});

/** A request issued here, with the returns taken in for it. */
export const issuedRequestSchema = z.object({
  fileId: z.string(),
  strandNumber: z.number().int(),
  month: z.string(),
  leadName: z.string(),
  leadFingerprint: z.string().nullable(),
  expiresOn: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  returns: z.array(importedReturnSchema),
});
export type ImportedReturn = z.infer<typeof importedReturnSchema>;
export type IssuedRequest = z.infer<typeof issuedRequestSchema>;

const openedRequestSchema = z.object({
  fileId: z.string(),
  strandNumber: z.number().int(),
  month: z.string(),
  expiresOn: z.string(),
  openedAt: z.string(),
  objectives: z.number().int(),
});

export const exchangeOverviewSchema = z.object({
  ownFingerprint: z.string(),
  trustedKeys: z.array(trustedKeySchema),
  issuedRequests: z.array(issuedRequestSchema),
  importedReturns: z.array(importedReturnSchema),
  openedRequests: z.array(openedRequestSchema),
  /** Set when this copy was made from a request: a strand lead's working copy. */
  workingCopy: z.object({ strandNumbers: z.array(z.number().int()) }).nullable(),
});
export type ExchangeOverview = z.infer<typeof exchangeOverviewSchema>;

export const createRequestInputSchema = z.object({
  strandNumber: z.number().int(),
  month: reportingMonthSchema,
  expiresOn: isoDateSchema.optional(),
  leadName: z.string().trim().optional(),
  /** Lock with a passphrase even when the lead's key is known (the lead has a new laptop). */
  lockWithPassphrase: z.boolean().optional(),
});

export const createRequestOutputSchema = downloadSchema.extend({
  strandNumber: z.number().int(),
  month: z.string(),
  objectives: z.number().int(),
  /** The strand's indicators the request carries, with the last months' figures for context. */
  indicators: z.number().int(),
  expiresOn: z.string(),
  leadName: z.string(),
  signedBy: z.string(),
  lockedWith: z.enum(['lead_key', 'passphrase']),
  /** To read out to the lead by phone; shown once, kept nowhere. */
  passphrase: z.string().nullable(),
});

export const openRequestInputSchema = uploadSchema.extend({
  trust: z.boolean().default(false),
  /** The passphrase the secretariat read out, for a request locked with one. */
  passphrase: z.string().max(100).nullish(),
});

export const openRequestOutputSchema = z.object({
  planTitle: z.string(),
  strandNumber: z.number().int(),
  strandTitle: z.string(),
  month: z.string(),
  expiresOn: z.string(),
  objectives: z.number().int(),
  seeded: z.boolean(),
  addedObjectives: z.array(z.string()),
  rewordedObjectives: z.array(z.string()),
  retiredObjectives: z.array(z.string()),
  lastMonthCopied: z.number().int(),
  returnedUpdates: z.array(z.string()),
  /** The strand's indicators this copy gained or saw redefined, and the secretariat's figures copied in. */
  indicatorsAdded: z.array(z.string()),
  indicatorsChanged: z.array(z.string()),
  figuresCopied: z.number().int(),
  secretariatFingerprint: z.string(),
  secretariatKey: z.enum(['known', 'first_use', 'trusted_now']),
  ownFingerprint: z.string(),
  /** False for a file from an older Board Pack, which travelled in clear: the screen warns. */
  encrypted: z.boolean(),
});

export const createReturnInputSchema = z.object({
  strandNumber: z.number().int().optional(),
  month: reportingMonthSchema.optional(),
  authorName: z.string().trim().optional(),
});

export const createReturnOutputSchema = downloadSchema.extend({
  strandNumber: z.number().int(),
  month: z.string(),
  updates: z.number().int(),
  /** The lead's figures entered or changed since the request: this month's and corrections. */
  figures: z.number().int(),
  missing: z.array(z.string()),
  signedBy: z.string(),
});

const incomingUpdateSchema = z.object({
  status: statusSchema,
  narrative: z.string(),
  nextSteps: z.string(),
  risks: z.string(),
  metricActual: z.number().nullable(),
});

const figureValuesSchema = z.object({
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
});

export const returnPreviewSchema = z.object({
  fileId: z.string(),
  strandNumber: z.number().int(),
  strandTitle: z.string(),
  month: z.string(),
  author: z.string(),
  fingerprint: z.string(),
  keyTrusted: z.boolean(),
  /** False for a file from an older Board Pack, which travelled in clear: the screen warns. */
  encrypted: z.boolean(),
  leadName: z.string(),
  updates: z.array(
    z.object({
      ref: z.string(),
      objective: z.string(),
      incoming: incomingUpdateSchema.extend({ savedAt: z.string() }),
      current: incomingUpdateSchema
        .extend({ revision: z.number().int(), state: workflowStateSchema, author: z.string() })
        .nullable(),
      conflict: z.boolean(),
    }),
  ),
  unanswered: z.array(z.string()),
  conflicts: z.array(z.string()),
  /** The lead's figures beside the ones held here; a decision names one by its key ("S1.M2@2007-10"). */
  figures: z.array(
    z.object({
      key: z.string(),
      ref: z.string(),
      indicator: z.string(),
      month: z.string(),
      incoming: figureValuesSchema.extend({ savedAt: z.string() }),
      current: figureValuesSchema
        .extend({ revision: z.number().int(), source: z.string(), author: z.string() })
        .nullable(),
      conflict: z.boolean(),
    }),
  ),
  figureConflicts: z.array(z.string()),
});
export type ReturnPreviewView = z.infer<typeof returnPreviewSchema>;

export const previewReturnInputSchema = uploadSchema.extend({
  /** Trust the lead's key (after confirming its fingerprint with them by phone). */
  trust: z.boolean().default(false),
});

export const importReturnInputSchema = previewReturnInputSchema.extend({
  acceptAll: z.boolean().default(false),
  decisions: z.record(z.string(), z.enum(['accept', 'reject'])).default({}),
  /** Why each rejected update is rejected; sent back to the lead with the next request. */
  reasons: z.record(z.string(), z.string().max(2_000)).default({}),
  /** Each figure's decision by its key; accept all covers the figures not in conflict. */
  figureDecisions: z.record(z.string(), z.enum(['accept', 'reject'])).default({}),
  /** Why a figure is rejected, by its key; optional. */
  figureReasons: z.record(z.string(), z.string().max(2_000)).default({}),
});

export const importReturnOutputSchema = z.object({
  preview: returnPreviewSchema,
  accepted: z.array(z.string()),
  rejected: z.array(z.string()),
  figuresAccepted: z.array(z.string()),
  figuresRejected: z.array(z.string()),
  trustedNow: z.boolean(),
});

// ── Spreadsheets ─────────────────────────────────────────────────────────────────────────────────

export const spreadsheetFormatSchema = z.enum(['xlsx', 'csv']);

export const exportUpdatesInputSchema = z.object({
  from: reportingMonthSchema,
  to: reportingMonthSchema,
  strandNumber: z.number().int().optional(),
  format: spreadsheetFormatSchema.default('xlsx'),
});

export const spreadsheetDownloadSchema = downloadSchema.extend({ rows: z.number().int() });

const fieldValue = z.union([z.string(), z.number()]).nullable();

export const planImportPreviewSchema = z.object({
  format: spreadsheetFormatSchema,
  mode: z.enum(['seed', 'merge']),
  rows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  added: z.array(
    z.object({
      row: z.number().int(),
      ref: z.string().nullable(),
      strandNumber: z.number().int(),
      text: z.string(),
    }),
  ),
  changed: z.array(
    z.object({
      row: z.number().int(),
      ref: z.string(),
      changes: z.array(z.object({ field: z.string(), from: fieldValue, to: fieldValue })),
    }),
  ),
  retired: z.array(z.object({ ref: z.string(), text: z.string() })),
  unchanged: z.number().int(),
  warnings: z.array(z.string()),
  retireFrom: z.string().nullable(),
  startFrom: z.string().nullable(),
});
export type PlanImportPreviewView = z.infer<typeof planImportPreviewSchema>;

export const planImportInputSchema = uploadSchema.extend({
  retireFrom: reportingMonthSchema.optional(),
  skipBadRows: z.boolean().default(false),
});

export const planImportOutputSchema = z.object({
  preview: planImportPreviewSchema,
  added: z.array(z.string()),
  changed: z.array(z.string()),
  retired: z.array(z.string()),
  skippedRows: z.array(z.number().int()),
});

// ── Backups ──────────────────────────────────────────────────────────────────────────────────────

export const backupSettingsSchema = z.object({
  folder: z.string(),
  keep: z.number().int(),
  /**
   * Only on a shared database: the sentence saying Board Pack makes no backups of it (pg_dump does,
   * where the server is); `folder` is then empty.
   */
  noBackups: z.string().optional(),
});

export const backupSettingsInputSchema = z.object({
  folder: z.string().trim().min(1, 'Give a folder for the backups.').optional(),
  keep: z.number().int().optional(),
});

export const backupInspectionSchema = z.object({
  fileName: z.string(),
  bytes: z.number().int(),
  problems: z.array(z.string()),
  schemaVersion: z.number().int().nullable(),
});

export const restoreOutputSchema = z.object({
  restoredFrom: z.string(),
  /** Where the database as it was before is kept; null when there was none. */
  previousKeptAt: z.string().nullable(),
  schemaVersion: z.number().int(),
});
