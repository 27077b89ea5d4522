/** Pages through a big domain: time and peak RSS should follow the page, not the domain. */
import { createInfinityEmulator } from '../src/emulators/infinity/index.js';
import { PASSWORD, startSipgraph, USER } from './gateways.js';
import { peakRssMb, post, round } from './measure.js';

const PAGE_QUERY =
  'query($id: ID!, $after: String, $first: Int) { domain(id: $id) { users(first: $first, after: $after) { nodes { userName extension } pageInfo { hasNextPage endCursor } } } }';

export async function scale(
  users: number,
  pageSize: number,
): Promise<{ users: number; pageSize: number; seconds: number; peakRssMb: number }> {
  const emulator = createInfinityEmulator({
    username: USER,
    password: PASSWORD,
    seed: {
      domains: 1,
      usersPerDomain: users,
      groupsPerDomain: 1,
      devicesPerUser: 0,
      usersWithoutDevices: 0,
      extraDevices: 0,
      spareDevices: 0,
      queuesPerDomain: 0,
    },
  });
  const baseUrl = await emulator.server.start();
  const gateway = await startSipgraph(baseUrl);
  const started = performance.now();
  let after: string | null = null;
  let seen = 0;
  for (;;) {
    const page = await post(gateway.url, {
      query: PAGE_QUERY,
      variables: { id: gateway.query('flat').variables.id, after, first: pageSize },
    });
    const users = page.data.domain.users;
    seen += users.nodes.length;
    if (!users.pageInfo.hasNextPage) break;
    after = users.pageInfo.endCursor;
  }
  const seconds = round((performance.now() - started) / 1000);
  const rss = peakRssMb(gateway.pid);
  await gateway.stop();
  await emulator.server.stop();
  if (seen !== users) throw new Error(`paged ${seen} of ${users} users`);
  return { users, pageSize, seconds, peakRssMb: rss };
}
