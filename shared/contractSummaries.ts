// The input and output schemas of the methods the command line needed first and the screens may
// use too: an update recorded in one step, a month's counts, a whole-pack build, a key trusted by
// hand, the daily backup, the database's own check, and what loading or removing demo data did.
import './zodWithoutEval';
import { z } from 'zod';
import { reportedStatusSchema } from './domain';
import { reportingMonthSchema } from './months';
import { packRequestSchema, saveDraftSchema } from './contractSchemas';
import { backupSettingsSchema } from './contractOffline';

/**
 * An update recorded in one step: submitted (as a strand lead sends it) or accepted (the
 * secretariat recording a lead's update on their behalf). Either is the same draft, submit and
 * accept the screens take, run as one transaction, so the same rules hold and nothing half-done
 * is left when one refuses.
 */
export const recordUpdateInputSchema = saveDraftSchema.extend({
  state: z
    .enum(['submitted', 'accepted'], { error: 'An update is recorded as submitted or accepted.' })
    .default('submitted'),
});

const statusCountsSchema = z.record(reportedStatusSchema, z.number().int());

/** How many objectives of each strand are at each status for a month, No update included. */
export const monthSummarySchema = z.object({
  month: reportingMonthSchema,
  strands: z.array(
    z.object({
      strandNumber: z.number().int(),
      strandTitle: z.string(),
      counts: statusCountsSchema,
      total: z.number().int(),
    }),
  ),
  totals: statusCountsSchema,
  total: z.number().int(),
});
export type MonthSummaryOutput = z.infer<typeof monthSummarySchema>;

/** The month asked for; when none is given, the latest month with reported updates. */
export const monthSummaryInputSchema = z.object({ month: reportingMonthSchema.optional() }).default({});

/** A pack built to read or print, not issued: with a DRAFT watermark, or without one. */
export const buildPackInputSchema = packRequestSchema.extend({ draft: z.boolean().default(false) });

/** A key trusted by hand, after its fingerprint was confirmed by phone or in person. */
export const trustKeyInputSchema = z.object({
  fingerprint: z.string().trim().min(1, 'Give the fingerprint the other person read out.'),
  name: z.string().trim().min(1, 'Say whose key it is.'),
  /** The strand a lead's key answers for; null for the secretariat's key at a lead's copy. */
  strandNumber: z.number().int().positive().nullable(),
});

/** What the daily backup did: today's file (or null when made already), what is kept and removed. */
export const autoBackupResultSchema = backupSettingsSchema.extend({
  created: z.string().nullable(),
  kept: z.array(z.string()),
  removed: z.array(z.string()),
});

/** SQLite's integrity and foreign-key checks: an empty list means the database is sound. */
export const databaseCheckSchema = z.object({
  databasePath: z.string(),
  problems: z.array(z.string()),
});

/**
 * What other desks changed since the audit entry a window last saw (app.changes): the newest
 * entry's id, to ask from next time, and the kinds of record (audit entities) changed, so each
 * screen reads again only what it shows. A window that has just read everything asks with 0.
 */
export const changesInputSchema = z.object({ since: z.number().int().min(0) });
export const changesSchema = z.object({ last: z.number().int(), entities: z.array(z.string()) });

/** How much demo data to make: months from the plan's start, and the generator's seed. */
export const demoLoadInputSchema = z
  .object({
    months: z
      .number({ error: 'Give a whole number of months.' })
      .int('Give a whole number of months.')
      .optional(),
    seed: z
      .number({ error: 'Give a whole number as the seed.' })
      .int('Give a whole number as the seed.')
      .optional(),
  })
  .strict()
  .default({});

export const demoLoadedSchema = z.object({
  seed: z.number().int(),
  firstMonth: reportingMonthSchema,
  lastMonth: reportingMonthSchema,
  months: z.number().int(),
  updates: z.object({
    accepted: z.number().int(),
    submitted: z.number().int(),
    drafts: z.number().int(),
    returned: z.number().int(),
    missing: z.number().int(),
  }),
  meetings: z.array(
    z.object({
      id: z.number().int(),
      heldAt: z.string(),
      reportingMonth: reportingMonthSchema,
      held: z.boolean(),
    }),
  ),
  actions: z.number().int(),
});

export const demoRemovedSchema = z.object({
  updates: z.number().int(),
  meetings: z.number().int(),
  actions: z.number().int(),
});

/** For a new database made from a CSV plan (which has no details sheet): its title and months. */
export const planSeedSchema = z.object({
  title: z.string().trim().min(1).optional(),
  startMonth: reportingMonthSchema.optional(),
  endMonth: reportingMonthSchema.optional(),
});
