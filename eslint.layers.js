// The layers of STYLE.md as an allow-list: each folder names the folders, Node built-ins and npm
// packages it may import; anything else, and any file in no folder here, fails the lint.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

const ANY = '*';

// The engine runs under plain Node (no 'electron'): files/ and pdf/ (reading PDFs within limits)
// at the bottom, then store/, then what stands on the store. The doors (main, preload, cli,
// bridge) and the desktop shell's Node side (shell) stand on the handlers; launch/ is build
// tooling, which nothing in the engine imports. Within a folder every file may import every other:
// cycles are caught by import-x/no-cycle, not here.
const ENGINE = ['shared', 'electron/files', 'electron/pdf', 'electron/store'];

/** @type {Record<string, { folders: string[], node: boolean, packages: string[] }>} */
export const LAYERS = {
  shared: { folders: [], node: false, packages: ['zod'] },
  renderer: { folders: ['shared'], node: false, packages: ['react', 'react-dom', 'zustand', 'zod'] },

  'electron/files': { folders: ['shared'], node: true, packages: [] },
  'electron/pdf': { folders: ['shared'], node: true, packages: ['pdf-lib'] },
  'electron/store': {
    folders: ['shared', 'electron/files', 'electron/pdf'],
    node: true,
    packages: ['better-sqlite3', 'pg', 'pdf-lib', 'zod'],
  },
  'electron/plan': {
    folders: ENGINE,
    node: true,
    packages: ['exceljs', 'csv-parse', 'csv-stringify', 'zod'],
  },
  'electron/pack': { folders: ENGINE, node: true, packages: ['pdfmake', 'pdfkit', 'pdf-lib', 'zod'] },
  'electron/exchange': { folders: ENGINE, node: true, packages: ['zod'] },
  'electron/demo': { folders: ENGINE, node: true, packages: ['zod'] },
  'electron/handlers': {
    folders: [...ENGINE, 'electron/plan', 'electron/pack', 'electron/exchange', 'electron/demo'],
    node: true,
    packages: ['zod'],
  },

  'electron/shell': { folders: [...ENGINE, 'electron/handlers'], node: true, packages: ['zod'] },
  'electron/main': {
    folders: [...ENGINE, 'electron/handlers', 'electron/shell'],
    node: true,
    packages: ['electron', 'zod'],
  },
  'electron/preload': { folders: ['shared'], node: false, packages: ['electron'] },
  'electron/cli': {
    folders: [
      ...ENGINE,
      'electron/plan',
      'electron/pack',
      'electron/exchange',
      'electron/demo',
      'electron/handlers',
    ],
    node: true,
    packages: ['commander', 'tsx', 'zod'],
  },
  'electron/bridge': {
    folders: [...ENGINE, 'electron/handlers', 'electron/shell', 'electron/launch'],
    node: true,
    packages: ['zod'],
  },
  'electron/launch': {
    folders: [],
    node: true,
    packages: ['vite', '@vitejs/plugin-react', 'playwright-core', '@sparticuz/chromium', 'tar'],
  },

  tests: { folders: [ANY], node: true, packages: [ANY] },
  // The configuration files at the top of the repository.
  '.': { folders: [], node: true, packages: [ANY] },
};

const ROOT_FILES = ['eslint.config.js', 'eslint.layers.js', 'eslint.tests.js', 'vitest.config.ts'];

/** The layer a repository path (forward slashes, from the root) belongs to, or null. */
export function layerOf(repoPath) {
  if (ROOT_FILES.includes(repoPath)) return '.';
  const names = Object.keys(LAYERS).filter((name) => name !== '.' && repoPath.startsWith(`${name}/`));
  return names.sort((a, b) => b.length - a.length)[0] ?? null;
}

const toRepoPath = (absolute) => relative(ROOT, absolute).split(sep).join('/');

const packageOf = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

const isBuiltin = (specifier) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);

/** Why `specifier`, imported from `layer` by the file at `fromFile`, is refused; null if allowed. */
export function refusal(layer, fromFile, specifier) {
  const rule = LAYERS[layer];
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = toRepoPath(resolve(dirname(fromFile), specifier));
    const targetLayer = layerOf(target) ?? layerOf(`${target}/`);
    if (targetLayer === null) return `${layer}/ may not import ${target}, which is in no layer.`;
    if (targetLayer === layer || rule.folders.includes(ANY) || rule.folders.includes(targetLayer))
      return null;
    return `${layer}/ may not import from ${targetLayer}/ (it may import: ${rule.folders.join(', ') || 'nothing outside itself'}).`;
  }
  if (isBuiltin(specifier)) {
    return rule.node ? null : `${layer}/ may not import the Node module '${specifier}'.`;
  }
  const name = packageOf(specifier);
  if (rule.packages.includes(ANY) || rule.packages.includes(name)) return null;
  return `${layer}/ may not import the package '${name}' (it may import: ${rule.packages.join(', ') || 'no package'}).`;
}

function literalOf(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node.type === 'TSLiteralType') return literalOf(node.literal);
  return null;
}

const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its layer allows (eslint.layers.js).' },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename;
    const layer = layerOf(toRepoPath(file));
    const rule = LAYERS[layer];
    const check = (node, source) => {
      const specifier = literalOf(source);
      if (specifier === undefined) return;
      if (specifier === null) {
        if (rule.folders.includes(ANY) && rule.packages.includes(ANY)) return;
        context.report({
          node,
          message: 'An import whose module is computed cannot be checked against the layers.',
        });
        return;
      }
      const reason = refusal(layer, file, specifier);
      if (reason) context.report({ node, message: reason });
    };
    if (layer === null) {
      return {
        Program(node) {
          context.report({
            node,
            message: `${toRepoPath(file)} is in no layer: move it into a folder listed in eslint.layers.js.`,
          });
        },
      };
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.source ?? node.argument),
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression(node) {
        const callee = node.callee;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        const isResolve =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'require' &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'resolve';
        if (isRequire || isResolve) check(node, node.arguments[0]);
      },
    };
  },
};

export const layersPlugin = { rules: { 'allowed-imports': allowedImports } };
