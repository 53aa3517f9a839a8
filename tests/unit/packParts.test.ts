// How a very large pack is cut into parts (electron/pack/parts.ts): at page turns the pack makes
// anyway, or between the rows of a long table, whose header goes with every piece; a part that
// prints page numbers ends at the next page turn; a small pack is not cut at all.
import { describe, expect, it, vi } from 'vitest';
import type { Node, TableNode, TextNode } from '../../electron/pack/content';
import { splitIntoParts, withPageNumbers, takeBookmarks, type Bookmark } from '../../electron/pack/parts';

const turn = (text: string): TextNode => ({ text, pageBreak: 'before' });
const table = (name: string, rows: number): TableNode => ({
  table: {
    widths: ['*'],
    headerRows: 1,
    body: [
      [{ text: `${name} header` }],
      ...Array.from({ length: rows }, (_, i) => [{ text: `${name} ${i + 1}` }]),
    ],
  },
});
const texts = (nodes: Node[]): string[] =>
  nodes.flatMap((n) =>
    typeof n === 'object' && !Array.isArray(n) && 'table' in n
      ? n.table.body.map((row) => (row[0] as TextNode).text as string)
      : typeof n === 'object' && !Array.isArray(n) && 'text' in n
        ? [n.text as string]
        : [],
  );

describe('cutting a pack into parts', () => {
  it('leaves a pack with no more rows than the threshold whole', () => {
    expect(splitIntoParts([turn('A'), table('a', 30)], { fromRows: 30, rowsPerPart: 10 })).toBeNull();
  });

  it('cuts at page turns once a part holds its rows, and never elsewhere between short tables', () => {
    const content = [
      turn('A'),
      table('a', 8),
      table('b', 8),
      turn('B'),
      table('c', 8),
      turn('C'),
      table('d', 2),
    ];
    const parts = splitIntoParts(content, { fromRows: 0, rowsPerPart: 16 }) ?? [];
    expect(parts.map((p) => texts(p.nodes)[0])).toEqual(['A', 'B']);
    expect(parts[1].nodes).toEqual(content.slice(3));
  });

  it('cuts a long table between rows, each piece with the header, and loses no row', () => {
    const parts = splitIntoParts([turn('A'), table('a', 25)], { fromRows: 0, rowsPerPart: 10 }) ?? [];
    const pieces = parts.map((p) => texts(p.nodes));
    expect(pieces.map((p) => p.filter((t) => t === 'a header').length)).toEqual(parts.map(() => 1));
    const rows = pieces.flat().filter((t) => t.startsWith('a ') && t !== 'a header');
    expect(rows).toEqual(Array.from({ length: 25 }, (_, i) => `a ${i + 1}`));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(1 + 1 + 10);
  });

  it('ends a part that prints page numbers at the next page turn, and marks it', () => {
    const contents: TextNode = { text: [{ text: '00', pageReference: 'section-b' }] };
    const parts =
      splitIntoParts([turn('A'), contents, turn('B'), table('b', 3), turn('C')], {
        fromRows: 0,
        rowsPerPart: 100,
      }) ?? [];
    expect(parts.map((p) => p.refers)).toEqual([true, false]);
    expect(parts[0].nodes).toEqual([turn('A'), contents]);
  });

  it('prints a reference as the page given, still linked to its anchor, or as blanks before pages are known', () => {
    const node: TextNode = {
      text: ['Exceptions ', { text: '00', pageReference: 'section-exceptions', bold: true }],
    };
    expect(withPageNumbers(node, () => 12)).toEqual({
      text: ['Exceptions ', { text: '12', linkToDestination: 'section-exceptions', bold: true }],
    });
    expect(withPageNumbers(node, () => null)).toEqual({
      text: ['Exceptions ', { text: '000', linkToDestination: 'section-exceptions', bold: true }],
    });
    const plain: TextNode = { text: 'No references' };
    expect(withPageNumbers(plain, () => 1)).toBe(plain);
  });

  it('takes the bookmarks off the nodes, in order, with their parents', () => {
    const found: Bookmark[] = [];
    const nodes = [
      { text: 'Strand reports', id: 'section-strands', outline: true },
      {
        stack: [
          {
            text: 'Homicide',
            id: 'strand-6',
            outline: true,
            outlineText: '6. Homicide',
            outlineParentId: 'section-strands',
          },
        ],
      },
    ].map((n) => takeBookmarks(n as Node, found));
    expect(found).toEqual([
      { anchor: 'section-strands', title: 'Strand reports' },
      { anchor: 'strand-6', title: '6. Homicide', parent: 'section-strands' },
    ]);
    expect(JSON.stringify(nodes)).not.toContain('outline');
  });
});

describe('collecting garbage between parts', () => {
  it('says once in the log, and goes on, where V8 gives no gc function', async () => {
    vi.resetModules();
    vi.doMock('node:vm', () => ({ runInNewContext: () => undefined }));
    const lines: string[] = [];
    const { setEnginePatchLog } = await import('../../electron/pack/enginePatches');
    setEnginePatchLog((line) => lines.push(line));
    const { collectGarbage } = await import('../../electron/pack/join');
    collectGarbage();
    collectGarbage();
    expect(lines).toEqual([
      "a large pack's parts are joined without collecting garbage between them (V8 gave no gc function)",
    ]);
    vi.doUnmock('node:vm');
  });
});
