// Lint rules, including the layering of STYLE.md: every folder imports only what eslint.layers.js
// allows it (folders, Node built-ins, packages), a file in no layer fails, and so does an import
// cycle. Node's globals exist only in Node folders; renderer/ has the browser's; shared/ has neither.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { LAYERS, layersPlugin } from './eslint.layers.js';
import { testsPlugin } from './eslint.tests.js';

const names = (...sets) => [...new Set(sets.flatMap((set) => Object.keys(set)))];
const nodeOnlyGlobals = names(globals.node).filter((name) => !(name in globals.browser));
const hostGlobals = names(globals.node, globals.browser).filter((name) => !(name in globals.builtin));

const codeFiles = ['**/*.{ts,tsx,js,mjs,cjs}'];
const nodeFolders = Object.entries(LAYERS)
  .filter(([, layer]) => layer.node)
  .map(([name]) => (name === '.' ? '*.{ts,js,mjs}' : `${name}/**`));

export default tseslint.config(
  // tests/fixtures/cycle/ is a cycle on purpose: tests/unit/layers.test.ts lints it to see the lint refuse it.
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', '.cache/', 'tests/fixtures/cycle/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: codeFiles,
    plugins: { layers: layersPlugin, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'layers/allowed-imports': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  { files: nodeFolders, languageOptions: { globals: { ...globals.node } } },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...nodeOnlyGlobals.map((name) => ({
          name,
          message: 'The renderer has no Node: it talks only to window.boardPack.',
        })),
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...hostGlobals.map((name) => ({
          name,
          message: 'shared/ is pure TypeScript: no Node or browser globals.',
        })),
      ],
    },
  },
  // The data port is async: a store call that is not awaited (or a promise used as a condition)
  // would run out of its transaction or test nothing. These rules need type information.
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { tests: testsPlugin },
    rules: {
      'tests/no-expect-of-promise': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
);
