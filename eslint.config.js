import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // client/accord-api.ts is generated (npm run generate:client); a test keeps it current.
  { ignores: ['.tmp/**', 'functions/workspace/build*/', 'node_modules/', 'cdk.out/', '.accord/', 'coverage/', '.bench/', '.vitest/', 'client/accord-api.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['infra/local/**', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests and scripts read untyped JSON replies from the running service.
    files: ['test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
