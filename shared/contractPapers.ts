// The input and output schemas of papers.*: PDF files an agenda item carries into the board pack.
// A paper crosses the contract as base64, the same encoding as packs.export and packs.verify, so the
// Electron shell and the browser bridge carry it alike; its size is checked here, before any handler.
import './zodWithoutEval';
import { z } from 'zod';
import {
  MAX_PAPER_BYTES,
  MAX_PAPER_TITLE_LENGTH,
  PAPER_TITLE_TOO_LONG,
  PAPER_TOO_LARGE,
} from './paperLimits';

export { MAX_PAPER_BYTES, PAPER_TOO_LARGE } from './paperLimits';

const id = z.number().int().positive();

/** How many bytes a base64 text decodes to (4 characters carry 3 bytes; padding carries none). */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/** A PDF as base64: refused in words when empty, not base64 at all, or over 25 MB decoded. */
export const paperPdfSchema = z
  .string()
  .min(1, 'Choose a PDF file to attach.')
  // The length check comes first and is cheap, so a huge text is refused before it is scanned.
  .max(Math.ceil(MAX_PAPER_BYTES / 3) * 4, PAPER_TOO_LARGE)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'That file could not be read as a PDF; choose it again.')
  .refine((b64) => base64ByteLength(b64) <= MAX_PAPER_BYTES, PAPER_TOO_LARGE);

export const paperSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  agendaItemId: z.number().int(),
  /** Its place among the papers of its agenda item, from 1. */
  position: z.number().int(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  pages: z.number().int(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type Paper = z.infer<typeof paperSchema>;

export const listPapersInputSchema = z.object({ meetingId: id });

export const addPaperInputSchema = z.object({
  meetingId: id,
  agendaItemId: id,
  /** The title printed in the pack; the file name (without .pdf) when left out. */
  title: z.string().trim().max(MAX_PAPER_TITLE_LENGTH, PAPER_TITLE_TOO_LONG).optional(),
  fileName: z.string().trim().min(1, 'A paper needs its file name.').max(255),
  pdfBase64: paperPdfSchema,
});

/**
 * A new title for an attached paper. Blank and over-long titles are judged by the store, with the
 * same rule as when attaching, so its sentence is what the screen shows.
 */
export const renamePaperInputSchema = z.object({ id, title: z.string() });

/** A paper's bytes, for the screen to show or save, as packs.export returns a pack's. */
export const paperFileSchema = z.object({
  fileName: z.string(),
  pdfBase64: z.string(),
  sha256: z.string(),
});
