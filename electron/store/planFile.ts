// Loads a plan file (the built-in one or another strategy's) and validates it; a malformed file
// is refused with where and what is wrong, before anything reaches the database.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BoardPackError } from '../../shared/errors';
import { planFileSchema, type PlanFile } from '../../shared/planFile';

export const BUILT_IN_PLAN_PATH = fileURLToPath(
  new URL('../../resources/plans/met-serious-violence-2007.json', import.meta.url),
);

export function parsePlan(json: string, source: string): PlanFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BoardPackError('invalid_plan', `The plan file ${source} is not valid JSON (${reason}).`);
  }
  const parsed = planFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'the top level';
    throw new BoardPackError(
      'invalid_plan',
      `The plan file ${source} is not a valid plan: at ${where}, ${issue.message}`,
    );
  }
  return parsed.data;
}

export function loadPlanFile(path: string): PlanFile {
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch {
    throw new BoardPackError('not_found', `The plan file ${path} could not be read.`);
  }
  return parsePlan(json, path);
}

let builtIn: PlanFile | undefined;

export function loadBuiltInPlan(): PlanFile {
  builtIn ??= loadPlanFile(BUILT_IN_PLAN_PATH);
  return builtIn;
}
