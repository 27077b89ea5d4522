/**
 * A Stringee project as a domain of users (DirectoryPort): a project is a Domain, a SIP phone a
 * User. The API has one list call and no read by name, so the list is fetched at most once per
 * request and every read is answered from it; any write forgets it.
 */
import { ErrorCode, GatewayError, badInput } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { DomainModel, Page, UserModel } from '../../model.js';
import { isPathSafe } from '../../url-path.js';
import { withCompensation } from '../../workflows.js';
import { refuseUnclearable, withoutNulls, type Patch } from '../patch.js';
import type { DirectoryPort, ListOptions, UserField, UserInput } from '../ports.js';
import { emptyPage, pageInMemory } from '../shared/paging.js';
import { readBack } from '../shared/read-back.js';
import type { RequestCache } from '../shared/request-cache.js';
import type { StringeeClient } from './client.js';
import * as map from './map.js';

export class StringeeDirectory implements DirectoryPort {
  readonly vendor = 'stringee' as const;
  readonly connection: string;

  constructor(
    private readonly client: StringeeClient,
    private readonly project: map.ProjectInfo,
    private readonly cache: RequestCache,
    private readonly log: Logger,
  ) {
    this.connection = project.connection;
  }

  /** Every SIP phone of the project, listed once per request. */
  phones(): Promise<UserModel[]> {
    return this.cache.once('phones', async () =>
      (await this.client.listPhones()).phones.map((p) => map.toUser(this.project, p)),
    );
  }

  domains(): Promise<DomainModel[]> {
    return Promise.resolve([map.toDomain(this.project)]);
  }

  domain(domainId: string): Promise<DomainModel | null> {
    return Promise.resolve(domainId === this.project.projectId ? map.toDomain(this.project) : null);
  }

  updateDomain(): Promise<DomainModel> {
    return Promise.reject(
      new GatewayError(
        ErrorCode.NotSupported,
        `stringee (connection "${this.connection}") has no editable domain settings`,
        {
          vendor: this.vendor,
          connection: this.connection,
        },
      ),
    );
  }

  async users(domainId: string, options: ListOptions<UserField>): Promise<Page<UserModel>> {
    if (domainId !== this.project.projectId) return emptyPage(options);
    return pageInMemory(await this.phones(), options);
  }

  async user(domainId: string, userId: string): Promise<UserModel | null> {
    if (domainId !== this.project.projectId) return null;
    return (await this.phones()).find((u) => u.userId === userId) ?? null;
  }

  async createUser(domainId: string, input: UserInput): Promise<UserModel> {
    this.assertProject(domainId);
    if (!input.userName || !input.password)
      throw badInput('a Stringee SIP phone needs userName and password', 'input.password');
    const { userName, password } = input;
    // The update and delete paths name the phone: a name no path can carry would be created and then stranded.
    if (!isPathSafe(userName))
      throw badInput(
        `input.userName: "${userName}" could never be updated or deleted through Stringee's API`,
        'input.userName',
      );
    const create = () => this.cache.write(() => this.client.createPhone(userName, password));
    if (input.extension === undefined) {
      await create();
      return this.readBack(userName);
    }
    // Create takes no extension: a second call sets it, and undoes the create if it fails.
    return withCompensation(
      {
        name: `create SIP phone ${userName}`,
        run: create,
        undo: () => this.cache.write(() => this.client.deletePhone(userName)),
      },
      async () => {
        await this.cache.write(() => this.client.updatePhone(userName, password, Number(input.extension)));
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
    const { password } = input;
    if (!password)
      throw badInput('Stringee requires the SIP password with every update: pass input.password', 'input.password');
    const extension = input.extension === undefined ? undefined : Number(input.extension);
    await this.cache.write(() => this.client.updatePhone(userId, password, extension));
    return this.readBack(userId);
  }

  async deleteUser(domainId: string, userId: string): Promise<void> {
    this.assertProject(domainId);
    await this.cache.write(() => this.client.deletePhone(userId));
  }

  private readBack(userName: string): Promise<UserModel> {
    return readBack(this, this.user(this.project.projectId, userName), 'SIP phone', userName);
  }

  private assertProject(domainId: string): void {
    if (domainId !== this.project.projectId)
      throw badInput(`domain ${domainId} is not Stringee project ${this.project.projectId}`, 'domainId');
  }
}
