/**
 * Unit stacks. The contract (every declared unit's stack, whatever their number) runs on the shipped
 * declaration; how databases admit each other across three units runs on the fixture.
 */
import { loadTopology } from '../stacks/topology';
import { unitNames } from '../lib/topology/naming';
import type { TopologyDeclaration } from '../lib/topology/types';
import { PUBLIC_LISTENER_PORTS } from '../lib/unit/security';
import { resourcesOf, type StackJson, synthTopology } from './helpers/synth';
import { fixtureTopology } from './fixtures/topology';

const topology = loadTopology();
const synth = synthTopology(topology);
const units = topology.units.map((u) => [u.id, u] as const);

/** Link-tier ranges of a unit, in zone order. */
const linkRanges = (t: TopologyDeclaration, unitId: string) => {
  const u = t.units.find((x) => x.id === unitId)!;
  return u.zones.map((z) => u.network.subnets.link[z]);
};
/**
 * Where DTS reaches a unit's database from: DTS runs hub ↔ spoke only, so the hub admits the link ranges of
 * every spoke (in declaration order) and a spoke only the hub's.
 */
const dtsSources = (t: TopologyDeclaration, unitId: string) =>
  unitId === t.hub ? t.units.filter((u) => u.id !== t.hub).flatMap((u) => linkRanges(t, u.id)) : linkRanges(t, t.hub);

const only = (stack: StackJson, type: string) => {
  const all = Object.values(resourcesOf(stack, type));
  expect(all).toHaveLength(1);
  return all[0];
};

/** Stateful resource types: each must refuse to be destroyed by a plan. */
const STATEFUL = ['alicloud_db_instance', 'alicloud_kvstore_instance', 'alicloud_oss_bucket', 'alicloud_kms_key', 'alicloud_log_project', 'alicloud_log_store'];

it('builds one unit stack per declared unit, and no other', () => {
  expect(Object.keys(synth.stacks).filter((s) => s.startsWith('unit-'))).toEqual(topology.units.map((u) => `unit-${u.id}`).sort());
});

describe.each(units)('unit stack unit-%s', (id, unit) => {
  const stack = synth.stacks[`unit-${id}`];
  const names = unitNames(topology.org.prefix, id);

  it('matches its snapshot (pins the region and every resource)', () => {
    expect(synth.raw[`unit-${id}`]).toMatchSnapshot();
  });

  it('has exactly one alicloud provider, in the unit region, and nothing aliased', () => {
    expect(stack.provider.alicloud).toEqual([{ region: unit.region }]);
    for (const resources of Object.values<Record<string, any>>(stack.resource)) {
      for (const r of Object.values(resources)) expect(r.provider).toBeUndefined();
    }
  });

  it('reads every data source in the unit region', () => {
    const data = Object.values<Record<string, any>>(stack.data ?? {}).flatMap((byName) => Object.values(byName));
    expect(data.length).toBeGreaterThan(0);
    // No alias means the default provider, which is the unit region's.
    for (const d of data) expect(d.provider).toBeUndefined();
  });

  it('runs RDS across two zones with deletion protection, SSL, TDE, audit and backups', () => {
    const rds = only(stack, 'alicloud_db_instance');
    expect(rds).toMatchObject({
      category: 'HighAvailability',
      zone_id: unit.zones[0],
      zone_id_slave_a: unit.zones[1],
      instance_charge_type: 'Postpaid',
      deletion_protection: true,
      ssl_action: 'Open',
      tde_status: 'Enabled',
      auto_upgrade_minor_version: 'Auto',
      sql_collector_status: 'Enabled',
    });
    expect(rds.sql_collector_config_value).toBeGreaterThanOrEqual(180);
    expect(rds.security_ips).not.toContain('0.0.0.0/0');
    const backup = only(stack, 'alicloud_db_backup_policy');
    expect(backup.backup_retention_period).toBe(unit.sizing.database.backupRetentionDays ?? 7);
    expect(backup.enable_backup_log).toBe(true);
    expect(backup.log_backup_retention_period).toBeGreaterThanOrEqual(7);
  });

  it('limits RDS and Redis to the app tier, plus the link ranges of the units it replicates with for DTS on RDS only', () => {
    const app = unit.zones.map((z) => unit.network.subnets.app[z]);
    const peers = dtsSources(topology, id);
    // Every unit has a DTS counterpart, unless the hub is alone.
    expect(peers.length > 0).toBe(topology.units.length > 1);
    expect(only(stack, 'alicloud_db_instance').security_ips).toEqual([...app, ...peers]);
    expect(only(stack, 'alicloud_kvstore_instance').security_ips).toEqual(app);
  });

  it('gives the app account read/write on the app and org databases only, with a generated sensitive password', () => {
    const account = only(stack, 'alicloud_rds_account');
    expect(account.account_type).toBe('Normal');
    expect(account.account_password).toMatch(/^\$\{random_password\.[^}]+\.result\}$/);
    const privilege = only(stack, 'alicloud_db_account_privilege');
    expect(privilege.privilege).toBe('ReadWrite');
    expect(privilege.db_names).toHaveLength(2);
    const outputs = stack.output as Record<string, any>;
    expect(outputs.rds_app_password.sensitive).toBe(true);
    expect(outputs.redis_password.sensitive).toBe(true);
  });

  it('protects Redis: release protection, SSL, daily backups, two zones', () => {
    expect(only(stack, 'alicloud_kvstore_instance')).toMatchObject({
      instance_release_protection: true,
      ssl_enable: 'Enable',
      zone_id: unit.zones[0],
      secondary_zone_id: unit.zones[1],
      backup_period: expect.arrayContaining(['Monday', 'Sunday']),
    });
  });

  it('keeps every bucket private, versioned, KMS-encrypted with the unit key, zone-redundant and logged, never replicated', () => {
    const buckets = resourcesOf(stack, 'alicloud_oss_bucket');
    expect(
      Object.values(buckets)
        .map((b) => b.bucket)
        .sort(),
    ).toEqual([names.accessLogBucket.name, names.auditBucket.name, names.filesBucket.name].sort());
    const key = Object.keys(resourcesOf(stack, 'alicloud_kms_key'))[0];
    for (const b of Object.values(buckets)) {
      expect(b).toMatchObject({ redundancy_type: 'ZRS', force_destroy: false, versioning: { status: 'Enabled' } });
      expect(b.server_side_encryption_rule).toEqual({ sse_algorithm: 'KMS', kms_master_key_id: `\${alicloud_kms_key.${key}.id}` });
      expect(b.logging.target_bucket).toBeDefined();
      expect(b.lifecycle_rule.length).toBeGreaterThan(0);
      expect(b.acl).toBeUndefined();
    }
    const acls = Object.values(resourcesOf(stack, 'alicloud_oss_bucket_acl'));
    expect(acls).toHaveLength(3);
    for (const a of acls) expect(a.acl).toBe('private');
    const blocks = Object.values(resourcesOf(stack, 'alicloud_oss_bucket_public_access_block'));
    expect(blocks).toHaveLength(3);
    for (const b of blocks) expect(b.block_public_access).toBe(true);
    expect(stack.resource).not.toHaveProperty('alicloud_oss_bucket_replication');
  });

  it('rotates the KMS key and protects it from deletion', () => {
    expect(only(stack, 'alicloud_kms_key')).toMatchObject({ automatic_rotation: 'Enabled', deletion_protection: 'Enabled' });
  });

  it.each(STATEFUL)('sets prevent_destroy on every %s', (type) => {
    const all = Object.values(resourcesOf(stack, type));
    expect(all.length).toBeGreaterThan(0);
    for (const r of all) expect(r.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('opens nothing to 0.0.0.0/0 but the ALB listener ports, and only on the ingress group', () => {
    const ingressSg = Object.entries(resourcesOf(stack, 'alicloud_security_group')).find(
      ([, g]) => g.security_group_name === names.ingressSecurityGroup.name,
    )![0];
    const open = Object.values(resourcesOf(stack, 'alicloud_security_group_rule')).filter((r) => r.cidr_ip === '0.0.0.0/0');
    expect(open.map((r) => r.port_range).sort()).toEqual(
      [`${PUBLIC_LISTENER_PORTS.https}/${PUBLIC_LISTENER_PORTS.https}`, `${PUBLIC_LISTENER_PORTS.http}/${PUBLIC_LISTENER_PORTS.http}`].sort(),
    );
    for (const r of open) {
      expect(r).toMatchObject({ type: 'ingress', ip_protocol: 'tcp', policy: 'accept', security_group_id: `\${alicloud_security_group.${ingressSg}.id}` });
    }
    for (const r of Object.values(resourcesOf(stack, 'alicloud_security_group_rule'))) expect(r.ip_protocol).not.toBe('all');
  });

  it('serves HTTPS with a modern TLS policy and the unit certificate; HTTP only redirects', () => {
    const listeners = Object.values(resourcesOf(stack, 'alicloud_alb_listener'));
    const https = listeners.find((l) => l.listener_protocol === 'HTTPS');
    const http = listeners.find((l) => l.listener_protocol === 'HTTP');
    expect(https).toMatchObject({ listener_port: 443, security_policy_id: 'tls_cipher_policy_1_2_strict_with_1_3' });
    expect(https.certificates[0].certificate_id).toMatch(/^\d+-/);
    const rule = only(stack, 'alicloud_alb_rule');
    expect(rule.listener_id).toContain(Object.entries(resourcesOf(stack, 'alicloud_alb_listener')).find(([, l]) => l === http)![0]);
    expect(rule.rule_actions).toEqual([
      expect.objectContaining({ type: 'Redirect', redirect_config: expect.objectContaining({ protocol: 'HTTPS', port: '443' }) }),
    ]);
    // The HTTP listener's default group has no members: nothing reaches the app over plain HTTP.
    const sinkRef = http.default_actions[0].forward_group_config.server_group_tuples[0].server_group_id;
    const sink = Object.entries(resourcesOf(stack, 'alicloud_alb_server_group')).find(([k]) => sinkRef.includes(k))![1];
    expect(sink.servers).toBeUndefined();
    expect(only(stack, 'alicloud_alb_load_balancer')).toMatchObject({
      deletion_protection_enabled: true,
      access_log_config: { log_store: expect.stringContaining('alb-access-logs') },
    });
  });

  it('encrypts the app instances disks with the unit key and scales within the declared bounds in every zone', () => {
    const key = Object.keys(resourcesOf(stack, 'alicloud_kms_key'))[0];
    const template = only(stack, 'alicloud_ecs_launch_template');
    expect(template.instance_type).toBe(unit.sizing.app.instanceType);
    for (const disk of [template.system_disk, ...template.data_disks]) {
      expect(disk).toMatchObject({ encrypted: true, kms_key_id: `\${alicloud_kms_key.${key}.id}` });
    }
    expect(template.internet_max_bandwidth_out).toBe(0);
    const group = only(stack, 'alicloud_ess_scaling_group');
    expect(group).toMatchObject({ min_size: unit.sizing.app.minInstances, max_size: unit.sizing.app.maxInstances });
    expect(group.vswitch_ids).toHaveLength(unit.zones.length);
    expect(Object.values(resourcesOf(stack, 'alicloud_ess_alb_server_group_attachment'))).toHaveLength(1);
  });

  it('looks the app image up by its platform name when the unit declares no image id', () => {
    const images = Object.values(stack.data.alicloud_images) as any[];
    expect(images).toEqual([
      expect.objectContaining({ name_regex: `^${topology.platform.appImageName.replace(/\./g, '\\.')}$`, owners: 'self', most_recent: true }),
    ]);
  });

  it('lets the instances role reach only its own files bucket and KMS key', () => {
    const policy = only(stack, 'alicloud_ram_policy').policy_document as string;
    const key = Object.keys(resourcesOf(stack, 'alicloud_kms_key'))[0];
    const files = Object.entries(resourcesOf(stack, 'alicloud_oss_bucket')).find(([, b]) => b.bucket === names.filesBucket.name)![0];
    const resources = [...policy.matchAll(/"(acs:[^"]*)"/g)].map((m) => m[1]);
    expect(resources.sort()).toEqual(
      [
        `acs:oss:*:*:\${alicloud_oss_bucket.${files}.bucket}`,
        `acs:oss:*:*:\${alicloud_oss_bucket.${files}.bucket}/*`,
        `acs:kms:${unit.region}:*:key/\${alicloud_kms_key.${key}.id}`,
      ].sort(),
    );
    expect(policy).not.toMatch(/"\*"/);
  });

  it('sends outbound traffic of the private tiers through the NAT gateway', () => {
    const snat = Object.values(resourcesOf(stack, 'alicloud_snat_entry'));
    expect(snat).toHaveLength(2 * unit.zones.length);
    expect(only(stack, 'alicloud_eip_association').instance_type).toBe('Nat');
  });

  it('keeps logs in its own log project for at least 180 days, with flow logs and an all-events trail', () => {
    const project = only(stack, 'alicloud_log_project');
    expect(project.project_name).toBe(names.logProject.name);
    for (const s of Object.values(resourcesOf(stack, 'alicloud_log_store'))) {
      expect(s.retention_period).toBeGreaterThanOrEqual(180);
      expect(s.encrypt_conf.enable).toBe(true);
    }
    expect(only(stack, 'alicloud_vpc_flow_log')).toMatchObject({
      resource_type: 'VPC',
      traffic_type: 'All',
      log_store_name: expect.stringContaining('alicloud_log_store'),
    });
    const trail = only(stack, 'alicloud_actiontrail_trail');
    expect(trail).toMatchObject({ event_rw: 'All', trail_region: unit.region });
    expect(trail.sls_project_arn).toMatch(new RegExp(`^acs:log:${unit.region}:.*:project/`));
  });

  it('alarms on ALB 5xx, RDS CPU/storage/connections and Redis memory to the declared contact group', () => {
    const alarms = Object.values(resourcesOf(stack, 'alicloud_cms_alarm'));
    expect(alarms.map((a) => a.metric).sort()).toEqual(['ConnectionUsage', 'CpuUsage', 'DiskUsage', 'LoadBalancerHTTPCode5XX', 'StandardMemoryUsage']);
    expect(only(stack, 'alicloud_cms_alarm_contact_group').alarm_contact_group_name).toBe(unit.monitoring.contactGroup);
    const contacts = Object.values(resourcesOf(stack, 'alicloud_cms_alarm_contact'));
    expect(contacts.map((c) => c.channels_mail)).toEqual(unit.monitoring.contacts.map((c) => c.email));
  });
});

describe('database reach across units (fixture: t1 hub, t2 and t3 spokes)', () => {
  const three = fixtureTopology(['t1', 't2', 't3']);
  const stacks = synthTopology(three).stacks;
  const links = (unitId: string) => linkRanges(three, unitId);
  const appRanges = (unitId: string) => {
    const u = three.units.find((x) => x.id === unitId)!;
    return u.zones.map((z) => u.network.subnets.app[z]);
  };
  const mysqlSources = (unitId: string) =>
    Object.values(resourcesOf(stacks[`unit-${unitId}`], 'alicloud_security_group_rule'))
      .filter((r) => r.port_range === '3306/3306')
      .map((r) => r.cidr_ip)
      .sort();

  it('lets the hub database in from every spoke link range, for the DTS jobs that read it', () => {
    expect(only(stacks['unit-t1'], 'alicloud_db_instance').security_ips).toEqual([...appRanges('t1'), ...links('t2'), ...links('t3')]);
    expect(mysqlSources('t1')).toEqual([...appRanges('t1'), ...links('t2'), ...links('t3')].sort());
  });

  it.each([
    ['t2', 't3'],
    ['t3', 't2'],
  ])('lets spoke %s in from the hub only, never from spoke %s (DTS runs hub to spoke only)', (spoke, other) => {
    expect(only(stacks[`unit-${spoke}`], 'alicloud_db_instance').security_ips).toEqual([...appRanges(spoke), ...links('t1')]);
    expect(mysqlSources(spoke)).toEqual([...appRanges(spoke), ...links('t1')].sort());
    for (const range of links(other)) expect(mysqlSources(spoke)).not.toContain(range);
  });
});
