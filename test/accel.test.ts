/**
 * The accel stack. `contractOf` holds for every topology with an HTTPS listener, whatever its units and
 * hostnames: it runs on the shipped declaration (with the snapshot) and on the four-unit fixture, whose hub is
 * not in GA's API region and whose unit t4 has no hostname yet. Billing, listener and access-point variants
 * change a copy of the fixture.
 */
import { resolveTopology } from '../lib/topology/resolve';
import { App } from 'cdktf';
import { checkStack, loadSchemas } from '../lib/schema-check/check';
import { AccelStack } from '../stacks/accel/stack';
import { GA_TLS_POLICY } from '../lib/accel/routing';
import { gaRegion } from '../lib/topology/ga-regions';
import { GA_API_REGION, REGIONS } from '../lib/topology/regions';
import { hostnameDeclaration } from '../lib/topology/sites';
import type { TopologyDeclaration } from '../lib/topology/types';
import { loadTopology } from '../stacks/topology';
import { resourcesOf, type StackJson, synthTopology } from './helpers/synth';
import { type FixtureUnitId, fixtureTopology, type Mutable } from './fixtures/topology';

const schema = loadSchemas();

/**
 * Synthesizes the fixture of `unitIds` after `mutate` and returns the accel stack. The variants below change
 * what is shared by all units, so most run on a lone hub (t1), the cheapest whole app.
 */
function accelOf(mutate: (t: Mutable) => void = () => undefined, unitIds: readonly FixtureUnitId[] = ['t1']): StackJson {
  return synthTopology(fixtureTopology(unitIds, mutate)).stacks.accel;
}

/** `${alicloud_x.name.id}` → `name`. */
function refName(ref: string, type: string): string {
  const m = new RegExp(`^\\$\\{${type}\\.([^.]+)\\.id\\}$`).exec(ref);
  if (!m) throw new Error(`${ref} is not a reference to a ${type}`);
  return m[1];
}

/** Host → region of the endpoint group its forwarding rule sends it to (forward rules of the HTTPS listener). */
function routesOf(accel: StackJson): Record<string, string> {
  const listeners = resourcesOf(accel, 'alicloud_ga_listener');
  const groups = resourcesOf(accel, 'alicloud_ga_endpoint_group');
  const httpsName = Object.entries(listeners).find(([, l]: [string, any]) => l.protocol === 'HTTPS')![0];
  const routes: Record<string, string> = {};
  for (const rule of Object.values(resourcesOf(accel, 'alicloud_ga_forwarding_rule')) as any[]) {
    const action = rule.rule_actions[0];
    if (action.rule_action_type !== 'ForwardGroup') continue;
    expect(refName(rule.listener_id, 'alicloud_ga_listener')).toBe(httpsName);
    expect(action.forward_group_config).toBeUndefined();
    const target = /^\[\{"type":"endpointgroup","value":"(\$\{alicloud_ga_endpoint_group\.[^.]+\.id\})"\}\]$/.exec(action.rule_action_value);
    expect(target).not.toBeNull();
    const group = groups[refName(target![1], 'alicloud_ga_endpoint_group')];
    expect(rule.rule_conditions[0].rule_condition_type).toBe('Host');
    for (const host of rule.rule_conditions[0].host_config[0].values) routes[host] = group.endpoint_group_region;
  }
  return routes;
}

/** The assertions every HTTPS-listener topology's accel stack must meet, whatever its units. */
function contractOf(topology: TopologyDeclaration): StackJson {
  const synth = synthTopology(topology);
  const accel = synth.stacks.accel;
  const model = synth.built.model;
  const access = topology.access;
  if (access.listener.protocol !== 'https') throw new Error('contractOf: an HTTPS listener is expected');
  const listener = { port: 443, redirectPort: 80, ...access.listener };
  const groups = resourcesOf(accel, 'alicloud_ga_endpoint_group');
  const listeners = resourcesOf(accel, 'alicloud_ga_listener');
  const rules = resourcesOf(accel, 'alicloud_ga_forwarding_rule');
  const fqdns = Object.keys(access.hostnames).map((h) => `${h}.${access.domain}`);
  const unitOf = (id: string) => topology.units.find((u) => u.id === id)!;

  it('has no provider-schema problems', () => {
    expect(checkStack(accel, schema)).toEqual([]);
  });

  it("manages every GA and DNS resource through the one provider, in GA's API region, and reads each unit's ALB in the unit's region", () => {
    expect(accel.provider.alicloud[0]).toEqual({ region: GA_API_REGION });
    for (const [type, byName] of Object.entries(accel.resource as Record<string, Record<string, any>>)) {
      for (const [name, r] of Object.entries(byName)) expect(`${type}.${name} → ${r.provider}`).toBe(`${type}.${name} → alicloud`);
    }
    const regions = Object.fromEntries(
      (accel.provider.alicloud as { alias?: string; region: string }[]).map((p) => [p.alias ? `alicloud.${p.alias}` : 'alicloud', p.region]),
    );
    const reads = Object.values<any>(accel.data.alicloud_oos_parameters);
    // Every unit's ALB id; the DNS name only of the ALBs a CNAME points at.
    const cnameUnits = [...new Set(model.access.dnsRecords.flatMap((r) => (r.target.kind === 'alb' ? [r.target.unitId] : [])))];
    expect(reads).toHaveLength(topology.units.length + cnameUnits.length);
    for (const u of topology.units) {
      const read = reads.find((d) => d.ids[0] === `${topology.org.prefix}/${u.id}/alb-id`);
      expect(regions[read.provider ?? 'alicloud']).toBe(u.region);
      const dnsName = reads.find((d) => d.ids[0] === `${topology.org.prefix}/${u.id}/alb-dns-name`);
      if (cnameUnits.includes(u.id)) expect(regions[dnsName.provider ?? 'alicloud']).toBe(u.region);
      else expect(dnsName).toBeUndefined();
    }
    expect(JSON.stringify(accel)).not.toContain('terraform_remote_state');
  });

  it('is one accelerator, protected from destroy, with a spec only when it is a subscription', () => {
    const accelerators = Object.values(resourcesOf(accel, 'alicloud_ga_accelerator'));
    expect(accelerators).toEqual([expect.objectContaining({ accelerator_name: `${topology.org.prefix}-ga`, lifecycle: { prevent_destroy: true } })]);
    const payment = access.payment ?? { type: 'PayAsYouGo' };
    if (payment.type === 'Subscription') expect(accelerators[0].spec).toBe(payment.spec);
    else expect(accelerators[0]).not.toHaveProperty('spec');
  });

  it('has one IP set per declared access point, in its region with its bandwidth', () => {
    const ipSets = Object.values(resourcesOf(accel, 'alicloud_ga_ip_set')).map((s: any) => `${s.accelerate_region_id} ${s.bandwidth} ${s.ip_version}`);
    expect(ipSets.sort()).toEqual(
      Object.values(access.accessPoints)
        .map((ap) => `${ap.region ?? 'ap-southeast-1'} ${ap.bandwidthMbps} IPv4`)
        .sort(),
    );
  });

  it.each(topology.units.map((u) => [u.id, u.region] as const))(
    "has an endpoint group for unit %s in %s, on that unit's ALB, with HTTPS health checks",
    (id, region) => {
      const mine = Object.values(groups).filter((g: any) => g.endpoint_group_region === region) as any[];
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        endpoint_group_type: 'virtual',
        endpoint_request_protocol: 'HTTPS',
        health_check_enabled: true,
        health_check_protocol: 'https',
        health_check_port: listener.port,
        health_check_path: access.healthCheck.path,
        health_check_interval_seconds: access.healthCheck.intervalSeconds,
      });
      expect(mine[0].endpoint_configurations).toEqual([expect.objectContaining({ type: 'ALB', weight: 100 })]);
      // The endpoint is the unit's own ALB, as the unit stack published it (an OOS parameter in its region).
      const [readName] = Object.entries<any>(accel.data.alicloud_oos_parameters).find(([, d]) => d.ids[0].endsWith(`/${id}/alb-id`))!;
      expect(mine[0].endpoint_configurations[0].endpoint).toBe(`\${data.alicloud_oos_parameters.${readName}.parameters[0].value}`);
    },
  );

  it("has no endpoint group but the units' own", () => {
    expect(Object.keys(groups)).toHaveLength(topology.units.length);
  });

  it('terminates TLS on the declared port with the declared certificate and a TLS 1.2+ policy, and keeps the client address', () => {
    const https = Object.values(listeners).find((l: any) => l.protocol === 'HTTPS');
    expect(https).toMatchObject({
      port_ranges: [{ from_port: listener.port, to_port: listener.port }],
      certificates: [{ id: listener.certificateId }],
      security_policy_id: GA_TLS_POLICY,
      listener_type: 'Standard',
      forwarded_for_config: expect.objectContaining({ real_ip_enabled: true }),
    });
  });

  it('routes each declared hostname to the endpoint group of the unit owning its data, and nothing else', () => {
    expect(routesOf(accel)).toEqual(
      Object.fromEntries(Object.entries(access.hostnames).map(([h, entry]) => [`${h}.${access.domain}`, unitOf(hostnameDeclaration(entry).unit).region])),
    );
  });

  it('answers HTTP on the redirect port only with a redirect to HTTPS, for every hostname, with no endpoint group behind it', () => {
    const [httpName, http] = Object.entries(listeners).find(([, l]: [string, any]) => l.protocol === 'HTTP')! as [string, any];
    expect(http.port_ranges).toEqual([{ from_port: listener.redirectPort, to_port: listener.redirectPort }]);
    expect(Object.values(groups).filter((g: any) => refName(g.listener_id, 'alicloud_ga_listener') === httpName)).toEqual([]);
    const redirect = Object.values(rules).filter((r: any) => refName(r.listener_id, 'alicloud_ga_listener') === httpName) as any[];
    expect(redirect).toHaveLength(1);
    expect(redirect[0].rule_actions).toEqual([expect.objectContaining({ rule_action_type: 'Redirect' })]);
    // Terraform turns $${x} into a literal ${x}, GA's placeholder; an unescaped ${host} would be a Terraform reference.
    expect(JSON.parse(redirect[0].rule_actions[0].rule_action_value)).toEqual({
      protocol: 'HTTPS',
      domain: '$${host}',
      port: String(listener.port),
      path: '$${path}',
      query: '$${query}',
      code: '301',
    });
    expect(redirect[0].rule_conditions[0].host_config[0].values.sort()).toEqual([...fqdns].sort());
  });

  const records = Object.values(resourcesOf(accel, 'alicloud_alidns_record')) as any[];
  const ipSets = resourcesOf(accel, 'alicloud_ga_ip_set');
  const oosReads = accel.data.alicloud_oos_parameters as Record<string, any>;
  /** What a record answers: `alb <unit>` (a CNAME to the DNS name the unit published) or `ap <IP set region>` (an A record). */
  const answerOf = (r: any): string => {
    const alb = /^\$\{data\.alicloud_oos_parameters\.([^.]+)\.parameters\[0\]\.value\}$/.exec(r.value);
    if (alb) {
      expect(r.type).toBe('CNAME');
      const m = new RegExp(`^${topology.org.prefix}/([^/]+)/alb-dns-name$`).exec(oosReads[alb[1]].ids[0]);
      return `alb ${m![1]}`;
    }
    const ap = /^\$\{element\(alicloud_ga_ip_set\.([^.]+)\.ip_address_list, 0\)\}$/.exec(r.value);
    expect(ap).not.toBeNull();
    expect(r.type).toBe('A');
    return `ap ${ipSets[ap![1]].accelerate_region_id}`;
  };

  it('publishes every hostname in the declared domain with the declared TTL, on at least the default and oversea lines, one record per line', () => {
    for (const r of records) expect(r).toMatchObject({ domain_name: access.domain, ttl: access.dnsTtlSeconds ?? 600 });
    for (const label of Object.keys(access.hostnames)) {
      const lines = records.filter((r) => r.rr === label).map((r) => r.line);
      expect(lines).toEqual(expect.arrayContaining(['default', 'oversea']));
      expect(new Set(lines).size).toBe(lines.length);
    }
  });

  it('writes exactly the record set the routing derived from the declaration', () => {
    const written = records.map((r) => `${r.rr} ${r.line} ${answerOf(r)}`).sort();
    const derived = model.access.dnsRecords
      .map((r) => `${r.label} ${r.line} ${r.target.kind === 'alb' ? `alb ${r.target.unitId}` : `ap ${r.target.region}`}`)
      .sort();
    expect(written).toEqual(derived);
  });

  it('sends mainland resolvers to a mainland ALB or access point, and abroad only where the hostname declares it', () => {
    const mainlandUnits = topology.units.filter((u) => REGIONS[u.region].mainland).map((u) => u.id);
    for (const r of records.filter((x) => x.line === 'default')) {
      const answer = answerOf(r);
      const declared = hostnameDeclaration(access.hostnames[r.rr]).withoutAccessPoint === 'direct';
      const home = answer.startsWith('alb ') ? mainlandUnits.includes(answer.slice(4)) : gaRegion(answer.slice(3))!.mainland;
      expect(`${r.rr}: ${answer}, ${home ? 'in the mainland' : declared ? 'abroad, declared' : 'abroad, undeclared'}`).not.toMatch(/undeclared$/);
    }
  });

  return accel;
}

describe('accel stack as declared', () => {
  const declared = contractOf(loadTopology());
  const records = Object.values(resourcesOf(declared, 'alicloud_alidns_record')) as any[];
  const answer = (rr: string, line: string) => {
    const r = records.find((x) => x.rr === rr && x.line === line);
    return r && `${r.type} ${r.value}`;
  };

  it.each(['oa', 'reports'])('sends mainland resolvers of %s. to the cn ALB and overseas ones to the Singapore access point', (label) => {
    expect(answer(label, 'default')).toMatch(/^CNAME \$\{data\.alicloud_oos_parameters\.unit-cn_albDnsName_[^.]+\.parameters\[0\]\.value\}$/);
    expect(answer(label, 'oversea')).toMatch(/^A \$\{element\(alicloud_ga_ip_set\.access_accelerator_ip-set-sg_[^.]+\.ip_address_list, 0\)\}$/);
    const read = Object.values<any>(declared.data.alicloud_oos_parameters).find((d) => d.ids[0] === 'acme/cn/alb-dns-name');
    expect(read).toBeDefined();
  });

  it('sends every resolver of vn. straight to the sg ALB: its own (oversea) users, and mainland users as declared', () => {
    expect(answer('vn', 'oversea')).toMatch(/^CNAME \$\{data\.alicloud_oos_parameters\.unit-sg_albDnsName_[^.]+\.parameters\[0\]\.value\}$/);
    expect(answer('vn', 'default')).toBe(answer('vn', 'oversea'));
  });

  it('matches the snapshot', () => {
    expect(declared).toMatchSnapshot();
  });
});

describe('accel stack of the four-unit fixture', () => {
  const accel = contractOf(fixtureTopology(['t1', 't2', 't3', 't4']));
  const groups = resourcesOf(accel, 'alicloud_ga_endpoint_group');

  it("runs in cn-hangzhou, GA's API region, though the hub is in cn-shanghai", () => {
    expect(accel.provider.alicloud[0]).toEqual({ region: 'cn-hangzhou' });
  });

  it('is one Standard accelerator with explicit cross-border carriage by data transfer, and no spec (pay-as-you-go)', () => {
    expect(Object.values(resourcesOf(accel, 'alicloud_ga_accelerator'))[0]).not.toHaveProperty('spec');
    expect(Object.values(resourcesOf(accel, 'alicloud_ga_accelerator'))).toEqual([
      expect.objectContaining({
        accelerator_name: 'fx-ga',
        payment_type: 'PayAsYouGo',
        bandwidth_billing_type: 'CDT',
        cross_border_status: true,
      }),
    ]);
    expect(Object.values(resourcesOf(accel, 'alicloud_ga_accelerator'))[0].cross_border_mode).toBeUndefined();
    expect(resourcesOf(accel, 'alicloud_ga_bandwidth_package')).toEqual({});
  });

  it('has the Singapore access point as an IP set', () => {
    expect(Object.values(resourcesOf(accel, 'alicloud_ga_ip_set'))).toEqual([
      expect.objectContaining({ accelerate_region_id: 'ap-southeast-1', bandwidth: 20, ip_version: 'IPv4' }),
    ]);
  });

  it('routes the hub, Tokyo and Frankfurt hostnames to their units, over HTTPS with the fixture certificate', () => {
    expect(routesOf(accel)).toEqual({
      'oa.fixture.example.net': 'cn-shanghai',
      'reports.fixture.example.net': 'cn-shanghai',
      'jp.fixture.example.net': 'ap-northeast-1',
      'de.fixture.example.net': 'eu-central-1',
    });
    const https = Object.values(resourcesOf(accel, 'alicloud_ga_listener')).find((l: any) => l.protocol === 'HTTPS');
    expect(https.certificates).toEqual([{ id: '20000003-cn-hangzhou' }]);
    expect(GA_TLS_POLICY).toBe('tls_cipher_policy_1_2_strict_with_1_3');
  });

  it('publishes the four hostnames in fixture.example.net, each on its two lines', () => {
    const records = Object.values(resourcesOf(accel, 'alicloud_alidns_record')) as any[];
    expect(records.map((r) => `${r.rr}.${r.domain_name} ${r.line} ${r.type}`).sort()).toEqual([
      // Served abroad, with no access point in the mainland: the mainland line goes straight to the ALB, as declared.
      'de.fixture.example.net default CNAME',
      'de.fixture.example.net oversea CNAME',
      'jp.fixture.example.net default CNAME',
      'jp.fixture.example.net oversea CNAME',
      // Served in the mainland: its own users straight to the ALB, the others through the Singapore access point.
      'oa.fixture.example.net default CNAME',
      'oa.fixture.example.net oversea A',
      'reports.fixture.example.net default CNAME',
      'reports.fixture.example.net oversea A',
    ]);
  });

  it('gives a unit without a hostname (t4) an endpoint group for its ALB, which no forwarding rule sends traffic to', () => {
    expect(
      Object.values(groups)
        .map((g: any) => g.endpoint_group_region)
        .sort(),
    ).toEqual(['ap-northeast-1', 'ap-southeast-3', 'cn-shanghai', 'eu-central-1']);
    const [t4Key, t4] = Object.entries(groups).find(([, g]: [string, any]) => g.endpoint_group_region === 'ap-southeast-3')!;
    expect(t4).toMatchObject({ endpoint_group_type: 'virtual', health_check_enabled: true });
    const actions = Object.values(resourcesOf(accel, 'alicloud_ga_forwarding_rule')).map((r: any) => JSON.stringify(r.rule_actions));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => a.includes(`alicloud_ga_endpoint_group.${t4Key}.id`))).toEqual([]);
  });
});

describe('cross-border billing choices', () => {
  it('"cdt" with a mode sets cross_border_mode', () => {
    const stack = accelOf((t) => (t.access.crossBorder = { billing: 'cdt', mode: 'private' }));
    expect(Object.values(resourcesOf(stack, 'alicloud_ga_accelerator'))[0]).toMatchObject({
      bandwidth_billing_type: 'CDT',
      cross_border_status: true,
      cross_border_mode: 'private',
    });
  });

  describe('"bandwidth-package" (international-site account)', () => {
    const stack = accelOf((t) => (t.access.crossBorder = { billing: 'bandwidth-package', bandwidthMbps: 10, basicBandwidthMbps: 30, subscriptionMonths: 3 }));
    const packages = resourcesOf(stack, 'alicloud_ga_bandwidth_package');
    const attachments = Object.values(resourcesOf(stack, 'alicloud_ga_bandwidth_package_attachment')) as any[];
    const acc = Object.entries(resourcesOf(stack, 'alicloud_ga_accelerator'));

    it('bills the accelerator through packages, without the data-transfer cross-border switch', () => {
      expect(acc).toHaveLength(1);
      expect(acc[0][1]).toMatchObject({ bandwidth_billing_type: 'BandwidthPackage' });
      expect(acc[0][1].cross_border_status).toBeUndefined();
    });

    it('buys a Basic package and a CrossDomain package between China-mainland and Global, both protected', () => {
      const byType: Record<string, any> = Object.fromEntries(Object.values(packages).map((p: any) => [p.type, p]));
      expect(Object.keys(byType).sort()).toEqual(['Basic', 'CrossDomain']);
      expect(byType.CrossDomain).toMatchObject({
        bandwidth: 10,
        cbn_geographic_region_ida: 'China-mainland',
        cbn_geographic_region_idb: 'Global',
        payment_type: 'Subscription',
        duration: '3',
      });
      expect(byType.Basic).toMatchObject({ bandwidth: 30, bandwidth_type: 'Basic', payment_type: 'Subscription', duration: '3' });
      for (const p of Object.values(byType)) expect(p.lifecycle).toEqual({ prevent_destroy: true });
    });

    it('attaches both packages to the accelerator before IP sets and listeners are created', () => {
      expect(attachments).toHaveLength(2);
      const attached = attachments.map((a) => refName(a.bandwidth_package_id, 'alicloud_ga_bandwidth_package')).sort();
      expect(attached).toEqual(Object.keys(packages).sort());
      for (const a of attachments) expect(refName(a.accelerator_id, 'alicloud_ga_accelerator')).toBe(acc[0][0]);
      const waiters = [...Object.values(resourcesOf(stack, 'alicloud_ga_ip_set')), ...Object.values(resourcesOf(stack, 'alicloud_ga_listener'))] as any[];
      for (const w of waiters) expect(w.depends_on).toHaveLength(2);
    });

    it('has no provider-schema problems', () => {
      expect(checkStack(stack, schema)).toEqual([]);
    });
  });

  it('a Subscription accelerator carries its term and its spec', () => {
    const stack = accelOf((t) => {
      t.access.payment = { type: 'Subscription', spec: '2', months: 6 };
      t.access.crossBorder = { billing: 'bandwidth-package', bandwidthMbps: 10, basicBandwidthMbps: 30 };
    });
    expect(Object.values(resourcesOf(stack, 'alicloud_ga_accelerator'))[0]).toMatchObject({
      payment_type: 'Subscription',
      spec: '2',
      duration: 6,
      pricing_cycle: 'Month',
      renewal_status: 'AutoRenewal',
    });
    expect(checkStack(stack, schema)).toEqual([]);
  });
});

describe('declaration variants', () => {
  it('takes the DNS TTL from the declaration, 600 when it names none', () => {
    const ttls = (s: StackJson) => [...new Set(Object.values(resourcesOf(s, 'alicloud_alidns_record')).map((r: any) => r.ttl))];
    expect(ttls(accelOf((t) => (t.access.dnsTtlSeconds = 3600)))).toEqual([3600]);
    expect(ttls(accelOf((t) => delete t.access.dnsTtlSeconds))).toEqual([600]);
  });

  it('adds an access point (Kuala Lumpur) with one more entry: an IP set, and a country line for the sites nearer to it', () => {
    const stack = accelOf((t) => {
      t.access.accessPoints.kl = { region: 'ap-southeast-3', bandwidthMbps: 10 };
      // Two overseas sites of the hub's staff: Jakarta (nearer Singapore, more staff) and Penang (nearer Kuala Lumpur).
      t.sites.push(
        { id: 'jakarta', name: 'Jakarta office', country: 'ID', latitude: -6.18, longitude: 106.87, unit: 't1', population: 'oversea', staff: 50 },
        { id: 'penang', name: 'Penang office', country: 'MY', latitude: 5.41, longitude: 100.33, unit: 't1', population: 'oversea', staff: 10 },
      );
    });
    const regions = Object.values(resourcesOf(stack, 'alicloud_ga_ip_set'))
      .map((s: any) => s.accelerate_region_id)
      .sort();
    expect(regions).toEqual(['ap-southeast-1', 'ap-southeast-3']);
    const ipSetRegion = (value: string) => resourcesOf(stack, 'alicloud_ga_ip_set')[/alicloud_ga_ip_set\.([^.]+)\./.exec(value)![1]].accelerate_region_id;
    const records = (Object.values(resourcesOf(stack, 'alicloud_alidns_record')) as any[]).filter((r) => r.rr === 'oa');
    expect(records.map((r) => `${r.line} ${r.type === 'A' ? ipSetRegion(r.value) : r.type}`).sort()).toEqual([
      'default CNAME',
      'os_asia_my ap-southeast-3',
      'oversea ap-southeast-1',
    ]);
    expect(checkStack(stack, schema)).toEqual([]);
  });

  it('defaults an access point to Singapore', () => {
    const stack = accelOf((t) => delete t.access.accessPoints.sin.region);
    expect(Object.values(resourcesOf(stack, 'alicloud_ga_ip_set'))[0]).toMatchObject({ accelerate_region_id: 'ap-southeast-1' });
  });

  it('passes TLS through on TCP to the one routed unit, keeping client addresses, with no host rules', () => {
    // Two units, so that the unit no hostname routes to is seen to get no endpoint group.
    const stack = accelOf(
      (t) => {
        t.access.listener = { protocol: 'tcp' };
        t.access.hostnames = { jp: t.access.hostnames.jp, files: t.access.hostnames.jp };
      },
      ['t1', 't2'],
    );
    const ls = Object.values(resourcesOf(stack, 'alicloud_ga_listener')) as any[];
    expect(ls).toEqual([expect.objectContaining({ protocol: 'TCP', port_ranges: [{ from_port: 443, to_port: 443 }] })]);
    expect(ls[0].certificates).toBeUndefined();
    const gs = Object.values(resourcesOf(stack, 'alicloud_ga_endpoint_group')) as any[];
    expect(gs).toEqual([expect.objectContaining({ endpoint_group_region: 'ap-northeast-1', endpoint_group_type: 'default', health_check_enabled: true })]);
    expect(gs[0].endpoint_configurations[0]).toMatchObject({ type: 'ALB', enable_clientip_preservation: true });
    expect(resourcesOf(stack, 'alicloud_ga_forwarding_rule')).toEqual({});
    expect(checkStack(stack, schema)).toEqual([]);
  });

  it('uses the declared listener ports', () => {
    const stack = accelOf((t) => (t.access.listener = { protocol: 'https', certificateId: '20000003-cn-hangzhou', port: 8443, redirectPort: 8080 }));
    const ports = Object.values(resourcesOf(stack, 'alicloud_ga_listener'))
      .map((l: any) => `${l.protocol}:${l.port_ranges[0].from_port}`)
      .sort();
    expect(ports).toEqual(['HTTP:8080', 'HTTPS:8443']);
    const redirect = Object.values(resourcesOf(stack, 'alicloud_ga_forwarding_rule')).find(
      (r: any) => r.rule_actions[0].rule_action_type === 'Redirect',
    ) as any;
    expect(JSON.parse(redirect.rule_actions[0].rule_action_value).port).toBe('8443');
  });
});

describe('the accel stack on its own', () => {
  it('refuses to route to a unit the model does not have', () => {
    const model = resolveTopology(fixtureTopology());
    const broken = { ...model, units: model.units.filter((u) => u.id !== 't1') };
    expect(() => new AccelStack(new App({ skipValidation: true }), { model: broken })).toThrow(
      /^access\.hostnames routes to unit "t1", which has no unit stack outputs; build every declared unit stack before the accel stack$/,
    );
  });
});
