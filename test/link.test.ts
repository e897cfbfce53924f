/**
 * The link stack. `contractOf` holds for every topology, whatever its units and flows: it runs on the shipped
 * declaration (with the snapshot) and on the four-unit fixture, whose units cover flows both ways, a one-way flow, a
 * unit with no flow, relayed replication and the replication defaults. Every expectation is derived from the model,
 * and checked on the synthesized JSON.
 */
import { checkStack, loadSchemas } from '../lib/schema-check/check';
import type { TopologyModel, UnitModel } from '../lib/topology/model';
import type { TopologyDeclaration } from '../lib/topology/types';
import { loadTopology } from '../stacks/topology';
import { fixtureTopology } from './fixtures/topology';
import { modelOf, resourcesOf, type StackJson, synthTopology } from './helpers/synth';

type Resource = Record<string, any>;

/** Region of each provider reference (`alicloud`, `alicloud.<alias>`) of a stack. */
function providerRegions(stack: StackJson): Record<string, string> {
  const regions: Record<string, string> = {};
  for (const p of stack.provider.alicloud as { alias?: string; region: string }[]) regions[p.alias ? `alicloud.${p.alias}` : 'alicloud'] = p.region;
  return regions;
}

const values = (stack: StackJson, type: string): Resource[] => Object.values(resourcesOf(stack, type));
const dataOf = (stack: StackJson, type: string): Record<string, Resource> => stack.data?.[type] ?? {};
/** `type.name` address of a resource of this stack. */
const addressOf = (stack: StackJson, type: string, r: Resource): string => `${type}.${Object.entries(resourcesOf(stack, type)).find(([, v]) => v === r)?.[0]}`;
/** `${type.name.attr}` reference to a resource of this stack. */
const refTo = (stack: StackJson, type: string, r: Resource, attr: string): string => `\${${addressOf(stack, type, r)}.${attr}}`;

/** The reference to the OOS parameter named `name` that the stack reads (its value). */
function parameterRead(stack: StackJson, name: string): { ref: string; data: Resource } {
  const found = Object.entries(dataOf(stack, 'alicloud_oos_parameters')).find(([, d]) => d.ids?.length === 1 && d.ids[0] === name);
  if (!found) throw new Error(`the stack reads no OOS parameter ${name}`);
  return { ref: `\${data.alicloud_oos_parameters.${found[0]}.parameters[0].value}`, data: found[1] };
}

function secretRead(stack: StackJson, name: string): { ref: string; data: Resource } {
  const found = Object.entries(dataOf(stack, 'alicloud_oos_secret_parameters')).find(([, d]) => d.ids?.length === 1 && d.ids[0] === name);
  if (!found) throw new Error(`the stack reads no OOS secret parameter ${name}`);
  return { ref: `\${data.alicloud_oos_secret_parameters.${found[0]}.parameters[0].value}`, data: found[1] };
}

/** The assertions every topology's link stack must meet, whatever its units. */
function contractOf(topology: TopologyDeclaration) {
  const model: TopologyModel = modelOf(topology);
  const link = synthTopology(topology).stacks.link;
  const regions = providerRegions(link);
  const regionOf = (r: Resource) => regions[r.provider ?? 'alicloud'];
  const unit = (id: string): UnitModel => model.unitsById[id];
  const routers = values(link, 'alicloud_cen_transit_router');
  const routerOf = (id: string) => routers.find((r) => r.tags.unit === id)!;
  const vpcAttachments = values(link, 'alicloud_cen_transit_router_vpc_attachment');
  const vpcAttachmentOf = (id: string) => vpcAttachments.find((a) => a.tags.unit === id)!;
  const routeTableOf = (id: string) => values(link, 'alicloud_cen_transit_router_route_table').find((t) => t.tags.unit === id)!;
  const peers = values(link, 'alicloud_cen_transit_router_peer_attachment');
  const peerOf = (farId: string) => peers.find((p) => p.tags.unit === farId)!;
  const jobs = values(link, 'alicloud_dts_synchronization_job');
  const jobNamed = (name: string) => jobs.find((j) => j.dts_job_name === name)!;
  const withRouter = model.interconnect.routers.map((r) => r.unitId);

  it('puts one Enterprise transit router in the region of each unit with a flow, all in the one CEN instance, and none elsewhere', () => {
    expect(Object.keys(resourcesOf(link, 'alicloud_cen_instance'))).toHaveLength(1);
    const [cenName] = Object.keys(resourcesOf(link, 'alicloud_cen_instance'));
    expect(routers.map((r) => r.tags.unit).sort()).toEqual([...withRouter].sort());
    for (const id of withRouter) {
      expect(regionOf(routerOf(id))).toBe(unit(id).region);
      expect(routerOf(id).cen_id).toBe(`\${alicloud_cen_instance.${cenName}.id}`);
      expect(routerOf(id).lifecycle.postcondition).toEqual([expect.objectContaining({ condition: '${self.type == "Enterprise"}' })]);
    }
  });

  it('attaches the VPC of every unit with a flow on its link vSwitches in every zone, as its stack published them', () => {
    for (const id of withRouter) {
      const u = unit(id);
      const a = vpcAttachmentOf(id);
      expect(regionOf(a)).toBe(u.region);
      expect(a.vpc_id).toBe(parameterRead(link, u.exports.vpcId).ref);
      expect(a.transit_router_id).toBe(refTo(link, 'alicloud_cen_transit_router', routerOf(id), 'transit_router_id'));
      expect(a.zone_mappings.map((m: Resource) => m.zone_id)).toEqual([...u.zones]);
      for (const m of a.zone_mappings) expect(m.vswitch_id).toBe(parameterRead(link, u.exports.linkVswitchIds[m.zone_id]).ref);
    }
  });

  it("reads every unit value from an OOS parameter in that unit's region, checked at plan time, and never a remote state", () => {
    expect(link.data?.terraform_remote_state).toBeUndefined();
    expect(JSON.stringify(link)).not.toContain('terraform_remote_state');
    for (const d of [...Object.values(dataOf(link, 'alicloud_oos_parameters')), ...Object.values(dataOf(link, 'alicloud_oos_secret_parameters'))]) {
      const owner = model.units.find((u) => String(d.ids[0]).startsWith(`${model.org.prefix}/${u.id}/`))!;
      expect(regionOf(d)).toBe(owner.region);
      expect(d.enable_details).toBe(true);
      expect(d.lifecycle.postcondition[0].condition).toBe('${length(self.parameters) == 1}');
      expect(d.lifecycle.postcondition[0].error_message).toContain(`Deploy unit-${owner.id} first`);
    }
  });

  it("peers exactly the unit pairs with declared flows, sized to the flows, from the hub's side", () => {
    expect(peers).toHaveLength(model.interconnect.peers.length);
    for (const p of model.interconnect.peers) {
      const r = peerOf(p.far.unitId);
      expect(r.bandwidth).toBe(p.bandwidthMbps);
      expect(r.bandwidth).toBeGreaterThanOrEqual(2);
      expect(regionOf(r)).toBe(p.near.region);
      expect(r.transit_router_id).toBe(refTo(link, 'alicloud_cen_transit_router', routerOf(p.near.unitId), 'transit_router_id'));
      expect(r.peer_transit_router_id).toBe(refTo(link, 'alicloud_cen_transit_router', routerOf(p.far.unitId), 'transit_router_id'));
      expect(r.peer_transit_router_region_id).toBe(p.far.region);
      expect(r.bandwidth_type).toBe(p.billing === 'bandwidth-package' ? 'BandwidthPackage' : 'DataTransfer');
      // The flows the peering carries are named on it.
      for (const f of p.flowKeys) expect(r.transit_router_attachment_description).toContain(f);
    }
  });

  it("draws package-billed bandwidth from a bandwidth package for the two ends' CEN geographic areas, attached to the CEN instance", () => {
    const packages = resourcesOf(link, 'alicloud_cen_bandwidth_package');
    const attachments = values(link, 'alicloud_cen_bandwidth_package_attachment');
    const [cenName] = Object.keys(resourcesOf(link, 'alicloud_cen_instance'));
    const billed = model.interconnect.peers.filter((p) => p.billing === 'bandwidth-package');
    for (const p of billed) {
      const r = peerOf(p.far.unitId);
      const [pkgName, pkg] = Object.entries(packages).find(([name]) => r.cen_bandwidth_package_id === `\${alicloud_cen_bandwidth_package.${name}.id}`)!;
      expect([pkg.geographic_region_a_id, pkg.geographic_region_b_id]).toEqual([p.near.cenGeographicRegion, p.far.cenGeographicRegion]);
      expect(pkg.bandwidth).toBe(p.bandwidthMbps);
      expect(pkg.lifecycle).toEqual({ prevent_destroy: true });
      const attachment = attachments.find((a) => a.bandwidth_package_id === `\${alicloud_cen_bandwidth_package.${pkgName}.id}`)!;
      expect(attachment.instance_id).toBe(`\${alicloud_cen_instance.${cenName}.id}`);
      expect(r.depends_on).toEqual([addressOf(link, 'alicloud_cen_bandwidth_package_attachment', attachment)]);
    }
    expect(Object.keys(packages)).toHaveLength(billed.length);
    expect(attachments).toHaveLength(billed.length);
  });

  it('associates and propagates every attachment with separate resources, on both ends of each peering', () => {
    const assoc = values(link, 'alicloud_cen_transit_router_route_table_association');
    const prop = values(link, 'alicloud_cen_transit_router_route_table_propagation');
    const pairs = (rs: Resource[]) => rs.map((r) => `${r.transit_router_attachment_id} -> ${r.transit_router_route_table_id}`).sort();
    const table = (id: string) => refTo(link, 'alicloud_cen_transit_router_route_table', routeTableOf(id), 'transit_router_route_table_id');
    const expected: string[] = withRouter.map(
      (id) => `${refTo(link, 'alicloud_cen_transit_router_vpc_attachment', vpcAttachmentOf(id), 'transit_router_attachment_id')} -> ${table(id)}`,
    );
    for (const p of model.interconnect.peers) {
      const peer = refTo(link, 'alicloud_cen_transit_router_peer_attachment', peerOf(p.far.unitId), 'transit_router_attachment_id');
      expected.push(`${peer} -> ${table(p.near.unitId)}`, `${peer} -> ${table(p.far.unitId)}`);
    }
    expect(pairs(assoc)).toEqual(expected.sort());
    expect(pairs(prop)).toEqual(expected.sort());
    for (const type of ['alicloud_cen_transit_router_vpc_attachment', 'alicloud_cen_transit_router_peer_attachment']) {
      for (const r of values(link, type)) {
        expect(r).not.toHaveProperty('route_table_association_enabled');
        expect(r).not.toHaveProperty('route_table_propagation_enabled');
      }
    }
  });

  it("routes each unit's VPC to its flow partners' app tiers only, via its own attachment", () => {
    const entries = values(link, 'alicloud_route_entry');
    expect(entries).toHaveLength(model.interconnect.routers.reduce((n, r) => n + r.routes.length, 0));
    for (const router of model.interconnect.routers) {
      const u = unit(router.unitId);
      const mine = entries.filter((e) => e.route_table_id === parameterRead(link, u.exports.routeTableId).ref);
      expect(mine.map((e) => e.destination_cidrblock).sort()).toEqual(router.routes.map((r) => r.cidr).sort());
      for (const e of mine) {
        expect(regionOf(e)).toBe(u.region);
        expect(e.nexthop_type).toBe('Attachment');
        expect(e.nexthop_id).toBe(refTo(link, 'alicloud_cen_transit_router_vpc_attachment', vpcAttachmentOf(u.id), 'transit_router_attachment_id'));
        // Never a whole VPC: only app-tier vSwitches of a partner.
        expect(model.units.flatMap((o) => o.network.tierCidrs.app)).toContain(e.destination_cidrblock);
      }
    }
  });

  it("runs exactly the model's DTS jobs, in the destination's region", () => {
    expect(jobs.map((j) => j.dts_job_name).sort()).toEqual(model.replication.jobs.map((j) => j.name).sort());
    for (const j of model.replication.jobs) expect(regionOf(jobNamed(j.name))).toBe(j.destination.region);
  });

  it('gives every db_list only org databases and org-structure columns of allowlisted tables, never "all": true', () => {
    const orgDbs = new Set(model.units.map((u) => u.orgDatabase));
    for (const j of model.replication.jobs) {
      const parsed = JSON.parse(jobNamed(j.name).db_list);
      expect(Object.keys(parsed)).toEqual(j.databases.map((d) => d.database));
      for (const [db, entry] of Object.entries<any>(parsed)) {
        expect(orgDbs.has(db)).toBe(true);
        expect(entry).toMatchObject({ name: db, all: false });
        for (const [table, t] of Object.entries<any>(entry.Table)) {
          expect(model.catalog.allowlist).toContain(table);
          expect(t.all).toBe(false);
          const declared = model.catalog.tables[table].columns;
          expect(Object.keys(t.column)).toEqual(
            Object.entries(declared)
              .filter(([, c]) => c.class === 'org-structure')
              .map(([n]) => n),
          );
          for (const c of Object.keys(t.column)) expect(declared[c].class).toBe('org-structure');
        }
      }
    }
  });

  it("signs DTS in with each unit's own account and KMS-encrypted password parameter, on the right RDS", () => {
    for (const j of model.replication.jobs) {
      const job = jobNamed(j.name);
      const [src, dst] = [unit(j.source.unitId), unit(j.destination.unitId)];
      expect(job.source_endpoint_instance_id).toBe(parameterRead(link, src.exports.rdsInstanceId).ref);
      expect(job.destination_endpoint_instance_id).toBe(parameterRead(link, dst.exports.rdsInstanceId).ref);
      expect([job.source_endpoint_user_name, job.destination_endpoint_user_name]).toEqual([src.dts.accountName, dst.dts.accountName]);
      expect(job.source_endpoint_password).toBe(secretRead(link, src.dts.passwordParameter).ref);
      expect(job.destination_endpoint_password).toBe(secretRead(link, dst.dts.passwordParameter).ref);
      expect(secretRead(link, src.dts.passwordParameter).data.with_decryption).toBe(true);
      expect([job.source_endpoint_region, job.destination_endpoint_region]).toEqual([src.region, dst.region]);
    }
  });

  it('creates no database account, password, mirror or grant of a unit: the unit stacks own them', () => {
    for (const type of ['alicloud_rds_account', 'alicloud_db_account_privilege', 'alicloud_db_database', 'random_password'])
      expect(values(link, type)).toEqual([]);
    expect(link.provider.random).toBeUndefined();
  });

  it('sets jobs as the provider needs them: no instance_class, no direction, status Synchronizing, replaceable, SSL on', () => {
    const instances = resourcesOf(link, 'alicloud_dts_synchronization_instance');
    for (const j of model.replication.jobs) {
      const job = jobNamed(j.name);
      expect(job).not.toHaveProperty('instance_class');
      expect(job).not.toHaveProperty('synchronization_direction');
      expect(job).not.toHaveProperty('lifecycle');
      expect(job.status).toBe('Synchronizing');
      expect([job.structure_initialization, job.data_initialization, job.data_synchronization]).toEqual([
        j.structureInitialization,
        j.dataInitialization,
        true,
      ]);
      expect([job.source_endpoint_ssl, job.destination_endpoint_ssl]).toEqual(['1', '1']);
      expect([job.source_endpoint_instance_type, job.destination_endpoint_instance_type]).toEqual(['RDS', 'RDS']);
      const instanceName = Object.keys(instances).find((n) => job.dts_instance_id === `\${alicloud_dts_synchronization_instance.${n}.id}`)!;
      expect(instances[instanceName]).toMatchObject({ instance_class: j.instanceClass, sync_architecture: 'oneway', payment_type: 'PayAsYouGo' });
      expect(instances[instanceName]).not.toHaveProperty('lifecycle');
    }
  });

  it("has one converging monitor rule per job, a latency alarm to the destination's contact group and one DTS event rule", () => {
    const rules = values(link, 'alicloud_dts_job_monitor_rule');
    const alarms = values(link, 'alicloud_cms_alarm');
    for (const j of model.replication.jobs) {
      const jobRef = refTo(link, 'alicloud_dts_synchronization_job', jobNamed(j.name), 'id');
      const mine = rules.filter((m) => m.dts_job_id === jobRef);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ type: 'delay', state: 'Y', delay_rule_time: String(j.delayAlertSeconds) });
      const alarm = alarms.find((a) => a.name === `${model.org.prefix}-${j.key}-dts-latency`)!;
      expect(alarm).toMatchObject({
        project: 'acs_dts',
        metric: 'SynchronizationLatency',
        contact_groups: [unit(j.destination.unitId).monitoring.contactGroup],
      });
      expect(alarm.escalations_critical).toMatchObject({ statistics: 'Average', threshold: String(j.delayAlertSeconds * 1000) });
    }
    const events = values(link, 'alicloud_cms_event_rule');
    expect(events).toHaveLength(model.replication.jobs.length ? 1 : 0);
    if (events.length) expect(events[0].event_pattern).toMatchObject({ product: 'dts', name_list: ['SyncJobAbnormal'] });
  });

  it('never outputs a password', () => {
    for (const o of Object.values(link.output ?? {}) as Resource[]) expect(JSON.stringify(o.value)).not.toMatch(/password/);
  });

  it('has no schema problems', () => {
    expect(checkStack(link, loadSchemas())).toEqual([]);
  });

  return { link, model };
}

describe('link stack of the declared topology', () => {
  const { link } = contractOf(loadTopology());

  it('matches the snapshot', () => {
    expect(link).toMatchSnapshot();
  });
});

describe('link stack of the four-unit fixture (t1 hub; t1 <-> t2 flows both ways, t1 -> t3 one flow, t4 none)', () => {
  const { link } = contractOf(fixtureTopology(['t1', 't2', 't3', 't4']));
  const regions = providerRegions(link);
  const inRegion = (type: string, region: string) => values(link, type).filter((r) => regions[r.provider ?? 'alicloud'] === region);
  const job = (name: string) => values(link, 'alicloud_dts_synchronization_job').find((j) => j.dts_job_name === name)!;

  it('gives the unit with no flow (t4, Kuala Lumpur) no transit router, peering or route, but still its DTS jobs', () => {
    for (const type of ['alicloud_cen_transit_router', 'alicloud_cen_transit_router_vpc_attachment', 'alicloud_route_entry'])
      expect(inRegion(type, 'ap-southeast-3')).toEqual([]);
    expect(values(link, 'alicloud_cen_transit_router_peer_attachment').filter((p) => p.peer_transit_router_region_id === 'ap-southeast-3')).toEqual([]);
    expect(values(link, 'alicloud_route_entry').filter((e) => e.destination_cidrblock.startsWith('10.14.'))).toEqual([]);
    expect(job('fx-org-t4-to-t1')).toMatchObject({ structure_initialization: true, data_initialization: true });
  });

  it("routes Frankfurt (t3) only back to the hub's app tier, and the hub to Frankfurt's", () => {
    expect(
      inRegion('alicloud_route_entry', 'eu-central-1')
        .map((e) => e.destination_cidrblock)
        .sort(),
    ).toEqual(['10.11.10.0/24', '10.11.11.0/24']);
    expect(values(link, 'alicloud_route_entry').filter((e) => e.destination_cidrblock.startsWith('10.13.'))).toHaveLength(2);
  });

  it("relays: the hub sends Tokyo (t2) its own org data and the other spokes', and t3 sends only what it masters", () => {
    expect(Object.keys(JSON.parse(job('fx-org-t1-to-t2').db_list))).toEqual(['org_t1', 'org_t3', 'org_t4']);
    expect(Object.keys(JSON.parse(job('fx-org-t3-to-t1').db_list).org_t3.Table)).toEqual(['departments', 'positions']);
    expect(job('fx-org-t3-to-t1')).toMatchObject({ structure_initialization: true, data_initialization: false });
  });

  it('buys one bandwidth package per package-billed peering, for China ↔ Asia-Pacific and China ↔ Europe', () => {
    expect(
      values(link, 'alicloud_cen_bandwidth_package')
        .map((p) => `${p.geographic_region_a_id} ↔ ${p.geographic_region_b_id}: ${p.bandwidth}`)
        .sort(),
    ).toEqual(['China ↔ Asia-Pacific: 12', 'China ↔ Europe: 2']);
  });
});
