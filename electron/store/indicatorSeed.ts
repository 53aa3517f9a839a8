// When a database gains the plan file's default indicators. A fresh database gains them just after
// its plan is seeded; a database made before indicators existed gains them the first time this
// version opens it, so long as its plan is that plan file's (same plan key, and every outcome and
// strand the indicators name is there) and it holds no indicator yet. Indicators are never deleted
// (only retired), so "holds none" makes it happen once; it is audited as indicators.seed.
import type { PlanFile } from '../../shared/planFile';
import type { StoreTx } from './port';

export async function seedIndicators(store: StoreTx, plan: PlanFile, actor: string): Promise<number> {
  if (plan.indicators.length === 0) return 0;
  return await store.transaction(async (tx) => {
    if (!(await tx.plan.hasPlan()) || (await tx.indicators.count()) > 0) return 0;
    const detail = await tx.plan.detail();
    if (detail.id !== plan.id) return 0;
    const outcomes = new Set(detail.outcomes.map((o) => o.number));
    const strands = new Set((await tx.plan.strands()).map((s) => s.number));
    const fits = plan.indicators.every(
      (i) => (i.outcome === null || outcomes.has(i.outcome)) && (i.strand === null || strands.has(i.strand)),
    );
    if (!fits) return 0;
    return await tx.indicators.seed(plan.indicators, tx.now(), actor);
  });
}
