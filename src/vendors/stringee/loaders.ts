/**
 * One request's view of a Stringee project. The API has one list call and no read-by-name, so
 * the list is fetched at most once per request and every read is answered from it.
 */
import { badInput } from '../../errors.js';
import type { Logger } from '../../log.js';
import { withCompensation } from '../../workflows.js';
import type { AccountModel, DomainModel, Page, UserModel } from '../../model.js';
import { UsersOnlyDirectory, pageInMemory } from '../directory-base.js';
import { refuseUnclearable, withoutNulls, type Patch } from '../patch.js';
import type { AccountSource, ListOptions, UserField, UserInput } from '../ports.js';
import type { StringeeClient } from './client.js';
import * as map from './map.js';

export class StringeeDirectory extends UsersOnlyDirectory implements AccountSource {
  readonly vendor = 'stringee' as const;
  readonly connection: string;
  private phones: Promise<{ users: UserModel[]; total: number }> | undefined;

  constructor(
    private readonly client: StringeeClient,
    private readonly project: map.ProjectInfo,
    private readonly log: Logger,
  ) {
    super();
    this.connection = project.connection;
  }

  domains(): Promise<DomainModel[]> {
    return Promise.resolve([map.toDomain(this.project)]);
  }

  domain(domainId: string): Promise<DomainModel | null> {
    return Promise.resolve(domainId === this.project.projectId ? map.toDomain(this.project) : null);
  }

  async users(domainId: string, options: ListOptions<UserField>): Promise<Page<UserModel>> {
    if (domainId !== this.project.projectId) return pageInMemory([], options);
    return pageInMemory((await this.allPhones()).users, options);
  }

  async user(domainId: string, userId: string): Promise<UserModel | null> {
    if (domainId !== this.project.projectId) return null;
    return (await this.allPhones()).users.find((u) => u.userId === userId) ?? null;
  }

  async createUser(domainId: string, input: UserInput): Promise<UserModel> {
    this.assertProject(domainId);
    if (!input.userName || !input.password) throw badInput('a Stringee SIP phone needs userName and password', 'input.password');
    const { userName, password } = input;
    const create = () => this.write(() => this.client.createPhone(userName, password));
    if (input.extension === undefined) {
      await create();
      return this.readBack(userName);
    }
    // Create takes no extension: a second call sets it, and undoes the create if it fails.
    return withCompensation(
      { name: `create SIP phone ${userName}`, run: create, undo: () => this.write(() => this.client.deletePhone(userName)) },
      async () => {
        await this.write(() => this.client.updatePhone(userName, password, Number(input.extension)));
        return this.readBack(userName);
      },
      this.log,
    );
  }

  /** Stringee's update requires the password every time (the doc marks it required). */
  async updateUser(domainId: string, userId: string, patch: Patch<UserInput>): Promise<UserModel> {
    this.assertProject(domainId);
    // The PUT takes a password (required) and an extension, which cannot be unset once set.
    refuseUnclearable(patch, [], 'Stringee');
    const input = withoutNulls(patch);
    if (!input.password) throw badInput('Stringee requires the SIP password with every update: pass input.password', 'input.password');
    await this.write(() => this.client.updatePhone(userId, input.password!, input.extension === undefined ? undefined : Number(input.extension)));
    return this.readBack(userId);
  }

  async deleteUser(domainId: string, userId: string): Promise<void> {
    this.assertProject(domainId);
    await this.write(() => this.client.deletePhone(userId));
  }

  // ---- accounts: each phone's SIP identity

  async accounts(): Promise<AccountModel[]> {
    return (await this.allPhones()).users.map((user) => map.toAccount(this.project, user.userName));
  }

  async account(key: string[]): Promise<AccountModel | null> {
    const user = await this.user(this.project.projectId, key[0] ?? '');
    return user ? map.toAccount(this.project, user.userName) : null;
  }

  async accountsOfUser(user: UserModel): Promise<AccountModel[]> {
    return user.connection === this.connection ? [map.toAccount(this.project, user.userName)] : [];
  }

  private allPhones(): Promise<{ users: UserModel[]; total: number }> {
    this.phones ??= this.client.listPhones().then(({ phones, total }) => ({ users: phones.map((p) => map.toUser(this.project, p)), total }));
    this.phones.catch(() => {
      this.phones = undefined;
    });
    return this.phones;
  }

  private async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } finally {
      this.phones = undefined;
    }
  }

  private async readBack(userName: string): Promise<UserModel> {
    const user = await this.user(this.project.projectId, userName);
    if (!user) throw badInput(`the SIP phone ${userName} was written but is not listed`);
    return user;
  }

  private assertProject(domainId: string): void {
    if (domainId !== this.project.projectId) throw badInput(`domain ${domainId} is not Stringee project ${this.project.projectId}`, 'domainId');
  }
}
