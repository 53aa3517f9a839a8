// useExternalChanges: a screen (or one part of it) reads its data again when another desk changed
// the kinds of record it shows. With nothing typed and unsaved it reloads silently, keeping the
// focus and the scroll position; with unsaved typing it keeps every field as it is, says who
// changed what and when, and catches up once the typing is saved or the person asks to see it.
import { useEffect, useId, useRef } from 'react';
import { AUDIT_ENTITIES, type AuditEntity } from '../../shared/auditEntities';
import { listenForChanges } from './changesPoller';
import { latestChange, useOtherDesk } from './otherDesk';
import { forgetTypedFields, typedFields } from './typedFields';

export interface ExternalChangesOptions {
  /**
   * Where the person's typing would be lost by a reload (a CSS selector; the whole screen by
   * default). A part whose reload keeps its fields passes `editing: () => false` instead.
   */
  within?: string;
  /** Whether the person has unsaved edits this reload would replace, when the screen knows better. */
  editing?(): boolean;
}

function frame(): Promise<void> {
  return new Promise((resolve) => window.requestAnimationFrame(() => resolve()));
}

/** Runs a reload, then puts the focus and the scroll back where they were if it moved them. */
export async function reloadInPlace(reload: () => unknown): Promise<void> {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const focusedId = focused?.id;
  const main = document.getElementById('main');
  const mainTop = main?.scrollTop ?? 0;
  const pageTop = window.scrollY;
  await reload();
  // React draws the reloaded data on its next pass; look after that.
  await frame();
  await frame();
  if (focusedId && (!focused?.isConnected || document.activeElement === document.body))
    document.getElementById(focusedId)?.focus({ preventScroll: true });
  if (main && main.scrollTop !== mainTop) main.scrollTop = mainTop;
  if (window.scrollY !== pageTop) window.scrollTo({ top: pageTop });
}

export function useExternalChanges(
  entities: readonly AuditEntity[],
  reload: () => unknown,
  options: ExternalChangesOptions = {},
): void {
  const source = useId();
  const latest = useRef({ reload, options });
  latest.current = { reload, options };
  // A restore or copy, or demo data loaded or removed, changes everything a screen shows.
  const key = [...new Set([...entities, 'database', 'demo'])].join(' ');

  useEffect(() => {
    const kinds = key.split(' ') as AuditEntity[];
    let held: AuditEntity[] | null = null;
    const editing = () => {
      const { options: o } = latest.current;
      return o.editing ? o.editing() : typedFields(o.within).length > 0;
    };
    const catchUp = () => {
      held = null;
      useOtherDesk.getState().clear(source);
      void reloadInPlace(latest.current.reload);
    };
    const hold = async (changed: AuditEntity[]) => {
      held = changed;
      const entry = await latestChange(changed).catch(() => null);
      if (held !== changed) return;
      useOtherDesk.getState().raise({
        source,
        what: AUDIT_ENTITIES.find((e) => e.entity === entry?.entity)?.label ?? null,
        by: entry?.actor ?? null,
        at: entry?.at ?? null,
        show: () => {
          forgetTypedFields(latest.current.options.within);
          catchUp();
        },
      });
    };
    const stop = listenForChanges({
      entities: kinds,
      changed: (changed) => {
        if (editing()) void hold(changed);
        else catchUp();
      },
      // Held back while the person typed: once that is saved (or gone), read the rest.
      answered: () => {
        if (held && !editing()) catchUp();
      },
    });
    return () => {
      stop();
      useOtherDesk.getState().clear(source);
    };
  }, [key, source]);
}
