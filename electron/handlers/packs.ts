// packs.*: the board pack. The builder lives in electron/pack; until it lands these methods say so
// in words, and the dashboard counts issued versions straight from the frozen table.
import { BoardPackError } from '../../shared/errors';
import type { Store } from '../store/store';
import type { Group } from './table';

/** How many versions of a meeting's pack have been issued. */
export function issuedPackCount(store: Store, meetingId: number): number {
  const row = store.db
    .prepare('SELECT count(*) AS n FROM issued_packs WHERE meeting_id = ?')
    .get(meetingId) as { n: number };
  return row.n;
}

function builderMissing(): never {
  throw new BoardPackError('not_found', 'The pack builder is not available yet.');
}

export const packsHandlers: Group<'packs'> = {
  'packs.buildDraft': () => builderMissing(),
  'packs.issue': () => builderMissing(),
  'packs.list': () => builderMissing(),
  'packs.export': () => builderMissing(),
  'packs.verify': () => builderMissing(),
};
