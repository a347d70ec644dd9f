// ESLint: typescript-eslint's recommended rules everywhere, React's hook rules in web/.
// Every rule switched off here, or in an `eslint-disable` comment, says why next to it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  // web/src/api-types.ts is generated from /openapi.json (npm run build:api-types).
  { ignores: ['dist/', 'web/dist/', 'node_modules/', 'var/', '**/*.cjs', 'web/src/api-types.ts', '.tmp*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Parsed JSON, FtM property bags and foreign payloads are `any` at the edges, narrowed where used.
      '@typescript-eslint/no-explicit-any': 'off',
      // Sanitisers match control characters on purpose (XML 1.0 forbids them; query text drops them).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
);
