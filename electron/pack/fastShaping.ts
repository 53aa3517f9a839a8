// Shaping a plain Latin word without fontkit's general machinery. A cold build spent most of its
// shaping time running fontkit's OpenType engine for each new word: a shaping plan per word, then
// every substitution and positioning lookup of the font walked over every glyph, all of it still
// unoptimised code in a fresh process. For the words a pack is mostly made of, that machinery ends
// in the same place each time: each character's own glyph, its advance, and the kerning between
// neighbouring glyphs.
//
// This shaper takes a word only when it can show that is all fontkit would do: every character is a
// Latin or common one with a glyph of its own (no marks, no default-ignorable or fraction characters,
// no variation selectors, nothing GDEF calls a mark or a ligature), the font kerns Latin and
// script-less text (digits, punctuation) with the same lookups, and no substitution lookup and no
// positioning lookup other than pair kerning, of either script, can fire anywhere in the word (each
// checked the way fontkit matches it: a ligature's components, a format-3 context's backtrack, input
// and lookahead; anything else by its coverage, which errs towards fontkit). The kerning is then
// applied pair by pair with fontkit's own coverage and class lookups, in fontkit's order, and scaled
// as pdfkit scales it. Any other word goes to fontkit. The result is fontkit's to the last bit:
// tests/integration/pack.fastShaping.test.ts compares them over the words of the built-in plan and
// the README, every pair and thousands of strings of 190 characters, and
// pack.fastPaths.test.ts builds packs with and without it and compares their SHA-256.

import { shapePlainWords, type ShapedRun } from './shapingCache';

/** The glyph objects and positions fontkit makes, as far as this file makes them too. */
interface Glyph {
  id: number;
  advanceWidth: number;
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth?: number;
  [key: string]: number | undefined;
}

type PositionClass = new (xAdvance?: number) => Position;

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}

interface ValueRecord {
  xAdvance?: number | null;
  yAdvance?: number | null;
  xPlacement?: number | null;
  yPlacement?: number | null;
}

interface Subtable {
  version?: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  coverages?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  inputCoverage?: Coverage[];
  backtrackCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  backtrackGlyphCount?: number;
  inputGlyphCount?: number;
  ligatureSets?: { get(index: number): Iterable<{ components: number[] }> };
  pairSets?: {
    get(index: number): Iterable<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }>;
  };
  classDef1?: unknown;
  classDef2?: unknown;
  classRecords?: {
    get(index: number): { get(index: number): { value1?: ValueRecord; value2?: ValueRecord } };
  };
}

interface Lookup {
  lookupType: number;
  flags?: { markAttachmentType?: number; flags?: Record<string, boolean> };
  subTables: Iterable<Subtable>;
}

interface Processor {
  features: Record<string, unknown>;
  selectScript(script?: string, language?: string, direction?: string): string;
  lookupsForFeatures(features: string[]): { feature: string; index: number; lookup: Lookup }[];
  coverageIndex(coverage: Coverage, glyph: number): number;
  getClassID(glyph: number, classDef: unknown): number;
}

interface FontkitFont {
  _layoutEngine: { engine?: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null } };
  _variationProcessor?: unknown;
  GDEF?: { glyphClassDef?: unknown };
  numGlyphs: number;
  kern?: unknown;
  glyphForCodePoint(codePoint: number): Glyph;
  layout(text: string): { positions: Position[] };
}

/** fontkit's default shaper: the global features of its one stage (ltr), and the local ones. */
const GLOBAL_FEATURES = [
  'rvrn',
  'ltra',
  'ltrm',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
];
/** Given only to digits around a fraction slash, which a simple word never has. */
const LOCAL_FEATURES = ['frac', 'numr', 'dnom'];

/**
 * Latin and common characters: Basic Latin, Latin-1 less the soft hyphen (default-ignorable), Latin
 * Extended-A and -B, general punctuation from the hyphens to the ellipsis and from per mille on
 * less the fraction slash, and currency signs. No marks, no ignorables, no variation selectors.
 */
function plainCharacter(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0x24f && c !== 0xad) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e && c !== 0x2044) ||
    (c >= 0x20a0 && c <= 0x20c0)
  );
}

/** A lookup subtable that is not pair kerning, as a test of whether it could fire at a position. */
type Fires = (glyphs: number[], at: number) => boolean;

interface Blocker {
  /** The glyphs it can fire at: no word without one of them needs the test. */
  first: number[];
  fires: Fires;
}

interface Shaper {
  /** Glyphs a simple word may hold: with a glyph, and neither a mark nor a ligature in GDEF. */
  glyphOf: Map<number, Glyph | null>;
  blockers: Blocker[];
  /** 1 for a glyph some blocker can fire at. */
  trigger: Uint8Array;
  /** Pair kerning lookups in fontkit's order, each its subtables. */
  pairs: Subtable[][];
  /** Per lookup, the adjustment of each pair of glyphs met so far. */
  pairCache: Map<number, ValueRecord[] | null>[];
  gpos: Processor;
  Position: PositionClass;
}

function glyphsOf(coverage: Coverage | undefined): number[] | null {
  if (!coverage) return null;
  if (coverage.version === 1 && Array.isArray(coverage.glyphs)) return coverage.glyphs;
  if (coverage.version === 2 && Array.isArray(coverage.rangeRecords)) {
    const out: number[] = [];
    for (const range of coverage.rangeRecords) for (let g = range.start; g <= range.end; g++) out.push(g);
    return out;
  }
  return null;
}

/** As fontkit's coverageSequenceMatches with nothing skipped: glyphs from `start` on, one per coverage. */
function coveredFrom(processor: Processor, glyphs: number[], start: number, sequence: Coverage[]): boolean {
  for (let k = 0; k < sequence.length; k++) {
    const g = glyphs[start + k];
    if (g === undefined || processor.coverageIndex(sequence[k], g) < 0) return false;
  }
  return true;
}

/**
 * Whether a subtable (not pair kerning) could fire at a position of a word of plain glyphs; null if
 * it is of a kind this file does not know, when no word is taken.
 */
function firesOf(processor: Processor, type: number, table: Subtable, gsub: boolean): Blocker | null {
  const covered = (coverage: Coverage | undefined): Blocker | null => {
    const first = glyphsOf(coverage);
    if (!first) return null;
    const set = new Set(first);
    return { first, fires: (glyphs, at) => set.has(glyphs[at]) };
  };
  if ((gsub && type === 7) || (!gsub && type === 9)) {
    if (!table.extension || table.lookupType === undefined) return null;
    return firesOf(processor, table.lookupType, table.extension, gsub);
  }
  if (gsub && type === 4 && table.coverage && table.ligatureSets) {
    const { coverage, ligatureSets } = table;
    const first = glyphsOf(coverage);
    if (!first) return null;
    const fires: Fires = (glyphs, at) => {
      const index = processor.coverageIndex(coverage, glyphs[at]);
      if (index < 0) return false;
      for (const ligature of ligatureSets.get(index))
        if (ligature.components.every((c, k) => glyphs[at + 1 + k] === c)) return true;
      return false;
    };
    return { first, fires };
  }
  // Contexts: format 3 matched as fontkit matches them, other formats by their first coverage.
  const contextual = (gsub && (type === 5 || type === 6)) || (!gsub && (type === 7 || type === 8));
  if (contextual && table.version === 3) {
    const chained = (gsub && type === 6) || (!gsub && type === 8);
    if (!chained) {
      const { coverages } = table;
      const first = glyphsOf(coverages?.[0]);
      if (!coverages || !first) return null;
      return { first, fires: (glyphs, at) => coveredFrom(processor, glyphs, at, coverages) };
    }
    const { inputCoverage, backtrackCoverage, lookaheadCoverage, backtrackGlyphCount, inputGlyphCount } =
      table;
    const first = glyphsOf(inputCoverage?.[0]);
    if (!inputCoverage || !backtrackCoverage || !lookaheadCoverage || !first) return null;
    const back = backtrackGlyphCount ?? backtrackCoverage.length;
    const ahead = inputGlyphCount ?? inputCoverage.length;
    const fires: Fires = (glyphs, at) =>
      (back === 0 || at - back >= 0) &&
      coveredFrom(processor, glyphs, at - back, backtrackCoverage) &&
      coveredFrom(processor, glyphs, at, inputCoverage) &&
      coveredFrom(processor, glyphs, at + ahead, lookaheadCoverage);
    return { first, fires };
  }
  if (!gsub && (type === 4 || type === 5)) return covered(table.markCoverage);
  if (!gsub && type === 6) return covered(table.mark1Coverage);
  // Anything else fontkit knows starts at a glyph of its coverage.
  if (type >= 1 && type <= 8) return covered(table.coverage);
  return null;
}

/** A positioning lookup's subtables if it is pair kerning, directly or through extensions. */
function pairSubtables(lookup: Lookup): Subtable[] | null {
  const tables = [...lookup.subTables];
  if (lookup.lookupType === 2) return tables;
  if (lookup.lookupType === 9 && tables.every((t) => t.lookupType === 2 && t.extension))
    return tables.map((t) => t.extension as Subtable);
  return null;
}

function lookupsOf(
  processor: Processor,
  script: string,
): { feature: string; lookup: Lookup; index: number }[] {
  processor.selectScript(script, undefined, 'ltr');
  return processor.lookupsForFeatures([...GLOBAL_FEATURES, ...LOCAL_FEATURES]);
}

function sameLookups(a: { index: number }[], b: { index: number }[]): boolean {
  return a.length === b.length && a.every((x, i) => x.index === b[i].index);
}

/** Only flags that skip nothing in a word of base glyphs (marks are never in one). */
function plainFlags(lookup: Lookup): boolean {
  const flags = lookup.flags?.flags ?? {};
  return !flags.ignoreBaseGlyphs && !flags.ignoreLigatures && !flags.rightToLeft;
}

function buildShaper(font: FontkitFont): Shaper | null {
  if (font._variationProcessor) return null;
  const engine = font._layoutEngine.engine;
  const gsub = engine?.GSUBProcessor ?? null;
  const gpos = engine?.GPOSProcessor ?? null;
  if (!gpos) return null;
  const gposLatin = lookupsOf(gpos, 'latn');
  const gposPlain = lookupsOf(gpos, 'zzzz');
  const kernIn = gpos.features.kern !== undefined;
  gpos.selectScript('latn', undefined, 'ltr');
  const kernInLatin = gpos.features.kern !== undefined;
  // Without GPOS kerning fontkit would also apply an old-style kern table.
  if (font.kern && !(kernIn && kernInLatin)) return null;
  // A word of only common characters (digits, punctuation) gets fontkit's default script, others
  // Latin: the kerning must be the same either way; a substitution of either script must not fire.
  const pairsOf = (lookups: typeof gposLatin) =>
    lookups.filter((l) => !LOCAL_FEATURES.includes(l.feature) && pairSubtables(l.lookup));
  if (!sameLookups(pairsOf(gposLatin), pairsOf(gposPlain))) return null;
  const blockers: Blocker[] = [];
  const pairs: Subtable[][] = [];
  // A lookup listed under several features, or for both scripts, is checked once.
  const seen = { gsub: new Set<number>(), gpos: new Set<number>() };
  if (gsub) {
    for (const { feature, lookup, index } of [...lookupsOf(gsub, 'latn'), ...lookupsOf(gsub, 'zzzz')]) {
      if (LOCAL_FEATURES.includes(feature) || seen.gsub.has(index)) continue;
      seen.gsub.add(index);
      if (!plainFlags(lookup)) return null;
      for (const table of lookup.subTables) {
        const fires = firesOf(gsub, lookup.lookupType, table, true);
        if (!fires) return null;
        blockers.push(fires);
      }
    }
  }
  const gposBlockers = (lookups: typeof gposLatin, keepPairs: boolean): boolean => {
    for (const { feature, lookup, index } of lookups) {
      if (LOCAL_FEATURES.includes(feature)) continue;
      if (!plainFlags(lookup)) return false;
      const kerning = pairSubtables(lookup);
      if (kerning) {
        // Every listing counts here: fontkit applies a lookup listed twice twice.
        if (keepPairs) pairs.push(kerning);
        continue;
      }
      if (seen.gpos.has(index)) continue;
      seen.gpos.add(index);
      for (const table of lookup.subTables) {
        const fires = firesOf(gpos, lookup.lookupType, table, false);
        if (!fires) return false;
        blockers.push(fires);
      }
    }
    return true;
  };
  if (!gposBlockers(gposLatin, true) || !gposBlockers(gposPlain, false)) return null;
  // Pair kerning after a lookup that could move glyphs would need that lookup's result first; the
  // order only matters if one fires, and then the word goes to fontkit.
  const Position = font.layout(' ').positions[0]?.constructor as PositionClass | undefined;
  // pdfkit scales every own property of a position; plainRun scales these four by name.
  if (!Position || Object.keys(new Position(1)).join() !== 'xAdvance,yAdvance,xOffset,yOffset') return null;
  let last = font.numGlyphs;
  for (const blocker of blockers) for (const glyph of blocker.first) last = Math.max(last, glyph);
  const trigger = new Uint8Array(last + 1);
  for (const blocker of blockers) for (const glyph of blocker.first) trigger[glyph] = 1;
  return {
    glyphOf: new Map(),
    blockers,
    trigger,
    pairs,
    pairCache: pairs.map(() => new Map()),
    gpos,
    Position,
  };
}

const shapers = new WeakMap<object, Shaper | null>();

function shaperFor(font: FontkitFont): Shaper | null {
  let shaper = shapers.get(font);
  if (shaper === undefined) {
    try {
      shaper = buildShaper(font);
    } catch {
      shaper = null;
    }
    shapers.set(font, shaper);
  }
  return shaper;
}

/** The glyph of a plain character, or null: none in the font, or a mark or ligature in GDEF. */
function plainGlyph(font: FontkitFont, shaper: Shaper, c: number): Glyph | null {
  let glyph = shaper.glyphOf.get(c);
  if (glyph === undefined) {
    const found = font.glyphForCodePoint(c);
    const gdefClass = font.GDEF?.glyphClassDef
      ? shaper.gpos.getClassID(found.id, font.GDEF.glyphClassDef)
      : 0;
    glyph = found.id !== 0 && (gdefClass === 0 || gdefClass === 1) ? found : null;
    shaper.glyphOf.set(c, glyph);
  }
  return glyph;
}

const NO_VALUE: ValueRecord = {};

/** fontkit's pair positioning for two neighbours: the first subtable that applies, or none. */
function pairAdjustment(
  shaper: Shaper,
  subtables: Subtable[],
  left: number,
  right: number,
): ValueRecord[] | null {
  const { gpos } = shaper;
  for (const table of subtables) {
    if (!table.coverage) continue;
    const index = gpos.coverageIndex(table.coverage, left);
    if (index === -1) continue;
    if (table.version === 1 && table.pairSets) {
      for (const pair of table.pairSets.get(index))
        if (pair.secondGlyph === right) return [pair.value1 ?? NO_VALUE, pair.value2 ?? NO_VALUE];
      continue;
    }
    if (table.version === 2 && table.classRecords) {
      const class1 = gpos.getClassID(left, table.classDef1);
      const class2 = gpos.getClassID(right, table.classDef2);
      if (class1 === -1 || class2 === -1) continue;
      const pair = table.classRecords.get(class1).get(class2);
      return [pair.value1 ?? NO_VALUE, pair.value2 ?? NO_VALUE];
    }
  }
  return null;
}

/** As fontkit's applyPositionValue, without variations (refused above). */
function applyValue(position: Position, value: ValueRecord): void {
  if (value.xAdvance != null) position.xAdvance += value.xAdvance;
  if (value.yAdvance != null) position.yAdvance += value.yAdvance;
  if (value.xPlacement != null) position.xOffset += value.xPlacement;
  if (value.yPlacement != null) position.yOffset += value.yPlacement;
}

/**
 * A word shaped as fontkit would, then scaled as pdfkit's layoutRun scales it; null when the word
 * is not one this file can show fontkit would only kern.
 */
export function plainRun(font: FontkitFont, scale: number, text: string): ShapedRun | null {
  if (text.length === 0) return null;
  const shaper = shaperFor(font);
  if (!shaper) return null;
  const glyphs: Glyph[] = [];
  const ids: number[] = [];
  let triggered = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!plainCharacter(c)) return null;
    const glyph = plainGlyph(font, shaper, c);
    if (!glyph) return null;
    glyphs.push(glyph);
    ids.push(glyph.id);
    if (shaper.trigger[glyph.id] === 1) triggered = true;
  }
  if (triggered)
    for (let at = 0; at < ids.length; at++)
      for (const blocker of shaper.blockers) if (blocker.fires(ids, at)) return null;
  const positions = glyphs.map((glyph) => new shaper.Position(glyph.advanceWidth));
  for (let p = 0; p < shaper.pairs.length; p++) {
    const known = shaper.pairCache[p];
    for (let at = 0; at + 1 < ids.length; at++) {
      const key = ids[at] * 65536 + ids[at + 1];
      let values = known.get(key);
      if (values === undefined) {
        values = pairAdjustment(shaper, shaper.pairs[p], ids[at], ids[at + 1]);
        known.set(key, values);
      }
      if (!values) continue;
      applyValue(positions[at], values[0]);
      applyValue(positions[at + 1], values[1]);
    }
  }
  let advanceWidth = 0;
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    position.xAdvance *= scale;
    position.yAdvance *= scale;
    position.xOffset *= scale;
    position.yOffset *= scale;
    position.advanceWidth = glyphs[i].advanceWidth * scale;
    advanceWidth += position.xAdvance;
  }
  return { glyphs, positions, advanceWidth };
}

/** Has the shared shaping cache shape plain words here (see the top of this file). */
export function installPlainShaping(): boolean {
  shapePlainWords((font, scale, text) => plainRun(font as unknown as FontkitFont, scale, text));
  return true;
}
