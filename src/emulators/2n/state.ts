/**
 * One intercom's state: its identity (`/api/system/info`), its two SIP accounts and their emulated
 * registration. Tests reach in here to stage what the device holds or to check what was written.
 */
import {
  ACCOUNT_INDEXES,
  blankAccount,
  type AccountChange,
  type AccountIndex,
  type AccountSettings,
  type TwoNAccount,
} from './accounts.js';

export interface DeviceInfo {
  variant: string;
  serialNumber: string;
  hwVersion: string;
  swVersion: string;
  buildType: string;
  deviceName: string;
  /** Upper case with colons, as the device reports it. */
  macAddr: string;
}

export interface AccountStatus {
  account: AccountIndex;
  enabled: boolean;
  sipNumber: string;
  registrationEnabled: boolean;
  registered: boolean;
  /** Unix seconds; 0 when not registered. */
  registerTime: number;
}

export class TwoNState {
  readonly accounts: Record<AccountIndex, TwoNAccount>;
  /** For each registered account, Unix seconds of the change that made it registered. */
  private readonly registeredSince = new Map<AccountIndex, number>();

  constructor(
    readonly info: DeviceInfo,
    seeds: Array<Partial<AccountSettings>>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.accounts = { 1: { ...blankAccount(1), ...seeds[0] }, 2: { ...blankAccount(2), ...seeds[1] } };
    for (const index of ACCOUNT_INDEXES) this.reconcileRegistration(index);
  }

  /**
   * An emulation of a SIP registrar's verdict: the device registers when it has all it needs to
   * (there is no registrar behind it to refuse the password).
   */
  isRegistered(account: TwoNAccount): boolean {
    return (
      account.enabled &&
      account.registrationEnabled &&
      account.sipNumber !== '' &&
      account.domain !== '' &&
      account.password !== ''
    );
  }

  status(index: AccountIndex): AccountStatus {
    this.reconcileRegistration(index);
    const { account, enabled, sipNumber, registrationEnabled } = this.accounts[index];
    const registerTime = this.registeredSince.get(index);
    return {
      account,
      enabled,
      sipNumber,
      registrationEnabled,
      registered: registerTime !== undefined,
      registerTime: registerTime ?? 0,
    };
  }

  /** Applies already validated changes, in order. */
  apply(changes: AccountChange[]): void {
    for (const { account: index, settings } of changes) {
      Object.assign(this.accounts[index], settings);
      this.reconcileRegistration(index);
    }
  }

  /**
   * Registers an account that now can, at the current time, and drops the registration of one that
   * no longer can. Also run when the status is read, so accounts a test edits in place stay coherent.
   */
  private reconcileRegistration(index: AccountIndex): void {
    if (!this.isRegistered(this.accounts[index])) this.registeredSince.delete(index);
    else if (!this.registeredSince.has(index)) this.registeredSince.set(index, Math.floor(this.now().getTime() / 1000));
  }
}
