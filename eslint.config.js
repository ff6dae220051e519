// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.e2e-output*/', '.wxt/', '.data/', '.bench/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Shared code runs on both sides: no Node, browser or SDK imports.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'koa*', '@koa/*', 'knex', 'objection', 'wxt*', 'react*', '#shared/*'] },
      ],
    },
  },
  {
    // Migrations are history: they never import service code, which changes.
    files: ['migrations/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../service/*', '#shared/*'] }] },
  },
);
