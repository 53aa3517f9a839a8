// A strand lead's working copy (set up from a request) knows whose it is: it names the lead and
// their strand, and offers only the screens a lead needs, not the secretariat's tools.
import type { Settings } from '../../shared/contract';
import type { Screen } from './route';

/**
 * The screens a lead answers a request with: their strand's Home, the updates, the indicators'
 * figures (the return carries them), the files, Settings.
 */
export const LEAD_SCREENS: readonly Screen[] = ['home', 'updates', 'performance', 'exchange', 'settings'];

export function isLeadCopy(settings: Settings | null): boolean {
  return (settings?.leadStrands?.length ?? 0) > 0;
}

/** "Working as Dana Lee, lead for strand 2" on a lead's copy; "Working as Secretariat" otherwise. */
export function workingAsLabel(settings: Settings): string {
  const strands = settings.leadStrands ?? [];
  if (strands.length === 0) return `Working as ${settings.userName}`;
  const which = strands.length === 1 ? `strand ${strands[0]}` : `strands ${strands.join(', ')}`;
  return `Working as ${settings.userName}, lead for ${which}`;
}
