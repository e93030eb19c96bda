// Lint: correctness rules plus the package boundaries of DESIGN.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const restrict = (paths, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'bench/scratch/**', '**/dist/**', '.tsbuild/**', 'data/**', 'docs/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The server must never leave a promise unhandled: Hocuspocus does not catch hook failures.
    files: ['collab-server/src/**/*.ts', 'persistence/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['shared-types/src/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'react', 'react-dom', 'better-sqlite3', 'ws', 'pg'],
      ['@baton/persistence*', '@baton/collab-server*', '@baton/client*', '@hocuspocus/*', 'react/*'],
      'shared-types is the pure domain: no I/O, Node built-ins, React or other Baton packages.',
    ),
  },
  {
    files: ['shared-types/src/**/*.ts'],
    ignores: ['shared-types/src/ydoc/**'],
    rules: restrict(
      [...nodeBuiltins, 'react', 'react-dom', 'better-sqlite3', 'ws', 'pg', 'yjs'],
      ['@baton/persistence*', '@baton/collab-server*', '@baton/client*', '@hocuspocus/*', 'react/*'],
      'shared-types is the pure domain; only its ydoc/ subpath may import yjs.',
    ),
  },
  {
    files: ['persistence/src/**/*.ts'],
    rules: restrict(['react', 'ws'], ['@baton/collab-server*', '@baton/client*', '@hocuspocus/*'], 'persistence depends only on shared-types.'),
  },
  {
    files: ['collab-server/src/**/*.ts'],
    rules: restrict(['react', 'react-dom'], ['@baton/client*'], 'The server never imports the client.'),
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, 'better-sqlite3', 'ws', 'pg'],
        ['@baton/collab-server*', '@baton/persistence*', '@hocuspocus/server*'],
        'The client never imports the server, persistence or Node built-ins.',
      ),
    },
  },
  {
    files: ['client/src/ui/**/*.{ts,tsx}'],
    rules: restrict(
      [...nodeBuiltins, '@hocuspocus/provider', 'yjs', 'y-indexeddb'],
      ['@baton/collab-server*', '@baton/persistence*', '**/sync/**', '../sync', '../../sync'],
      'ui/ is presentational: no sync imports (pass data and callbacks in as props).',
    ),
  },
);
