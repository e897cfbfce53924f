/**
 * The link stack. `contractOf` holds for every topology, whatever its units: it runs on the shipped declaration
 * (with the snapshot) and on the four-unit fixture, whose spokes cover both billings, two CEN geographic areas
 * and the replication defaults.
 */
import { checkStack, loadSchemas } from '../lib/schema-check/check';
import { orgDatabaseName } from '../lib/topology/naming';
import { REGIONS } from '../lib/topology/regions';
import type { TopologyDeclaration, UnitDeclaration } from '../lib/topology/types';
import { loadTopology } from '../stacks/topology';
import { resourcesOf, type StackJson, synthTopology } from './helpers/synth';
import { fixtureTopology } from './fixtures/topology';

type Resource = Record<string, any>;

/** Region of each provider reference (`alicloud`, `alicloud.<alias>`) of a stack. */
function providerRegions(stack: StackJson): Record<string, string> {
  const regions: Record<string, string> = {};
  for (const p of stack.provider.alicloud as { alias?: string; region: string }[]) regions[p.alias ? `alicloud.${p.alias}` : 'alicloud'] = p.region;
  return regions;
}

const values = (stack: StackJson, type: string): Resource[] => Object.values(resourcesOf(stack, type));
/** `type.name` address of a resource of this stack. */
const addressOf = (stack: StackJson, type: string, r: Resource): string => `${type}.${Object.entries(resourcesOf(stack, type)).find(([, v]) => v === r)?.[0]}`;
/** `${type.name.attr}` reference to a resource of this stack. */
const refTo = (stack: StackJson, type: string, r: Resource, attr: string): string => `\${${addressOf(stack, type, r)}.${attr}}`;
/** A reference into a unit stack's outputs (cross-stack remote state). */
const fromUnit = (unitId: string) => new RegExp(`^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-unit-${unitId}\\.outputs\\.`);

/** The assertions every topology's link stack must meet, whatever its units. */
function contractOf(topology: TopologyDeclaration) {
  const link = synthTopology(topology).stacks.link;
  const regions = providerRegions(link);
  const regionOf = (r: Resource) => regions[r.provider];
  const hub = topology.units.find((u) => u.id === topology.hub)!;
  const spokes = topology.units.filter((u) => u.id !== topology.hub);
  const routers = values(link, 'alicloud_cen_transit_router');
  const routerOf = (u: UnitDeclaration) => routers.find((r) => r.tags.unit === u.id)!;
  const vpcAttachments = values(link, 'alicloud_cen_transit_router_vpc_attachment');
  const vpcAttachmentOf = (u: UnitDeclaration) => vpcAttachments.find((a) => a.tags.unit === u.id)!;
  const routeTableOf = (u: UnitDeclaration) => values(link, 'alicloud_cen_transit_router_route_table').find((t) => t.tags.unit === u.id)!;
  const peers = values(link, 'alicloud_cen_transit_router_peer_attachment');
  const peerOf = (u: UnitDeclaration) => peers.find((p) => p.tags.unit === u.id)!;
  const jobs = values(link, 'alicloud_dts_synchronization_job');
  const jobOf = (from: UnitDeclaration, to: UnitDeclaration) => jobs.find((j) => j.dts_job_name === `${topology.org.prefix}-org-${from.id}-to-${to.id}`);

  it('puts one Enterprise transit router in each unit region, all in the one CEN instance', () => {
    expect(Object.keys(resourcesOf(link, 'alicloud_cen_instance'))).toHaveLength(1);
    const [cenName] = Object.keys(resourcesOf(link, 'alicloud_cen_instance'));
    expect(routers.map(regionOf).sort()).toEqual(topology.units.map((u) => u.region).sort());
    for (const u of topology.units) {
      expect(regionOf(routerOf(u))).toBe(u.region);
      expect(routerOf(u).cen_id).toBe(`\${alicloud_cen_instance.${cenName}.id}`);
      // Enterprise Edition (route tables) is only knowable after create: a postcondition stops the apply otherwise.
      expect(routerOf(u).lifecycle.postcondition).toEqual([expect.objectContaining({ condition: '${self.type == "Enterprise"}' })]);
    }
  });

  it.each(topology.units.map((u) => [u.id, u] as const))('attaches the VPC of unit %s in at least two zones, on its link vSwitches', (_id, u) => {
    const a = vpcAttachmentOf(u);
    expect(regionOf(a)).toBe(u.region);
    expect(a.vpc_id).toMatch(fromUnit(u.id));
    expect(a.transit_router_id).toBe(refTo(link, 'alicloud_cen_transit_router', routerOf(u), 'transit_router_id'));
    const zones = a.zone_mappings.map((m: Resource) => m.zone_id);
    expect(new Set(zones).size).toBeGreaterThanOrEqual(2);
    expect(zones).toEqual([...u.zones]);
    for (const m of a.zone_mappings) expect(m.vswitch_id).toMatch(new RegExp(`${fromUnit(u.id).source}.*network_link-${m.zone_id}_`));
  });

  it('links the hub to every other unit with one peer attachment of the declared, non-zero bandwidth', () => {
    expect(peers).toHaveLength(spokes.length);
    for (const u of spokes) {
      const p = peerOf(u);
      expect(p.bandwidth).toBeGreaterThan(0);
      expect(p.bandwidth).toBe(u.link!.bandwidthMbps);
      expect(regionOf(p)).toBe(hub.region);
      expect(p.transit_router_id).toBe(refTo(link, 'alicloud_cen_transit_router', routerOf(hub), 'transit_router_id'));
      expect(p.peer_transit_router_id).toBe(refTo(link, 'alicloud_cen_transit_router', routerOf(u), 'transit_router_id'));
      expect(p.peer_transit_router_region_id).toBe(u.region);
    }
  });

  it("draws package-billed bandwidth from a bandwidth package for the two ends' CEN geographic areas, attached to the CEN instance", () => {
    const packages = resourcesOf(link, 'alicloud_cen_bandwidth_package');
    const attachments = values(link, 'alicloud_cen_bandwidth_package_attachment');
    const [cenName] = Object.keys(resourcesOf(link, 'alicloud_cen_instance'));
    const area = (u: UnitDeclaration) => REGIONS[u.region].cenGeographicRegion;
    for (const u of spokes.filter((s) => s.link!.billing === 'bandwidth-package')) {
      const p = peerOf(u);
      expect(p.bandwidth_type).toBe('BandwidthPackage');
      const [pkgName, pkg] = Object.entries(packages).find(([name]) => p.cen_bandwidth_package_id === `\${alicloud_cen_bandwidth_package.${name}.id}`)!;
      expect([pkg.geographic_region_a_id, pkg.geographic_region_b_id]).toEqual([area(hub), area(u)]);
      expect(pkg.bandwidth).toBeGreaterThanOrEqual(p.bandwidth);
      expect(pkg.lifecycle).toEqual({ prevent_destroy: true });
      const attachment = attachments.find((a) => a.bandwidth_package_id === `\${alicloud_cen_bandwidth_package.${pkgName}.id}`)!;
      expect(attachment.instance_id).toBe(`\${alicloud_cen_instance.${cenName}.id}`);
      expect(p.depends_on).toEqual([addressOf(link, 'alicloud_cen_bandwidth_package_attachment', attachment)]);
    }
    expect(Object.keys(packages)).toHaveLength(spokes.filter((s) => s.link!.billing === 'bandwidth-package').length);
    expect(attachments).toHaveLength(Object.keys(packages).length);
  });

  it('bills every data-transfer spoke by traffic, with no bandwidth package', () => {
    for (const u of spokes.filter((s) => s.link!.billing === 'data-transfer')) {
      const p = peerOf(u);
      expect(p.bandwidth_type).toBe('DataTransfer');
      expect(p.bandwidth).toBe(u.link!.bandwidthMbps);
      expect(p).not.toHaveProperty('cen_bandwidth_package_id');
      expect(p).not.toHaveProperty('depends_on');
    }
  });

  it('associates and propagates every attachment with separate resources, on both ends of each peer link', () => {
    const assoc = values(link, 'alicloud_cen_transit_router_route_table_association');
    const prop = values(link, 'alicloud_cen_transit_router_route_table_propagation');
    const pairs = (rs: Resource[]) => rs.map((r) => `${r.transit_router_attachment_id} -> ${r.transit_router_route_table_id}`).sort();
    const expected: string[] = [];
    const table = (u: UnitDeclaration) => refTo(link, 'alicloud_cen_transit_router_route_table', routeTableOf(u), 'transit_router_route_table_id');
    for (const u of topology.units)
      expected.push(`${refTo(link, 'alicloud_cen_transit_router_vpc_attachment', vpcAttachmentOf(u), 'transit_router_attachment_id')} -> ${table(u)}`);
    for (const u of spokes) {
      const peer = refTo(link, 'alicloud_cen_transit_router_peer_attachment', peerOf(u), 'transit_router_attachment_id');
      expected.push(`${peer} -> ${table(hub)}`, `${peer} -> ${table(u)}`);
    }
    expect(pairs(assoc)).toEqual(expected.sort());
    expect(pairs(prop)).toEqual(expected.sort());
  });

  it('uses none of the deprecated inline route-table flags', () => {
    for (const type of ['alicloud_cen_transit_router_vpc_attachment', 'alicloud_cen_transit_router_peer_attachment']) {
      for (const r of values(link, type)) {
        expect(r).not.toHaveProperty('route_table_association_enabled');
        expect(r).not.toHaveProperty('route_table_propagation_enabled');
      }
    }
  });

  it.each(topology.units.map((u) => [u.id, u] as const))('routes every other unit CIDR from the VPC of unit %s to its transit router', (_id, u) => {
    const entries = values(link, 'alicloud_route_entry').filter((e) => regionOf(e) === u.region);
    const others = topology.units.filter((o) => o.id !== u.id);
    expect(entries.map((e) => e.destination_cidrblock).sort()).toEqual(others.map((o) => o.network.vpcCidr).sort());
    for (const e of entries) {
      expect(e.route_table_id).toMatch(new RegExp(`${fromUnit(u.id).source}.*route_table_id\\}$`));
      expect(e.nexthop_type).toBe('Attachment');
      expect(e.nexthop_id).toBe(refTo(link, 'alicloud_cen_transit_router_vpc_attachment', vpcAttachmentOf(u), 'transit_router_attachment_id'));
    }
  });

  it('runs one DTS job each way between the hub and every other unit, and no other', () => {
    expect(jobs).toHaveLength(2 * spokes.length);
    for (const u of spokes) {
      expect(jobOf(hub, u)).toBeDefined();
      expect(jobOf(u, hub)).toBeDefined();
    }
  });

  it('gives every db_list exactly the allowlisted tables the source unit masters, table by table, never personal data', () => {
    for (const u of spokes) {
      for (const [from, to] of [
        [hub, u],
        [u, hub],
      ]) {
        const job = jobOf(from, to)!;
        const db = orgDatabaseName(topology.catalog.orgDatabase, from.id);
        const parsed = JSON.parse(job.db_list);
        expect(Object.keys(parsed)).toEqual([db]);
        expect(parsed[db].name).toBe(db);
        expect(parsed[db].all).toBe(false);
        const tables = Object.keys(parsed[db].Table);
        expect(tables.sort()).toEqual(topology.replication.allowlist.filter((t) => from.mastersTables.includes(t)).sort());
        for (const t of tables) {
          expect(parsed[db].Table[t]).toEqual({ name: t, all: true });
          expect(topology.catalog.tables[t]).toBe('org-structure');
        }
        // the source and destination RDS are the right units'
        expect(job.source_endpoint_instance_id).toMatch(new RegExp(`${fromUnit(from.id).source}.*database_instance`));
        expect(job.destination_endpoint_instance_id).toMatch(new RegExp(`${fromUnit(to.id).source}.*database_instance`));
        expect([job.source_endpoint_region, job.destination_endpoint_region]).toEqual([from.region, to.region]);
      }
    }
  });

  it('sets instance class, sync flags, SSL on both endpoints and delay/error monitor rules from the declaration', () => {
    const instances = resourcesOf(link, 'alicloud_dts_synchronization_instance');
    const rules = values(link, 'alicloud_dts_job_monitor_rule');
    for (const u of spokes) {
      const r = { instanceClass: 'small', structureInitialization: true, dataInitialization: true, delayAlertSeconds: 60, ...u.link!.replication };
      for (const job of [jobOf(hub, u)!, jobOf(u, hub)!]) {
        expect(job.instance_class).toBe(r.instanceClass);
        expect(job.structure_initialization).toBe(r.structureInitialization);
        expect(job.data_initialization).toBe(r.dataInitialization);
        expect(job.data_synchronization).toBe(true);
        expect([job.source_endpoint_ssl, job.destination_endpoint_ssl]).toEqual(['1', '1']);
        expect([job.source_endpoint_instance_type, job.destination_endpoint_instance_type]).toEqual(['RDS', 'RDS']);
        expect(job.lifecycle).toEqual({ prevent_destroy: true });
        const instanceName = Object.keys(instances).find((n) => job.dts_instance_id === `\${alicloud_dts_synchronization_instance.${n}.id}`)!;
        expect(instances[instanceName]).toMatchObject({
          instance_class: r.instanceClass,
          sync_architecture: 'oneway',
          payment_type: 'PayAsYouGo',
          lifecycle: { prevent_destroy: true },
        });
        const jobRef = refTo(link, 'alicloud_dts_synchronization_job', job, 'id');
        const mine = rules.filter((m) => m.dts_job_id === jobRef);
        expect(mine.map((m) => m.type).sort()).toEqual(['delay', 'error']);
        expect(mine.every((m) => m.state === 'Y')).toBe(true);
        expect(mine.find((m) => m.type === 'delay')!.delay_rule_time).toBe(String(r.delayAlertSeconds));
      }
    }
  });

  it('signs DTS in with a dedicated account per RDS, generated password, least privilege on org databases only', () => {
    const accounts = values(link, 'alicloud_rds_account');
    const grants = values(link, 'alicloud_db_account_privilege');
    const mirrors = values(link, 'alicloud_db_database');
    expect(accounts).toHaveLength(topology.units.length);
    for (const u of topology.units) {
      const account = accounts.find((a) => regionOf(a) === u.region)!;
      expect(account.account_name).toBe(`dts_${u.id}`);
      expect(account.account_type).toBe('Normal');
      expect(account.account_password).toMatch(/^\$\{random_password\.[^.]+\.result\}$/);
      expect(account.db_instance_id).toMatch(fromUnit(u.id));
      const accountRef = refTo(link, 'alicloud_rds_account', account, 'account_name');
      const mine = grants.filter((g) => g.account_name === accountRef);
      const readOnly = mine.filter((g) => g.privilege === 'ReadOnly');
      const readWrite = mine.filter((g) => g.privilege === 'ReadWrite');
      expect(mine).toHaveLength(readOnly.length + readWrite.length);
      expect(readOnly.map((g) => g.db_names)).toEqual([[orgDatabaseName(topology.catalog.orgDatabase, u.id)]]);
      // writes only the mirrors of the units that replicate into it (the hub: every other unit; others: the hub)
      const sources = u.id === hub.id ? spokes : [hub];
      const mirrorsHere = mirrors.filter((m) => regionOf(m) === u.region);
      expect(mirrorsHere.map((m) => m.data_base_name).sort()).toEqual(sources.map((s) => orgDatabaseName(topology.catalog.orgDatabase, s.id)).sort());
      for (const m of mirrorsHere) expect(m.lifecycle).toEqual({ prevent_destroy: true });
      expect(readWrite).toHaveLength(1);
      expect(readWrite[0].db_names.sort()).toEqual(mirrorsHere.map((m) => refTo(link, 'alicloud_db_database', m, 'data_base_name')).sort());
    }
    for (const pw of values(link, 'random_password')) expect(pw.length).toBeGreaterThanOrEqual(16);
  });

  it('never outputs a password', () => {
    for (const o of Object.values(link.output ?? {}) as Resource[]) expect(JSON.stringify(o.value)).not.toMatch(/random_password|password/);
  });

  it('has no schema problems', () => {
    expect(checkStack(link, loadSchemas())).toEqual([]);
  });

  return link;
}

describe('link stack of the declared topology', () => {
  const link = contractOf(loadTopology());

  it('matches the snapshot', () => {
    expect(link).toMatchSnapshot();
  });
});

describe('link stack of the four-unit fixture (t1 hub; t2, t3 on bandwidth packages; t4 by data transfer)', () => {
  const link = contractOf(fixtureTopology(['t1', 't2', 't3', 't4']));
  const regions = providerRegions(link);
  const inRegion = (type: string, region: string) => values(link, type).filter((r) => regions[r.provider] === region);

  it('gives the Frankfurt spoke its transit router, attachment, peer link, routes and both DTS jobs', () => {
    expect(inRegion('alicloud_cen_transit_router', 'eu-central-1')).toHaveLength(1);
    expect(inRegion('alicloud_cen_transit_router_vpc_attachment', 'eu-central-1')).toHaveLength(1);
    expect(
      inRegion('alicloud_route_entry', 'eu-central-1')
        .map((e) => e.destination_cidrblock)
        .sort(),
    ).toEqual(['10.11.0.0/16', '10.12.0.0/16', '10.14.0.0/16']);
    // Every other unit routes to it.
    expect(values(link, 'alicloud_route_entry').filter((e) => e.destination_cidrblock === '10.13.0.0/16')).toHaveLength(3);
    expect(values(link, 'alicloud_cen_transit_router_peer_attachment').filter((p) => p.peer_transit_router_region_id === 'eu-central-1')).toHaveLength(1);
    const names = values(link, 'alicloud_dts_synchronization_job').map((j) => j.dts_job_name);
    expect(names).toEqual(expect.arrayContaining(['fx-org-t1-to-t3', 'fx-org-t3-to-t1']));
    const t3ToT1 = values(link, 'alicloud_dts_synchronization_job').find((j) => j.dts_job_name === 'fx-org-t3-to-t1')!;
    expect(Object.keys(JSON.parse(t3ToT1.db_list).org_t3.Table)).toEqual(['departments', 'positions']);
  });

  it('buys one bandwidth package per package-billed spoke, for China ↔ Asia-Pacific and China ↔ Europe', () => {
    expect(
      values(link, 'alicloud_cen_bandwidth_package')
        .map((p) => `${p.geographic_region_a_id} ↔ ${p.geographic_region_b_id}: ${p.bandwidth}`)
        .sort(),
    ).toEqual(['China ↔ Asia-Pacific: 20', 'China ↔ Europe: 10']);
  });

  it('bills the Kuala Lumpur peer link by data transfer', () => {
    const [peer] = values(link, 'alicloud_cen_transit_router_peer_attachment').filter((p) => p.peer_transit_router_region_id === 'ap-southeast-3');
    expect(peer).toMatchObject({ bandwidth_type: 'DataTransfer', bandwidth: 10 });
    expect(peer).not.toHaveProperty('cen_bandwidth_package_id');
  });

  it('runs the Kuala Lumpur DTS jobs with the documented defaults, the Frankfurt ones as declared', () => {
    const job = (name: string) => values(link, 'alicloud_dts_synchronization_job').find((j) => j.dts_job_name === name)!;
    expect(job('fx-org-t4-to-t1')).toMatchObject({ instance_class: 'small', structure_initialization: true, data_initialization: true });
    expect(job('fx-org-t3-to-t1')).toMatchObject({ instance_class: 'medium', structure_initialization: true, data_initialization: false });
  });
});
