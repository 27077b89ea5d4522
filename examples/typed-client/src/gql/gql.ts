/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DomainsWithUsers($first: Int!) {\n    domains {\n      id\n      name\n      vendor\n      users(first: $first) {\n        nodes {\n          id\n          userName\n          extension\n          groups {\n            name\n          }\n          devices {\n            name\n            macAddress\n            sipConfig {\n              accounts {\n                username\n                registered\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.DomainsWithUsersDocument,
    "\n  query UserById($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        userName\n        displayName\n      }\n    }\n  }\n": typeof types.UserByIdDocument,
    "\n  mutation RenameUser($id: ID!, $displayName: String!) {\n    updateUser(id: $id, input: { displayName: $displayName }) {\n      id\n      displayName\n    }\n  }\n": typeof types.RenameUserDocument,
};
const documents: Documents = {
    "\n  query DomainsWithUsers($first: Int!) {\n    domains {\n      id\n      name\n      vendor\n      users(first: $first) {\n        nodes {\n          id\n          userName\n          extension\n          groups {\n            name\n          }\n          devices {\n            name\n            macAddress\n            sipConfig {\n              accounts {\n                username\n                registered\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.DomainsWithUsersDocument,
    "\n  query UserById($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        userName\n        displayName\n      }\n    }\n  }\n": types.UserByIdDocument,
    "\n  mutation RenameUser($id: ID!, $displayName: String!) {\n    updateUser(id: $id, input: { displayName: $displayName }) {\n      id\n      displayName\n    }\n  }\n": types.RenameUserDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DomainsWithUsers($first: Int!) {\n    domains {\n      id\n      name\n      vendor\n      users(first: $first) {\n        nodes {\n          id\n          userName\n          extension\n          groups {\n            name\n          }\n          devices {\n            name\n            macAddress\n            sipConfig {\n              accounts {\n                username\n                registered\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DomainsWithUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserById($id: ID!) {\n    node(id: $id) {\n      ... on User {\n        id\n        userName\n        displayName\n      }\n    }\n  }\n"): typeof import('./graphql').UserByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameUser($id: ID!, $displayName: String!) {\n    updateUser(id: $id, input: { displayName: $displayName }) {\n      id\n      displayName\n    }\n  }\n"): typeof import('./graphql').RenameUserDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
