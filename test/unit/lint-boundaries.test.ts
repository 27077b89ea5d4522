/**
 * The import boundaries in eslint.config.js bite: each snippet below breaks one rule from the
 * README, is linted as if it sat at `filePath`, and must be refused by the rule that encodes it.
 * The allowed imports beside them must pass, so a rule that refuses everything fails here too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const refused: Array<{ rule: string; filePath: string; code: string; expect: string }> = [
  {
    rule: 'vendors ↛ emulators',
    filePath: 'src/vendors/infinity/violation.ts',
    code: "import { createInfinityEmulator as x } from '../../emulators/infinity/index.js';",
    expect: 'import/no-restricted-paths',
  },
  {
    rule: 'one vendor folder ↛ another',
    filePath: 'src/vendors/stringee/violation.ts',
    code: "import { InfinityClient as x } from '../infinity/client.js';",
    expect: 'import/no-restricted-paths',
  },
  {
    rule: 'a vendor folder ↛ the catalog of all vendors',
    filePath: 'src/vendors/pbx/violation.ts',
    code: "import { VENDORS as x } from '../catalog.js';",
    expect: 'import/no-restricted-paths',
  },
  {
    rule: 'emulators ↛ the gateway',
    filePath: 'src/emulators/infinity/violation.ts',
    code: "import { ErrorCode as x } from '../../errors.js';",
    expect: 'import/no-restricted-paths',
  },
  {
    rule: 'vendors ↛ resolvers',
    filePath: 'src/vendors/pbx/violation.ts',
    code: "import { resolvers as x } from '../../resolvers/index.js';",
    expect: 'import/no-restricted-paths',
  },
  {
    rule: 'vendors ↛ scalars',
    filePath: 'src/vendors/2n/violation.ts',
    code: "import { MacAddress as x } from '../../scalars.js';",
    expect: 'import/no-restricted-paths',
  },
  {
    rule: 'vendors ↛ graphql-js',
    filePath: 'src/vendors/2n/violation.ts',
    code: "import { GraphQLError as x } from 'graphql';",
    expect: 'no-restricted-imports',
  },
  {
    rule: 'http ↛ vendors',
    filePath: 'src/http/violation.ts',
    code: "import { InfinityClient as x } from '../vendors/infinity/client.js';",
    expect: 'import/no-restricted-paths',
  },
  {
    rule: 'resolvers ↛ a vendor client',
    filePath: 'src/resolvers/violation.ts',
    code: "import { InfinityClient as x } from '../vendors/infinity/client.js';",
    expect: 'import/no-restricted-paths',
  },
  {
    rule: 'resolvers ↛ a vendor wire type',
    filePath: 'src/resolvers/violation.ts',
    code: "import { userRow as x } from '../vendors/infinity/wire.js';",
    expect: 'import/no-restricted-paths',
  },
];

for (const { rule, filePath, code, expect } of refused) {
  test(`lint refuses ${rule}`, async () => {
    assert.deepEqual(await ruleIdsFor(filePath, code), [expect]);
  });
}

test('lint allows the imports the layering intends', async () => {
  assert.deepEqual(
    await ruleIdsFor('src/resolvers/allowed.ts', "import type { ListOptions as x } from '../vendors/ports.js';"),
    [],
  );
  assert.deepEqual(
    await ruleIdsFor('src/vendors/2n/allowed.ts', "import { normalizeMac as x } from '../../net.js';"),
    [],
  );
  assert.deepEqual(
    await ruleIdsFor('src/vendors/2n/allowed.ts', "import { readBack as x } from '../shared/read-back.js';"),
    [],
  );
  assert.deepEqual(
    await ruleIdsFor('src/emulators/pbx/allowed.ts', "import { router as x } from '../shared/harness.js';"),
    [],
  );
});
