/**
 * Declaration types of a unit's operations: who hears its alarms and how, which alarms differ from the defaults, and
 * where its keys live. Referenced from types.ts; kept here so the operations fields travel together.
 */
import type { MetricStatistic } from '../facts/metrics';

/** The alarms every unit has (lib/topology/alarms.ts holds their defaults). */
export const UNIT_ALARM_KEYS = ['alb-5xx', 'alb-unhealthy-hosts', 'rds-cpu', 'rds-storage', 'rds-connections', 'redis-memory'] as const;
export type UnitAlarmKey = (typeof UNIT_ALARM_KEYS)[number];

/**
 * One alarm contact of a unit: a role (a team, a rota), never a person. CloudMonitor contacts are account-wide
 * objects keyed by name, so the name is derived from the unit: `<org>_<unit>_<role>`.
 */
export interface AlarmContactDeclaration {
  /** The role, 2-16 lower-case letters, digits or underscores starting with a letter, e.g. `oncall` or `dba`. */
  readonly role: string;
  /**
   * Team mailbox. CloudMonitor sends it an activation link and delivers nothing until someone clicks it (deploy step,
   * docs/operations.md).
   */
  readonly email?: string;
  /**
   * Also post to a DingTalk group robot, which needs no activation. Its webhook URL carries the robot's access token, a
   * secret: it is never declared, but supplied at deploy as `TF_VAR_dingtalk_webhook_<unit>_<role>` (docs/operations.md).
   * @default false
   */
  readonly dingTalk?: boolean;
  /** Language of the notifications. @default 'en' */
  readonly lang?: 'en' | 'zh-cn';
  /**
   * The CloudMonitor contact name, when the derived one (`<org>_<unit>_<role>`) is taken in the account by a contact
   * this package does not manage. 2-40 letters, digits, periods or underscores, starting with a letter.
   * @default `<org>_<unit>_<role>`
   */
  readonly name?: string;
}

/** Per-unit changes to one default alarm: only the threshold, the statistic and the number of periods. */
export interface AlarmOverride {
  /** The critical threshold, in the metric's unit (lib/facts/metrics.ts). */
  readonly threshold?: number;
  /** One of the statistics the metric offers (lib/facts/metrics.ts); CloudMonitor refuses any other. */
  readonly statistic?: MetricStatistic;
  /** Consecutive periods above the threshold before the alarm pages (1-100). */
  readonly times?: number;
}

export interface UnitMonitoring {
  /**
   * The CloudMonitor contact group that receives the unit's alarms (account-wide), when the derived one is taken.
   * @default `<org>_<unit>_oncall`
   */
  readonly contactGroup?: string;
  /**
   * Who is notified. Together the contacts must reach at least two channels, one of which needs no activation
   * (`dingTalk: true`), so that an alarm reaches someone even before a mailbox is activated.
   */
  readonly contacts: readonly AlarmContactDeclaration[];
  /** Changes to the default alarms (lib/topology/alarms.ts), by alarm. @default - the defaults */
  readonly alarms?: Readonly<Partial<Record<UnitAlarmKey, AlarmOverride>>>;
}

/** Where a unit's KMS key lives. */
export const KEY_STORES = ['default-key', 'kms-instance'] as const;
export type KeyStore = (typeof KEY_STORES)[number];

/** Which key RDS transparent data encryption uses. */
export const TDE_KEYS = ['unit-key', 'service-key'] as const;
export type TdeKey = (typeof TDE_KEYS)[number];

/**
 * The unit's encryption choices. Both are made before the first deploy: the key store cannot move a key
 * (`dkms_instance_id` forces a new key), and TDE cannot be turned off once on (docs/unit.md, "Keys and TDE").
 */
export interface UnitEncryptionSettings {
  /**
   * `default-key`: the unit key is a KMS default key (a customer master key outside any KMS instance).
   * `kms-instance`: the key is created in the KMS instance `kmsInstanceId` (KMS 3.0 software or hardware key
   * management), bought beforehand in the unit's region.
   */
  readonly keyStore: KeyStore;
  /** The KMS instance (`kst-...`) in the unit's region; required with `keyStore: 'kms-instance'` and only then. */
  readonly kmsInstanceId?: string;
  /**
   * `unit-key`: TDE encrypts with the unit key (`tde_encryption_key`), through the RDS service role
   * AliyunRDSInstanceEncryptionDefaultRole, which must exist in the account (checked at plan time).
   * `service-key`: TDE uses the key RDS manages for the service; the unit key still encrypts the disks.
   */
  readonly tde: TdeKey;
}
