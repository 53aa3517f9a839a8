// Where the window was and how big, kept in a small JSON file in the user-data folder so the app
// reopens as it was left. A missing or damaged file just means the default size.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { z } from 'zod';

export const windowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

export const DEFAULT_BOUNDS: WindowBounds = { width: 1366, height: 768, maximized: false };

export function loadWindowBounds(file: string): WindowBounds {
  try {
    const parsed = windowBoundsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_BOUNDS;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

/** Writes through a temporary file so a crash mid-write never leaves half a file. */
export function saveWindowBounds(file: string, bounds: WindowBounds): void {
  const parsed = windowBoundsSchema.safeParse(bounds);
  if (!parsed.success) return;
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(parsed.data, null, 2));
  renameSync(temporary, file);
}
