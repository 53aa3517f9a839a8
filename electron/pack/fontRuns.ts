// Per-character font fallback. pdfmake sets each text run in one font, and no single font covers
// Latin, Hebrew, Arabic, symbols and emoji, so text is split into runs by the font that has the
// characters. The ranges mirror what resources/fonts keeps (see its README).
import type { Inline, TextPart } from './content';
import { FONT } from './fonts';

type FontName = (typeof FONT)[keyof typeof FONT];

/** Text the main font covers entirely: the common case, checked once with no allocation. */
const MAIN_ONLY = /^[\t\n\r\u0020-\u036f\u0370-\u04ff\u1e00-\u1eff\u2000-\u205f\u20a0-\u20cf\u2100-\u218f]*$/;

const RTL_FONTS = new Set<FontName>([FONT.hebrew, FONT.arabic]);
/** Longest right-to-left stretch kept on one line, so a long Hebrew or Arabic paragraph still wraps. */
const RTL_CHUNK = 48;

const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;

function fontOf(cp: number, next: number): FontName | null {
  if (cp === 0x200d || cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3) return FONT.emoji;
  if (cp >= 0x0590 && cp <= 0x05ff) return FONT.hebrew;
  if (cp >= 0xfb1d && cp <= 0xfb4f) return FONT.hebrew;
  if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff))
    return FONT.arabic;
  if ((cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return FONT.arabic;
  if (cp >= 0x1f000) return FONT.emoji;
  // Arrows, mathematical operators and technical symbols: Noto Sans has none of them.
  const math =
    (cp >= 0x2190 && cp <= 0x23ff) || (cp >= 0x27c0 && cp <= 0x27ff) || (cp >= 0x2900 && cp <= 0x2aff);
  if (math) return EMOJI_PRESENTATION.test(String.fromCodePoint(cp)) ? FONT.emoji : FONT.math;
  const symbol = (cp >= 0x25a0 && cp <= 0x27bf) || (cp >= 0x2b00 && cp <= 0x2bff);
  if (symbol)
    return next === 0xfe0f || EMOJI_PRESENTATION.test(String.fromCodePoint(cp)) ? FONT.emoji : FONT.symbols;
  return null;
}

interface Run {
  font: FontName | null;
  text: string;
}

function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const cp = ch.codePointAt(0) ?? 0;
    const next = i + 1 < chars.length ? (chars[i + 1].codePointAt(0) ?? 0) : 0;
    let font = fontOf(cp, next);
    const last = runs[runs.length - 1];
    // A space between two right-to-left words belongs to the right-to-left run (see setRtl).
    if (font === null && ch === ' ' && last && last.font && RTL_FONTS.has(last.font)) {
      const after = fontOf(next, 0);
      if (after === last.font) font = last.font;
    }
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

/**
 * pdfmake breaks lines at spaces and lays words out left to right, which would put the words of a
 * Hebrew or Arabic phrase in the wrong order. A right-to-left phrase is therefore kept together
 * with no-break spaces (fontkit then orders and shapes its glyphs right to left), in chunks short
 * enough to wrap.
 */
function setRtl(text: string): string[] {
  const words = text.split(' ');
  const chunks: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + word.length + 1 > RTL_CHUNK) {
      chunks.push(current);
      current = word;
    } else {
      current = current ? `${current}\u00a0${word}` : word;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

const LONG_WORD = /[^\s\u200b]{32,}/g;
const BREAK_EVERY = /([^\s\u200b]{24})(?=[^\s\u200b])/g;

/**
 * pdfmake widens a table column to fit an unbreakable word, pushing the table off the page, so
 * a very long token (a URL, a pasted identifier) gets zero-width break opportunities.
 */
function breakLongWords(text: string): string {
  if (!LONG_WORD.test(text)) return text;
  LONG_WORD.lastIndex = 0;
  return text.replace(LONG_WORD, (word) => word.replace(BREAK_EVERY, '$1\u200b'));
}

/** The text as inlines, each in a font that has its characters; plain Latin text comes back as is. */
export function fontRuns(source: string, style: Omit<Inline, 'text'> = {}): TextPart[] {
  const text = breakLongWords(source);
  if (MAIN_ONLY.test(text)) return [hasStyle(style) ? { text, ...style } : text];
  const parts: TextPart[] = [];
  for (const run of splitRuns(text)) {
    if (run.font === null) {
      parts.push(hasStyle(style) ? { text: run.text, ...style } : run.text);
    } else if (RTL_FONTS.has(run.font)) {
      setRtl(run.text).forEach((chunk, i) => {
        if (i > 0) parts.push(' ');
        parts.push({ text: chunk, ...style, font: run.font ?? undefined });
      });
    } else {
      parts.push({ text: run.text, ...style, font: run.font });
    }
  }
  return parts;
}

function hasStyle(style: Omit<Inline, 'text'>): boolean {
  for (const key in style) if (key) return true;
  return false;
}

/** A text node's content with fallback fonts applied. */
export function safeText(text: string, style: Omit<Inline, 'text'> = {}): TextPart[] | string {
  const parts = fontRuns(text, style);
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  return parts;
}
