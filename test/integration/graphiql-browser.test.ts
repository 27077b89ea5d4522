/**
 * GraphiQL as a person uses it: the demo started like `npm start`, the page opened in headless
 * Chromium (Debian's, installed by .ci/run), the preloaded nested query run with the key the demo
 * put in the headers pane, and the result read back from the rendered response pane. Every
 * request the page makes is intercepted: none may leave loopback. A screenshot is kept in
 * test/artifacts/ (git-ignored) for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startProcess, type GatewayProcess } from '../helpers/replica.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const KEY = `browser-test-${process.pid}-key`;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

let demo: GatewayProcess;
let context: BrowserContext;
let page: Page;
let profile: string;
const offLoopback: string[] = [];
const sent: Array<{ operationName?: string | null; query: string; authorization?: string }> = [];

before(async () => {
  demo = await startProcess(['--demo', '--host', '127.0.0.1', '--port', '0'], { SIPGRAPH_DEMO_ADMIN_KEY: KEY });
  profile = mkdtempSync(join(tmpdir(), 'sipgraph-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'data:' && !LOOPBACK.has(url.hostname)) {
      offLoopback.push(url.href);
      await route.abort();
      return;
    }
    if (url.pathname === '/graphql' && route.request().method() === 'POST') {
      const body = route.request().postDataJSON() as { operationName?: string | null; query: string };
      sent.push({
        operationName: body.operationName,
        query: body.query,
        authorization: route.request().headers().authorization,
      });
    }
    await route.continue();
  });
  page = context.pages()[0] ?? (await context.newPage());
});

after(async () => {
  await context?.close();
  await demo?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// The page functions below run in the browser; this program is typed for Node, hence globalThis.
/** The response pane's whole text, from its CodeMirror (the DOM holds only the visible lines). */
async function renderedResult(): Promise<unknown> {
  const text = await page.evaluate(() => {
    const editor = (globalThis as any).document.querySelector('.graphiql-response .CodeMirror');
    return (editor?.CodeMirror?.getValue() as string | undefined) ?? '';
  });
  return JSON.parse(text);
}

/** GraphiQL's own schema introspection, which may still be in flight when a test runs a query. */
const isIntrospection = (body: string | null): boolean => /\b__schema\b/.test(body ?? '');

async function runAndWait(run: () => Promise<void>): Promise<unknown> {
  // The answer to the query run, not to the introspection GraphiQL sent on load (slow on a cold or busy machine).
  const answered = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && !isIntrospection(r.request().postData()),
  );
  await run();
  const network = await (await answered).json();
  // The pane renders after the answer arrives: wait until it shows exactly what came over the wire.
  await page.waitForFunction((expected) => {
    const editor = (globalThis as any).document.querySelector('.graphiql-response .CodeMirror');
    try {
      return JSON.stringify(JSON.parse(editor?.CodeMirror?.getValue() || 'null')) === expected;
    } catch {
      return false;
    }
  }, JSON.stringify(network));
  return renderedResult();
}

function assertNested(result: any): void {
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  const users = result.data.domains.flatMap((d: any) => d.users?.nodes ?? []);
  assert.ok(users.length >= 5, `${users.length} users rendered`);
  assert.ok(
    users.some((u: any) => u.groups.length > 0),
    'groups rendered',
  );
  const devices = users.flatMap((u: any) => u.devices);
  assert.ok(
    devices.some((d: any) => d.sipConfig?.accounts?.length > 0),
    'devices with their SIP config rendered',
  );
}

test('the preloaded nested query runs as is, with the demo key from the headers pane, and renders', async () => {
  await page.goto(demo.url);
  await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
  assert.match(await page.title(), /GraphiQL/);
  await page.getByRole('button', { name: 'Headers' }).click();
  await page.locator('.graphiql-editor-tool .CodeMirror', { hasText: KEY }).waitFor();

  const result = await runAndWait(() => page.locator('.graphiql-execute-button').click());
  assertNested(result);
  assert.equal(sent.at(-1)?.authorization, `Bearer ${KEY}`);
  assert.match(sent.at(-1)!.query, /devices \{ name macAddress sipConfig/);

  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = join(ARTIFACTS, 'graphiql-nested-query.png');
  await page.screenshot({ path: shot, fullPage: true });
  assert.ok(statSync(shot).size > 20_000, 'a screenshot with something on it');
  assert.deepEqual(offLoopback, []);
});

test('renaming the operation and running at once, faster than GraphiQL re-parses, still runs it', async () => {
  const before = sent.length;
  await page.locator('.graphiql-query-editor .cm-def', { hasText: 'DomainsUsersGroupsDevices' }).dblclick();
  await page.keyboard.type('WhoSitsWhere');
  const result = await runAndWait(() => page.keyboard.press('Control+Enter'));
  assertNested(result);
  assert.equal(sent.length, before + 1);
  assert.match(sent.at(-1)!.query, /query WhoSitsWhere \{/);
  assert.ok(
    [undefined, null, 'WhoSitsWhere'].includes(sent.at(-1)!.operationName as never),
    `sent ${sent.at(-1)!.operationName}`,
  );
  assert.deepEqual(offLoopback, []);
});
