/**
 * The resolved model: a validated declaration with every default applied and every derived fact computed once —
 * hub and spokes, names, certificates, peer ranges, replication jobs, access routes, state locations. Stacks,
 * constructs, the diagram, the scaffold, the review and the policy pack read this model; nothing re-derives it.
 *
 * Everything is read-only data (no methods that compute), so a model can be compared, printed and snapshotted.
 */
import type { ResolvedAccess } from './access';
import type { SharedAlarmsModel, UnitEncryptionModel, UnitFieldsModel, UnitMonitoringModel } from './operations';
import type { RegionId, RegionInfo } from './regions';
import type { FlowAdmissionModel, FlowModel, InterconnectModel } from './flows';
import type { ReplicationJobModel, ReplicationSettingsModel } from './replication';
import type { StateLocation, StateStore } from './state';
import type { ReplicatedTable } from './db-list';
import type { SiteModel } from './sites';
import type {
  AppInstanceType,
  CacheInstanceClass,
  ColumnDeclaration,
  DataClass,
  DbInstanceClass,
  LegalBasis,
  StateBackendDeclaration,
  TierName,
} from './types';

export type Tags = Readonly<Record<string, string>>;

export interface OrgModel {
  readonly prefix: string;
  readonly name: string;
}

export interface AppSizingModel {
  /** Declared image id; when absent the image is looked up by `platform.appImageName` in the unit's region. */
  readonly imageId?: string;
  readonly instanceType: AppInstanceType;
  readonly minInstances: number;
  readonly maxInstances: number;
  readonly systemDiskGb: number;
  readonly dataDiskGb: number;
}

export interface DatabaseSizingModel {
  readonly instanceClass: DbInstanceClass;
  readonly storageGb: number;
  /** Storage auto-scaling ceiling. */
  readonly storageUpperBoundGb: number;
  readonly backupRetentionDays: number;
  readonly logBackupRetentionDays: number;
  readonly auditRetentionDays: number;
}

export interface UnitNetworkModel {
  readonly vpcCidr: string;
  /** vSwitch CIDRs by tier, then zone. */
  readonly subnets: { readonly [T in TierName]: Readonly<Record<string, string>> };
  /** The CIDRs of each tier in zone order. */
  readonly tierCidrs: { readonly [T in TierName]: readonly string[] };
}

export type { ContactModel } from './operations';

/** Every name a unit's resources carry (see `unitNames` in naming.ts, the one derivation). */
export type UnitNamesModel = Readonly<Record<UnitNameRole, string>>;
export type UnitNameRole =
  | 'vpc'
  | 'filesBucket'
  | 'auditBucket'
  | 'accessLogBucket'
  | 'logProject'
  | 'trail'
  | 'appRole'
  | 'appPolicy'
  | 'scalingGroup'
  | 'alb'
  | 'rds'
  | 'redis'
  | 'kmsKey'
  | 'natGateway'
  | 'natEip'
  | 'ingressSecurityGroup'
  | 'appSecurityGroup'
  | 'dataSecurityGroup'
  | 'flowLog'
  | 'flowLogStore'
  | 'albLogStore'
  | 'trailLogStore'
  | 'appServerGroup'
  | 'redirectServerGroup'
  | 'httpRedirectRule'
  | 'launchTemplate'
  | 'alarmPrefix'
  | 'appAccount'
  | 'dtsAccount';

export interface UnitExportNames {
  readonly vpcId: string;
  readonly routeTableId: string;
  /** The link-tier vSwitches (CEN attachment), by zone. */
  readonly linkVswitchIds: Readonly<Record<string, string>>;
  readonly albId: string;
  readonly albDnsName: string;
  readonly rdsInstanceId: string;
}

export interface UnitModel {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 code of the country whose staff data the unit keeps. */
  readonly country: string;
  readonly region: RegionId;
  readonly regionInfo: RegionInfo;
  /** Declared zones, in order; the first is primary (RDS and Redis masters), the second the standby's. */
  readonly zones: readonly string[];
  readonly primaryZone: string;
  readonly secondaryZone: string;
  readonly isHub: boolean;
  /** `unit-<id>`. */
  readonly stackName: string;
  readonly network: UnitNetworkModel;
  readonly sizing: { readonly app: AppSizingModel; readonly database: DatabaseSizingModel; readonly cache: { readonly instanceClass: CacheInstanceClass } };
  /** The certificate the unit's ALB presents: the unit's own, else the platform's for the unit's site. */
  readonly certificateId: string;
  readonly names: UnitNamesModel;
  /** `<orgDatabase>_<unit>`: the org-structure tables this unit masters. */
  readonly orgDatabase: string;
  /** The collaboration (personal) database, never replicated. */
  readonly appDatabase: string;
  readonly mastersTables: readonly string[];
  /** Allowlisted tables this unit masters, in allowlist order, with the (org-structure) columns its DTS jobs copy out. */
  readonly replicatedTables: readonly ReplicatedTable[];
  /** Who hears the unit's alarms (account-wide contact and group names, derived per unit), and the alarms. */
  readonly monitoring: UnitMonitoringModel;
  /** The unit's part in org replication: whether its jobs run, and the settings of the jobs between it and the hub. */
  readonly replication: ReplicationSettingsModel & { readonly enabled: boolean };
  /**
   * What DTS needs in this unit's RDS (created by the unit's own stack): its account, the OOS secret parameter that
   * holds the account's password for the link stack, and the mirrors of the other units' org databases it hosts.
   */
  readonly dts: {
    readonly accountName: string;
    readonly passwordParameter: string;
    /** Other units' org databases, by the id of the unit that masters them, in unit order. */
    readonly mirrors: readonly { readonly masterUnitId: string; readonly database: string }[];
  };
  /**
   * The OOS parameters (in the unit's region) through which the unit publishes its non-secret outputs to the link
   * and accel stacks: one parameter per value, named `<org>/<unit>/<value>` (docs/operations.md, "Cross-stack values").
   */
  readonly exports: UnitExportNames;
  /**
   * KMS-encrypted OOS secret parameters (in the unit's region) holding the app's database and Redis passwords: the app
   * instances read them with their role; no stack output carries them.
   */
  readonly appSecrets: { readonly databasePassword: string; readonly redisPassword: string };
  /** What the unit's app tier admits from other units: one entry per declared flow into it. */
  readonly inboundFlows: readonly FlowAdmissionModel[];
  /** The legal basis for keeping this unit's staff data in a region outside their country, when that is the case. */
  readonly residency?: LegalBasis;
  /** Where the unit key lives and which key TDE uses (declared choices). */
  readonly encryption: UnitEncryptionModel;
  /** The declaration fields the plan-time checks name in their messages. */
  readonly fields: UnitFieldsModel;
  readonly state: StateLocation;
}

export interface CatalogTableModel {
  readonly class: DataClass;
  /** Columns in DDL order (empty for collaboration tables, whose schema the app migrates). */
  readonly columns: Readonly<Record<string, ColumnDeclaration>>;
  readonly comment?: string;
}

export interface CatalogModel {
  readonly orgDatabase: string;
  readonly appDatabase: string;
  readonly tables: Readonly<Record<string, CatalogTableModel>>;
  readonly allowlist: readonly string[];
}

export interface StateModel {
  /** The backend of this run (the declared one, or a one-run choice of kind). */
  readonly backend: StateBackendDeclaration;
  /** By stack name: every unit stack, `link` and `accel`. */
  readonly locations: Readonly<Record<string, StateLocation>>;
  /** The store of every region that holds state, by region. */
  readonly stores: Readonly<Record<string, StateStore>>;
}

export interface TopologyModel {
  readonly org: OrgModel;
  readonly platform: { readonly appImageName: string };
  /** Declared tags: on every taggable resource of every stack. */
  readonly tags: Tags;
  /** Every unit, in declaration order. */
  readonly units: readonly UnitModel[];
  readonly unitsById: Readonly<Record<string, UnitModel>>;
  readonly hub: UnitModel;
  /** Every unit but the hub, in declaration order. */
  readonly spokes: readonly UnitModel[];
  readonly catalog: CatalogModel;
  readonly replication: { readonly jobs: readonly ReplicationJobModel[] };
  /** The declared cross-unit flows, resolved, sorted by key. */
  readonly flows: readonly FlowModel[];
  readonly interconnect: InterconnectModel;
  readonly access: ResolvedAccess;
  /** Where staff work from, in declaration order (their routes are `access.routes`). */
  readonly sites: readonly SiteModel[];
  readonly state: StateModel;
  readonly stackNames: { readonly link: string; readonly accel: string };
  /** The link and accel stacks' alarms (each unit's own are in its `monitoring`). */
  readonly alarms: SharedAlarmsModel;
}
