/** The operations this frontend sends. graphql() returns each one typed from the schema snapshot. */
import { graphql } from './gql/index.js';

export const DomainsWithUsers = graphql(`
  query DomainsWithUsers($first: Int!) {
    domains {
      id
      name
      vendor
      users(first: $first) {
        nodes {
          id
          userName
          extension
          groups {
            name
          }
          devices {
            name
            macAddress
            sipConfig {
              accounts {
                username
                registered
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const UserById = graphql(`
  query UserById($id: ID!) {
    node(id: $id) {
      ... on User {
        id
        userName
        displayName
      }
    }
  }
`);

export const RenameUser = graphql(`
  mutation RenameUser($id: ID!, $displayName: String!) {
    updateUser(id: $id, input: { displayName: $displayName }) {
      id
      displayName
    }
  }
`);
