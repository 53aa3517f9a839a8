// Each target is type-checked with only its own world: renderer/ has the DOM and no Node types,
// shared/ has neither, the Node folders have Node's. A probe file is checked under each config.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** The compiler's complaints about `code` as the file `path`, under the tsconfig `config`. */
function complaints(config: string, path: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${config} could not be read`);
  const probe = join(ROOT, path);
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (file, language, ...rest) => {
    if (file === probe) return ts.createSourceFile(file, code, language);
    // Parsed once for all probes: lib.dom.d.ts and @types/node are large.
    if (!parsedFiles.has(file)) parsedFiles.set(file, getSourceFile(file, language, ...rest));
    return parsedFiles.get(file);
  };
  const fileExists = host.fileExists;
  host.fileExists = (file) => file === probe || fileExists(file);
  const program = ts.createProgram([probe], parsed.options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the TypeScript configs per target', () => {
  it.each([
    ['renderer', 'export const home = process.env.HOME;', /Cannot find name 'process'/],
    ['renderer', "export const bytes = Buffer.from('x');", /Cannot find name 'Buffer'/],
    ['shared', "export const bytes = Buffer.from('x');", /Cannot find name 'Buffer'/],
    ['shared', 'export const argv = process.argv;', /Cannot find name 'process'/],
    ['shared', 'export const hash = window.location.hash;', /Cannot find name 'window'/],
  ])('refuses, in %s/, %s', (target, code, complaint) => {
    expect(complaints(`tsconfig.${target}.json`, `${target}/probe.ts`, code).join('\n')).toMatch(complaint);
  });

  it('gives each target what it is meant to have', () => {
    expect(
      complaints('tsconfig.renderer.json', 'renderer/probe.ts', 'export const hash = window.location.hash;'),
    ).toEqual([]);
    expect(
      complaints('tsconfig.shared.json', 'shared/probe.ts', 'export const twice = [1, 2].map((n) => n * 2);'),
    ).toEqual([]);
    expect(
      complaints('tsconfig.node.json', 'electron/store/probe.ts', 'export const home = process.env.HOME;'),
    ).toEqual([]);
  });
});
