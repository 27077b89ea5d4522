/**
 * Every vendor the gateway speaks, one line each. Adding a vendor: its folder under src/vendors/
 * (with a descriptor in its index.ts), one line here, and its value in the GraphQL `Vendor` enum
 * (schema/base.graphql and codegen.yml; test/unit/catalog.test.ts checks they agree).
 */
import { twoN } from './2n/index.js';
import { infinity } from './infinity/index.js';
import { pbx } from './pbx/index.js';
import { sipThor } from './sipthor/index.js';
import { stringee } from './stringee/index.js';

export const VENDORS = [infinity, stringee, pbx, twoN, sipThor] as const;

type Descriptor = (typeof VENDORS)[number];
export type VendorKind = Descriptor['kind'];

export const VENDOR_KINDS: ReadonlySet<string> = new Set(VENDORS.map((v) => v.kind));

/** Each vendor's connection settings, for the config's union on `kind`. */
export const connectionSettingsSchemas = VENDORS.map((v) => v.settings) as unknown as [
  Descriptor['settings'],
  ...Array<Descriptor['settings']>,
];

/** GraphQL `Vendor` enum value → vendor kind. */
export const VENDOR_ENUM: Readonly<Record<string, VendorKind>> = Object.fromEntries(
  VENDORS.map((v) => [v.publicName, v.kind]),
);

export function descriptorOf(kind: string): Descriptor | undefined {
  return VENDORS.find((v) => v.kind === kind);
}
