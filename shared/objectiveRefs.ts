// The numbers inside an objective reference (2.E.3: strand, theme, place in the theme), kept to
// sizes a board's plan can have, so that the next reference is never worked out as "2.E.1e+22".

/** The highest strand number a plan may use. */
export const MAX_STRAND_NUMBER = 999;
/** The highest number an objective may have within its strand and theme. */
export const MAX_OBJECTIVE_NUMBER = 9999;

const WHOLE_NUMBER = /^[1-9]\d{0,8}$/;

/** A part of a reference as a number, or null when it is not a whole number from 1 to max. */
export function referencePart(text: string, max: number): number | null {
  if (!WHOLE_NUMBER.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

/**
 * The number the next objective of a theme gets: one past the highest sane number among refs
 * (a reference stored before these limits, such as 2.E.1111111111111111111111, is passed over),
 * or null when the theme has used every number up to MAX_OBJECTIVE_NUMBER.
 */
export function nextObjectiveNumber(refs: readonly string[]): number | null {
  let highest = 0;
  for (const ref of refs) {
    const number = referencePart(ref.split('.')[2] ?? '', MAX_OBJECTIVE_NUMBER);
    if (number !== null && number > highest) highest = number;
  }
  return highest < MAX_OBJECTIVE_NUMBER ? highest + 1 : null;
}
