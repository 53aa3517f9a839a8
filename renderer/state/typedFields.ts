// Which fields on the screen hold something the person typed that the screen has not yet saved or
// replaced: a field counts from the person's own input until it leaves the page or its value is no
// longer what they typed (a save that clears the form, a reload that draws it anew). A screen
// refreshing for another desk's change asks this first, so it never redraws a half-typed form.
// Search boxes and filters are not edits and do not count.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const typed = new Map<Field, string>();

function isField(target: EventTarget | null): target is Field {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

function valueOf(field: Field): string {
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio'))
    return String(field.checked);
  return field.value;
}

function isFilter(field: Field): boolean {
  return (field instanceof HTMLInputElement && field.type === 'search') || !!field.closest('[role="search"]');
}

function record(event: Event): void {
  const field = event.target;
  // Only the person's own input fires these events: React setting a value fires none.
  if (!isField(field) || isFilter(field)) return;
  typed.set(field, valueOf(field));
}

let watching = false;

/** Starts noticing typing (once per window). */
export function watchTyping(): void {
  if (watching) return;
  watching = true;
  document.addEventListener('input', record, true);
  document.addEventListener('change', record, true);
}

function scope(within: string | undefined): Element[] {
  if (within) return [...document.querySelectorAll(within)];
  const main = document.getElementById('main');
  return main ? [main] : [];
}

/** Fields within `within` (a selector list; the screen by default) still holding what was typed. */
export function typedFields(within?: string): Field[] {
  const containers = scope(within);
  const found: Field[] = [];
  for (const [field, value] of typed) {
    if (!field.isConnected || valueOf(field) !== value) {
      typed.delete(field);
      continue;
    }
    if (containers.some((c) => c.contains(field))) found.push(field);
  }
  return found;
}

/** The person chose to see the other desk's version: what they typed there no longer holds it back. */
export function forgetTypedFields(within?: string): void {
  for (const field of typedFields(within)) typed.delete(field);
}
