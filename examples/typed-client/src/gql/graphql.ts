/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The vendor APIs sipgraph speaks to. */
export type Vendor =
  /** Infinity Config API v2: domains, users, groups, queues, trusted networks, PBX devices. */
  | 'INFINITY'
  /** PortSIP PBX REST: SIP trunks (providers). */
  | 'PBX'
  /** SIP Thor settings API: one SIP account's settings. */
  | 'SIP_THOR'
  /** Stringee REST: SIP phones of a project. */
  | 'STRINGEE'
  /** 2N IP intercom HTTP API: a device's SIP accounts. */
  | 'TWO_N';

export type DomainsWithUsersQueryVariables = Exact<{
  first: number;
}>;


export type DomainsWithUsersQuery = { domains: Array<{ id: string, name: string, vendor: Vendor, users: { nodes: Array<{ id: string, userName: string, extension: string | null, groups: Array<{ name: string }> | null, devices: Array<{ name: string, macAddress: string | null, sipConfig: { accounts: Array<{ username: string | null, registered: boolean | null }> } | null }> | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null> };

export type UserByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type UserByIdQuery = { node:
    | { id: string, userName: string, displayName: string | null }
    | Record<PropertyKey, never>
   | null };

export type RenameUserMutationVariables = Exact<{
  id: string | number;
  displayName: string;
}>;


export type RenameUserMutation = { updateUser: { id: string, displayName: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DomainsWithUsersDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:d863de61c04b63a258f92c631abbde9c7779c368c1bcb5398a9b2145f2e6651e"}) as unknown as TypedDocumentString<DomainsWithUsersQuery, DomainsWithUsersQueryVariables>;
export const UserByIdDocument = new TypedDocumentString(`
    query UserById($id: ID!) {
  node(id: $id) {
    ... on User {
      id
      userName
      displayName
    }
  }
}
    `, {"hash":"sha256:e41ccd8c8b398855ea8ccca6f71207eb7f390f78b461ef2450331eab5f99310b"}) as unknown as TypedDocumentString<UserByIdQuery, UserByIdQueryVariables>;
export const RenameUserDocument = new TypedDocumentString(`
    mutation RenameUser($id: ID!, $displayName: String!) {
  updateUser(id: $id, input: {displayName: $displayName}) {
    id
    displayName
  }
}
    `, {"hash":"sha256:f2252daad95d42877f9d8a80cb7b9a3e67f10a4ada3fc4b43fc8309a80ca56ca"}) as unknown as TypedDocumentString<RenameUserMutation, RenameUserMutationVariables>;