/**
 * Deterministic resource names: `<org>-<unit>-<role>` (and `<org>-<role>` for shared resources). Names are
 * part of the contract: changing one renames, and for many resource types replaces, the resource.
 *
 * NAME_RULES holds the provider's and the product's limits per kind of name; `validateTopology` checks every
 * derived name against them before anything is synthesized.
 */

export interface NameRule {
  readonly min: number;
  readonly max: number;
  readonly pattern: RegExp;
  /** What the pattern means, for messages. */
  readonly allowed: string;
}

export const NAME_RULES = {
  // OSS bucket names are global across all accounts: 3-63, lower-case letters, digits and hyphens.
  ossBucket: {
    min: 3,
    max: 63,
    pattern: /^[a-z0-9][a-z0-9-]*[a-z0-9]$/,
    allowed: 'lower-case letters, digits and hyphens, not starting or ending with a hyphen',
  },
  logProject: {
    min: 3,
    max: 63,
    pattern: /^[a-z0-9][a-z0-9-]*[a-z0-9]$/,
    allowed: 'lower-case letters, digits and hyphens, not starting or ending with a hyphen',
  },
  logStore: { min: 3, max: 63, pattern: /^[a-z0-9][a-z0-9_-]*[a-z0-9]$/, allowed: 'lower-case letters, digits, hyphens and underscores' },
  // ActionTrail trail names: 6-36 characters.
  trail: { min: 6, max: 36, pattern: /^[a-z][a-z0-9_-]*$/, allowed: 'lower-case letters, digits, hyphens and underscores, starting with a letter' },
  ramRole: { min: 1, max: 64, pattern: /^[A-Za-z0-9.-]+$/, allowed: 'letters, digits, dots and hyphens' },
  ramPolicy: { min: 1, max: 128, pattern: /^[A-Za-z0-9-]+$/, allowed: 'letters, digits and hyphens' },
  essGroup: {
    min: 2,
    max: 64,
    pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
    allowed: 'letters, digits, underscores, dots and hyphens, starting with a letter or digit',
  },
  generic: { min: 2, max: 128, pattern: /^[A-Za-z][A-Za-z0-9_.-]*$/, allowed: 'letters, digits, underscores, dots and hyphens, starting with a letter' },
  // RDS/DTS account names: 2-16 (MySQL), lower-case letter first.
  dbAccount: { min: 2, max: 16, pattern: /^[a-z][a-z0-9_]*[a-z0-9]$/, allowed: 'lower-case letters, digits and underscores, starting with a letter' },
  dbName: { min: 2, max: 64, pattern: /^[a-z][a-z0-9_-]*[a-z0-9]$/, allowed: 'lower-case letters, digits, underscores and hyphens, starting with a letter' },
  // Tablestore instance names: 3-16, a letter first, no hyphen last; unique per region across all accounts.
  otsInstance: {
    min: 3,
    max: 16,
    pattern: /^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/,
    allowed: 'letters, digits and hyphens, starting with a letter and not ending with a hyphen',
  },
  // CloudMonitor contacts: 2-40 letters, digits, periods and underscores, a letter first (ROS ALIYUN::CMS::Contact,
  // https://www.alibabacloud.com/help/ros/developer-reference/aliyun-cms-contact; the provider does not validate). Contact
  // groups have no published rule (PutContactGroup), so they follow the same one.
  cmsContact: { min: 2, max: 40, pattern: /^[A-Za-z][A-Za-z0-9._]*$/, allowed: 'letters, digits, periods and underscores, starting with a letter' },
  // Tablestore table names: 1-255, a letter or underscore first.
  otsTable: { min: 1, max: 255, pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, allowed: 'letters, digits and underscores, starting with a letter or underscore' },
} as const satisfies Record<string, NameRule>;

export type NameKind = keyof typeof NAME_RULES;

/** `<org>-<unit>-<role>`. */
export function unitResourceName(orgPrefix: string, unitId: string, role: string): string {
  return `${orgPrefix}-${unitId}-${role}`;
}

/** `<org>-<role>` for resources shared by all units (CEN instance, accelerator). */
export function sharedResourceName(orgPrefix: string, role: string): string {
  return `${orgPrefix}-${role}`;
}

/** Database names use underscores: `<base>_<unit>`. */
export function orgDatabaseName(base: string, unitId: string): string {
  return `${base}_${unitId}`;
}

/**
 * Every name a unit derives, with its kind. Constructs take their names from here so that validation checks
 * exactly the names that are synthesized.
 */
export function unitNames(orgPrefix: string, unitId: string) {
  const n = (role: string) => unitResourceName(orgPrefix, unitId, role);
  return {
    vpc: { kind: 'generic', name: n('vpc') },
    filesBucket: { kind: 'ossBucket', name: n('files') },
    auditBucket: { kind: 'ossBucket', name: n('audit') },
    accessLogBucket: { kind: 'ossBucket', name: n('oss-access-logs') },
    logProject: { kind: 'logProject', name: n('logs') },
    trail: { kind: 'trail', name: n('trail') },
    appRole: { kind: 'ramRole', name: n('app-role') },
    appPolicy: { kind: 'ramPolicy', name: n('app-policy') },
    scalingGroup: { kind: 'essGroup', name: n('app') },
    alb: { kind: 'generic', name: n('alb') },
    rds: { kind: 'generic', name: n('rds') },
    redis: { kind: 'generic', name: n('redis') },
    kmsKey: { kind: 'generic', name: n('kms') },
    natGateway: { kind: 'generic', name: n('nat') },
    natEip: { kind: 'generic', name: n('nat-eip') },
    ingressSecurityGroup: { kind: 'generic', name: n('ingress-secgroup') },
    appSecurityGroup: { kind: 'generic', name: n('app-secgroup') },
    dataSecurityGroup: { kind: 'generic', name: n('data-secgroup') },
    flowLog: { kind: 'generic', name: n('flow-log') },
    flowLogStore: { kind: 'logStore', name: 'vpc-flow-logs' },
    albLogStore: { kind: 'logStore', name: 'alb-access-logs' },
    // ActionTrail writes to `actiontrail_<trail>`; creating it first sets its retention and encryption.
    trailLogStore: { kind: 'logStore', name: `actiontrail_${n('trail')}` },
    appServerGroup: { kind: 'generic', name: n('app-servers') },
    redirectServerGroup: { kind: 'generic', name: n('http-redirect') },
    httpRedirectRule: { kind: 'generic', name: n('http-to-https') },
    launchTemplate: { kind: 'generic', name: n('app-template') },
    alarmPrefix: { kind: 'generic', name: n('alarm') },
    appAccount: { kind: 'dbAccount', name: `app_${unitId}` },
    dtsAccount: { kind: 'dbAccount', name: `dts_${unitId}` },
  } satisfies Record<string, { kind: NameKind; name: string }>;
}

/**
 * Names of the Global Accelerator resources (accel stack). GA names take 1-128 characters starting with a letter;
 * the `generic` rule is stricter, so every name that passes it is accepted by GA.
 */
export function accessNames(orgPrefix: string) {
  const n = (role: string) => sharedResourceName(orgPrefix, role);
  return {
    accelerator: { kind: 'generic', name: n('ga') },
    basicPackage: { kind: 'generic', name: n('ga-basic') },
    crossBorderPackage: { kind: 'generic', name: n('ga-cross-border') },
    httpsListener: { kind: 'generic', name: n('ga-https') },
    redirectListener: { kind: 'generic', name: n('ga-http-redirect') },
    tcpListener: { kind: 'generic', name: n('ga-tcp') },
    redirectRule: { kind: 'generic', name: n('ga-redirect-to-https') },
  } satisfies Record<string, { kind: NameKind; name: string }>;
}

/** The endpoint group carrying traffic to one unit. */
export function accessEndpointGroupName(orgPrefix: string, unitId: string): string {
  return sharedResourceName(orgPrefix, `ga-${unitId}`);
}

/** The forwarding rule of one host label. */
export function accessRuleName(orgPrefix: string, label: string): string {
  return sharedResourceName(orgPrefix, `ga-host-${label}`);
}

const COMPASS: Readonly<Record<string, string>> = {
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  central: 'c',
  northeast: 'ne',
  southeast: 'se',
  northwest: 'nw',
  southwest: 'sw',
};

/**
 * A short code for a region id, for names with tight limits (Tablestore instances take 16 characters):
 * `ap-southeast-1` → `apse1`, `eu-central-1` → `euc1`, `cn-hangzhou` → `cnhang`. Compass words become their
 * initials, city names their first four letters; codes of the known regions are unique (a test checks it).
 */
export function regionCode(region: string): string {
  const [area, ...rest] = region.split('-');
  return area + rest.map((part) => (/^[0-9]+$/.test(part) ? part : (COMPASS[part] ?? part.slice(0, 4)))).join('');
}

/** Default Tablestore table the oss backend locks with. */
export const DEFAULT_LOCK_TABLE = 'terraform_state_lock';

/**
 * Names of the state store of one region (the oss backend's bucket and Tablestore lock), derived from the org
 * prefix and the region. One store per region: every stack whose state lives in the region shares it, each under
 * its own key.
 */
export function stateStoreNames(orgPrefix: string, region: string) {
  return {
    bucket: { kind: 'ossBucket', name: `${orgPrefix}-tfstate-${region}` },
    lockInstance: { kind: 'otsInstance', name: `${orgPrefix}-tf-${regionCode(region)}` },
    lockTable: { kind: 'otsTable', name: DEFAULT_LOCK_TABLE },
    kmsKey: { kind: 'generic', name: `${orgPrefix}-tfstate-${region}-kms` },
  } satisfies Record<string, { kind: NameKind; name: string }>;
}

/** Checks one name; returns the problem text or undefined. */
export function checkName(kind: NameKind, name: string): string | undefined {
  const r: NameRule = NAME_RULES[kind];
  if (name.length < r.min || name.length > r.max) return `is ${name.length} characters; ${kind} names take ${r.min}-${r.max}`;
  if (!r.pattern.test(name)) return `may contain only ${r.allowed}`;
  return undefined;
}

/** Names of one unit's end of the CEN: its transit router, route table and VPC attachment. */
export function transitRouterNames(orgPrefix: string, unitId: string) {
  const n = (role: string) => unitResourceName(orgPrefix, unitId, role);
  return {
    transitRouter: { kind: 'generic', name: n('tr') },
    transitRouterRouteTable: { kind: 'generic', name: n('tr-rt') },
    vpcAttachment: { kind: 'generic', name: n('vpc-attachment') },
  } satisfies Record<string, { kind: NameKind; name: string }>;
}

/** Names of the peering between two units (`near` is the end it is created from: the hub when it is one of them). */
export function peerNames(orgPrefix: string, nearId: string, farId: string) {
  return {
    peerAttachment: { kind: 'generic', name: sharedResourceName(orgPrefix, `${nearId}-${farId}-peer`) },
    bandwidthPackage: { kind: 'generic', name: sharedResourceName(orgPrefix, `${nearId}-${farId}-bwp`) },
  } satisfies Record<string, { kind: NameKind; name: string }>;
}

/** `<org>-org-<source>-to-<destination>`: the DTS instance and job that copy one unit's org tables to another. */
export function orgReplicationJobName(orgPrefix: string, sourceUnitId: string, destinationUnitId: string): string {
  return sharedResourceName(orgPrefix, `org-${sourceUnitId}-to-${destinationUnitId}`);
}

/**
 * RDS account and database descriptions take letters, digits, underscores and hyphens, starting with a letter:
 * words are joined with hyphens.
 */
export function rdsDescription(text: string): string {
  const d = text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z]+|-+$/g, '');
  return d.charAt(0).toUpperCase() + d.slice(1);
}
