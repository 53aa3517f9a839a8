// A faster way through pdfmake's text measuring for lines the typesetter has already set. For
// every inline pdfmake copies its styles twice, looks some twenty properties up through the style
// stack, and runs the Unicode line breaker over each whole text twice to find where
// one inline may join the next (profiled: a fifth of a strand report's time). Typeset lines carry
// every property and their breaks are known, so for a text made only of them this measures with
// pdfmake's own arithmetic and rules but without the copying and breaking only a text's ends. The PDF
// bytes are the same as pdfmake's own path gives (a test builds packs both ways and compares).
// Any other text, or a pdfmake whose internals differ, takes pdfmake's own path.
import { createRequire } from 'node:module';
import { isTypesetLine } from './typeset';

interface FontLike {
  lineHeight(size: number): number;
}

type MeasuredInline = Record<string, unknown> & {
  text: string;
  font: FontLike;
  fontSize: number;
  lineEnd: unknown;
  noNewLine: boolean | undefined;
  width: number;
  height: number;
  leadingCut: number;
  trailingCut: number;
  x: number;
};

interface TextInlinesLike {
  pdfDocument: { provideFont(family: string, bold: boolean, italics: boolean): FontLike };
  widthOfText(text: string, inline: MeasuredInline): number;
  buildInlines(textArray: unknown, stack: unknown): Built;
}

interface Built {
  items: MeasuredInline[];
  minWidth: number;
  maxWidth: number;
}

interface StyleStackStatics {
  getStyleProperty(item: object, stack: unknown, property: string, fallback: unknown): unknown;
}

interface LineBreakerLike {
  nextBreak(): { position: number } | null;
}

const LEADING = /^(\s)+/;
const TRAILING = /(\s)+$/;
const SPACE = /^\s$/;

/** As pdfmake's splitWords: a word loses the line break it ends with. */
function word(text: string): string {
  return text.replace(/\r?\n$|\r$/, '');
}

/** The first word of a text as pdfmake's line breaker finds it: only as far as the first break. */
function firstWord(LineBreaker: new (text: string) => LineBreakerLike, text: string): string {
  const bk = new LineBreaker(text).nextBreak();
  return bk ? word(text.slice(0, bk.position)) : text;
}

const ALNUM = /[A-Za-z0-9]/;

/**
 * Where the line breaker may start afresh near a text's end: just after a space between two letters
 * or digits. Unicode's line breaking always allows a break there (UAX #14: a space breaks before a
 * letter, and none of the rules that look back across spaces applies after a letter), and nothing
 * before it changes the breaks after it, so the last word is found without breaking the whole text.
 */
function restartPoint(text: string): number {
  for (let p = text.length - 1; p >= 2; p--)
    if (text.charCodeAt(p - 1) === 32 && ALNUM.test(text[p]) && ALNUM.test(text[p - 2])) return p;
  return 0;
}

/** The last word of a text as pdfmake's line breaker finds it. */
function lastWord(LineBreaker: new (text: string) => LineBreakerLike, text: string): string {
  if (text.length === 0) return '';
  const tail = text.slice(restartPoint(text));
  const breaker = new LineBreaker(tail);
  let last = 0;
  let found = '';
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    found = word(tail.slice(last, bk.position));
    last = bk.position;
  }
  return found;
}

/** Whether two words with no break between them would be one word to pdfmake (one break in all). */
function joins(LineBreaker: new (text: string) => LineBreakerLike, text: string): boolean {
  const breaker = new LineBreaker(text);
  let breaks = 0;
  while (breaker.nextBreak()) breaks += 1;
  return breaks <= 1;
}

/** What pdfmake's measuring looks up for each inline, with its fallbacks. */
const LOOKED_UP = {
  font: 'Roboto',
  bold: false,
  italics: false,
  alignment: 'left',
  fontSize: 12,
  fontFeatures: null,
  characterSpacing: 0,
  color: 'black',
  decoration: null,
  decorationColor: null,
  decorationStyle: null,
  decorationThickness: null,
  background: null,
  link: null,
  linkToPage: null,
  linkToDestination: null,
  noWrap: null,
  opacity: 1,
  sup: false,
  sub: false,
  lineHeight: 1,
  preserveLeadingSpaces: false,
  preserveTrailingSpaces: false,
  leadingIndent: 0,
} as const;

type Looked = { -readonly [K in keyof typeof LOOKED_UP]: unknown };

/**
 * pdfmake takes a property from the inline itself when set there, else from the style stack. The
 * stack is the same for every inline of one text, so it is asked once per text, not per inline.
 */
const LOOKED_UP_KEYS = Object.keys(LOOKED_UP) as (keyof Looked)[];

function textStyle(stack: unknown, statics: StyleStackStatics): Looked {
  // Made with every key at once and then filled in: an object grown key by key to two dozen keys
  // is a slow, large one (a fifth of a 2,000-objective build's allocation was these, profiled).
  const style: Looked = { ...LOOKED_UP };
  const keys = LOOKED_UP_KEYS;
  // For an item with no style of its own, pdfmake's getStyleProperty pushes nothing and asks the
  // stack; asking the stack straight away is the same answer without checking ~35 names per key.
  if (isStack(stack)) {
    for (const key of keys) {
      const value = stack.getProperty(key);
      style[key] = value === undefined || value === null ? LOOKED_UP[key] : value;
    }
    return style;
  }
  for (const key of keys) style[key] = statics.getStyleProperty({}, stack, key, LOOKED_UP[key]);
  return style;
}

function isStack(stack: unknown): stack is { getProperty(key: string): unknown } {
  return (
    typeof stack === 'object' &&
    stack !== null &&
    typeof (stack as { getProperty?: unknown }).getProperty === 'function'
  );
}

function own<K extends keyof Looked>(line: Record<string, unknown>, key: K, style: Looked): unknown {
  const value = line[key];
  return value === undefined || value === null ? style[key] : value;
}

/**
 * A measured inline with the properties pdfmake's layout and drawing read from it, made in one go:
 * copying the line and adding properties one by one leaves V8 with slow, dictionary-shaped objects
 * that every later step then reads. Properties only measuring needs (bold, italics, line height,
 * spaces kept) are not carried: a 4,000-objective pack holds some 130,000 of these until drawn.
 */
function measuredLine(line: Record<string, unknown>, style: Looked, font: FontLike): MeasuredInline {
  const sup = own(line, 'sup', style);
  const sub = own(line, 'sub', style);
  const fontSize = Number(own(line, 'fontSize', style));
  return {
    text: String(line.text),
    font,
    alignment: own(line, 'alignment', style),
    // pdfmake's size for superscript and subscript.
    fontSize: sup || sub ? fontSize * 0.58 : fontSize,
    fontFeatures: own(line, 'fontFeatures', style),
    characterSpacing: own(line, 'characterSpacing', style),
    color: own(line, 'color', style),
    decoration: own(line, 'decoration', style),
    background: own(line, 'background', style),
    link: own(line, 'link', style),
    linkToPage: own(line, 'linkToPage', style),
    linkToDestination: own(line, 'linkToDestination', style),
    noWrap: own(line, 'noWrap', style),
    opacity: own(line, 'opacity', style),
    sup,
    sub,
    lineEnd: line.lineEnd,
    noNewLine: undefined,
    width: 0,
    height: 0,
    leadingCut: 0,
    trailingCut: 0,
    x: 0,
  };
}

const fonts = new WeakMap<object, Map<string, FontLike>>();

/** pdfmake's font object for a font, looked up once per document. */
function fontOf(
  doc: TextInlinesLike['pdfDocument'],
  family: unknown,
  bold: unknown,
  italics: unknown,
): FontLike {
  let known = fonts.get(doc);
  if (!known) {
    known = new Map();
    fonts.set(doc, known);
  }
  const key = `${String(family)}|${Boolean(bold)}|${Boolean(italics)}`;
  let font = known.get(key);
  if (!font) {
    font = doc.provideFont(String(family), Boolean(bold), Boolean(italics));
    known.set(key, font);
  }
  return font;
}

function fastBuild(
  this: TextInlinesLike,
  typeset: Record<string, unknown>[],
  stack: unknown,
  statics: StyleStackStatics,
  LineBreaker: new (text: string) => LineBreakerLike,
): Built {
  const style = textStyle(stack, statics);
  const items: MeasuredInline[] = [];
  let previousWord: string | null = null;
  for (let i = 0; i < typeset.length; i++) {
    const line = typeset[i];
    const font = fontOf(
      this.pdfDocument,
      own(line, 'font', style),
      own(line, 'bold', style),
      own(line, 'italics', style),
    );
    const item = measuredLine(line, style, font);
    const indent = i === 0 ? Number(own(line, 'leadingIndent', style)) : 0;
    if (indent) {
      item.leadingCut = -indent;
      item.leadingIndent = indent;
    }
    // pdfmake breaks every text of several inlines into words to see if one inline's last word
    // runs on into the next one's first; here only as much of each text is broken as that needs.
    if (previousWord && joins(LineBreaker, previousWord + firstWord(LineBreaker, item.text)))
      items[items.length - 1].noNewLine = true;
    previousWord = i + 1 < typeset.length ? lastWord(LineBreaker, item.text) : null;
    item.width = this.widthOfText(item.text, item);
    item.height = font.lineHeight(item.fontSize) * Number(own(line, 'lineHeight', style));
    // Drawn only with a decoration; most lines have none.
    if (item.decoration) {
      item.decorationColor = own(line, 'decorationColor', style);
      item.decorationStyle = own(line, 'decorationStyle', style);
      item.decorationThickness = own(line, 'decorationThickness', style);
    }
    const preserveLeading = own(line, 'preserveLeadingSpaces', style);
    const leading = !preserveLeading && SPACE.test(item.text.charAt(0)) ? LEADING.exec(item.text) : null;
    if (leading) item.leadingCut += this.widthOfText(leading[0], item);
    const preserveTrailing = own(line, 'preserveTrailingSpaces', style);
    const trailing =
      !preserveTrailing && SPACE.test(item.text.charAt(item.text.length - 1))
        ? TRAILING.exec(item.text)
        : null;
    if (trailing) item.trailingCut = this.widthOfText(trailing[0], item);
    items.push(item);
  }
  return { items, ...widthRange(items, style.noWrap === true) };
}

/** pdfmake's minimum and maximum widths of a text, with its arithmetic in its order. */
function widthRange(items: MeasuredInline[], noWrap: boolean): { minWidth: number; maxWidth: number } {
  const trimmed = (w: { width: number; leadingCut: number; trailingCut: number }) =>
    Math.max(0, w.width - w.leadingCut - w.trailingCut);
  let minWidth = 0;
  let maxWidth = 0;
  let current: { width: number; leadingCut: number; trailingCut: number } | null = null;
  for (const inline of items) {
    minWidth = Math.max(minWidth, trimmed(inline));
    if (!current) current = { width: 0, leadingCut: inline.leadingCut, trailingCut: 0 };
    current.width += inline.width;
    current.trailingCut = inline.trailingCut;
    maxWidth = Math.max(maxWidth, trimmed(current));
    if (inline.lineEnd) current = null;
  }
  return { minWidth: noWrap ? maxWidth : minWidth, maxWidth };
}

let installed: boolean | null = null;

/** Installs the fast path into pdfmake once; says whether it could. */
export function installFastInlines(): boolean {
  if (installed !== null) return installed;
  installed = false;
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const inlinesModule: { default?: { prototype: TextInlinesLike } } = fromPdfmake('./TextInlines.js');
  const stackModule: { default?: StyleStackStatics } = fromPdfmake('./StyleContextStack.js');
  const LineBreaker: unknown = fromPdfmake('linebreak');
  const prototype = inlinesModule.default?.prototype;
  const statics = stackModule.default;
  if (
    !prototype ||
    typeof prototype.buildInlines !== 'function' ||
    typeof prototype.widthOfText !== 'function' ||
    typeof statics?.getStyleProperty !== 'function' ||
    typeof LineBreaker !== 'function'
  )
    return false;
  const breaker = LineBreaker as new (text: string) => LineBreakerLike;
  const original = prototype.buildInlines;
  prototype.buildInlines = function buildInlines(this: TextInlinesLike, textArray: unknown, stack: unknown) {
    if (Array.isArray(textArray) && textArray.length > 0 && textArray.every(isTypesetLine))
      return fastBuild.call(this, textArray as Record<string, unknown>[], stack, statics, breaker);
    return original.call(this, textArray, stack);
  };
  installed = true;
  return true;
}
