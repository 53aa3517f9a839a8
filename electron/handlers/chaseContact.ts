// Who is chased for a strand's updates. Today that is the plan's strand lead (a role, as the action
// plan names it) with no email address; the People roster (Settings → People) is meant to replace
// this one function, so the chase list, the email text and the printed list all follow it.
import type { ChaseContact } from '../../shared/contractChase';
import type { Strand } from '../../shared/domain';
import type { StoreTx } from '../store/store';

export function whoToChase(_store: StoreTx, strand: Strand): Promise<ChaseContact> {
  return Promise.resolve({ name: strand.lead, email: null });
}
