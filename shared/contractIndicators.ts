// The contract's schemas for performance indicators (issue 14): the indicator as the store holds it,
// its monthly figures with their revisions, its definition history, and the analysis the screens,
// the pack and the command line read (the XmR chart month by month, the assurance, the comparisons).
import './zodWithoutEval';
import { z } from 'zod';
import { uploadSchema, spreadsheetFormatSchema } from './contractOffline';
import { betterSchema, indicatorRefSchema, indicatorTargetSchema, indicatorUnitSchema } from './indicator';
import { reportingMonthSchema } from './months';
import { ASSURANCES, VARIATIONS } from './spc';

export const variationSchema = z.enum(VARIATIONS);
export const assuranceSchema = z.enum(ASSURANCES);
export const figureSourceSchema = z.enum(['typed', 'import', 'exchange', 'demo']);
export type FigureSource = z.infer<typeof figureSourceSchema>;
/** Where a figure came from, in the words the screens show. */
export const FIGURE_SOURCE_LABELS: Record<FigureSource, string> = {
  typed: 'Typed',
  import: 'Imported file',
  exchange: 'Exchange return',
  demo: 'Demo',
};

const sentence = (message: string) => z.string().trim().min(1, message);
const placeNumber = z.number().int().positive();

// ── The indicator ────────────────────────────────────────────────────────────────────────────────

export const indicatorSchema = z.object({
  ref: indicatorRefSchema,
  title: z.string(),
  /** The key outcome and/or the strand it belongs to. */
  outcome: z.number().int().nullable(),
  strand: z.number().int().nullable(),
  /** False for a measure that states no figure the board could count; it has no unit then. */
  countable: z.boolean(),
  unit: indicatorUnitSchema.nullable(),
  /** A rate's base (per 1,000 …); null for a count or a percentage. */
  per: z.number().int().nullable(),
  better: betterSchema.nullable(),
  target: indicatorTargetSchema.nullable(),
  /** Where the figure comes from and how it is counted. */
  source: z.string(),
  /** Why a measure is not countable, and any other note kept with it. */
  notes: z.array(z.string()),
  position: z.number().int(),
  /** First month the indicator no longer reports in; null while it is live. */
  retiredFrom: reportingMonthSchema.nullable(),
  demo: z.boolean(),
});
export type IndicatorView = z.infer<typeof indicatorSchema>;

/** A definition change at `month` starts a new segment: the chart is rebased there. */
export const definitionChangeSchema = z.object({
  month: reportingMonthSchema,
  note: z.string(),
  at: z.string(),
  actor: z.string(),
});
export type DefinitionChange = z.infer<typeof definitionChangeSchema>;

export const figureSchema = z.object({
  ref: indicatorRefSchema,
  month: reportingMonthSchema,
  revision: z.number().int(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
  source: figureSourceSchema,
  author: z.string(),
  savedAt: z.string(),
});
export type Figure = z.infer<typeof figureSchema>;

/** A current figure as the analysis reads it: what was counted in a month, without its provenance. */
export type FigureValue = Pick<Figure, 'ref' | 'month' | 'value' | 'numerator' | 'denominator'>;

/** A month's current figure with every earlier revision of it, newest first. */
export const figureWithRevisionsSchema = figureSchema.extend({ revisions: z.array(figureSchema) });

// ── The analysis ─────────────────────────────────────────────────────────────────────────────────

/** One month of the XmR chart; centre and limits null where the segment has none. */
export const spcMonthSchema = z.object({
  month: reportingMonthSchema,
  value: z.number().nullable(),
  centre: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  variation: variationSchema.nullable(),
  /** Limits resting on fewer than 12 points. */
  trial: z.boolean(),
});
export type SpcMonthView = z.infer<typeof spcMonthSchema>;

const periodFigureSchema = z.object({
  first: reportingMonthSchema,
  last: reportingMonthSchema,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  missing: z.array(reportingMonthSchema),
});

const comparisonSchema = z.object({
  current: periodFigureSchema,
  previous: periodFigureSchema,
  change: z.number().nullable(),
  percentChange: z.number().nullable(),
  movement: z.enum(['better', 'worse', 'unchanged', 'up', 'down']).nullable(),
  acrossBreaks: z.array(reportingMonthSchema),
});

export const indicatorComparisonsSchema = z.object({
  month: reportingMonthSchema,
  thisMonth: periodFigureSchema,
  sameMonthLastYear: comparisonSchema,
  rolling12: comparisonSchema,
  yearToDate: comparisonSchema,
});

/** One row of the indicators list: the latest month, its words, and the values for a sparkline. */
export const indicatorListItemSchema = z.object({
  indicator: indicatorSchema,
  latest: z
    .object({
      month: reportingMonthSchema,
      value: z.number(),
      variation: variationSchema,
      variationWords: z.string(),
    })
    .nullable(),
  assurance: assuranceSchema.nullable(),
  assuranceWords: z.string().nullable(),
  /** The values of the sparkline, one per month from sparklineFrom; null where none. */
  sparklineFrom: reportingMonthSchema.nullable(),
  sparkline: z.array(z.number().nullable()),
  /** What the chart shows, in one sentence (its text alternative). */
  sentence: z.string(),
});
export type IndicatorListItem = z.infer<typeof indicatorListItemSchema>;

export const indicatorDetailSchema = z.object({
  indicator: indicatorSchema,
  definitionChanges: z.array(definitionChangeSchema),
  /** Current figures, oldest month first, each with its earlier revisions. */
  figures: z.array(figureWithRevisionsSchema),
  /** The month the words and comparisons are for: the asked month, else the latest with a figure. */
  month: reportingMonthSchema.nullable(),
  months: z.array(spcMonthSchema),
  assurance: assuranceSchema.nullable(),
  assuranceWords: z.string().nullable(),
  comparisons: indicatorComparisonsSchema.nullable(),
  sentence: z.string(),
  /** The sentence and where the chart was rebased: the words under a chart. */
  caption: z.string(),
});
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

// ── Inputs ───────────────────────────────────────────────────────────────────────────────────────

export const indicatorListInputSchema = z
  .object({
    strandNumber: z.number().int().optional(),
    outcome: z.number().int().optional(),
    /** The month the words are for; the latest with a figure when unset. */
    month: reportingMonthSchema.optional(),
    includeRetired: z.boolean().default(false),
    /** How many months the sparkline shows, ending at the month. */
    sparklineMonths: z.number().int().min(2).max(120).default(24),
  })
  .default({ includeRetired: false, sparklineMonths: 24 });

export const indicatorGetInputSchema = z.object({
  ref: indicatorRefSchema,
  month: reportingMonthSchema.optional(),
});

const newIndicatorFields = {
  title: sentence('An indicator needs a title.').max(300, 'An indicator title is at most 300 characters.'),
  outcome: placeNumber.nullable().default(null),
  strand: placeNumber.nullable().default(null),
  unit: indicatorUnitSchema,
  per: z.number().int().positive('A rate is per a whole number, such as 1000.').nullable().default(null),
  better: betterSchema,
  target: indicatorTargetSchema.nullable().default(null),
  source: z.string().trim().max(2_000).default(''),
  notes: z.array(z.string().trim().min(1)).default([]),
};

export const newIndicatorSchema = z.object({
  /** Given by the store (S3.M4, KO2.M1, …) unless the secretariat names one. */
  ref: indicatorRefSchema.optional(),
  ...newIndicatorFields,
});
export type NewIndicatorInput = z.infer<typeof newIndicatorSchema>;

export const editIndicatorSchema = z.object({
  ref: indicatorRefSchema,
  title: newIndicatorFields.title.optional(),
  outcome: placeNumber.nullable().optional(),
  strand: placeNumber.nullable().optional(),
  unit: indicatorUnitSchema.optional(),
  per: z.number().int().positive('A rate is per a whole number, such as 1000.').nullable().optional(),
  better: betterSchema.optional(),
  target: indicatorTargetSchema.nullable().optional(),
  source: z.string().trim().max(2_000).optional(),
  notes: z.array(z.string().trim().min(1)).optional(),
});
export type EditIndicatorInput = z.infer<typeof editIndicatorSchema>;

export const retireIndicatorSchema = z.object({
  ref: indicatorRefSchema,
  /** The first month it no longer reports in; null brings a retired indicator back. */
  fromMonth: reportingMonthSchema.nullable(),
});

export const definitionBreakInputSchema = z.object({
  ref: indicatorRefSchema,
  month: reportingMonthSchema,
  note: sentence('Say what changed in the definition.').max(2_000),
});

export const setFigureInputSchema = z.object({
  ref: indicatorRefSchema,
  month: reportingMonthSchema,
  value: z.number().refine(Number.isFinite, 'A figure is a number.'),
  numerator: z.number().min(0, 'A numerator is not negative.').nullable().default(null),
  denominator: z.number().positive('A denominator is more than nothing.').nullable().default(null),
  note: z.string().trim().max(2_000).default(''),
});
export type SetFigureInput = z.infer<typeof setFigureInputSchema>;

// ── The entry grid ───────────────────────────────────────────────────────────────────────────────

export const indicatorGridInputSchema = z.object({
  strandNumber: z.number().int().optional(),
  outcome: z.number().int().optional(),
  /** The grid's last month; it shows `months` months ending there. */
  lastMonth: reportingMonthSchema,
  months: z.number().int().min(1).max(36).default(12),
});

const gridCellSchema = z
  .object({
    value: z.number(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    note: z.string(),
    source: figureSourceSchema,
  })
  .nullable();

export const indicatorGridSchema = z.object({
  months: z.array(reportingMonthSchema),
  rows: z.array(z.object({ indicator: indicatorSchema, cells: z.array(gridCellSchema) })),
});
export type IndicatorGrid = z.infer<typeof indicatorGridSchema>;

// ── Import and export (long format: indicator,month,value,numerator,denominator,note) ────────────

export const FIGURE_COLUMNS = ['indicator', 'month', 'value', 'numerator', 'denominator', 'note'] as const;

export const figureImportRowSchema = z.object({
  row: z.number().int(),
  ref: z.string(),
  month: reportingMonthSchema,
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
  /** The current value it replaces; null for a month with no figure yet. */
  previous: z.number().nullable(),
  change: z.enum(['new', 'revised', 'unchanged']),
});

export const figureImportPreviewSchema = z.object({
  format: spreadsheetFormatSchema,
  rows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  figures: z.array(figureImportRowSchema),
});
export type FigureImportPreview = z.infer<typeof figureImportPreviewSchema>;

export const figureImportInputSchema = uploadSchema.extend({ skipBadRows: z.boolean().default(false) });

export const figureImportOutputSchema = z.object({
  preview: figureImportPreviewSchema,
  saved: z.number().int(),
  unchanged: z.number().int(),
  skippedRows: z.array(z.number().int()),
});

export const figureExportInputSchema = z
  .object({
    format: spreadsheetFormatSchema.default('csv'),
    refs: z.array(indicatorRefSchema).optional(),
    from: reportingMonthSchema.optional(),
    to: reportingMonthSchema.optional(),
  })
  .default({ format: 'csv' });
