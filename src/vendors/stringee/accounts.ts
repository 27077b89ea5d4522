/** Each Stringee SIP phone is one SIP account, owned by the phone's user (AccountSource). */
import type { AccountModel, RegistrationState } from '../../model.js';
import type { AccountSource } from '../ports.js';
import type { StringeeDirectory } from './directory.js';
import * as map from './map.js';

const UNKNOWN: RegistrationState = { registered: null, registeredAt: null };

export class StringeeAccounts implements AccountSource {
  readonly userLink = 'owner' as const;
  readonly connection: string;

  constructor(
    private readonly directory: StringeeDirectory,
    private readonly project: map.ProjectInfo,
  ) {
    this.connection = project.connection;
  }

  async account(key: string[]): Promise<AccountModel | null> {
    const user = await this.directory.user(this.project.projectId, key[0] ?? '');
    return user ? map.toAccount(this.project, user.userName) : null;
  }

  async accounts(): Promise<AccountModel[]> {
    return (await this.directory.phones()).map((user) => map.toAccount(this.project, user.userName));
  }

  /** The REST API does not report registration. */
  registration(): Promise<RegistrationState> {
    return Promise.resolve(UNKNOWN);
  }
}
