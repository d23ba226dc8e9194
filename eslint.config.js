// One lint setup for every workspace. The rules that guard the architecture live here:
// the engine imports no I/O, and no code switches on a node's type outside the registry maps.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ioModules = ['pg', 'knex', 'bullmq', 'ioredis', 'express', 'socket.io', 'fs', 'node:*', 'undici', '@aws-sdk/*', 'pino', '**/db/**', '**/queues/**', '**/config/**'];

const noSwitchOnNodeType = {
  selector: "SwitchStatement > MemberExpression.discriminant[property.name='type'][object.name=/node/i]",
  message: 'Look node types up in the registry maps (satisfies Record<NodeType, …>) instead of switching on node.type.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'flows-schema/flow.schema.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', noSwitchOnNodeType],
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    ignores: ['server/src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ioModules, message: 'The engine is pure: it imports flows-schema and itself only.' }] }],
    },
  },
  {
    // Tests read loosely typed JSON answers; asserting on them is the point.
    files: ['**/*.test.ts', '**/*.test.tsx', 'server/test/**/*.ts', 'client/e2e/**/*.ts', 'deploy/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Integration and browser test files share one module graph (vitest.config.ts): a replaced module would leak into the next file.
    files: ['**/*.int.test.ts', '**/*.e2e.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        noSwitchOnNodeType,
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock|unmock|doUnmock)$/]",
          message: 'Integration and browser test files share one module graph: replace a module only in a unit test (*.test.ts), which gets its own.',
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
