/**
 * The data-flow register: every path by which a unit's data can reach another unit or another jurisdiction, with its
 * data class, where it starts and lands, whether it crosses a border, the legal basis where one is declared, and the
 * resources that make it. A pure function of the model (it reads nothing else); `npm run synth` writes it as
 * `cdktf.out/data-flows.{json,md}` (lib/app/artifacts.ts), the record a compliance reviewer reads, and the
 * reachability analysis (lib/analyze) checks the synthesized stacks against it: a path in the output that no entry
 * covers, or an entry whose resources the output lacks, fails `npm run synth`.
 *
 * Kinds (docs/data-flows.md):
 * - `replication`: a DTS job copying one database's org-structure columns (relayed by the hub or the source's own);
 * - `flow`: a declared cross-unit service flow over CEN;
 * - `access`: a site's users' requests served by another unit or decrypted or served outside the site's country (their
 *   requests and the ALB access logs land in the serving unit's region), per site and hostname, as DNS answers them;
 * - `state`: a stack's Terraform state holding values of a unit outside that unit's state (link and accel, in the hub's
 *   region), or any stack's state kept in a local file (jurisdiction: the machine that runs Terraform);
 * - `credential`: a unit's secret read by another stack (each unit's DTS password, by the link stack), with its scope;
 * - `residency`: a unit whose staff data is kept in a region outside the staff's country.
 *
 * Resources are named by stack, Terraform type and the literal attributes that identify them in the stack's
 * `cdk.tf.json` (a DTS job by `dts_job_name`, a rule by CIDR, port and protocol): the cloud names a reviewer
 * recognises, which the analysis resolves to Terraform addresses. Deterministic: entries sorted by kind, then id.
 */
import { accessEndpointGroupName, accessRuleName } from '../topology/naming';
import type { TopologyModel, UnitModel } from '../topology/model';
import { REGIONS, isRegionId } from '../topology/regions';
import type { StateLocation } from '../topology/state';
import type { DataClass, FlowProtocol, LegalBasis } from '../topology/types';

export const REGISTER_KINDS = ['replication', 'flow', 'access', 'state', 'credential', 'residency'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/**
 * What an entry carries: the catalog's classes, plus `credential` (a secret that opens data; its scope says which) and
 * `configuration` (resource ids and names: no staff data).
 */
export type RegisterDataClass = DataClass | 'credential' | 'configuration';

/** One end of a path. `region` and `country` are absent where no region applies (users, a local state file). */
export interface RegisterPlace {
  readonly unitId?: string;
  readonly region?: string;
  /** ISO 3166-1 alpha-2 code of the jurisdiction; absent when unknown. */
  readonly country?: string;
  /** Where the data is or lands, in words (destination: the resource that keeps it). */
  readonly what: string;
}

/** A resource of a stack's `cdk.tf.json`, identified by literal attribute values (a list attribute matches when it holds the value). */
export interface ResourceRef {
  readonly stack: string;
  /** A data source rather than a managed resource. @default false */
  readonly data?: boolean;
  readonly type: string;
  readonly match: Readonly<Record<string, string>>;
}

export interface CredentialScope {
  readonly privilege: string;
  readonly databases: readonly string[];
  /** The class of the data the grant opens. */
  readonly dataClass: DataClass;
}

export type RegisterDetails =
  | {
      readonly kind: 'replication';
      readonly job: string;
      readonly jobName: string;
      readonly database: string;
      /** The unit whose rows these are: the job's source, or another spoke whose mirror the hub relays. */
      readonly masterUnitId: string;
      readonly relayed: boolean;
      /** The org-structure columns copied, per table. */
      readonly tables: readonly { readonly name: string; readonly columns: readonly string[] }[];
    }
  | {
      readonly kind: 'flow';
      readonly flow: string;
      readonly service: string;
      readonly protocol: FlowProtocol;
      readonly port: number;
      readonly bandwidthMbps: number;
    }
  | {
      readonly kind: 'access';
      readonly hostname: string;
      /** The site whose users these are, its country, and the DNS line that answers its resolvers. */
      readonly siteId: string;
      readonly siteCountry: string;
      readonly line: string;
      readonly servingUnitId: string;
      /** The access points the users enter at, and whether each decrypts their requests. */
      readonly entryPoints: readonly { readonly name: string; readonly region: string; readonly country: string; readonly terminatesTls: boolean }[];
      /** Countries other than the users' own where their requests are in clear. */
      readonly landsAbroad: readonly string[];
      /** Where the serving unit keeps the requests' access logs: `<log project>/<logstore>`. */
      readonly accessLogs: string;
    }
  | {
      readonly kind: 'state';
      readonly stack: string;
      readonly backend: StateLocation['kind'];
      /** `oss://<bucket>/<prefix>/<key>` or the local file. */
      readonly location: string;
      /** What of the unit the state holds. */
      readonly holds: readonly string[];
    }
  | {
      readonly kind: 'credential';
      readonly account: string;
      /** The KMS-encrypted OOS secret parameter the unit publishes it in (in its own region). */
      readonly parameter: string;
      readonly readBy: string;
      readonly scope: readonly CredentialScope[];
    }
  | { readonly kind: 'residency'; readonly staffCountry: string; readonly region: string };

export interface RegisterEntry {
  /** `<kind>/...`: stable across runs, the review's key. */
  readonly id: string;
  readonly kind: RegisterKind;
  readonly dataClass: RegisterDataClass;
  /** One sentence: what the path is. */
  readonly summary: string;
  readonly source: RegisterPlace;
  readonly destination: RegisterPlace;
  /** `unknown` where a place has no known jurisdiction (a local state file). */
  readonly crossesBorder: boolean | 'unknown';
  readonly legalBasis?: LegalBasis;
  /** The declaration field the legal basis comes from (or would have to), e.g. `flows.x.legalBasis`. */
  readonly basisField?: string;
  readonly resources: readonly ResourceRef[];
  readonly details: RegisterDetails;
}

export interface DataFlowRegister {
  readonly org: string;
  readonly entries: readonly RegisterEntry[];
}

const countryOf = (region: string | undefined): string | undefined => (region !== undefined && isRegionId(region) ? REGIONS[region].country : undefined);

function crosses(a: RegisterPlace, b: RegisterPlace): boolean | 'unknown' {
  if (a.country === undefined || b.country === undefined) return 'unknown';
  return a.country !== b.country;
}

const unitPlace = (u: UnitModel, what: string): RegisterPlace => ({ unitId: u.id, region: u.region, country: u.regionInfo.country, what });

function replicationEntries(m: TopologyModel): RegisterEntry[] {
  return m.replication.jobs.flatMap((job) => {
    const src = m.unitsById[job.source.unitId];
    const dst = m.unitsById[job.destination.unitId];
    return job.databases.map((db): RegisterEntry => {
      const source = unitPlace(src, `RDS ${src.names.rds}, database ${db.database}${db.relayed ? ` (mirror of unit ${db.masterUnitId})` : ''}`);
      const destination = unitPlace(dst, `RDS ${dst.names.rds}, database ${db.database} (mirror)`);
      return {
        id: `replication/${job.key}/${db.database}`,
        kind: 'replication',
        dataClass: 'org-structure',
        summary: `DTS job ${job.name} copies the org-structure columns of ${db.database}${db.relayed ? `, relayed for unit ${db.masterUnitId},` : ''} from unit ${src.id} to unit ${dst.id}`,
        source,
        destination,
        crossesBorder: crosses(source, destination),
        resources: [
          { stack: m.stackNames.link, type: 'alicloud_dts_synchronization_job', match: { dts_job_name: job.name } },
          { stack: src.stackName, type: 'alicloud_db_database', match: { data_base_name: db.database } },
          { stack: dst.stackName, type: 'alicloud_db_database', match: { data_base_name: db.database } },
        ],
        details: {
          kind: 'replication',
          job: job.key,
          jobName: job.name,
          database: db.database,
          masterUnitId: db.masterUnitId,
          relayed: db.relayed,
          tables: db.tables.map((t) => ({ name: t.name, columns: t.columns })),
        },
      };
    });
  });
}

function flowEntries(m: TopologyModel): RegisterEntry[] {
  return m.flows.map((f): RegisterEntry => {
    const from = m.unitsById[f.from];
    const to = m.unitsById[f.to];
    const routesOf = (unitId: string, towards: string) =>
      (m.interconnect.routers.find((r) => r.unitId === unitId)?.routes ?? [])
        .filter((r) => r.unitId === towards)
        .map((r): ResourceRef => ({ stack: m.stackNames.link, type: 'alicloud_route_entry', match: { name: r.name } }));
    const peer = m.interconnect.peers.find((p) => p.flowKeys.includes(f.key));
    const source = unitPlace(from, `app tier of unit ${from.id}`);
    const destination = unitPlace(to, `app tier of unit ${to.id}, service ${f.service} on ${f.protocol}/${f.port}`);
    return {
      id: `flow/${f.key}`,
      kind: 'flow',
      dataClass: f.carries,
      summary: f.description,
      source,
      destination,
      crossesBorder: f.crossesBorder,
      ...(f.legalBasis ? { legalBasis: f.legalBasis } : {}),
      ...(f.carries === 'personal' && f.crossesBorder ? { basisField: `flows.${f.key}.legalBasis` } : {}),
      resources: [
        ...Object.values(f.sourceCidrs).map((cidr): ResourceRef => ({
          stack: to.stackName,
          type: 'alicloud_security_group_rule',
          match: { cidr_ip: cidr, ip_protocol: f.protocol, port_range: `${f.port}/${f.port}` },
        })),
        ...routesOf(from.id, to.id),
        ...routesOf(to.id, from.id),
        ...(peer
          ? [
              {
                stack: m.stackNames.link,
                type: 'alicloud_cen_transit_router_peer_attachment',
                match: { transit_router_peer_attachment_name: peer.names.peerAttachment },
              },
            ]
          : []),
      ],
      details: { kind: 'flow', flow: f.key, service: f.service, protocol: f.protocol, port: f.port, bandwidthMbps: f.bandwidthMbps },
    };
  });
}

/**
 * One entry per site and hostname whose requests leave the site's own unit or its country: the routes of
 * lib/topology/sites.ts, which say what DNS answers the site's resolvers, where TLS is decrypted and where the request
 * is served. A site using its own unit's hostname at home is covered by the unit (and its residency entry).
 */
function accessEntries(m: TopologyModel): RegisterEntry[] {
  const accel = m.stackNames.accel;
  const sites = new Map(m.sites.map((s) => [s.id, s]));
  return m.access.routes
    .filter((r) => r.crossesBorder || r.unitId !== sites.get(r.siteId)?.unitId)
    .map((r): RegisterEntry => {
      const site = sites.get(r.siteId)!;
      const serving = m.unitsById[r.unitId];
      const entry = r.entry;
      const entryPoints =
        entry.kind === 'access-point'
          ? [{ name: entry.name, region: entry.region, country: entry.country, terminatesTls: m.access.listener.protocol === 'https' }]
          : [];
      const through = entryPoints.map((e) => `access point ${e.name} (${e.region}${e.terminatesTls ? ', decrypted there' : ''})`).join(', ');
      const landsAbroad = [...new Set([r.decryptedIn.country, r.servedIn.country].filter((c) => c !== site.country))].sort();
      const basisField = r.legalBasisFrom === 'unit-residency' ? `units.${serving.id}.residency.legalBasis` : `access.hostnames.${r.label}.crossBorderUse`;
      return {
        id: `access/${r.label}/${site.id}`,
        kind: 'access',
        dataClass: 'personal',
        summary: `Requests of ${site.name} (unit ${site.unitId}'s staff) to ${r.fqdn} resolve on DNS line ${r.line} to ${through || `unit ${serving.id}'s ALB`} and are served by unit ${serving.id} in ${serving.region}`,
        source: { unitId: site.unitId, country: site.country, what: `staff at ${site.name} (site ${site.id}) opening ${r.fqdn}` },
        destination: unitPlace(serving, `ALB and app tier of unit ${serving.id}; access logs in ${serving.names.logProject}/${serving.names.albLogStore}`),
        crossesBorder: r.crossesBorder,
        ...(r.legalBasis ? { legalBasis: r.legalBasis } : {}),
        ...(r.crossesBorder ? { basisField } : {}),
        resources: [
          { stack: accel, type: 'alicloud_alidns_record', match: { rr: r.label, line: r.line } },
          ...(entry.kind === 'access-point'
            ? [
                { stack: accel, type: 'alicloud_ga_ip_set', match: { accelerate_region_id: entry.region } },
                ...(m.access.listener.protocol === 'https'
                  ? [{ stack: accel, type: 'alicloud_ga_forwarding_rule', match: { forwarding_rule_name: accessRuleName(m.org.prefix, r.label) } }]
                  : []),
                { stack: accel, type: 'alicloud_ga_endpoint_group', match: { name: accessEndpointGroupName(m.org.prefix, serving.id) } },
              ]
            : []),
          { stack: serving.stackName, type: 'alicloud_alb_load_balancer', match: { load_balancer_name: serving.names.alb } },
          { stack: serving.stackName, type: 'alicloud_log_store', match: { logstore_name: serving.names.albLogStore } },
        ],
        details: {
          kind: 'access',
          hostname: r.fqdn,
          siteId: site.id,
          siteCountry: site.country,
          line: r.line,
          servingUnitId: serving.id,
          entryPoints,
          landsAbroad,
          accessLogs: `${serving.names.logProject}/${serving.names.albLogStore}`,
        },
      };
    });
}

function stateLocationText(l: StateLocation): string {
  return l.kind === 'oss'
    ? `oss://${l.config.bucket}/${l.config.prefix}/${l.config.key}`
    : `local file ${l.path.replace(/^(\.\.\/)+/, '')} where Terraform runs`;
}

/** What the link and accel stacks read of each unit (parameter names); lib/link/link.ts and stacks/accel read exactly these. */
function crossStackReads(m: TopologyModel): { stack: string; unit: UnitModel; values: { label: string; parameter: string; secret: boolean }[] }[] {
  const withRouter = new Set(m.interconnect.routers.map((r) => r.unitId));
  const replicating = new Set(m.replication.jobs.flatMap((j) => [j.source.unitId, j.destination.unitId]));
  const reads: ReturnType<typeof crossStackReads> = [];
  for (const u of m.units) {
    const values = [
      ...(withRouter.has(u.id)
        ? [
            { label: 'VPC id', parameter: u.exports.vpcId, secret: false },
            { label: 'route table id', parameter: u.exports.routeTableId, secret: false },
            ...Object.values(u.exports.linkVswitchIds).map((parameter) => ({ label: 'link vSwitch id', parameter, secret: false })),
          ]
        : []),
      ...(replicating.has(u.id)
        ? [
            { label: 'RDS instance id', parameter: u.exports.rdsInstanceId, secret: false },
            { label: `password of DTS account ${u.dts.accountName}`, parameter: u.dts.passwordParameter, secret: true },
          ]
        : []),
    ];
    if (values.length) reads.push({ stack: m.stackNames.link, unit: u, values });
  }
  // The accel stack reads every unit's ALB id, and its DNS name where a DNS record points at it (stacks/accel/stack.ts).
  const cnames = new Set(m.access.cnameUnitIds);
  for (const u of m.units)
    reads.push({
      stack: m.stackNames.accel,
      unit: u,
      values: [
        { label: 'ALB id', parameter: u.exports.albId, secret: false },
        ...(cnames.has(u.id) ? [{ label: 'ALB DNS name', parameter: u.exports.albDnsName, secret: false }] : []),
      ],
    });
  return reads;
}

function statePlace(m: TopologyModel, stack: string, what: string): RegisterPlace {
  const l = m.state.locations[stack];
  const region = l?.kind === 'oss' ? l.config.region : undefined;
  return { ...(region ? { region, country: countryOf(region) } : {}), what };
}

function stateEntries(m: TopologyModel): RegisterEntry[] {
  const entries: RegisterEntry[] = crossStackReads(m).map(({ stack, unit, values }): RegisterEntry => {
    const location = m.state.locations[stack];
    const source = unitPlace(unit, `OOS parameters of unit ${unit.id}`);
    const destination = statePlace(m, stack, `state of stack ${stack}: ${stateLocationText(location)}`);
    const holds = [...new Set(values.map((v) => v.label))];
    return {
      id: `state/${stack}/${unit.id}`,
      kind: 'state',
      dataClass: values.some((v) => v.secret) ? 'credential' : 'configuration',
      summary: `The ${stack} stack's state holds unit ${unit.id}'s ${holds.join(', ')}`,
      source,
      destination,
      crossesBorder: crosses(source, destination),
      resources: values.map((v): ResourceRef => ({
        stack,
        data: true,
        type: v.secret ? 'alicloud_oos_secret_parameters' : 'alicloud_oos_parameters',
        match: { ids: v.parameter },
      })),
      details: { kind: 'state', stack, backend: location.kind, location: stateLocationText(location), holds },
    };
  });
  // A local state file sits wherever Terraform runs: each unit's own secrets then leave its region.
  for (const u of m.units) {
    const location = m.state.locations[u.stackName];
    if (location?.kind !== 'local') continue;
    const source = unitPlace(u, `stack ${u.stackName}`);
    const destination = statePlace(m, u.stackName, `state of stack ${u.stackName}: ${stateLocationText(location)}`);
    entries.push({
      id: `state/${u.stackName}/${u.id}`,
      kind: 'state',
      dataClass: 'credential',
      summary: `Unit ${u.id}'s own state, with its generated passwords (the app's ReadWrite on ${u.appDatabase}), is a local file on the machine that runs Terraform`,
      source,
      destination,
      crossesBorder: 'unknown',
      resources: [{ stack: u.stackName, type: 'random_password', match: {} }],
      details: {
        kind: 'state',
        stack: u.stackName,
        backend: 'local',
        location: stateLocationText(location),
        holds: ['every attribute of its resources, generated passwords included'],
      },
    });
  }
  return entries;
}

function credentialEntries(m: TopologyModel): RegisterEntry[] {
  const link = m.stackNames.link;
  const replicating = new Set(m.replication.jobs.flatMap((j) => [j.source.unitId, j.destination.unitId]));
  return m.units
    .filter((u) => replicating.has(u.id))
    .map((u): RegisterEntry => {
      const source = unitPlace(u, `KMS-encrypted OOS secret parameter ${u.dts.passwordParameter}`);
      const destination = statePlace(m, link, `state of stack ${link}: ${stateLocationText(m.state.locations[link])} (DTS job endpoints)`);
      const scope: CredentialScope[] = [
        { privilege: 'ReadOnly', databases: [u.orgDatabase], dataClass: 'org-structure' },
        ...(u.dts.mirrors.length ? [{ privilege: 'ReadWrite', databases: u.dts.mirrors.map((x) => x.database), dataClass: 'org-structure' as const }] : []),
      ];
      return {
        id: `credential/${u.id}/${u.dts.accountName}`,
        kind: 'credential',
        dataClass: 'credential',
        summary: `The password of unit ${u.id}'s DTS account ${u.dts.accountName} leaves the unit: the ${link} stack reads it for its DTS jobs`,
        source,
        destination,
        crossesBorder: crosses(source, destination),
        resources: [
          { stack: u.stackName, type: 'alicloud_rds_account', match: { account_name: u.dts.accountName } },
          { stack: u.stackName, type: 'alicloud_oos_secret_parameter', match: { secret_parameter_name: u.dts.passwordParameter } },
          { stack: link, data: true, type: 'alicloud_oos_secret_parameters', match: { ids: u.dts.passwordParameter } },
        ],
        details: { kind: 'credential', account: u.dts.accountName, parameter: u.dts.passwordParameter, readBy: link, scope },
      };
    });
}

function residencyEntries(m: TopologyModel): RegisterEntry[] {
  return m.units
    .filter((u) => u.country !== u.regionInfo.country)
    .map((u): RegisterEntry => {
      const source: RegisterPlace = { unitId: u.id, country: u.country, what: `staff data of ${u.country}` };
      const destination = unitPlace(u, `unit ${u.id}'s databases, cache, buckets and logs in ${u.region}`);
      return {
        id: `residency/${u.id}`,
        kind: 'residency',
        dataClass: 'personal',
        summary: `Unit ${u.id} keeps the data of its staff in ${u.country} in ${u.region} (${u.regionInfo.name})`,
        source,
        destination,
        crossesBorder: true,
        ...(u.residency ? { legalBasis: u.residency } : {}),
        basisField: `units.${u.id}.residency.legalBasis`,
        resources: [
          { stack: u.stackName, type: 'alicloud_db_instance', match: { instance_name: u.names.rds } },
          { stack: u.stackName, type: 'alicloud_kvstore_instance', match: { db_instance_name: u.names.redis } },
          { stack: u.stackName, type: 'alicloud_oss_bucket', match: { bucket: u.names.filesBucket } },
          { stack: u.stackName, type: 'alicloud_log_project', match: { project_name: u.names.logProject } },
        ],
        details: { kind: 'residency', staffCountry: u.country, region: u.region },
      };
    });
}

const KIND_ORDER = new Map(REGISTER_KINDS.map((k, i) => [k, i]));

/** The register of a model: every entry, sorted by kind, then id. */
export function dataFlowRegister(m: TopologyModel): DataFlowRegister {
  const entries = [...replicationEntries(m), ...flowEntries(m), ...accessEntries(m), ...stateEntries(m), ...credentialEntries(m), ...residencyEntries(m)];
  entries.sort((a, b) => KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { org: m.org.prefix, entries };
}

/** Entries that carry personal data across a border (or possibly across, for `unknown`) without a legal basis. */
export function entriesWithoutBasis(register: DataFlowRegister): RegisterEntry[] {
  return register.entries.filter((e) => e.dataClass === 'personal' && e.crossesBorder !== false && e.legalBasis === undefined);
}
