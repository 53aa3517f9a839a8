// The pdfmake document nodes the pack builds, typed: only the properties we use. pdfmake itself is
// untyped, so these types are the contract between the sections and the renderer.
export type Margins = [number, number, number, number];

export interface Inline {
  text: string;
  font?: string;
  bold?: boolean;
  italics?: boolean;
  fontSize?: number;
  color?: string;
  characterSpacing?: number;
  lineHeight?: number;
  noWrap?: boolean;
  /** pdfmake starts a new line after this inline. */
  lineEnd?: boolean;
  pageReference?: string;
  /** A link to a named destination (an anchor): what a page reference becomes in a pack built in parts. */
  linkToDestination?: string;
  alignment?: 'left' | 'center' | 'right' | 'justify';
}

export type TextPart = string | Inline;

/** pdfmake does not pass an inline's style on to nested inlines, so styles are applied to each part. */
export function styled(parts: TextPart[], style: Omit<Inline, 'text'>): Inline[] {
  return parts.map((part) => (typeof part === 'string' ? { text: part, ...style } : { ...style, ...part }));
}

export interface TextNode {
  text: string | TextPart[];
  style?: string | string[];
  font?: string;
  bold?: boolean;
  italics?: boolean;
  fontSize?: number;
  color?: string;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  margin?: Margins;
  lineHeight?: number;
  characterSpacing?: number;
  noWrap?: boolean;
  colSpan?: number;
  fillColor?: string;
  border?: [boolean, boolean, boolean, boolean];
  id?: string;
  outline?: boolean;
  outlineText?: string;
  outlineParentId?: string;
  pageBreak?: 'before' | 'after';
  pageOrientation?: 'portrait' | 'landscape';
  pageReference?: string;
  linkToDestination?: string;
  width?: number | string;
  preserveLeadingSpaces?: boolean;
  absolutePosition?: { x: number; y: number };
}

export interface CanvasRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  color?: string;
  lineColor?: string;
  lineWidth?: number;
}
/** A dashed stroke: `length` drawn, `space` left. */
export interface Dash {
  length: number;
  space?: number;
}
export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineColor?: string;
  lineWidth?: number;
  lineCap?: 'butt' | 'round' | 'square';
  dash?: Dash;
}
export interface CanvasPolyline {
  type: 'polyline';
  points: { x: number; y: number }[];
  closePath?: boolean;
  color?: string;
  lineColor?: string;
  lineWidth?: number;
  lineJoin?: 'miter' | 'round' | 'bevel';
  dash?: Dash;
}
export interface CanvasEllipse {
  type: 'ellipse';
  x: number;
  y: number;
  r1: number;
  r2: number;
  color?: string;
  lineColor?: string;
  lineWidth?: number;
}
export type CanvasShape = CanvasRect | CanvasLine | CanvasPolyline | CanvasEllipse;

export interface CanvasNode {
  canvas: CanvasShape[];
  margin?: Margins;
  absolutePosition?: { x: number; y: number };
  width?: number | string;
  colSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
}

export interface StackNode {
  stack: Node[];
  margin?: Margins;
  unbreakable?: boolean;
  pageBreak?: 'before' | 'after';
  colSpan?: number;
  fillColor?: string;
  border?: [boolean, boolean, boolean, boolean];
  id?: string;
  width?: number | string;
}

export interface ColumnsNode {
  columns: Node[];
  columnGap?: number;
  margin?: Margins;
  width?: number | string;
}

export interface TableLayout {
  hLineWidth?: (i: number, node: { table: { body: unknown[]; headerRows?: number } }) => number;
  vLineWidth?: (i: number) => number;
  hLineColor?: (i: number, node: { table: { body: unknown[]; headerRows?: number } }) => string;
  vLineColor?: (i: number) => string;
  paddingLeft?: (i: number) => number;
  paddingRight?: (i: number, node: { table: { widths: unknown[] } }) => number;
  paddingTop?: (i: number) => number;
  paddingBottom?: (i: number) => number;
  fillColor?: (rowIndex: number) => string | null;
}

export interface TableNode {
  table: {
    widths: (number | string)[];
    body: Node[][];
    headerRows?: number;
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
  };
  layout?: TableLayout | string;
  margin?: Margins;
  pageBreak?: 'before' | 'after';
  colSpan?: number;
  id?: string;
  /** Kept on one page, moved whole to the next when it does not fit (as a stack can be). */
  unbreakable?: boolean;
}

export interface EmptyCell {
  text: '';
  border?: [boolean, boolean, boolean, boolean];
}

export type Node = string | TextNode | CanvasNode | StackNode | ColumnsNode | TableNode | EmptyCell | Node[];

export interface DynamicContext {
  currentPage: number;
  pageCount: number;
}

export interface DocDefinition {
  pageSize: 'A4';
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins: Margins;
  info: {
    title: string;
    author: string;
    subject: string;
    keywords: string;
    creator: string;
    producer: string;
    creationDate: Date;
    /** Drafts only: an issued pack's XMP has no modification date to match it (archival.ts). */
    modDate?: Date;
  };
  /** 'PDF/A-2b' for an issued pack (archival.ts); pdfmake passes it to pdfkit. */
  subset?: 'PDF/A-2b';
  /** The PDF version pdfkit writes; pdfmake's default is 1.3. */
  version?: '1.7';
  content: Node[];
  header: (currentPage: number, pageCount: number) => Node;
  footer: (currentPage: number, pageCount: number) => Node;
  background?: (currentPage: number) => Node;
  watermark?: {
    text: string;
    color: string;
    opacity: number;
    bold: boolean;
    fontSize: number;
    angle?: number;
  };
  defaultStyle: { font: string; fontSize: number; lineHeight: number; color: string };
  styles: Record<string, Omit<TextNode, 'text'>>;
  language?: string;
}
