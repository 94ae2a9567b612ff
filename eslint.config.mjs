// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Process boundaries are written into lint (see ../shared/STYLE.md):
 * shared/ imports zod only, renderer/ never reaches main/ or electron, main/ never reaches renderer/,
 * and only the Electron host and the preload may import electron.
 */
const boundaries = {
  shared: {
    patterns: [
      {
        regex: '^(?!zod(/|$)|\\.{1,2}/)',
        message: 'shared/ imports only zod and other shared/ modules.',
      },
      { regex: '(^|/)(main|renderer)(/|$)', message: 'shared/ must not import main/ or renderer/.' },
    ],
  },
  sharedTests: {
    patterns: [
      {
        regex: '^(?!zod(/|$)|vitest$|fast-check$|\\.{1,2}/)',
        message: 'shared/ tests import only zod, vitest, fast-check and shared/ modules.',
      },
      { regex: '(^|/)(main|renderer)(/|$)', message: 'shared/ must not import main/ or renderer/.' },
    ],
  },
  renderer: {
    paths: [{ name: 'electron', message: 'The renderer talks to main only through the API client.' }],
    patterns: [
      {
        regex: '(^|/)main(/|$)',
        message: 'renderer/ must not import main/: use the API contract in shared/api.',
      },
      { regex: '^node:', message: 'renderer/ runs in a browser: no Node built-ins.' },
    ],
  },
  main: {
    paths: [{ name: 'electron', message: 'Only main/hosts/electron and main/preload may import electron.' }],
    patterns: [{ regex: '(^|/)renderer(/|$)', message: 'main/ must not import renderer/.' }],
  },
  electronHost: {
    patterns: [{ regex: '(^|/)renderer(/|$)', message: 'main/ must not import renderer/.' }],
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      '**/generated/**',
      'eslint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'off',
      'import-x/no-duplicates': 'error',
      'no-console': 'off',
    },
  },
  {
    // The `koppel` launcher is plain CommonJS: it runs the bundled CLI, or the sources through tsx.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', boundaries.shared] },
  },
  {
    // Tests of shared/ may also use the test runner and property-based testing.
    files: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', boundaries.sharedTests] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', boundaries.renderer],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/hosts/electron/**', 'main/preload/**'],
    rules: { 'no-restricted-imports': ['error', boundaries.main] },
  },
  {
    files: ['main/hosts/electron/**/*.ts', 'main/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', boundaries.electronHost] },
  },
);

export { boundaries };
