// Who is chased for a strand's updates: the strand lead on the People roster (Settings → People),
// with their email when one is given, so the chase list, the email text and the printed list all
// follow the roster. A strand with no current lead on the roster falls back to the lead the plan
// names (a role, as the action plan gives it), with no email.
import type { ChaseContact } from '../../shared/contractChase';
import type { Strand } from '../../shared/domain';
import type { StoreTx } from '../store/store';

export async function whoToChase(store: StoreTx, strand: Strand): Promise<ChaseContact> {
  const lead = (await store.people.list()).find(
    (person) => !person.retired && person.role === 'strand_lead' && person.strandNumber === strand.number,
  );
  if (!lead) return { name: strand.lead, email: null };
  return { name: lead.name, email: lead.email.trim() || null };
}
