/**
 * Shapes of vendors' native keys, which descriptors use in `idKeys`: an id from a client may name
 * only a key its vendor could have issued, never a path fragment such as `..` (src/ids.ts).
 */

/** Infinity ids are integers (infinity-config-v2-sip.txt: "domainId (integer)", …); so are PortSIP ids. */
export const NUMERIC = /^[0-9]{1,19}$/;
