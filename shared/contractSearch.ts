// The contract's schemas for one search across the record (issue 16, item 6): what is asked, and
// the hits grouped by kind, each carrying what the renderer needs to open it where it lives.
import './zodWithoutEval';
import { z } from 'zod';
import { reportingMonthSchema } from './months';

/** The kinds of thing a search finds, in the order their groups are shown. */
export const SEARCH_KINDS = [
  'objective',
  'update',
  'minute',
  'decision',
  'action',
  'paper',
  'indicator',
] as const;
export const searchKindSchema = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKindSchema>;

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  objective: 'Objectives',
  update: 'Update narratives and next steps',
  minute: 'Minutes',
  decision: 'Decisions',
  action: 'Actions',
  paper: 'Papers',
  indicator: 'Indicators',
};

export const MAX_SEARCH_LENGTH = 200;
export const DEFAULT_HITS_PER_KIND = 8;

export const searchInputSchema = z.object({
  words: z.string().max(MAX_SEARCH_LENGTH, `Search for at most ${MAX_SEARCH_LENGTH} characters.`),
  perKind: z.number().int().min(1).max(50).default(DEFAULT_HITS_PER_KIND),
});
export type SearchInput = z.input<typeof searchInputSchema>;

/** A stretch of a snippet: hit is true where it matched the words searched for. */
export const snippetPartSchema = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

export const searchHitSchema = z.object({
  kind: searchKindSchema,
  /** The row it came from (objective, update, minute, action, paper or indicator id). */
  id: z.number().int(),
  /** A heading for the hit: the objective's reference and text, the meeting's title … */
  title: z.string(),
  /** Where it sits, in words: "Strand 2 · October 2007", "October board, 18 October 2007". */
  context: z.string(),
  snippet: z.array(snippetPartSchema),
  /** The objective, action or indicator reference, where the kind has one. */
  ref: z.string().nullable(),
  strandNumber: z.number().int().nullable(),
  month: reportingMonthSchema.nullable(),
  meetingId: z.number().int().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchGroupSchema = z.object({
  kind: searchKindSchema,
  /** How many rows of this kind match; hits holds the best perKind of them. */
  total: z.number().int(),
  hits: z.array(searchHitSchema),
});
export type SearchGroup = z.infer<typeof searchGroupSchema>;

export const searchResultSchema = z.object({
  words: z.string(),
  /** Only kinds with at least one hit, in SEARCH_KINDS order. */
  groups: z.array(searchGroupSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
