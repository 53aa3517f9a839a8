// Reads a PDF back in-process for tests and docs tooling: text per page, words with their boxes,
// rows of a page, page sizes, fonts, outline, metadata, and a page rendered to PNG. Built on
// MuPDF's WebAssembly build (AGPL: a devDependency, never shipped in the app), so no test spawns
// a binary and nothing comes from the system.
import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';

export interface WordBox {
  word: string;
  /** In points from the page's top left, as the page is shown (rotation applied). */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfFont {
  /** The font's /BaseFont, with any subset prefix (ABCDEF+NotoSans-Regular). */
  name: string;
  embedded: boolean;
}

export interface OutlineEntry {
  title: string;
  /** 1-based page the bookmark opens, when it points into the document. */
  page?: number;
  /** Nesting depth, 0 for a top-level bookmark. */
  depth: number;
}

export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
}

interface Line {
  text: string;
  /** Vertical centre of the line, to gather one row's lines together. */
  y: number;
  x: number;
  height: number;
}

/** A PDF opened once and read page by page (pages are 1-based, as a reader counts them). */
export class PdfReadBack {
  private readonly doc: mupdf.Document;
  private readonly pdf: mupdf.PDFDocument;
  private readonly lines = new Map<number, Line[]>();

  constructor(source: string | Uint8Array) {
    const bytes = typeof source === 'string' ? readFileSync(source) : source;
    this.doc = mupdf.Document.openDocument(bytes, 'application/pdf');
    const pdf = this.doc.asPDF();
    if (!pdf) throw new Error('not a PDF');
    this.pdf = pdf;
  }

  get pageCount(): number {
    return this.doc.countPages();
  }

  /** One page's text in the order it is drawn, a line of text per line; zero-width spaces dropped. */
  pageText(page: number): string {
    return this.pageLines(page)
      .map((l) => l.text)
      .join('\n');
  }

  /** Every page's text, in page order. */
  pageTexts(): string[] {
    return Array.from({ length: this.pageCount }, (_, i) => this.pageText(i + 1));
  }

  /**
   * One page as rows: the pieces of text that share a line across the page (a table row's cells,
   * a contents entry and its page number), left to right, joined by a space, top to bottom.
   */
  pageRows(page: number): string[] {
    const rows: Line[][] = [];
    const byTop = [...this.pageLines(page)].sort((a, b) => a.y - b.y || a.x - b.x);
    for (const line of byTop) {
      const row = rows.find((r) => Math.abs(r[0].y - line.y) < Math.min(r[0].height, line.height) / 2);
      if (row) row.push(line);
      else rows.push([line]);
    }
    return rows.map((r) =>
      r
        .sort((a, b) => a.x - b.x)
        .map((l) => l.text.trim())
        .join(' '),
    );
  }

  /** Every word on one page with its box, split at spaces, in the order drawn. */
  words(page: number): WordBox[] {
    const words: WordBox[] = [];
    let current: WordBox | null = null;
    const end = () => {
      if (current && current.word) words.push(current);
      current = null;
    };
    this.structuredText(page).walk({
      onChar(c, _origin, _font, _size, quad) {
        if (/\s|\u200b/.test(c)) return end();
        const xs = [quad[0], quad[2], quad[4], quad[6]];
        const ys = [quad[1], quad[3], quad[5], quad[7]];
        const box = {
          xMin: Math.min(...xs),
          yMin: Math.min(...ys),
          xMax: Math.max(...xs),
          yMax: Math.max(...ys),
        };
        if (!current) current = { word: '', ...box };
        current.word += c;
        current.xMin = Math.min(current.xMin, box.xMin);
        current.yMin = Math.min(current.yMin, box.yMin);
        current.xMax = Math.max(current.xMax, box.xMax);
        current.yMax = Math.max(current.yMax, box.yMax);
      },
      endLine: end,
    });
    return words;
  }

  /** A page's width and height in points, as shown (a page turned by /Rotate 90 reads landscape). */
  pageSize(page: number): { width: number; height: number } {
    const [x0, y0, x1, y1] = this.doc.loadPage(page - 1).getBounds();
    return { width: x1 - x0, height: y1 - y0 };
  }

  /** Every font the pages use, their forms included, each once, sorted by name. */
  fonts(): PdfFont[] {
    const found = new Map<string, PdfFont>();
    const seen = new Set<number>();
    const visit = (resources: mupdf.PDFObject) => {
      resources.get('Font').forEach((font) => {
        const name = font.get('BaseFont').isName() ? font.get('BaseFont').asName() : '(unnamed)';
        found.set(name, { name, embedded: isEmbedded(font) });
      });
      resources.get('XObject').forEach((xobject) => {
        if (xobject.isIndirect()) {
          if (seen.has(xobject.asIndirect())) return;
          seen.add(xobject.asIndirect());
        }
        if (xobject.get('Subtype').isName() && xobject.get('Subtype').asName() === 'Form')
          visit(xobject.get('Resources'));
      });
    };
    for (let i = 0; i < this.pageCount; i++)
      visit(this.pdf.loadPage(i).getObject().getInheritable('Resources'));
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The bookmarks, depth first, as a reader's sidebar lists them. */
  outline(): OutlineEntry[] {
    const entries: OutlineEntry[] = [];
    const walk = (items: ReturnType<mupdf.Document['loadOutline']>, depth: number) => {
      for (const item of items ?? []) {
        entries.push({
          title: item.title ?? '',
          ...(item.page === undefined || item.page < 0 ? {} : { page: item.page + 1 }),
          depth,
        });
        walk(item.down ?? null, depth + 1);
      }
    };
    walk(this.doc.loadOutline(), 0);
    return entries;
  }

  /** The document information dictionary's fields a reader's Properties shows. */
  metadata(): PdfMetadata {
    const field = (key: string) => this.doc.getMetaData(`info:${key}`) || undefined;
    return {
      title: field('Title'),
      author: field('Author'),
      subject: field('Subject'),
      keywords: field('Keywords'),
      creator: field('Creator'),
      producer: field('Producer'),
    };
  }

  /** The catalog's XMP metadata as text ('' when it has none): where a PDF/A file says it is one. */
  xmp(): string {
    const metadata = this.pdf.getTrailer().get('Root').get('Metadata');
    return metadata.isStream() ? metadata.readStream().asString() : '';
  }

  /** The subtype (/S) of each of the catalog's output intents: GTS_PDFA1 for a PDF/A file's. */
  outputIntents(): string[] {
    const intents: string[] = [];
    this.pdf
      .getTrailer()
      .get('Root')
      .get('OutputIntents')
      .forEach((intent) => {
        const subtype = intent.get('S');
        intents.push(subtype.isName() ? subtype.asName() : '(none)');
      });
    return intents;
  }

  /** One page drawn as an opaque PNG at `dpi` dots per inch. */
  renderPng(page: number, dpi = 96): Buffer {
    const scale = dpi / 72;
    const pixmap = this.doc
      .loadPage(page - 1)
      .toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    return Buffer.from(pixmap.asPNG());
  }

  private structuredText(page: number): mupdf.StructuredText {
    // Ligatures expanded and spaces kept as drawn, so words read as typed.
    return this.doc.loadPage(page - 1).toStructuredText('preserve-whitespace');
  }

  private pageLines(page: number): Line[] {
    const cached = this.lines.get(page);
    if (cached) return cached;
    // Text comes from the JSON form: the per-character walk's binding builds each character with
    // String.fromCharCode, which cuts one outside the Basic Multilingual Plane (🚓 reads as U+F693).
    const parsed = JSON.parse(this.structuredText(page).asJSON()) as StructuredPage;
    const lines = parsed.blocks
      .flatMap((block) => block.lines ?? [])
      .map((line) => ({
        text: line.text.replace(/\u200b/g, '').trimEnd(),
        y: line.bbox.y + line.bbox.h / 2,
        x: line.bbox.x,
        height: line.bbox.h,
      }))
      .filter((line) => line.text.trim() !== '');
    this.lines.set(page, lines);
    return lines;
  }
}

/** The parts of MuPDF's structured-text JSON read here. */
interface StructuredPage {
  blocks: { lines?: { text: string; bbox: { x: number; y: number; w: number; h: number } }[] }[];
}

function isEmbedded(font: mupdf.PDFObject): boolean {
  const subtype = font.get('Subtype').isName() ? font.get('Subtype').asName() : '';
  if (subtype === 'Type3') return true;
  const descriptor =
    subtype === 'Type0'
      ? font.get('DescendantFonts').get(0).get('FontDescriptor')
      : font.get('FontDescriptor');
  // A standard font named without embedding (Helvetica) may have no descriptor at all.
  if (!descriptor.isDictionary()) return false;
  return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => !descriptor.get(key).isNull());
}

/** Opens a PDF file (a path) or its bytes for reading back. */
export function readPdf(source: string | Uint8Array): PdfReadBack {
  return new PdfReadBack(source);
}
