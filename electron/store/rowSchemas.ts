// Pieces of the zod schemas that read SQLite rows. SQLite has no boolean or list type: a flag comes
// back as 0 or 1 and a list as JSON text; these turn them into what the shared schemas say.
import { z } from 'zod';

/** A 0/1 column as a boolean; any other value is a broken row, not false. */
export const flagColumn = z.literal([0, 1]).transform((flag) => flag === 1);

/** A JSON text column, parsed and then checked by schema. */
export function jsonColumn<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text): unknown => JSON.parse(text))
    .pipe(schema);
}

/** A list of words kept as JSON text (names, notes). */
export const wordsColumn = jsonColumn(z.array(z.string()));

/** A count(*) AS n row. */
export const countRowSchema = z.object({ n: z.number().int() });

/** A coalesce(max(position), 0) AS p row: the last position taken, 0 when none. */
export const lastPositionRowSchema = z.object({ p: z.number().int() });

/** A row holding only an id. */
export const idRowSchema = z.object({ id: z.number().int() });

/** A pragma answered as one number (application_id, user_version, foreign_keys). */
export const pragmaNumberSchema = z.number().int();

/** PRAGMA foreign_key_check: one row per row that refers to a missing row (rowid null without rowids). */
export const foreignKeyCheckRowsSchema = z.array(
  z.object({ table: z.string(), rowid: z.number().int().nullable(), parent: z.string() }),
);

/** PRAGMA integrity_check: "ok", or one row per problem found. */
export const integrityCheckRowsSchema = z.array(z.object({ integrity_check: z.string() }));
