// Measures for reflow (WCAG 1.4.10): whether the page or <main> scrolls sideways, whether the
// document itself scrolls (only <main> should), and text fields narrower than eight characters.
import type { Page } from 'playwright-core';

export interface ReflowMeasure {
  document: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number };
  main: { scrollWidth: number; clientWidth: number };
  /** Visible text fields narrower than eight "0" characters of their own font: id and width. */
  narrowFields: string[];
  /** How far the window scrolled after the last control in <main> was focused. */
  windowScrollAfterFocus: number;
}

export async function measureReflow(page: Page): Promise<ReflowMeasure> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const main = document.getElementById('main');
    if (!main) throw new Error('no main');
    const canvas = document.createElement('canvas').getContext('2d');
    const fields = [
      ...main.querySelectorAll<HTMLElement>(
        'input[type="text"], input[type="search"], input:not([type]), textarea',
      ),
    ].filter((e) => e.getClientRects().length > 0);
    const narrowFields = fields.flatMap((field) => {
      const style = getComputedStyle(field);
      if (!canvas) return [];
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const eight = canvas.measureText('0').width * 8;
      const width = field.getBoundingClientRect().width;
      return width + 0.5 < eight
        ? [`${field.id || field.getAttribute('name') || field.tagName}: ${Math.round(width)}px`]
        : [];
    });
    // Jumping to the last control of a long screen scrolled the whole window away before.
    const focusable = main.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea');
    focusable[focusable.length - 1]?.focus();
    const windowScrollAfterFocus = Math.max(window.scrollY, root.scrollTop, document.body.scrollTop);
    (document.activeElement as HTMLElement | null)?.blur();
    main.scrollTo(0, 0);
    return {
      document: {
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
        scrollHeight: root.scrollHeight,
        clientHeight: root.clientHeight,
      },
      main: { scrollWidth: main.scrollWidth, clientWidth: main.clientWidth },
      narrowFields,
      windowScrollAfterFocus,
    };
  });
}

/** The faults in a measure, in words; empty when the screen reflows. */
export function reflowFaults(m: ReflowMeasure): string[] {
  const faults: string[] = [];
  if (m.document.scrollWidth > m.document.clientWidth)
    faults.push(`the page scrolls sideways (${m.document.scrollWidth} > ${m.document.clientWidth})`);
  if (m.main.scrollWidth > m.main.clientWidth)
    faults.push(`main scrolls sideways (${m.main.scrollWidth} > ${m.main.clientWidth})`);
  if (m.document.scrollHeight > m.document.clientHeight)
    faults.push(`the document scrolls (${m.document.scrollHeight} > ${m.document.clientHeight})`);
  if (m.windowScrollAfterFocus > 0) faults.push(`the window scrolled ${m.windowScrollAfterFocus}px`);
  for (const field of m.narrowFields) faults.push(`a text field narrower than 8 characters: ${field}`);
  return faults;
}
