// The fields of an update a person edits, and how they are compared and keyed: pure functions,
// shared by the autosave store and the grid.
import type { Status, Update } from '../../shared/domain';

export interface DraftFields {
  status: Status | null;
  narrative: string;
  nextSteps: string;
  risks: string;
  metricActual: number | null;
}

export function draftKey(ref: string, month: string): string {
  return `${ref}@${month}`;
}

export function fieldsOf(update: Update | null): DraftFields {
  if (!update) return { status: null, narrative: '', nextSteps: '', risks: '', metricActual: null };
  return {
    status: update.status,
    narrative: update.narrative,
    nextSteps: update.nextSteps,
    risks: update.risks,
    metricActual: update.metricActual,
  };
}

export function sameFields(a: DraftFields, b: DraftFields): boolean {
  return (
    a.status === b.status &&
    a.narrative === b.narrative &&
    a.nextSteps === b.nextSteps &&
    a.risks === b.risks &&
    a.metricActual === b.metricActual
  );
}
