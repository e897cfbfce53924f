/**
 * The shape of a topology declaration: units, their networks and sizing, the hub, replication allowlist,
 * access points and state backend. Declarations are data (stacks/unit-<id>/unit.ts, stacks/topology.ts);
 * everything else in the package is derived from them. `validateTopology` checks a declaration before any
 * stack is built.
 */
import type { RegionId } from './regions';
import type { HostnameDeclaration, SiteDeclaration } from './types-sites';
import type { UnitEncryptionSettings, UnitMonitoring } from './types-ops';

export type { AlarmContactDeclaration, AlarmOverride, UnitAlarmKey, UnitEncryptionSettings, UnitMonitoring } from './types-ops';

/** Network tiers every unit has, one vSwitch per tier and zone. */
export const TIERS = ['ingress', 'app', 'data', 'link'] as const;
export type TierName = (typeof TIERS)[number];

/** ECS instance types the app tier may use (a closed set: add one here after checking it is sold in every unit region). */
export const APP_INSTANCE_TYPES = ['ecs.g7.large', 'ecs.g7.xlarge', 'ecs.g7.2xlarge', 'ecs.c7.large', 'ecs.c7.xlarge', 'ecs.c7.2xlarge'] as const;
export type AppInstanceType = (typeof APP_INSTANCE_TYPES)[number];

/** RDS MySQL high-availability (two-node, cloud disk) instance classes. */
export const DB_INSTANCE_CLASSES = [
  'mysql.n2.medium.2c',
  'mysql.n4.medium.2c',
  'mysql.n2.large.2c',
  'mysql.n4.large.2c',
  'mysql.n2.xlarge.2c',
  'mysql.n4.xlarge.2c',
] as const;
export type DbInstanceClass = (typeof DB_INSTANCE_CLASSES)[number];

/** Tair/Redis cloud-native dual-replica instance classes. */
export const CACHE_INSTANCE_CLASSES = ['redis.shard.small.2.ce', 'redis.shard.mid.2.ce', 'redis.shard.large.2.ce', 'redis.shard.xlarge.2.ce'] as const;
export type CacheInstanceClass = (typeof CACHE_INSTANCE_CLASSES)[number];

/** DTS synchronization instance classes (the provider accepts small..4xlarge; a class can only be raised later). */
export const DTS_INSTANCE_CLASSES = ['small', 'medium', 'large', 'xlarge', '2xlarge', '4xlarge'] as const;
export type DtsInstanceClass = (typeof DTS_INSTANCE_CLASSES)[number];

/** Data classes of the tables the platform keeps. Only `org-structure` tables may ever leave their unit. */
export const DATA_CLASSES = ['org-structure', 'personal'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export interface UnitNetwork {
  /** The unit VPC's IPv4 range, e.g. `10.1.0.0/16`. Must not overlap any other unit's. */
  readonly vpcCidr: string;
  /**
   * One vSwitch CIDR per tier and zone, keyed by tier then by zone id. Every zone of the unit must appear
   * in every tier, and every CIDR must lie inside `vpcCidr`. The `link` tier holds the CEN transit-router
   * attachment vSwitches.
   */
  readonly subnets: { readonly [T in TierName]: Readonly<Record<string, string>> };
}

export interface AppSizing {
  /**
   * ECS image id the app instances boot in this region.
   * @default - the newest image named `platform.appImageName` in the unit's region
   */
  readonly imageId?: string;
  readonly instanceType: AppInstanceType;
  /** Smallest number of app instances; at least 2 so both zones serve. */
  readonly minInstances: number;
  readonly maxInstances: number;
  /** @default 40 */
  readonly systemDiskGb?: number;
  /** @default 100 */
  readonly dataDiskGb?: number;
}

/** SQL-audit retention periods RDS offers that meet the 180-day floor. */
export const AUDIT_RETENTION_DAYS = [180, 365, 1095, 1825] as const;

export interface DatabaseSizing {
  readonly instanceClass: DbInstanceClass;
  /** ESSD storage, GB (20..64000). */
  readonly storageGb: number;
  /** Days data backups are kept (7..730). @default 7 */
  readonly backupRetentionDays?: number;
  /** Days log backups are kept (7..730, at most `backupRetentionDays`). @default 7 */
  readonly logBackupRetentionDays?: number;
  /** Days SQL audit logs are kept. @default 180 */
  readonly auditRetentionDays?: (typeof AUDIT_RETENTION_DAYS)[number];
}

export interface CacheSizing {
  readonly instanceClass: CacheInstanceClass;
}

export interface UnitSizing {
  readonly app: AppSizing;
  readonly database: DatabaseSizing;
  readonly cache: CacheSizing;
}

export interface UnitIngress {
  /**
   * Certificate Management Service certificate id for the unit's HTTPS listener (`<number>-<region>`).
   * @default - `platform.certificates.mainland` for a mainland unit, `platform.certificates.international` otherwise
   */
  readonly certificateId?: string;
}

/**
 * A unit's part in org-structure replication (DTS). DTS copies only tables that exist, with primary keys: a job
 * whose tables are missing fails its precheck. So replication is declared off until the unit's org schema is in
 * place (`cdktf.out/sql/org-schema-<unit>.sql` applied to `org_<unit>`; docs/link.md, first deploy), and only then
 * switched on.
 */
export interface UnitReplication {
  /**
   * The unit's org schema has been applied and its DTS jobs may run. A job runs between two units only when both
   * have it on. `npm run new-unit` writes `false`.
   */
  readonly enabled: boolean;
  /** DTS instance class of the jobs into this unit; a class can only be raised later. @default 'small' */
  readonly instanceClass?: DtsInstanceClass;
  /** Copy table definitions before syncing. @default true */
  readonly structureInitialization?: boolean;
  /** Copy existing rows before syncing. @default true */
  readonly dataInitialization?: boolean;
  /** Alert when replication into this unit falls behind by more than this many seconds. @default 60 */
  readonly delayAlertSeconds?: number;
}

/** A legal basis for personal data that crosses a border: what allows it, and where the signed record is kept. */
export interface LegalBasis {
  /** The instrument, e.g. `PIPL standard contract` or `Decree 13/2023 transfer impact assessment`. */
  readonly basis: string;
  /** Where the record is: contract number, filing number, document link. */
  readonly reference: string;
}

/** Transport protocols a cross-unit flow may use. */
export const FLOW_PROTOCOLS = ['tcp', 'udp'] as const;
export type FlowProtocol = (typeof FLOW_PROTOCOLS)[number];

/**
 * One cross-unit service flow: the source unit's app tier calls a service in the target unit's app tier over CEN.
 * The package derives from the flows, and only from them, the transit-router peering and VPC routes between the
 * two units and the exact admission in the target (the source's app-tier ranges, the service port).
 */
export interface FlowDeclaration {
  /** Unit whose app tier opens the connections. */
  readonly from: string;
  /** Unit whose app tier serves them. */
  readonly to: string;
  /** Service name, for rule descriptions and the data-flow register (e.g. `im-relay`). */
  readonly service: string;
  readonly port: number;
  readonly protocol: FlowProtocol;
  /** What the flow carries. `personal` across a border needs `legalBasis`. */
  readonly carries: DataClass;
  /** Why personal data may cross (required when `carries` is `personal` and the units are in different countries). */
  readonly legalBasis?: LegalBasis;
  /** Peak bandwidth the flow needs, Mbit/s: the CEN connection between the two units is sized to the sum. */
  readonly bandwidthMbps: number;
  /** What the flow is for, one sentence. */
  readonly description: string;
}

/** CEN billing of an inter-region connection. */
export const INTERCONNECT_BILLINGS = ['bandwidth-package', 'data-transfer'] as const;
export type InterconnectBilling = (typeof INTERCONNECT_BILLINGS)[number];

/** How the CEN connections between units are paid for. */
export interface InterconnectDeclaration {
  /**
   * A connection across the mainland China border: `bandwidth-package` buys a CEN bandwidth package for the two
   * geographic areas (China ↔ Asia-Pacific needs an enterprise-verified account); `data-transfer` bills by traffic
   * where the account may (`bandwidth_type = DataTransfer`).
   */
  readonly crossBorderBilling: InterconnectBilling;
  /** A connection between regions on the same side of the border. @default 'data-transfer' */
  readonly sameSideBilling?: InterconnectBilling;
}

export interface UnitDeclaration {
  /** Short stable id (`cn`, `sg`): stack name `unit-<id>`, resource names `<org>-<id>-<role>`. Never change it. */
  readonly id: string;
  /** Human-readable name for diagrams and descriptions. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 code of the country whose staff data this unit keeps (residency). */
  readonly country: string;
  readonly region: RegionId;
  /** At least two zones of `region`; the first is primary (RDS and Redis masters). */
  readonly zones: readonly string[];
  readonly network: UnitNetwork;
  readonly sizing: UnitSizing;
  /** @default - the platform's wildcard certificate for the unit's site */
  readonly ingress?: UnitIngress;
  /** Org-structure tables whose rows this unit masters (each must be in the replication allowlist). */
  readonly mastersTables: readonly string[];
  readonly monitoring: UnitMonitoring;
  /** The unit's part in org-structure replication. */
  readonly replication: UnitReplication;
  /**
   * The legal basis for keeping this unit's staff data in a region outside their country (for example Vietnamese
   * staff data in Singapore). Required when the region's country is not `country`.
   */
  readonly residency?: { readonly legalBasis: LegalBasis };
  /** Where the unit's KMS key lives and which key TDE uses: both decided before the first deploy. */
  readonly encryption: UnitEncryptionSettings;
  /**
   * Fields of this unit still holding example values (paths relative to the unit, e.g.
   * `residency.legalBasis.reference`): `npm run deploy` refuses to deploy while any remains (lib/topology/placeholders.ts).
   * Example domains and mailboxes (example.com, .test, ...) are found without being listed.
   * @default []
   */
  readonly placeholders?: readonly string[];
}

export interface OrgDeclaration {
  /** Lower-case prefix of every resource name (`<prefix>-<unit>-<role>`), 2-24 characters; derived names must also fit the provider's limits. */
  readonly prefix: string;
  /** Organisation name, for descriptions. */
  readonly name: string;
}

/** One column of a catalog table. */
export interface ColumnDeclaration {
  /** MySQL column type as the DDL writes it, e.g. `BIGINT UNSIGNED`, `VARCHAR(128)`, `DATETIME(3)`. */
  readonly type: string;
  /**
   * `org-structure`: describes the organisation's shape and may be replicated; `personal`: identifies or describes a
   * person and never leaves its unit.
   */
  readonly class: DataClass;
  /** Part of the primary key (DTS incremental sync needs one on every replicated table). @default false */
  readonly primaryKey?: boolean;
  /** The column may hold NULL (primary-key columns never do). @default false */
  readonly nullable?: boolean;
  /** One line for the DDL comment and the docs. */
  readonly comment?: string;
}

/** One table the platform keeps. */
export interface TableDeclaration {
  /**
   * `org-structure`: an org table in `<orgDatabase>_<unit>`, which the allowlist may replicate (its `personal`
   * columns never leave the unit); `personal`: a table of the collaboration database, never replicated.
   */
  readonly class: DataClass;
  /**
   * The columns, in DDL order, keyed by name. Required for every replicated table: replication copies only its
   * `org-structure` columns.
   */
  readonly columns?: Readonly<Record<string, ColumnDeclaration>>;
  /** One line for the DDL comment and the docs. */
  readonly comment?: string;
}

export interface DataCatalog {
  /** Database (per unit) holding the org-structure tables a unit masters: `<database>_<unit id>`. */
  readonly orgDatabase: string;
  /** Database holding the unit's collaboration data (messages, files, approvals). Never replicated. */
  readonly appDatabase: string;
  /** Every table the platform keeps, with its data class (and, for org tables, its columns). */
  readonly tables: Readonly<Record<string, TableDeclaration>>;
}

export interface ReplicationDeclaration {
  /**
   * Org tables that may be copied between units, at column granularity: only their `org-structure` columns are
   * copied. Only `org-structure` tables of the catalog with a primary key are allowed.
   */
  readonly allowlist: readonly string[];
}

export type CrossBorderDeclaration =
  /**
   * China-site account: pay-by-data-transfer (CDT) accelerator with cross-border carriage switched on. Only a
   * pay-as-you-go accelerator can be billed by data transfer.
   */
  | {
      readonly billing: 'cdt';
      /** Cross-border line. @default - GA's default (bgpPro) */
      readonly mode?: 'bgpPro' | 'private';
    }
  /**
   * International-site account: a Basic bandwidth package (carries the access points' bandwidth) plus a
   * CrossDomain package between China-mainland and Global, both subscriptions attached to the accelerator.
   */
  | {
      readonly billing: 'bandwidth-package';
      /** Bandwidth of the CrossDomain (cross-border) package, Mbit/s (2..10000). */
      readonly bandwidthMbps: number;
      /** Bandwidth of the Basic package, Mbit/s; the access points' bandwidths together must fit in it. */
      readonly basicBandwidthMbps: number;
      /** Subscription length of both packages, months (1..9); they renew automatically. @default 1 */
      readonly subscriptionMonths?: number;
    };

/** How the accelerator instance itself is paid for. */
export type AcceleratorPaymentDeclaration =
  | { readonly type: 'PayAsYouGo' }
  | {
      readonly type: 'Subscription';
      /**
       * Standard accelerator spec. Only a subscription takes one: a pay-as-you-go accelerator is billed by usage and
       * has no spec (GA, "Create a standard GA instance").
       */
      readonly spec: '1' | '2' | '3' | '5' | '8' | '10';
      /** Subscription length, months (1..9). */
      readonly months: number;
      /** Renew automatically for one month at a time. @default true */
      readonly autoRenew?: boolean;
    };

export interface AccessPointDeclaration {
  /** GA acceleration region where users enter the Alibaba backbone. @default 'ap-southeast-1' */
  readonly region?: string;
  /** Bandwidth of the access point, Mbit/s. */
  readonly bandwidthMbps: number;
}

/** GA terminates TLS with `certificateId` on `port`; a second listener on `redirectPort` only redirects HTTP to HTTPS. */
export interface HttpsListenerDeclaration {
  readonly protocol: 'https';
  /** Certificate Management Service id (`<number>-<region>`) of the certificate for the hostnames. */
  readonly certificateId: string;
  /** @default 443 */
  readonly port?: number;
  /** Port of the HTTP listener that answers every request with a redirect to HTTPS. @default 80 */
  readonly redirectPort?: number;
}

/** GA passes TLS through to the unit ALB on `port`; GA cannot read the host name, so every hostname must route to one unit. */
export interface TcpListenerDeclaration {
  readonly protocol: 'tcp';
  /** @default 443 */
  readonly port?: number;
}

export interface AccessDeclaration {
  /** DNS domain (hosted in Alibaba Cloud DNS) the hostnames live in, e.g. `collab.example.com`. */
  readonly domain: string;
  /** TTL of the DNS records, seconds (1..3600). @default 600 */
  readonly dnsTtlSeconds?: number;
  /** How the accelerator is paid for. @default { type: 'PayAsYouGo' } */
  readonly payment?: AcceleratorPaymentDeclaration;
  /**
   * How users outside mainland China reach mainland endpoints. Required whenever an access point outside the
   * mainland routes to a mainland unit.
   * @default - pay-by-data-transfer without cross-border carriage (only valid when no traffic crosses the border)
   */
  readonly crossBorder?: CrossBorderDeclaration;
  /** Access points keyed by a stable name. */
  readonly accessPoints: Readonly<Record<string, AccessPointDeclaration>>;
  /** `https` terminates TLS at GA with this certificate; `tcp` passes TLS through to the unit ALBs. */
  readonly listener: HttpsListenerDeclaration | TcpListenerDeclaration;
  readonly healthCheck: { readonly path: string; readonly intervalSeconds: number };
  /**
   * Host label (within `domain`) → the hostname: the id of the unit that owns the data behind it, or the hostname
   * with its choices (types-sites.ts). Every DNS record of it is derived from the sites and access points.
   */
  readonly hostnames: Readonly<Record<string, string | HostnameDeclaration>>;
}

/** Names of one region's state store. Each one left out is derived (see `stateStoreNames` in naming.ts). */
export interface StateStoreOverrides {
  /**
   * OSS bucket holding the state of the stacks whose state lives in this region. OSS bucket names are global
   * across all accounts: override the derived name when it is taken. The bucket must be in this region.
   * @default `<org.prefix>-tfstate-<region>`
   */
  readonly bucket?: string;
  /**
   * Tablestore instance holding the lock table (3-16 characters; instance names are unique per region across
   * all accounts). When set, `lockTable` must be set too: an instance bootstrap did not create has no known table.
   * @default `<org.prefix>-tf-<region code>`, e.g. `acme-tf-apse1`
   */
  readonly lockInstance?: string;
  /**
   * Tablestore table the backend locks with; its primary key must be `LockID` (String).
   * @default 'terraform_state_lock'
   */
  readonly lockTable?: string;
}

/**
 * Where Terraform keeps each stack's state.
 * - `local`: a file per stack in the project root; needs no credentials, fits a single engineer.
 * - `oss`: Terraform's `oss` backend, locked with a Tablestore table. Each unit's state lives in a bucket in that
 *   unit's own region (state holds the unit's configuration and secrets); link and accel keep theirs in the hub's
 *   region. The buckets and lock tables are created once per region by the `bootstrap-<region>` stacks.
 */
export type StateBackendDeclaration =
  | { readonly kind: 'local' }
  | {
      readonly kind: 'oss';
      /**
       * Per-region overrides of the derived store names, keyed by region id. Only regions that hold state (the
       * unit regions) may appear.
       * @default - every name derived from org.prefix and the region
       */
      readonly regions?: Readonly<Record<string, StateStoreOverrides>>;
    };

/** The backend kinds, for a one-run choice (`STATE_BACKEND=oss`). */
export const STATE_BACKEND_KINDS = ['local', 'oss'] as const;
export type StateBackendKind = (typeof STATE_BACKEND_KINDS)[number];

/** What every unit runs and presents, whatever its region. */
export interface PlatformDeclaration {
  /**
   * Name of the app image. The image pipeline copies it into every unit region under this name, so a new unit
   * needs no image id of its own.
   */
  readonly appImageName: string;
  /**
   * Wildcard certificate for `*.<access.domain>` in Certificate Management Service, by site: the China site
   * serves mainland regions, the international site every other region (`<number>-<region>`).
   */
  readonly certificates: { readonly mainland: string; readonly international: string };
}

export interface TopologyDeclaration {
  readonly org: OrgDeclaration;
  readonly platform: PlatformDeclaration;
  /** Id of the hub unit: the other units link to it, and it hosts the link and accel stacks' state. */
  readonly hub: string;
  readonly units: readonly UnitDeclaration[];
  readonly catalog: DataCatalog;
  readonly replication: ReplicationDeclaration;
  /** How the CEN connections between units are paid for. */
  readonly interconnect: InterconnectDeclaration;
  /**
   * Every cross-unit service flow, keyed by a stable name. Units with no flow between them get no route and no
   * peering; nothing else may cross units over CEN.
   */
  readonly flows: Readonly<Record<string, FlowDeclaration>>;
  readonly access: AccessDeclaration;
  /** Where staff work from (types-sites.ts): every unit has at least one. */
  readonly sites: readonly SiteDeclaration[];
  /** @default { kind: 'local' } */
  readonly stateBackend?: StateBackendDeclaration;
  /** Tags on every taggable resource. */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Fields of the shared declaration still holding example values (paths such as `org.prefix` or
   * `flows.<key>.legalBasis.reference`): `npm run deploy` refuses to deploy while any remains. Example domains and
   * mailboxes are found without being listed. Remove a path once its value is real.
   * @default []
   */
  readonly placeholders?: readonly string[];
}
