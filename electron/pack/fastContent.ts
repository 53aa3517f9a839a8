// A faster way for pdfkit to write a page's drawing operators. pdfkit turns every operator it
// writes (a colour, a font, a line of text) into a Buffer of its own at once, and joins them when the
// page ends: a strand report writes some two hundred thousand of them (profiled: 7% of a build and
// much of its garbage). Here operators written as text are kept as text and turned into bytes
// together when the stream ends, in the same encoding and order. And pdfkit parses a colour's hex
// and formats its components afresh for every line of text drawn (pdfmake sets the colour each
// time); the operators for a hex colour are worked out once. The PDF bytes are unchanged (a test
// builds packs both ways and compares). A pdfkit whose internals differ is left alone.
import { createRequire } from 'node:module';

interface ReferenceLike {
  buffer: Uint8Array[] | Buffer;
  uncompressedLength: number;
  compress: boolean;
  data: { Length?: number; Filter?: string };
  write(chunk: Uint8Array | string): void;
  finalize(): void;
}

/** Operators written as text since the last Buffer, per stream. */
const pendingText = new WeakMap<ReferenceLike, string[]>();

function flushText(reference: ReferenceLike): void {
  const text = pendingText.get(reference);
  if (!text || text.length === 0) return;
  // pdfkit writes text as 'binary' (latin1): one byte per character, as here.
  (reference.buffer as Uint8Array[]).push(Buffer.from(text.join(''), 'binary'));
  pendingText.delete(reference);
}

interface ColourWriter {
  _setColorCore(color: unknown, stroke: boolean): boolean;
  _normalizeColor(color: unknown): number[] | null;
  addContent(operator: string): unknown;
}

/** "#1d2330" → "0.11… 0.13… 0.18…": pdfkit's own normalising and formatting, done once per colour. */
const hexComponents = new Map<string, string>();

function rememberHexColours(prototype: ColourWriter): boolean {
  if (typeof prototype._setColorCore !== 'function' || typeof prototype._normalizeColor !== 'function')
    return false;
  const setColorCore = prototype._setColorCore;
  prototype._setColorCore = function rememberedColour(this: ColourWriter, color: unknown, stroke: boolean) {
    if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color))
      return setColorCore.call(this, color, stroke);
    let components = hexComponents.get(color);
    if (components === undefined) {
      components = this._normalizeColor(color)?.join(' ') ?? '';
      hexComponents.set(color, components);
    }
    // As pdfkit writes an RGB colour: the colour space, then the components.
    this.addContent(`/DeviceRGB ${stroke ? 'CS' : 'cs'}`);
    this.addContent(`${components} ${stroke ? 'SCN' : 'scn'}`);
    return true;
  };
  return true;
}

let installed: boolean | null = null;

/** Installs the batching into pdfkit's stream objects once; says whether it could. */
export function installFastContent(): boolean {
  if (installed !== null) return installed;
  installed = false;
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const pdfkitPath = fromPdfmake.resolve('pdfkit');
  const fromPdfkit = createRequire(pdfkitPath);
  // pdfkit does not export PDFReference; a document's own ref() makes one to find its class.
  type Document = new (options: object) => { ref(data?: object): ReferenceLike };
  const loaded: Document | { default?: Document } = fromPdfkit(pdfkitPath);
  const PDFKit = 'default' in loaded ? loaded.default : (loaded as Document);
  if (typeof PDFKit !== 'function') return false;
  if (!rememberHexColours(PDFKit.prototype as ColourWriter)) return false;
  const probe = new PDFKit({ autoFirstPage: false, font: null }).ref({});
  const prototype = Object.getPrototypeOf(probe) as ReferenceLike;
  if (
    typeof prototype.write !== 'function' ||
    typeof prototype.finalize !== 'function' ||
    !Array.isArray(probe.buffer) ||
    probe.uncompressedLength !== 0
  )
    return false;
  const write = prototype.write;
  const finalize = prototype.finalize;
  prototype.write = function batchedWrite(this: ReferenceLike, chunk: Uint8Array | string) {
    if (typeof chunk !== 'string' || !Array.isArray(this.buffer)) {
      flushText(this);
      write.call(this, chunk);
      return;
    }
    // What pdfkit's own write does for text, without making the Buffer yet.
    const line = `${chunk}\n`;
    let text = pendingText.get(this);
    if (!text) {
      text = [];
      pendingText.set(this, text);
    }
    text.push(line);
    this.uncompressedLength += line.length;
    if (this.data.Length == null) this.data.Length = 0;
    this.data.Length += line.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  prototype.finalize = function batchedFinalize(this: ReferenceLike) {
    flushText(this);
    finalize.call(this);
  };
  installed = true;
  return true;
}
