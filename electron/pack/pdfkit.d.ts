// The part of pdfkit 0.19 the pack (its measuring and speed-ups) and the benchmark's floor use; pdfkit ships no types.
declare module 'pdfkit' {
  interface PDFKitOptions {
    size?: string;
    margin?: number;
    autoFirstPage?: boolean;
    bufferPages?: boolean;
    info?: Record<string, unknown>;
    /** Encryption, used by the tests to make a password-protected paper. */
    userPassword?: string;
    ownerPassword?: string;
    pdfVersion?: string;
    /** The font set at the start; null sets none (pdfkit's default is Helvetica). */
    font?: string | null;
  }
  class PDFKitDocument {
    constructor(options?: PDFKitOptions);
    font(src: string): this;
    /** A new page (the tests' fixture papers). */
    addPage(options?: { size?: string; margin?: number }): this;
    fontSize(size: number): this;
    widthOfString(text: string): number;
    text(text: string, options?: { width?: number }): this;
    moveDown(lines?: number): this;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end' | 'pageAdded', listener: () => void): this;
    end(): void;
    /** Private: the current font, an EmbeddedFont once an embedded font is set (read by sharedWords.ts only). */
    _font: unknown;
  }
  export default PDFKitDocument;
}
