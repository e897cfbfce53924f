/**
 * (c) Residency: every place a unit's personal data can land, read from the synthesized stacks, is in the unit's
 * region or covered by a data-flow register entry (with a legal basis where it crosses a border):
 * - every resource of a unit stack is created in the unit's region (its databases, cache, buckets, keys, logs);
 * - logs stay in the region of what they log: ActionTrail trails (`sls_project_arn` region, OSS bucket), ALB access
 *   logs, VPC flow logs, OSS access logging, SLS shipping to OSS or to another project;
 * - backups and copies stay home: OSS bucket replication (`alicloud_oss_bucket_replication`), RDS cross-region backup
 *   (`alicloud_rds_instance_cross_backup_policy`);
 * - DTS jobs: both endpoints resolve to units' RDS instances in the regions the job names, the `db_list` copies no
 *   whole database or table and no column the catalog classes personal, and each database it copies is a register
 *   entry between the same two units with those columns;
 * - users' requests: each DNS record of a hostname, through the GA access point it names (or straight to an ALB), the
 *   forwarding rule and endpoint group to the serving unit's ALB, lands where a register access entry says, for
 *   every declared site on the line its resolvers get (`recordsSeenBy`), and the entry has its legal basis when it
 *   crosses a border.
 */
import { COUNTRY_LINES, countryLine, DEFAULT_LINE, OVERSEA_LINE } from '../facts/alidns-lines';
import type { TopologyModel, UnitModel } from '../topology/model';
import type { SiteModel } from '../topology/sites';
import { REGIONS, isRegionId } from '../topology/regions';
import { type DataFlowRegister, entriesWithoutBasis, type RegisterEntry } from '../register/register';
import { type Address, addressOf, blocks, isLiteral, isObj, type Node, type OutputIndex } from './output';
import { Collector } from './report';

const countryOf = (region: string | undefined) => (region && isRegionId(region) ? REGIONS[region].country : undefined);

/** Where a bucket lives: the node a reference or a literal bucket name leads to. */
function bucketNode(ix: OutputIndex, stack: string, value: unknown): Node | undefined {
  const r = ix.resolve(stack, value);
  if (r?.node.type === 'alicloud_oss_bucket') return r.node;
  if (!isLiteral(value)) return undefined;
  const all = ix.all('alicloud_oss_bucket').filter((b) => b.body.bucket === value);
  return all.find((b) => b.stack === stack) ?? all[0];
}

function projectNode(ix: OutputIndex, stack: string, value: unknown): Node | undefined {
  const r = ix.resolve(stack, value);
  if (r?.node.type === 'alicloud_log_project') return r.node;
  if (!isLiteral(value)) return undefined;
  const all = ix.all('alicloud_log_project').filter((p) => p.body.project_name === value);
  return all.find((p) => p.stack === stack) ?? all[0];
}

export interface ResidencyInputs {
  readonly ix: OutputIndex;
  readonly model: TopologyModel;
  readonly register: DataFlowRegister;
}

export function checkResidency({ ix, model, register }: ResidencyInputs): Collector {
  const c = new Collector('residency');
  const unitByStack = new Map(model.units.map((u) => [u.stackName, u]));
  placement(c, ix, unitByStack);
  logs(c, ix, unitByStack);
  copies(c, ix);
  replication(c, ix, model, register);
  access(c, ix, model, register);
  for (const e of entriesWithoutBasis(register)) {
    c.error(`register entry ${e.id} carries personal data across a border without a legal basis (declare ${e.basisField ?? 'one'})`);
  }
  return c;
}

/** Every resource of a unit stack lives in the unit's region. */
function placement(c: Collector, ix: OutputIndex, unitByStack: ReadonlyMap<string, UnitModel>): void {
  let checked = 0;
  for (const [stack, unit] of unitByStack) {
    for (const n of ix.everything(stack)) {
      if (n.data || !n.type.startsWith('alicloud_')) continue;
      checked++;
      const region = ix.regionOf(n);
      if (region !== unit.region)
        c.error(`resource of unit ${unit.id} is created in ${region ?? 'an unknown region'}, outside the unit's region ${unit.region}`, [addressOf(n)]);
    }
  }
  c.proved(`${checked} resources of ${unitByStack.size} unit stacks are created in their unit's region`);
}

/** Logs land in the region of what they log. */
function logs(c: Collector, ix: OutputIndex, unitByStack: ReadonlyMap<string, UnitModel>): void {
  const proof: Address[] = [];
  const expect = (what: string, source: Node, target: Node | undefined, targetRegion: string | undefined) => {
    const home = ix.regionOf(source);
    const lands = targetRegion ?? (target ? ix.regionOf(target) : undefined);
    const where = [addressOf(source), ...(target ? [addressOf(target)] : [])];
    if (lands === undefined) c.error(`${what}: where it lands cannot be told from the output`, where);
    else if (lands !== home) c.error(`${what} lands in ${lands}, outside ${home ?? 'the region'} of what it logs`, where);
    else proof.push(...where);
  };
  for (const trail of ix.all('alicloud_actiontrail_trail')) {
    const unit = unitByStack.get(trail.stack);
    const arn = trail.body.sls_project_arn;
    if (typeof arn === 'string') {
      const region = /^acs:log:([a-z0-9-]+):/.exec(arn)?.[1];
      const project = ix.refsIn(trail.stack, arn).find((r) => r.node.type === 'alicloud_log_project')?.node;
      if (project && region && ix.regionOf(project) !== region)
        c.error(`ActionTrail trail names project region ${region}, but its project is in ${ix.regionOf(project)}`, [addressOf(trail), addressOf(project)]);
      if (unit) expect(`ActionTrail trail of unit ${unit.id} (SLS delivery)`, trail, project, region);
      else
        c.warning(`ActionTrail trail outside a unit stack delivers audit events to SLS in ${region ?? 'an unknown region'}; the register does not list it`, [
          addressOf(trail),
        ]);
    }
    if (trail.body.oss_bucket_name !== undefined) {
      const bucket = bucketNode(ix, trail.stack, trail.body.oss_bucket_name);
      if (unit) expect(`ActionTrail trail of unit ${unit.id} (OSS delivery)`, trail, bucket, undefined);
      else
        c.warning(
          `ActionTrail trail outside a unit stack delivers audit events to OSS bucket ${JSON.stringify(trail.body.oss_bucket_name)}; the register does not list it`,
          [addressOf(trail)],
        );
    }
  }
  for (const alb of ix.all('alicloud_alb_load_balancer')) {
    for (const cfg of blocks(alb.body.access_log_config)) expect('ALB access logs', alb, projectNode(ix, alb.stack, cfg.log_project), undefined);
  }
  for (const fl of ix.all('alicloud_vpc_flow_log')) expect('VPC flow logs', fl, projectNode(ix, fl.stack, fl.body.project_name), undefined);
  for (const b of ix.all('alicloud_oss_bucket')) {
    for (const cfg of blocks(b.body.logging)) expect('OSS access logging', b, bucketNode(ix, b.stack, cfg.target_bucket), undefined);
  }
  for (const l of ix.all('alicloud_oss_bucket_logging')) {
    const source = bucketNode(ix, l.stack, l.body.bucket);
    const target = bucketNode(ix, l.stack, l.body.target_bucket);
    if (source) expect('OSS access logging', source, target, undefined);
    else c.error('OSS bucket logging of a bucket the output does not have', [addressOf(l)]);
  }
  for (const type of ['alicloud_log_oss_export', 'alicloud_log_oss_shipper']) {
    for (const x of ix.all(type)) {
      const project = projectNode(ix, x.stack, x.body.project_name);
      const bucket = bucketNode(ix, x.stack, x.body.bucket ?? x.body.oss_bucket);
      if (project) expect(`SLS shipping of project logs to OSS (${type})`, project, bucket, undefined);
      else c.error(`${type} ships a project the output does not have`, [addressOf(x)]);
    }
  }
  for (const etl of ix.all('alicloud_log_etl')) {
    const project = projectNode(ix, etl.stack, etl.body.project);
    for (const sink of blocks(etl.body.etl_sinks)) {
      const region =
        typeof sink.endpoint === 'string'
          ? /^(?:https?:\/\/)?([a-z]+-[a-z0-9-]+?)(?:-intranet|-share)?\.log\.aliyuncs\.com/.exec(sink.endpoint)?.[1]
          : undefined;
      if (project) expect('SLS data transformation sink', project, projectNode(ix, etl.stack, sink.project), region);
      else c.error('SLS data transformation of a project the output does not have', [addressOf(etl)]);
    }
  }
  if (proof.length) c.proved('audit, access and flow logs land in the region of what they log', proof);
}

/** Copies and backups stay in their source's region. */
function copies(c: Collector, ix: OutputIndex): void {
  for (const rep of ix.all('alicloud_oss_bucket_replication')) {
    const source = bucketNode(ix, rep.stack, rep.body.bucket);
    const home = source ? ix.regionOf(source) : ix.regionOf(rep);
    for (const d of blocks(rep.body.destination)) {
      const location = typeof d.location === 'string' ? d.location.replace(/^oss-/, '') : undefined;
      const target = bucketNode(ix, rep.stack, d.bucket);
      const lands = location ?? (target ? ix.regionOf(target) : undefined);
      const where = [addressOf(rep), ...(source ? [addressOf(source)] : []), ...(target ? [addressOf(target)] : [])];
      if (!lands || d.location === undefined || !isLiteral(d.location)) c.error('OSS bucket replication to a destination whose region cannot be told', where);
      else if (lands !== home) c.error(`OSS bucket replication copies bucket objects from ${home ?? 'an unknown region'} to ${lands}`, where);
    }
  }
  for (const p of ix.all('alicloud_rds_instance_cross_backup_policy')) {
    const instance = ix.resolve(p.stack, p.body.instance_id)?.node;
    const home = instance ? ix.regionOf(instance) : ix.regionOf(p);
    const to = p.body.cross_backup_region;
    if (to !== undefined && to !== home)
      c.error(`RDS cross-region backup copies backups from ${home ?? 'an unknown region'} to ${String(to)}`, [
        addressOf(p),
        ...(instance ? [addressOf(instance)] : []),
      ]);
  }
}

type DbEntry = { name?: unknown; all?: unknown; Table?: unknown; column?: unknown };

/** DTS jobs copy only registered org-structure columns between the units' RDS instances. */
function replication(c: Collector, ix: OutputIndex, model: TopologyModel, register: DataFlowRegister): void {
  const unitByStack = new Map(model.units.map((u) => [u.stackName, u]));
  const entries = new Map<string, RegisterEntry>();
  for (const e of register.entries) if (e.details.kind === 'replication') entries.set(`${e.source.unitId} ${e.destination.unitId} ${e.details.database}`, e);
  for (const job of ix.all('alicloud_dts_synchronization_job')) {
    const before = c.findings.length;
    const where = [addressOf(job)];
    const end = (side: 'source' | 'destination') => {
      const r = ix.resolve(job.stack, job.body[`${side}_endpoint_instance_id`]);
      const unit = r ? unitByStack.get(r.node.stack) : undefined;
      if (!r || r.node.type !== 'alicloud_db_instance' || !unit) {
        c.error(`DTS job's ${side} endpoint is not an RDS instance of a unit stack`, where);
        return undefined;
      }
      where.push(addressOf(r.node));
      const region = job.body[`${side}_endpoint_region`];
      if (region !== ix.regionOf(r.node))
        c.error(`DTS job's ${side}_endpoint_region ${JSON.stringify(region)} is not the region of unit ${unit.id}'s RDS (${ix.regionOf(r.node)})`, where);
      return unit;
    };
    const [src, dst] = [end('source'), end('destination')];
    let list: unknown;
    try {
      list = typeof job.body.db_list === 'string' ? JSON.parse(job.body.db_list) : undefined;
    } catch {
      list = undefined;
    }
    if (!isObj(list)) {
      c.error('DTS job has no db_list that parses as a JSON object: what it copies cannot be proved', where);
      continue;
    }
    for (const [db, raw] of Object.entries(list)) {
      const entry = (isObj(raw) ? raw : {}) as DbEntry;
      if (entry.all !== false) c.error(`DTS job copies the whole database ${db} ("all": ${JSON.stringify(entry.all)})`, where);
      const registered = src && dst ? entries.get(`${src.id} ${dst.id} ${db}`) : undefined;
      if (src && dst && !registered) c.error(`DTS job copies database ${db} from unit ${src.id} to unit ${dst.id}, which no register entry lists`, where);
      const registeredTables = registered?.details.kind === 'replication' ? registered.details.tables : [];
      for (const [table, t] of Object.entries(isObj(entry.Table) ? entry.Table : {})) {
        const tEntry = (isObj(t) ? t : {}) as DbEntry;
        const catalog = model.catalog.tables[table];
        if (tEntry.all !== false)
          c.error(`DTS job copies the whole table ${db}.${table}, personal columns included ("all": ${JSON.stringify(tEntry.all)})`, where);
        for (const column of Object.keys(isObj(tEntry.column) ? tEntry.column : {})) {
          const cls = catalog?.columns[column]?.class;
          if (cls === 'personal') c.error(`DTS job copies ${db}.${table}.${column}, a column the catalog classes personal`, where);
          else if (cls !== 'org-structure') c.error(`DTS job copies ${db}.${table}.${column}, which the catalog does not know`, where);
          else if (registered && !registeredTables.find((x) => x.name === table)?.columns.includes(column))
            c.error(`DTS job copies ${db}.${table}.${column}, which register entry ${registered.id} does not list`, where);
        }
      }
    }
    if (c.findings.length === before && src && dst)
      c.proved(`DTS job ${String(job.body.dts_job_name)} copies only registered org-structure columns from unit ${src.id} to unit ${dst.id}`, where);
  }
}

interface ObservedRecord {
  readonly node: Node;
  readonly fqdn: string;
  readonly label: string;
  /** The resolver population that gets it (`line`, `default` when unset: every resolver) and the record type. */
  readonly line: string;
  readonly type: string;
  /** The access point the record names (GA IP set), or the unit whose ALB it names directly. */
  readonly accessPoint?: { readonly node: Node; readonly region: string };
  readonly directUnit?: UnitModel;
}

/**
 * The records of one hostname that a site's resolvers get, as Alibaba Cloud DNS answers (lib/facts/alidns-lines.ts):
 * the most specific line with a record wins: the site's country line, then `oversea` for a resolver outside mainland
 * China, then `default`. A record on a line this analysis does not know (an ISP or continent line) is counted for every
 * site, the cautious reading: its route then has to be in the register like any other.
 */
export function recordsSeenBy(site: SiteModel, records: readonly ObservedRecord[]): readonly ObservedRecord[] {
  const known = new Set<string>([DEFAULT_LINE, OVERSEA_LINE, ...Object.values(COUNTRY_LINES)]);
  const unknown = records.filter((r) => !known.has(r.line));
  const chain = [countryLine(site.country), site.country === 'CN' ? undefined : OVERSEA_LINE, DEFAULT_LINE].filter((l): l is string => l !== undefined);
  for (const line of chain) {
    const on = records.filter((r) => r.line === line);
    if (on.length) return [...on, ...unknown];
  }
  return unknown;
}

/** Users' requests land where the register's access entries say. */
function access(c: Collector, ix: OutputIndex, model: TopologyModel, register: DataFlowRegister): void {
  const unitByStack = new Map(model.units.map((u) => [u.stackName, u]));
  const albUnit = (stack: string, value: unknown) => {
    const r = ix.resolve(stack, value);
    return r?.node.type === 'alicloud_alb_load_balancer' ? { unit: unitByStack.get(r.node.stack), node: r.node } : undefined;
  };

  // Endpoint groups: the ALB they reach, in its own region.
  const groups = new Map<Node, UnitModel | undefined>();
  for (const g of ix.all('alicloud_ga_endpoint_group')) {
    const units = blocks(g.body.endpoint_configurations).map((e) => albUnit(g.stack, e.endpoint));
    const unit = units[0]?.unit;
    if (!unit || units.some((u) => u?.unit !== unit)) {
      c.error('GA endpoint group reaches something other than one unit ALB: where its requests land cannot be proved', [addressOf(g)]);
    } else if (g.body.endpoint_group_region !== unit.region) {
      c.error(`GA endpoint group in ${String(g.body.endpoint_group_region)} reaches unit ${unit.id}'s ALB in ${unit.region}`, [
        addressOf(g),
        addressOf(units[0]!.node),
      ]);
    }
    groups.set(g, unit);
  }
  const decrypting = ix.all('alicloud_ga_listener').filter((l) => l.body.protocol === 'HTTPS' || l.body.protocol === 'HTTP');
  // Host → serving units, from the forwarding rules (or, without rules, every group of a listener serves every host).
  const served = new Map<string, { unit: UnitModel; by: Node[] }[]>();
  const rules = ix.all('alicloud_ga_forwarding_rule');
  for (const rule of rules) {
    const targets = blocks(rule.body.rule_actions).flatMap((a) =>
      ix.refsIn(rule.stack, a.rule_action_value).filter((r) => r.node.type === 'alicloud_ga_endpoint_group'),
    );
    if (!targets.length) continue; // a redirect
    for (const cond of blocks(rule.body.rule_conditions)) {
      for (const hc of blocks(cond.host_config)) {
        for (const host of Array.isArray(hc.values) ? hc.values : []) {
          for (const t of targets) {
            const unit = groups.get(t.node);
            if (unit) served.set(String(host), [...(served.get(String(host)) ?? []), { unit, by: [rule, t.node] }]);
          }
        }
      }
    }
  }
  const unruledGroups = rules.length ? [] : [...groups.entries()].filter(([, u]) => u !== undefined);

  const records: ObservedRecord[] = ix.all('alicloud_alidns_record').map((node) => {
    const label = String(node.body.rr);
    const fqdn = `${label}.${String(node.body.domain_name)}`;
    const [line, type] = [String(node.body.line ?? 'default'), String(node.body.type)];
    const ipSet = ix.refsIn(node.stack, node.body.value).find((r) => r.node.type === 'alicloud_ga_ip_set')?.node;
    if (ipSet) return { node, fqdn, label, line, type, accessPoint: { node: ipSet, region: String(ipSet.body.accelerate_region_id) } };
    const alb = albUnit(node.stack, node.body.value);
    return { node, fqdn, label, line, type, ...(alb?.unit ? { directUnit: alb.unit } : {}) };
  });
  for (const r of records)
    if (!r.accessPoint && !r.directUnit)
      c.error(`DNS record ${r.fqdn} points at neither an access point nor a unit ALB: where requests land cannot be proved`, [addressOf(r.node)]);

  const byHost = new Map<string, ObservedRecord[]>();
  for (const r of records) if (r.accessPoint || r.directUnit) byHost.set(r.fqdn, [...(byHost.get(r.fqdn) ?? []), r]);
  for (const [fqdn, hostRecords] of [...byHost.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ga = hostRecords.filter((r) => r.accessPoint);
    const servers = served.get(fqdn) ?? unruledGroups.map(([g, unit]) => ({ unit: unit!, by: [g] }));
    if (ga.length && !servers.length)
      c.error(
        `${fqdn} resolves to an access point, but no GA rule or endpoint group serves it`,
        ga.map((r) => addressOf(r.node)),
      );
    for (const site of model.sites) {
      const user = model.unitsById[site.unitId];
      const seen = recordsSeenBy(site, hostRecords);
      const lands = new Map<string, Address[]>(); // country → what puts the request there
      const put = (country: string | undefined, where: Address[]) => country && lands.set(country, [...(lands.get(country) ?? []), ...where]);
      const servingUnits = new Map<UnitModel, Address[]>();
      for (const r of seen) {
        if (r.directUnit) {
          servingUnits.set(r.directUnit, [...(servingUnits.get(r.directUnit) ?? []), addressOf(r.node)]);
          put(r.directUnit.regionInfo.country, [addressOf(r.node)]);
          continue;
        }
        if (decrypting.length) put(countryOf(r.accessPoint!.region), [addressOf(r.node), addressOf(r.accessPoint!.node), ...decrypting.map(addressOf)]);
        for (const s of servers) {
          servingUnits.set(s.unit, [...(servingUnits.get(s.unit) ?? []), addressOf(r.node), ...s.by.map(addressOf)]);
          put(s.unit.regionInfo.country, [addressOf(r.node), ...s.by.map(addressOf)]);
        }
      }
      const abroad = [...lands.keys()].filter((k) => k !== site.country).sort();
      if (servingUnits.size === 1 && servingUnits.has(user) && !abroad.length) continue; // own unit's hostname at home: the unit covers it
      const label = seen[0]?.label ?? fqdn;
      const who = `${site.name} (site ${site.id} of unit ${user.id})`;
      const entry = register.entries.find((e) => e.id === `access/${label}/${site.id}`);
      const where = abroad.flatMap((k) => lands.get(k) ?? []);
      const details = entry?.details.kind === 'access' ? entry.details : undefined;
      const before = c.findings.length;
      if (!entry || !details) {
        c.error(
          `requests of ${who} to ${fqdn} are processed in ${[...lands.keys()].sort().join(', ')}, and no register entry access/${label}/${site.id} lists the route`,
          where,
        );
        continue;
      }
      for (const [s, by] of servingUnits)
        if (s.id !== details.servingUnitId)
          c.error(`requests to ${fqdn} reach unit ${s.id}, but register entry ${entry.id} says unit ${details.servingUnitId} serves them`, by);
      for (const k of abroad)
        if (!details.landsAbroad.includes(k))
          c.error(`requests of ${who} to ${fqdn} are processed in ${k}, which register entry ${entry.id} does not list`, lands.get(k) ?? []);
      for (const r of seen)
        if (r.accessPoint && !details.entryPoints.some((e) => e.region === r.accessPoint!.region))
          c.error(`${fqdn} resolves to the access point in ${r.accessPoint.region}, which register entry ${entry.id} does not list`, [
            addressOf(r.node),
            addressOf(r.accessPoint.node),
          ]);
      if (abroad.length && !entry.legalBasis) c.error(`register entry ${entry.id} has no legal basis for requests processed in ${abroad.join(', ')}`, where);
      if (c.findings.length === before)
        c.proved(`requests of ${who} to ${fqdn} land in ${[...lands.keys()].sort().join(', ')}, as register entry ${entry.id} lists`, where);
    }
  }
}
