// The house rules, checked by `npm run lint` inside `npm test`. Kept to what the code already
// keeps: correctness rules of typescript-eslint and the import boundaries from the README. Style
// is prettier's job (`npm run format:check`), not this file's.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

/** Who may not import whom. Paths are from the repository root; `except` is relative to `from`. */
const vendorFolders = readdirSync(join(import.meta.dirname, 'src', 'vendors'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);

export const boundaryZones = [
  ...vendorFolders.map((vendor) => ({
    target: `./src/vendors/${vendor}`,
    from: './src/vendors',
    except: [`./${vendor}`, './shared', './ports.ts', './port-inputs.ts', './descriptor.ts', './patch.ts'],
    message:
      'a vendor folder stands alone: it uses the ports, the descriptor type and src/vendors/shared, never another vendor',
  })),
  {
    target: './src/vendors',
    from: './src/emulators',
    message: 'adapters never import the emulators: an emulator written from the vendor doc must catch their mistakes',
  },
  {
    target: './src/emulators',
    from: './src',
    except: ['./emulators'],
    message: 'emulators stand alone: they import nothing of the gateway',
  },
  {
    target: './src/vendors',
    from: [
      './src/resolvers',
      './src/schema.ts',
      './src/scalars.ts',
      './src/generated',
      './src/server.ts',
      './src/error-format.ts',
    ],
    message: 'adapters know nothing of GraphQL',
  },
  {
    target: './src/http',
    from: './src/vendors',
    message: 'the upstream client serves every vendor and knows none of them',
  },
  {
    target: './src/resolvers',
    from: './src/vendors',
    except: ['./ports.ts', './catalog.ts'],
    message: 'resolvers talk to ports (src/vendors/ports.ts), never to a vendor client or its wire types',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'bench/**',
      'src/generated/**',
      'examples/*/src/gql/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      'import/no-restricted-paths': ['error', { zones: boundaryZones }],
      // node:test files and wire parsers read loosely typed JSON on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'none', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'src/vendors/**/*.ts',
      'src/http/**/*.ts',
      'src/emulators/**/*.ts',
      'src/net.ts',
      'src/errors.ts',
      'src/model.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['graphql', 'graphql/*', '@apollo/*', '@graphql-tools/*'],
              message: 'below the GraphQL edge: no graphql-js here',
            },
          ],
        },
      ],
    },
  },
);
