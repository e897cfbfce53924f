/**
 * The operations part of the model, derived once: each unit's alarm contacts (account-wide names derived per unit,
 * the DingTalk webhook variables that carry their secrets), its alarms, its encryption choices, the declaration
 * fields the plan-time checks name in their messages, and the alarms of the link and accel stacks.
 */
import { bandwidthAlarms, endpointGroupAlarm, replicationAlarm, unitAlarms, type AlarmModel, type BandwidthEnd } from './alarms';
import type { KeyStore, TdeKey, UnitAlarmKey, AlarmOverride } from './types-ops';
import type { TopologyDeclaration, UnitDeclaration } from './types';

/** A unit's CloudMonitor contact group: `<org>_<unit>_oncall`, unless the declaration overrides it. */
export function contactGroupName(orgPrefix: string, unitId: string, declared?: string): string {
  return declared ?? `${orgPrefix}_${unitId}_oncall`;
}

/** A unit's CloudMonitor contact of `role`: `<org>_<unit>_<role>`, unless the declaration overrides it. */
export function contactName(orgPrefix: string, unitId: string, role: string, declared?: string): string {
  return declared ?? `${orgPrefix}_${unitId}_${role}`;
}

/**
 * The Terraform variable (in the unit's stack) that carries the DingTalk robot webhook of a contact: supplied at deploy
 * as `TF_VAR_<name>`, never declared, never in code.
 */
export function dingTalkVariableName(unitId: string, role: string): string {
  return `dingtalk_webhook_${unitId}_${role}`;
}

/** The webhook URL CloudMonitor posts to: DingTalk's robot endpoint with the robot's access token (PutContact, Channels.DingWebHook). */
export const DINGTALK_WEBHOOK = /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=[A-Za-z0-9]+$/;

export interface ContactModel {
  /** The contact's CloudMonitor name (account-wide). */
  readonly name: string;
  readonly role: string;
  readonly email?: string;
  /** The Terraform variable holding the contact's DingTalk webhook URL, when it has one. */
  readonly dingTalkVariable?: string;
  readonly lang: 'en' | 'zh-cn';
  /** Where the contact is declared, for messages. */
  readonly field: string;
}

export interface UnitMonitoringModel {
  readonly contactGroup: string;
  readonly contacts: readonly ContactModel[];
  /** The unit's alarms, each built from the metric catalog. */
  readonly alarms: readonly AlarmModel[];
}

export interface UnitEncryptionModel {
  readonly keyStore: KeyStore;
  /** The KMS instance hosting the unit key, with `keyStore: 'kms-instance'`. */
  readonly kmsInstanceId?: string;
  readonly tde: TdeKey;
}

/**
 * The declaration fields behind each assumption the unit's output makes about the account, for the plan-time checks'
 * messages ("units.sg.sizing.database.instanceClass: …").
 */
export interface UnitFieldsModel {
  /** `units.<id>.sizing.app.imageId` when declared, else `platform.appImageName`. */
  readonly image: string;
  readonly instanceType: string;
  /** `units.<id>.zones`; index it for one zone. */
  readonly zones: string;
  readonly databaseClass: string;
  readonly databaseStorage: string;
  readonly cacheClass: string;
  /** `units.<id>.ingress.certificateId` when declared, else `platform.certificates.<site>`. */
  readonly certificate: string;
  readonly kmsInstance: string;
  readonly tde: string;
}

export interface UnitOperationsModel {
  readonly monitoring: UnitMonitoringModel;
  readonly encryption: UnitEncryptionModel;
  readonly fields: UnitFieldsModel;
}

/** The operations part of one (validated) unit. */
export function unitOperations(t: TopologyDeclaration, u: UnitDeclaration, alarmPrefix: string, mainland: boolean): UnitOperationsModel {
  const path = `units.${u.id}`;
  const group = contactGroupName(t.org.prefix, u.id, u.monitoring.contactGroup);
  const contacts: ContactModel[] = u.monitoring.contacts.map((c, i) => ({
    name: contactName(t.org.prefix, u.id, c.role, c.name),
    role: c.role,
    ...(c.email ? { email: c.email } : {}),
    ...(c.dingTalk ? { dingTalkVariable: dingTalkVariableName(u.id, c.role) } : {}),
    lang: c.lang ?? 'en',
    field: `${path}.monitoring.contacts[${i}]`,
  }));
  const overrides = u.monitoring.alarms as Readonly<Partial<Record<UnitAlarmKey, AlarmOverride>>> | undefined;
  const e = u.encryption;
  return {
    monitoring: { contactGroup: group, contacts, alarms: unitAlarms(alarmPrefix, group, overrides) },
    encryption: { keyStore: e.keyStore, ...(e.kmsInstanceId ? { kmsInstanceId: e.kmsInstanceId } : {}), tde: e.tde },
    fields: {
      image: u.sizing.app.imageId ? `${path}.sizing.app.imageId` : 'platform.appImageName',
      instanceType: `${path}.sizing.app.instanceType`,
      zones: `${path}.zones`,
      databaseClass: `${path}.sizing.database.instanceClass`,
      databaseStorage: `${path}.sizing.database.storageGb`,
      cacheClass: `${path}.sizing.cache.instanceClass`,
      certificate: u.ingress?.certificateId ? `${path}.ingress.certificateId` : `platform.certificates.${mainland ? 'mainland' : 'international'}`,
      kmsInstance: `${path}.encryption.kmsInstanceId`,
      tde: `${path}.encryption.tde`,
    },
  };
}

/** The alarms of the link and accel stacks, from the resolved replication jobs, peerings and access points. */
export interface SharedAlarmsModel {
  /** DTS delay, by replication job key. */
  readonly replication: Readonly<Record<string, AlarmModel>>;
  /** CEN bandwidth use, both directions, by peering key. */
  readonly interconnect: Readonly<Record<string, readonly AlarmModel[]>>;
  /** GA probe loss of each unit's endpoint group, one per access point, by unit id. */
  readonly access: Readonly<Record<string, readonly AlarmModel[]>>;
}

export interface SharedAlarmsInput {
  readonly orgPrefix: string;
  readonly units: readonly { readonly id: string; readonly region: string; readonly cenGeographicRegion: string; readonly contactGroup: string }[];
  readonly jobs: readonly { readonly key: string; readonly destinationUnitId: string; readonly delayAlertSeconds: number }[];
  readonly peers: readonly { readonly key: string; readonly nearUnitId: string; readonly farUnitId: string }[];
  readonly accessPoints: readonly { readonly name: string; readonly region: string }[];
}

export function sharedAlarms(input: SharedAlarmsInput): SharedAlarmsModel {
  const byId = new Map(input.units.map((u) => [u.id, u]));
  const unit = (id: string) => {
    const u = byId.get(id);
    if (!u) throw new Error(`sharedAlarms: unit ${id} is not in the model`);
    return u;
  };
  const end = (id: string): BandwidthEnd => {
    const u = unit(id);
    return { unitId: u.id, region: u.region, cenGeographicRegion: u.cenGeographicRegion, contactGroup: u.contactGroup };
  };
  return {
    replication: Object.fromEntries(
      input.jobs.map((j) => [j.key, replicationAlarm(input.orgPrefix, j.key, j.delayAlertSeconds, unit(j.destinationUnitId).contactGroup)]),
    ),
    interconnect: Object.fromEntries(input.peers.map((p) => [p.key, bandwidthAlarms(input.orgPrefix, end(p.nearUnitId), end(p.farUnitId))])),
    access: Object.fromEntries(input.units.map((u) => [u.id, input.accessPoints.map((ap) => endpointGroupAlarm(input.orgPrefix, u.id, ap, u.contactGroup))])),
  };
}
