/**
 * The baseline: a plain Apollo Server whose resolvers make one vendor call per field per parent,
 * with no DataLoader — what a first version of a gateway usually looks like.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { request } from 'undici';

const typeDefs = `#graphql
  type Query { domain(id: ID!): Domain }
  type Domain { id: ID! name: String users(first: Int): UserList }
  type UserList { nodes: [User!]! }
  type User { id: ID! userName: String extension: String groups: [Group!]! devices: [Device!]! }
  type Group { id: ID! name: String }
  type Device { id: ID! name: String macAddress: String }
`;

type Row = Record<string, string>;

export async function startNaive(baseUrl: string, auth: string, port = 0): Promise<string> {
  const get = async (path: string): Promise<Row[]> => {
    const { body } = await request(`${baseUrl}/sip${path}`, { headers: { authorization: auth } });
    return (await body.text())
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l) as Row);
  };
  const resolvers = {
    Query: { domain: async (_: unknown, { id }: { id: string }) => (await get(`/domains/${id}`))[0] },
    Domain: {
      id: (d: Row) => d.domainId,
      name: (d: Row) => d.domainName,
      users: async (d: Row, { first }: { first?: number }) => ({
        nodes: await get(`/domains/${d.domainId}/users?limit=${first ?? 100}`),
      }),
    },
    User: {
      id: (u: Row) => u.userId,
      userName: (u: Row) => u.user,
      extension: (u: Row) => u.extensionNumber,
      groups: (u: Row) => get(`/domains/${u.domainId}/users/${u.userId}/groups`),
      devices: (u: Row) => get(`/domains/${u.domainId}/devices?filter[]=userId-eq-value-${u.userId}`),
    },
    Group: { id: (g: Row) => g.groupId, name: (g: Row) => g.groupName },
    Device: {
      id: (d: Row) => d.pbxDeviceId,
      name: (d: Row) => d.pbxDeviceName,
      macAddress: (d: Row) => d.deviceMacAddress,
    },
  };
  const server = new ApolloServer({ typeDefs, resolvers });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return url;
}
