/**
 * Unit stacks. The contract (every declared unit's stack, whatever their number) runs on the shipped
 * declaration; how databases admit each other across three units runs on the fixture.
 */
import { loadTopology } from '../stacks/topology';
import { unitNames } from '../lib/topology/naming';
import { PUBLIC_LISTENER_PORTS } from '../lib/unit/security';
import { modelOf, resourcesOf, type StackJson, synthTopology } from './helpers/synth';
import { fixtureTopology } from './fixtures/topology';

const topology = loadTopology();
const synth = synthTopology(topology);
const model = modelOf(topology);
const units = topology.units.map((u) => [u.id, u] as const);

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

  it("limits RDS and Redis to the unit's own app tier: nothing of another unit, not even DTS (it whitelists itself)", () => {
    const app = unit.zones.map((z) => unit.network.subnets.app[z]);
    expect(only(stack, 'alicloud_db_instance').security_ips).toEqual(app);
    expect(only(stack, 'alicloud_kvstore_instance').security_ips).toEqual(app);
  });

  const accounts = () => Object.values(resourcesOf(stack, 'alicloud_rds_account'));
  const accountRef = (name: string) => {
    const [key] = Object.entries(resourcesOf(stack, 'alicloud_rds_account')).find(([, a]) => a.account_name === name)!;
    return `\${alicloud_rds_account.${key}.account_name}`;
  };
  const grants = () => Object.values(resourcesOf(stack, 'alicloud_db_account_privilege'));
  const dbRef = (name: string) => {
    const [key] = Object.entries(resourcesOf(stack, 'alicloud_db_database')).find(([, d]) => d.data_base_name === name)!;
    return `\${alicloud_db_database.${key}.data_base_name}`;
  };
  const unitModel = model.unitsById[id];

  it("has exactly two database accounts, the app's and DTS's, with generated passwords and no secret output", () => {
    expect(
      accounts()
        .map((a) => a.account_name)
        .sort(),
    ).toEqual([unitModel.names.appAccount, unitModel.dts.accountName].sort());
    for (const a of accounts()) {
      expect(a.account_type).toBe('Normal');
      expect(a.account_password).toMatch(/^\$\{random_password\.[^}]+\.result\}$/);
    }
    for (const o of Object.values<any>(stack.output)) {
      expect(o.sensitive).toBeFalsy();
      expect(JSON.stringify(o.value)).not.toMatch(/random_password|\.password\}|account_password/);
    }
  });

  it('gives the app read/write on its own databases and read-only on every mirror; DTS read on its org database and write on the mirrors', () => {
    const grant = (account: string, level: string) => grants().filter((g) => g.account_name === accountRef(account) && g.privilege === level);
    const mirrors = unitModel.dts.mirrors.map((m) => dbRef(m.database)).sort();
    expect(grant(unitModel.names.appAccount, 'ReadWrite').map((g) => g.db_names)).toHaveLength(1);
    expect(grant(unitModel.names.appAccount, 'ReadWrite')[0].db_names).toHaveLength(2);
    expect(grant(unitModel.names.appAccount, 'ReadOnly').map((g) => [...g.db_names].sort())).toEqual([mirrors]);
    expect(grant(unitModel.dts.accountName, 'ReadOnly').map((g) => g.db_names)).toEqual([[dbRef(unitModel.orgDatabase)]]);
    expect(grant(unitModel.dts.accountName, 'ReadWrite').map((g) => [...g.db_names].sort())).toEqual([mirrors]);
    expect(grants()).toHaveLength(4);
  });

  it("has a protected mirror of every other unit's org database, granted to exactly the DTS writer and the app reader", () => {
    const others = topology.units.filter((u) => u.id !== id);
    for (const other of others) {
      const [, mirror] = Object.entries(resourcesOf(stack, 'alicloud_db_database')).find(([, d]) => d.data_base_name === `org_${other.id}`)!;
      expect(mirror.lifecycle).toEqual({ prevent_destroy: true });
      const holders = grants()
        .filter((g) => g.db_names.includes(dbRef(`org_${other.id}`)))
        .map((g) => `${g.account_name}:${g.privilege}`)
        .sort();
      expect(holders).toEqual([`${accountRef(unitModel.dts.accountName)}:ReadWrite`, `${accountRef(unitModel.names.appAccount)}:ReadOnly`].sort());
    }
  });

  it('publishes its values as OOS parameters and its passwords as KMS-encrypted secret parameters, in its region', () => {
    const params = Object.values(resourcesOf(stack, 'alicloud_oos_parameter'))
      .map((p) => p.parameter_name)
      .sort();
    const e = unitModel.exports;
    expect(params).toEqual([e.vpcId, e.routeTableId, e.albId, e.albDnsName, e.rdsInstanceId, ...Object.values(e.linkVswitchIds)].sort());
    const key = Object.keys(resourcesOf(stack, 'alicloud_kms_key'))[0];
    const secrets = Object.values(resourcesOf(stack, 'alicloud_oos_secret_parameter'));
    expect(secrets.map((p) => p.secret_parameter_name).sort()).toEqual(
      [unitModel.dts.passwordParameter, unitModel.appSecrets.databasePassword, unitModel.appSecrets.redisPassword].sort(),
    );
    for (const sp of secrets) expect(sp.key_id).toBe(`\${alicloud_kms_key.${key}.id}`);
  });

  it('keeps a week of local binlog for DTS to resume from', () => {
    expect(only(stack, 'alicloud_db_backup_policy').local_log_retention_hours).toBe(168);
  });

  it("admits each declared flow into its app tier from the source's app tier on the flow's port, and nothing else from another unit", () => {
    const app = Object.entries(resourcesOf(stack, 'alicloud_security_group')).find(([, g]) => g.security_group_name === names.appSecurityGroup.name)![0];
    const rules = Object.values(resourcesOf(stack, 'alicloud_security_group_rule'));
    const expected = unitModel.inboundFlows.flatMap((f) => Object.values(f.sourceCidrs).map((c) => `${f.protocol} ${f.port} ${c}`)).sort();
    const foreign = rules
      .filter((r) => r.cidr_ip !== '0.0.0.0/0' && !unit.zones.some((z) => unit.network.subnets.ingress[z] === r.cidr_ip))
      .map((r) => {
        expect(r.security_group_id).toBe(`\${alicloud_security_group.${app}.id}`);
        return `${r.ip_protocol} ${r.port_range.split('/')[0]} ${r.cidr_ip}`;
      })
      .sort();
    expect(foreign).toEqual(expected);
    // No data-tier group: RDS and Redis are reached through their whitelists only.
    expect(Object.keys(resourcesOf(stack, 'alicloud_security_group'))).toHaveLength(2);
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

  it('lets the instances role reach only its own files bucket, credentials and KMS key', () => {
    const policy = only(stack, 'alicloud_ram_policy').policy_document as string;
    const key = Object.keys(resourcesOf(stack, 'alicloud_kms_key'))[0];
    const files = Object.entries(resourcesOf(stack, 'alicloud_oss_bucket')).find(([, b]) => b.bucket === names.filesBucket.name)![0];
    const resources = [...policy.matchAll(/"(acs:[^"]*)"/g)].map((m) => m[1]);
    expect(resources.sort()).toEqual(
      [
        `acs:oss:*:*:\${alicloud_oss_bucket.${files}.bucket}`,
        `acs:oss:*:*:\${alicloud_oss_bucket.${files}.bucket}/*`,
        `acs:kms:${unit.region}:*:key/\${alicloud_kms_key.${key}.id}`,
        ...[model.unitsById[id].appSecrets.databasePassword, model.unitsById[id].appSecrets.redisPassword].map(
          (n) => `acs:oos:${unit.region}:*:secretparameter/${n}`,
        ),
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

  it('alarms on ALB 5xx and unhealthy hosts, RDS CPU/storage/connections and Redis memory, to the derived contact group', () => {
    const alarms = Object.values(resourcesOf(stack, 'alicloud_cms_alarm'));
    expect(alarms.map((a) => a.metric).sort()).toEqual([
      'ConnectionUsage',
      'CpuUsage',
      'DiskUsage',
      'LoadBalancerHTTPCode5XX',
      'LoadBalancerUnHealthyHostCount',
      'StandardMemoryUsage',
    ]);
    const group = only(stack, 'alicloud_cms_alarm_contact_group');
    expect(group.alarm_contact_group_name).toBe(`${topology.org.prefix}_${id}_oncall`);
    for (const a of alarms) expect(a.contact_groups).toEqual([expect.stringMatching(/^\$\{alicloud_cms_alarm_contact_group\..*\.alarm_contact_group_name\}$/)]);
    // ALB metrics have only the Value statistic: no ALB alarm may use another.
    for (const a of alarms.filter((x) => x.project === 'acs_alb')) expect(a.escalations_critical.statistics).toBe('Value');
  });

  it('notifies every declared contact by mail and by a DingTalk robot whose webhook is a sensitive variable, checked before apply', () => {
    const contacts = Object.values(resourcesOf(stack, 'alicloud_cms_alarm_contact'));
    expect(contacts.map((c) => c.alarm_contact_name)).toEqual(unit.monitoring.contacts.map((c) => `${topology.org.prefix}_${id}_${c.role}`));
    expect(contacts.map((c) => c.channels_mail)).toEqual(unit.monitoring.contacts.map((c) => c.email));
    for (const [i, c] of unit.monitoring.contacts.entries()) {
      if (!c.dingTalk) continue;
      const name = `dingtalk_webhook_${id}_${c.role}`;
      expect(stack.variable[name]).toMatchObject({ type: 'string', sensitive: true, nullable: true, default: null });
      expect(stack.variable[name].validation).toBeUndefined();
      expect(contacts[i].channels_ding_web_hook).toBe(`\${var.${name}}`);
      expect(contacts[i].lifecycle.precondition.map((p: any) => p.error_message)).toEqual([
        expect.stringMatching(new RegExp(`^units\\.${id}\\.monitoring\\.contacts\\[${i}\\]\\.dingTalk: .* export TF_VAR_${name}=`)),
        expect.stringMatching(new RegExp(`^units\\.${id}\\.monitoring\\.contacts\\[${i}\\]\\.dingTalk: TF_VAR_${name} is not a DingTalk robot webhook`)),
      ]);
    }
  });

  it('checks at plan time, naming the declaration field, every assumption about the account a data source can answer', () => {
    const messages = (type: string) =>
      Object.values<any>(stack.data?.[type] ?? {}).flatMap((d) => (d.lifecycle?.postcondition ?? []).map((p: any) => p.error_message as string));
    const u = `units\\.${id}`;
    const site = model.unitsById[id].fields.certificate.replace(/\./g, '\\.');
    const cases: [string, RegExp, number][] = [
      ['alicloud_images', new RegExp(`^(platform\\.appImageName|${u}\\.sizing\\.app\\.imageId): `), 1],
      ['alicloud_ssl_certificates_service_certificates', new RegExp(`^${site}: certificate `), 3],
      ['alicloud_db_instance_classes', new RegExp(`^${u}\\.sizing\\.database\\.(instanceClass|storageGb): `), 3],
      ['alicloud_db_zones', new RegExp(`^${u}\\.zones\\[[01]\\]: `), 2],
      ['alicloud_instance_types', new RegExp(`^${u}\\.sizing\\.app\\.instanceType: .* \\(${u}\\.zones\\[\\d\\]\\)`), unit.zones.length],
      ['alicloud_kvstore_instance_classes', new RegExp(`^${u}\\.sizing\\.cache\\.instanceClass: `), 2],
      ['alicloud_kvstore_zones', new RegExp(`^${u}\\.zones\\[[01]\\]: `), 2],
    ];
    for (const [type, pattern, count] of cases) {
      expect([type, messages(type)]).toEqual([type, Array(count).fill(expect.stringMatching(pattern))]);
    }
    const tde = unit.encryption.tde === 'unit-key';
    expect(messages('alicloud_ram_roles')).toEqual(
      tde ? [expect.stringMatching(new RegExp(`^${u}\\.encryption\\.tde: "unit-key" needs the RAM role AliyunRDSInstanceEncryptionDefaultRole`))] : [],
    );
    expect(messages('alicloud_kms_instances')).toHaveLength(unit.encryption.keyStore === 'kms-instance' ? 1 : 0);
    // Every lookup is read at plan time: none waits for a resource of the stack.
    for (const byName of Object.values<Record<string, any>>(stack.data ?? {})) for (const d of Object.values(byName)) expect(d.depends_on).toBeUndefined();
  });

  it('encrypts RDS data files with the declared TDE key, and keeps only the last backup of a released instance', () => {
    const rds = only(stack, 'alicloud_db_instance');
    if (unit.encryption.tde === 'unit-key') expect(rds.tde_encryption_key).toBe(rds.encryption_key);
    else expect(rds.tde_encryption_key).toBeUndefined();
    expect(only(stack, 'alicloud_db_backup_policy').released_keep_policy).toBe('Lastest');
  });

  it('starts the scaling group after outbound NAT, the app database privileges, Redis and the app credentials', () => {
    const group = only(stack, 'alicloud_ess_scaling_group');
    const deps: string[] = group.depends_on;
    expect(deps.filter((d) => d.startsWith('alicloud_snat_entry.'))).toHaveLength(2 * unit.zones.length);
    for (const type of ['alicloud_db_account_privilege', 'alicloud_kvstore_instance']) expect(deps.some((d) => d.startsWith(`${type}.`))).toBe(true);
    expect(deps.filter((d) => d.startsWith('alicloud_oos_secret_parameter.'))).toHaveLength(2);
  });
});

describe('reach across units (fixture: t1 <-> t2 flows, t1 -> t3 one flow, t4 none)', () => {
  const four = fixtureTopology(['t1', 't2', 't3', 't4']);
  const stacks = synthTopology(four).stacks;
  const appRanges = (unitId: string) => {
    const u = four.units.find((x) => x.id === unitId)!;
    return u.zones.map((z) => u.network.subnets.app[z]);
  };
  const foreignSources = (unitId: string) =>
    Object.values(resourcesOf(stacks[`unit-${unitId}`], 'alicloud_security_group_rule'))
      .filter((r) => r.cidr_ip !== '0.0.0.0/0' && !/^10\.1\d\.[01]\.0\/24$/.test(r.cidr_ip))
      .map((r) => `${r.port_range} ${r.cidr_ip}`)
      .sort();

  it('admits into t2 the relay from t1 only', () => {
    expect(foreignSources('t2')).toEqual(
      appRanges('t1')
        .map((c) => `7443/7443 ${c}`)
        .sort(),
    );
  });

  it('admits into t1 the relay from t2, and nothing from t3 (t3 serves t1, never calls it)', () => {
    expect(foreignSources('t1')).toEqual(
      appRanges('t2')
        .map((c) => `7443/7443 ${c}`)
        .sort(),
    );
  });

  it('admits into t3 the report reads from t1 on their port', () => {
    expect(foreignSources('t3')).toEqual(
      appRanges('t1')
        .map((c) => `8443/8443 ${c}`)
        .sort(),
    );
  });

  it('admits nothing from another unit into t4, which has no flow', () => {
    expect(foreignSources('t4')).toEqual([]);
  });

  it.each(['t1', 't2', 't3', 't4'])("never whitelists another unit's range on the RDS or Redis of %s", (id) => {
    for (const type of ['alicloud_db_instance', 'alicloud_kvstore_instance']) expect(only(stacks[`unit-${id}`], type).security_ips).toEqual(appRanges(id));
  });
});
