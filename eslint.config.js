// Lint: strict TypeScript everywhere, and the process boundaries of DESIGN.md made mechanical.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiAndShell = ['electron', 'react', 'react-dom', 'react-dom/*', 'react-i18next'];

// The engine knows nothing of Electron, React or the two processes that use it.
const engineBoundary = {
  paths: uiAndShell.map((name) => ({ name, message: 'src/ is the UI-free engine.' })),
  patterns: [
    {
      group: ['**/main/*', '**/renderer/*'],
      message: 'src/ must not import main/ or renderer/.',
    },
  ],
};

// The leaf layers: what the engine is built from. They may import each other, never the layers
// that drive them (the migration engine, the service, the CLI, the web server): that is what
// keeps src/ free of import cycles (npm run cycles checks the rest).
const leafLayers = [
  'contract',
  'errors',
  'net',
  'util',
  'dav',
  'journal',
  'takeout',
  'ical',
  'vcard',
  'tasks',
  'sources',
  'sink',
  'files',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '**/out/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', engineBoundary] },
  },
  {
    // A later block replaces the rule's options, so the engine's boundary is repeated here.
    files: leafLayers.map((layer) => `src/${layer}/**/*.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...engineBoundary,
          patterns: [
            ...engineBoundary.patterns,
            {
              group: ['**/migration/*', '**/service/*', '**/cli/*', '**/web/*'],
              message:
                'A leaf layer (contract, errors, dav, journal, files…) must not import the migration, service, cli or web layers: move what it needs down into a leaf.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer sees the engine only through the contract's types.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through window.baluchon.',
            },
          ],
          patterns: [
            {
              group: ['node:*', '**/main/*'],
              message: 'The renderer runs in a sandboxed page: no Node, no main/.',
            },
            {
              group: ['**/src/*', '**/src/**', '!**/src/contract', '!**/src/contract/**'],
              message: 'The renderer may import only the contract from src/.',
            },
            {
              group: ['**/src/contract', '**/src/contract/**'],
              allowTypeImports: true,
              message: 'Import only types from the contract (import type …).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'react-i18next'].map((name) => ({
            name,
            message: 'main/ is the thin Electron shell.',
          })),
          patterns: [{ group: ['**/renderer/*'], message: 'main/ must not import renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
