// The plain-word shaper (electron/pack/fastShaping.ts) against fontkit itself, as pdfkit calls it:
// the same glyphs (ids and code points), the same positions to the last bit, the same width.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT, FONT_FILES } from '../../electron/pack/fonts';
import { plainRun } from '../../electron/pack/fastShaping';

interface Run {
  glyphs: { id: number; codePoints: number[] }[];
  positions: Record<string, number>[];
  advanceWidth: number;
}

interface Embedded {
  font: object;
  scale: number;
  layoutRun(text: string): Run;
}

/** pdfkit as pdfmake loads it, with a font opened the way pdfkit opens it. */
function embedded(file: string): Embedded {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const PDFKit = fromPdfmake('pdfkit') as new (options: object) => {
    font(file: string): { _font: Embedded };
  };
  return new PDFKit({ autoFirstPage: false, font: null }).font(file)._font;
}

function shape(run: Run) {
  return {
    glyphs: run.glyphs.map((g) => [g.id, ...g.codePoints]),
    positions: run.positions.map((p) => Object.entries(p)),
    advanceWidth: run.advanceWidth,
  };
}

/** Words as pdfkit shapes them: up to and including each space. */
function chunks(text: string): string[] {
  return text.split(/(?<= )/).filter(Boolean);
}

const PLAN = readFileSync(
  new URL('../../resources/plans/met-serious-violence-2007.json', import.meta.url),
  'utf8',
);
// The README: another few thousand words of English prose, with its punctuation.
const PROSE = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

const CHARACTERS = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'ÀÁÂÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ',
  ...'ąćęłńśźżĄĆĘŁŃŚŹŻŵŷŴŶőűŒœŸ',
  ...'\u00a0–—‘’‚“”„†‡•…‰‹›€£¥©®°±²³µ¶·¹º»¼½¾¿×÷',
];

/** A fixed pseudo-random sequence, so every run tests the same strings. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function vocabulary(): string[] {
  const words = new Set<string>();
  for (const text of [PLAN, PROSE])
    for (const word of chunks(text.replace(/\s+/g, ' '))) {
      words.add(word);
      words.add(word.trimEnd());
    }
  for (const a of CHARACTERS) for (const b of CHARACTERS) words.add(a + b);
  const next = random(7);
  for (let i = 0; i < 6000; i++) {
    const length = 3 + Math.floor(next() * 8);
    let word = '';
    for (let k = 0; k < length; k++) word += CHARACTERS[Math.floor(next() * CHARACTERS.length)];
    words.add(word);
  }
  words.delete('');
  return [...words];
}

describe('the plain-word shaper', () => {
  const words = vocabulary();
  const fonts = [
    ['NotoSans Regular', FONT_FILES[FONT.text].normal],
    ['NotoSans Bold', FONT_FILES[FONT.text].bold],
    ['NotoSans Italic', FONT_FILES[FONT.text].italics],
  ] as const;
  for (const [name, file] of fonts) {
    it(`shapes words in ${name} exactly as fontkit does, or leaves them to it`, () => {
      const font = embedded(file);
      let taken = 0;
      const differ: string[] = [];
      for (const word of words) {
        const plain = plainRun(font.font as never, font.scale, word);
        if (!plain) continue;
        taken += 1;
        if (JSON.stringify(shape(plain as unknown as Run)) !== JSON.stringify(shape(font.layoutRun(word))))
          differ.push(word);
      }
      expect(differ.slice(0, 20)).toEqual([]);
      // Most words are plain ones; the test would prove nothing if the shaper took none.
      expect(taken / words.length).toBeGreaterThan(0.5);
    });
  }
});
