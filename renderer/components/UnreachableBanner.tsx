// One banner, whichever screen is open, while the shared database cannot be reached. What the
// person typed stays in the screen's fields; autosave tries again when the database answers.
import { UNREACHABLE_BANNER, useConnection } from '../state/connection';

export function UnreachableBanner() {
  const unreachable = useConnection((s) => s.unreachable);
  if (!unreachable) return null;
  return (
    <p className="unreachable-banner" role="alert" data-testid="unreachable-banner">
      {UNREACHABLE_BANNER}
    </p>
  );
}
