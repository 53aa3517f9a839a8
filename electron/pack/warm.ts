// Warms the pack in idle time, so that the first "Build the pack" of a session costs what a warm
// build does: pdfmake and pdfkit set up (and their speed-ups installed), every shipped font file
// read and parsed, the words of the latest meeting's pack measured and shaped, and the layout code
// run once. It lays out the latest meeting's final pack, without papers and with at most
// `objectives` objectives (twice), and throws the bytes away; nothing is written.
import { PACK_SECTIONS } from '../store/meetings';
import type { Store } from '../store/store';
import { renderPack } from './build';
import { setEnginePatchLog } from './enginePatches';
import { pdfmakeReady } from './fonts';
import { collectPack, type PackEdition, type PackModel } from './model';

export interface WarmOptions {
  /** The most objectives laid out; a larger plan's remaining words are shaped by its first build. */
  objectives?: number;
  /**
   * Layouts run: V8 optimises the layout code over more than one run, and measured on the built-in
   * pack the first build after one pass still cost 1.6-2.0x a warm one in CPU, after two 1.26-1.39x.
   */
  passes?: number;
  /** Where a speed-up that switches itself off writes its one line (the app's log file). */
  log?: (line: string) => void;
}

export interface WarmResult {
  objectives: number;
  pages: number;
  seconds: number;
}

/** An edition as an issued pack would have it, without papers (they need no warming: pdf-lib is separate). */
function warmEdition(): PackEdition {
  return {
    version: 1,
    draft: false,
    marking: '',
    sections: PACK_SECTIONS.filter((s) => s !== 'papers'),
    replaces: null,
    changes: [],
  };
}

/** The model with its strands cut to the first `limit` objectives. */
function capped(model: PackModel, limit: number): PackModel {
  let left = limit;
  const strands = model.strands.map((strand) => {
    const objectives = strand.objectives.slice(0, Math.max(0, left));
    left -= objectives.length;
    return { ...strand, objectives };
  });
  return { ...model, strands, papers: [] };
}

/**
 * Warms the pack for this store's latest meeting (or only the engine, when there is none). Safe
 * to call at any time; it changes nothing a build produces (same bytes with or without it).
 */
export async function warmPack(store: Store, options: WarmOptions = {}): Promise<WarmResult> {
  const started = performance.now();
  if (options.log) setEnginePatchLog(options.log);
  pdfmakeReady();
  const meeting = (await store.meetings.list()).at(-1);
  if (!meeting) return { objectives: 0, pages: 0, seconds: (performance.now() - started) / 1000 };
  const model = capped(await collectPack(store, meeting.id, warmEdition()), options.objectives ?? 400);
  let pages = 0;
  for (let pass = 0; pass < (options.passes ?? 2); pass++) pages = (await renderPack(model)).pages;
  return {
    objectives: model.strands.reduce((n, s) => n + s.objectives.length, 0),
    pages,
    seconds: (performance.now() - started) / 1000,
  };
}
