/**
 * The vendor descriptors are the one list of vendors: the GraphQL Vendor enum, codegen's enum
 * mapping and the config's kinds must agree with them, and each adapter must offer exactly the
 * ports its descriptor declares.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { parse, Kind, type EnumTypeDefinitionNode } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { loadSettingsFile } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { VENDORS, VENDOR_ENUM } from '../../src/vendors/catalog.js';
import { createAdapters } from '../../src/vendors/registry.js';

function sdlVendorValues(): string[] {
  for (const file of readdirSync('schema').filter((f) => f.endsWith('.graphql'))) {
    const enumNode = parse(readFileSync(`schema/${file}`, 'utf8')).definitions.find(
      (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'Vendor',
    );
    if (enumNode) return (enumNode.values ?? []).map((v) => v.name.value);
  }
  throw new Error('no Vendor enum in schema/');
}

test('the SDL Vendor enum and codegen mapping list exactly the descriptors, by their public names', () => {
  assert.deepEqual(sdlVendorValues().sort(), VENDORS.map((v) => v.publicName).sort());
  const codegen = parseYaml(readFileSync('codegen.yml', 'utf8')) as any;
  const mapping = Object.values(codegen.generates as Record<string, any>)[0].config.enumValues.Vendor as Record<
    string,
    string
  >;
  assert.deepEqual(mapping, VENDOR_ENUM);
});

test('every descriptor has its own kind and public name', () => {
  assert.equal(new Set(VENDORS.map((v) => v.kind)).size, VENDORS.length);
  assert.equal(new Set(VENDORS.map((v) => v.publicName)).size, VENDORS.length);
});

test('each adapter offers exactly the ports its descriptor declares', async () => {
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_, name) => (typeof name === 'string' ? `test-${name.toLowerCase()}` : undefined),
  });
  const settings = loadSettingsFile('config/example.yaml', env);
  assert.deepEqual(
    new Set(settings.connections.map((c) => c.kind)),
    new Set(VENDORS.map((v) => v.kind)),
    'the example config shows every vendor',
  );
  const adapters = createAdapters(settings.connections, silentLogger);
  try {
    for (const adapter of adapters) {
      const declared = VENDORS.find((v) => v.kind === adapter.vendor)!.ports;
      const offered = Object.entries(adapter.forRequest())
        .filter(([, port]) => port !== undefined)
        .map(([name]) => name);
      assert.deepEqual(offered.sort(), [...declared].sort(), adapter.vendor);
    }
  } finally {
    await Promise.all(adapters.map((a) => a.close()));
  }
});
