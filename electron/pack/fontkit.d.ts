// The part of fontkit 2 the typesetter uses to measure words exactly as pdfkit does.
declare module 'fontkit' {
  interface FontkitGlyphRun {
    advanceWidth: number;
  }
  interface FontkitFont {
    unitsPerEm: number;
    layout(text: string): FontkitGlyphRun;
  }
  export function openSync(path: string): FontkitFont;
}
