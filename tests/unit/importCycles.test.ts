// No import cycle anywhere in the repository, type-only imports included: import-x/no-cycle in the
// lint skips `import type`, and a type cycle is still two files that cannot be understood apart.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// A cycle kept on purpose, for the lint's own probe (tests/unit/layers.test.ts).
const PROBE = 'tests/fixtures/cycle/';

function resolveImport(from: string, specifier: string): string | null {
  const base = join(ROOT, dirname(from), specifier);
  const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
    (candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate),
  );
  return found ? relative(ROOT, found).split('\\').join('/') : null;
}

/** Each TypeScript file and the repository files it imports, in any form (type, dynamic, re-export). */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveImport(file, specifier))
      .filter((target): target is string => target !== null);
    graph.set(file, targets);
  }
  return graph;
}

/** The groups of files that import each other, directly or round a loop (Tarjan's components). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    order.set(file, next);
    low.set(file, next++);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!order.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (stack.includes(target)) low.set(file, Math.min(low.get(file)!, order.get(target)!));
    }
    if (low.get(file) !== order.get(file)) return;
    const group = stack.splice(stack.indexOf(file));
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(group.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return found;
}

const sourceFiles = (): string[] =>
  execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file !== '' && existsSync(join(ROOT, file)));

describe('import cycles', () => {
  it('finds the cycle kept as the lint probe, so the search itself works', () => {
    const probe = sourceFiles().filter((file) => file.startsWith(PROBE));
    expect(cycles(importGraph(probe))).toEqual([[`${PROBE}first.ts`, `${PROBE}second.ts`]]);
  });

  it('finds none in the code, type-only imports included', () => {
    const code = sourceFiles().filter((file) => !file.startsWith(PROBE));
    expect(cycles(importGraph(code))).toEqual([]);
  });
});
