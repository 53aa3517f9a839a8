// The lint holds the layers of STYLE.md by itself: each import the review found passing is refused,
// a correct one passes, and a cycle fails. Probes are linted as if they sat in the named folder.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Probes are not files of the TypeScript project, so the rules that need type information (awaited
// promises, expect() of a promise) are off for them; the layer and cycle rules need none.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
      'tests/no-expect-of-promise': 'off',
    },
  },
});

/** The layer and cycle messages ESLint gives `code` as the file `path` (from the repository root). */
async function refusals(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
  return result.messages
    .filter((m) =>
      ['layers/allowed-imports', 'import-x/no-cycle', 'no-restricted-globals'].includes(m.ruleId ?? ''),
    )
    .map((m) => m.message);
}

const forbidden: [folder: string, code: string][] = [
  ['renderer', "import { EventEmitter } from 'events'; export const e = new EventEmitter();"],
  ['renderer', "import { format } from 'util'; export const f = format('%s', 1);"],
  ['renderer', "import pdfmake from 'pdfmake'; export const p = pdfmake;"],
  ['renderer', "import ExcelJS from 'exceljs'; export const x = ExcelJS;"],
  ['renderer', "export const read = async () => (await import('node:fs')).readFileSync('x');"],
  ['renderer', 'export const home = process.env.HOME;'],
  ['renderer', "export const bytes = Buffer.from('x');"],
  ['renderer', "import { dispatch } from '../electron/handlers/dispatch'; export const d = dispatch;"],
  ['shared', "import { Buffer as B } from 'buffer'; export const b = B;"],
  ['shared', "import { inspect } from 'util'; export const i = inspect;"],
  ['shared', "import ExcelJS from 'exceljs'; export const x = ExcelJS;"],
  ['shared', 'export const argv = process.argv;'],
  ['shared', "export const bytes = Buffer.from('x');"],
  ['shared', 'export const w = window.location;'],
  ['shared', "import { useState } from 'react'; export const u = useState;"],
  ['electron/store', "import { dispatch } from '../handlers/dispatch'; export const d = dispatch;"],
  ['electron/store', "import { packCommand } from '../cli/pack'; export const p = packCommand;"],
  ['electron/store', "import { startBridge } from '../bridge/server'; export const s = startBridge;"],
  ['electron/store', "import { call } from '../../renderer/api'; export const c = call;"],
  ['electron/store', "import { app } from 'electron/main'; export const a = app;"],
  ['electron/store', "import { app } from 'electron'; export const a = app;"],
  ['electron/store', "import { createApp } from '../main/app'; export const c = createApp;"],
  ['electron/store', "export { dispatch } from '../handlers/dispatch';"],
  ['electron/store', "export * from '../handlers/dispatch';"],
  ['electron/store', "export const later = () => import('../handlers/dispatch');"],
  ['electron/store', 'export const later = (name: string) => import(name);'],
  ['electron/store', "import type { Handlers } from '../handlers/registry'; export type H = Handlers;"],
  ['electron/pack', "import { buildRenderer } from '../launch/build'; export const b = buildRenderer;"],
  [
    'electron/pack',
    "import { readFileSync } from 'node:fs'; import ExcelJS from 'exceljs'; export const x = [ExcelJS, readFileSync];",
  ],
  [
    'electron/exchange',
    "import { openStore } from '../store/store'; import { dispatch } from '../handlers/dispatch'; export const o = [openStore, dispatch];",
  ],
  ['electron/preload', "import { readFileSync } from 'node:fs'; export const r = readFileSync;"],
  ['electron/handlers', "import { registerIpc } from '../main/ipc'; export const r = registerIpc;"],
];

describe('the layer lint', () => {
  it.each(forbidden)('refuses, in %s/, %s', async (folder, code) => {
    expect(await refusals(`${folder}/probe.ts`, code)).not.toEqual([]);
  });

  it('refuses a file that belongs to no layer', async () => {
    const messages = await refusals('electron/elsewhere/probe.ts', "export const x = 'x';");
    expect(messages.join()).toMatch(/in no layer/);
  });

  it('lets each layer import what it is allowed', async () => {
    const allowed: [string, string][] = [
      [
        'renderer',
        "import { useState } from 'react'; import { monthLabel } from '../shared/months'; export const x = [useState, monthLabel];",
      ],
      [
        'shared',
        "import { z } from 'zod'; import { monthLabel } from './months'; export const x = [z, monthLabel];",
      ],
      [
        'electron/store',
        "import { readFileSync } from 'node:fs'; import Database from 'better-sqlite3'; import { BoardPackError } from '../../shared/errors'; export const x = [readFileSync, Database, BoardPackError];",
      ],
      ['electron/store', "export { BoardPackError } from '../../shared/errors';"],
      [
        'electron/cli',
        "import { dispatch } from '../handlers/dispatch'; import { Command } from 'commander'; export const x = [dispatch, Command];",
      ],
      [
        'electron/main',
        "import { app } from 'electron'; import { openStore } from '../store/store'; export const x = [app, openStore];",
      ],
      ['electron/bridge', "import { buildRenderer } from '../launch/build'; export const b = buildRenderer;"],
      [
        'tests/unit',
        "import { readFileSync } from 'node:fs'; import { app } from 'electron'; export const x = [readFileSync, app];",
      ],
    ];
    for (const [folder, code] of allowed)
      expect(await refusals(`${folder}/probe.ts`, code), folder).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    const cycleLint = new ESLint({ cwd: ROOT, ignore: false });
    const results = await cycleLint.lintFiles(['tests/fixtures/cycle/first.ts']);
    const messages = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'import-x/no-cycle'));
    expect(messages).toHaveLength(1);
  });
});
