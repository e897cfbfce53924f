/**
 * The resolved model: a validated declaration with every default applied and every derived fact computed once —
 * hub and spokes, names, certificates, peer ranges, replication jobs, access routes, state locations. Stacks,
 * constructs, the diagram, the scaffold, the review and the policy pack read this model; nothing re-derives it.
 *
 * Everything is read-only data (no methods that compute), so a model can be compared, printed and snapshotted.
 */
import type { ResolvedAccess } from './access';
import type { RegionId, RegionInfo } from './regions';
import type { ReplicationJobModel } from './replication';
import type { StateLocation, StateStore } from './state';
import type { AppInstanceType, CacheInstanceClass, DataClass, DbInstanceClass, DtsInstanceClass, StateBackendDeclaration, TierName } from './types';

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

export interface ReplicationSettingsModel {
  readonly instanceClass: DtsInstanceClass;
  readonly structureInitialization: boolean;
  readonly dataInitialization: boolean;
  readonly delayAlertSeconds: number;
}

export interface UnitLinkModel {
  readonly bandwidthMbps: number;
  readonly billing: 'bandwidth-package' | 'data-transfer';
  readonly replication: ReplicationSettingsModel;
}

export interface ContactModel {
  readonly name: string;
  readonly email: string;
}

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
  /** Allowlisted tables this unit masters, in allowlist order: what its DTS jobs copy out. */
  readonly replicatedTables: readonly string[];
  readonly monitoring: { readonly contactGroup: string; readonly contacts: readonly ContactModel[] };
  /** Connection to the hub; absent on the hub. */
  readonly link?: UnitLinkModel;
  readonly encryption: { readonly kmsInstanceId?: string };
  /**
   * Link-tier CIDRs of the units that replicate with this one, keyed `<unit>-<zone>`: where DTS reaches this
   * unit's database from over CEN. The hub admits every spoke; a spoke admits only the hub.
   */
  readonly dtsPeerLinkCidrs: Readonly<Record<string, string>>;
  readonly state: StateLocation;
}

export interface CatalogModel {
  readonly orgDatabase: string;
  readonly appDatabase: string;
  readonly tables: Readonly<Record<string, DataClass>>;
  readonly allowlist: readonly string[];
}

/** One end of a CEN peering. */
export interface PeerEndModel {
  readonly unitId: string;
  readonly region: RegionId;
  readonly cenGeographicRegion: RegionInfo['cenGeographicRegion'];
}

export interface PeerModel {
  /** Stable key (the far end's unit id): construct ids derive from it. */
  readonly key: string;
  /** The end the connection is created from (its region's provider manages it): the hub. */
  readonly near: PeerEndModel;
  /** The other end. */
  readonly far: PeerEndModel;
  /** The two regions lie on different sides of the mainland China border. */
  readonly crossBorder: boolean;
  readonly bandwidthMbps: number;
  readonly billing: 'bandwidth-package' | 'data-transfer';
  readonly names: { readonly peerAttachment: string; readonly bandwidthPackage: string };
}

export interface TransitRouterModel {
  readonly unitId: string;
  readonly names: { readonly transitRouter: string; readonly routeTable: string; readonly vpcAttachment: string };
  /** VPC CIDRs of the other units the unit VPC routes to its transit router, keyed by unit id. */
  readonly routes: Readonly<Record<string, { readonly cidr: string; readonly name: string }>>;
}

export interface InterconnectModel {
  readonly cenName: string;
  readonly routers: readonly TransitRouterModel[];
  /** One per spoke, in unit order. */
  readonly peers: readonly PeerModel[];
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
  readonly interconnect: InterconnectModel;
  readonly access: ResolvedAccess;
  readonly state: StateModel;
  readonly stackNames: { readonly link: string; readonly accel: string };
}
