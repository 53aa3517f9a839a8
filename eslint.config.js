// Lint rules, including the layering of STYLE.md: shared/ is pure; renderer/ never reaches Node or
// electron/; only electron/main and electron/preload may import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'url',
  'stream',
  'zlib',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: [] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node modules.' },
            {
              group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ imports nothing from either side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3'],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer talks only to window.boardPack.' },
            { group: ['**/electron/**'], message: 'The renderer talks only to window.boardPack.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
