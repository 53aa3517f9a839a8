// Where each kind of search hit lives: the screen (as a hash address) and what to focus there.
import type { SearchHit } from '../../shared/contractSearch';
import { hrefFor } from '../state/route';

export interface HitPlace {
  href: string;
  month?: string;
  elementId?: string;
  updateRef?: string;
}

export function placeOf(hit: SearchHit): HitPlace {
  switch (hit.kind) {
    case 'objective':
      return { href: hrefFor('plan'), elementId: `objective-${hit.ref ?? ''}` };
    case 'update':
      return {
        href: hrefFor('updates', hit.strandNumber ?? 1),
        month: hit.month ?? undefined,
        updateRef: hit.ref ?? undefined,
      };
    case 'minute':
    case 'decision':
      return { href: hrefFor('meetings', hit.meetingId ?? ''), elementId: `minute-${hit.id}` };
    case 'action':
      return { href: hrefFor('meetings', 'actions'), elementId: `action-${hit.ref ?? ''}` };
    case 'paper':
      return { href: hrefFor('meetings', hit.meetingId ?? ''), elementId: `paper-${hit.id}` };
    case 'indicator':
      return { href: hrefFor('performance', hit.ref ?? '') };
  }
}
