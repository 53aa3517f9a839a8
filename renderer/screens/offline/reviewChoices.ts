// What the person has chosen so far for a return's updates (by objective ref) and figures (by key,
// "S2.M1a@2007-10"), named as the import takes them, so the choices go to it as they are.
export type Decision = 'accept' | 'reject';
export type Decisions = Record<string, Decision>;
export type Reasons = Record<string, string>;
export type ItemKind = 'update' | 'figure';

export interface ReviewChoices {
  decisions: Decisions;
  reasons: Reasons;
  figureDecisions: Decisions;
  figureReasons: Reasons;
}

export const NO_CHOICES: ReviewChoices = {
  decisions: {},
  reasons: {},
  figureDecisions: {},
  figureReasons: {},
};

export function decisionsFor(choices: ReviewChoices, kind: ItemKind): Decisions {
  return kind === 'update' ? choices.decisions : choices.figureDecisions;
}

export function reasonsFor(choices: ReviewChoices, kind: ItemKind): Reasons {
  return kind === 'update' ? choices.reasons : choices.figureReasons;
}

export function decide(
  choices: ReviewChoices,
  kind: ItemKind,
  id: string,
  decision: Decision,
): ReviewChoices {
  if (kind === 'update') return { ...choices, decisions: { ...choices.decisions, [id]: decision } };
  return { ...choices, figureDecisions: { ...choices.figureDecisions, [id]: decision } };
}

export function giveReason(choices: ReviewChoices, kind: ItemKind, id: string, text: string): ReviewChoices {
  if (kind === 'update') return { ...choices, reasons: { ...choices.reasons, [id]: text } };
  return { ...choices, figureReasons: { ...choices.figureReasons, [id]: text } };
}

/** Marks the items named Accept, except any already decided: a Reject the person chose stays. */
export function acceptUndecided(
  choices: ReviewChoices,
  undecided: { updates: readonly string[]; figures: readonly string[] },
): ReviewChoices {
  const fill = (given: Decisions, ids: readonly string[]): Decisions => ({
    ...Object.fromEntries(ids.map((id) => [id, 'accept' as const])),
    ...given,
  });
  return {
    ...choices,
    decisions: fill(choices.decisions, undecided.updates),
    figureDecisions: fill(choices.figureDecisions, undecided.figures),
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 updates and 1 figure", leaving out a kind with none. */
export function countedItems(updates: number, figures: number): string {
  const parts = [updates > 0 ? plural(updates, 'update') : '', figures > 0 ? plural(figures, 'figure') : ''];
  return parts.filter(Boolean).join(' and ');
}

/** The id of the field asking why an item is rejected (an update's keeps its earlier name). */
export function reasonId(kind: ItemKind, id: string): string {
  return kind === 'update' ? `reject-reason-${id}` : `figure-reason-${id}`;
}

/** The name of an item's Accept/Reject radio pair. */
export function decisionName(kind: ItemKind, id: string): string {
  return kind === 'update' ? `decide-${id}` : `decide-figure-${id}`;
}
