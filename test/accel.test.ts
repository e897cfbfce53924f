import { resolveTopology } from '../lib/topology/resolve';
import { App } from 'cdktf';
import { checkStack, loadSchemas } from '../lib/schema-check/check';
import { AccelStack } from '../stacks/accel/stack';
import { GA_TLS_POLICY } from '../lib/accel/routing';
import { loadTopology } from '../stacks/topology';
import type { TopologyDeclaration } from '../lib/topology/types';
import { clone, resourcesOf, type StackJson, synthTopology } from './helpers/synth';
import { unitTh } from './fixtures/unit-th';

type Mutable = any;
const schema = loadSchemas();

/** Synthesizes the declared topology after `mutate` and returns the accel stack. */
function accelOf(mutate: (t: Mutable) => void = () => undefined): StackJson {
  const t: Mutable = clone(loadTopology());
  mutate(t);
  return synthTopology(t as TopologyDeclaration).stacks.accel;
}

/** `${alicloud_x.name.id}` → `name`. */
function refName(ref: string, type: string): string {
  const m = new RegExp(`^\\$\\{${type}\\.([^.]+)\\.id\\}$`).exec(ref);
  if (!m) throw new Error(`${ref} is not a reference to a ${type}`);
  return m[1];
}

const declared = accelOf();
const groups = resourcesOf(declared, 'alicloud_ga_endpoint_group');
const listeners = resourcesOf(declared, 'alicloud_ga_listener');
const rules = resourcesOf(declared, 'alicloud_ga_forwarding_rule');
const accelerator = Object.values(resourcesOf(declared, 'alicloud_ga_accelerator'));

describe('accel stack as declared', () => {
  it('matches the snapshot', () => {
    expect(declared).toMatchSnapshot();
  });

  it('has no provider-schema problems', () => {
    expect(checkStack(declared, schema)).toEqual([]);
  });

  it('manages every GA and DNS resource through the one cn-hangzhou provider', () => {
    expect(declared.provider.alicloud).toEqual([{ region: 'cn-hangzhou' }]);
    for (const [type, byName] of Object.entries(declared.resource as Record<string, Record<string, any>>)) {
      for (const [name, r] of Object.entries(byName)) expect(`${type}.${name} → ${r.provider}`).toBe(`${type}.${name} → alicloud`);
    }
  });

  it('is one Standard accelerator with explicit cross-border carriage by data transfer, protected from destroy', () => {
    expect(accelerator).toHaveLength(1);
    expect(accelerator[0]).toMatchObject({
      accelerator_name: 'acme-ga',
      spec: '1',
      payment_type: 'PayAsYouGo',
      bandwidth_billing_type: 'CDT',
      cross_border_status: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(accelerator[0].cross_border_mode).toBeUndefined();
    expect(resourcesOf(declared, 'alicloud_ga_bandwidth_package')).toEqual({});
  });

  it('has the Singapore access point as an IP set', () => {
    const ipSets = Object.values(resourcesOf(declared, 'alicloud_ga_ip_set'));
    expect(ipSets).toEqual([expect.objectContaining({ accelerate_region_id: 'ap-southeast-1', bandwidth: 20, ip_version: 'IPv4' })]);
  });

  it('has one endpoint group per unit region, each on its ALB with HTTPS health checks', () => {
    const byRegion = Object.fromEntries(Object.values(groups).map((g: any) => [g.endpoint_group_region, g]));
    expect(Object.keys(byRegion).sort()).toEqual(['ap-southeast-1', 'cn-hangzhou']);
    for (const [region, g] of Object.entries(byRegion) as [string, any][]) {
      const unit = region === 'cn-hangzhou' ? 'unit-cn' : 'unit-sg';
      expect(g).toMatchObject({
        endpoint_group_type: 'virtual',
        endpoint_request_protocol: 'HTTPS',
        health_check_enabled: true,
        health_check_protocol: 'https',
        health_check_port: 443,
        health_check_path: '/healthz',
        health_check_interval_seconds: 3,
      });
      expect(g.endpoint_configurations).toEqual([expect.objectContaining({ type: 'ALB', weight: 100 })]);
      // The endpoint is the unit's own ALB, read from that unit stack's state.
      expect(g.endpoint_configurations[0].endpoint).toContain(`cross-stack-reference-input-${unit}`);
      expect(g.endpoint_configurations[0].endpoint).toContain('alicloud_alb_load_balancer');
    }
  });

  it('terminates TLS on 443 with the declared certificate and a TLS 1.2+ policy, and keeps the client address', () => {
    const https = Object.values(listeners).find((l: any) => l.protocol === 'HTTPS');
    expect(https).toMatchObject({
      port_ranges: [{ from_port: 443, to_port: 443 }],
      certificates: [{ id: '14520013-cn-hangzhou' }],
      security_policy_id: GA_TLS_POLICY,
      listener_type: 'Standard',
      forwarded_for_config: expect.objectContaining({ real_ip_enabled: true }),
    });
    expect(GA_TLS_POLICY).toBe('tls_cipher_policy_1_2_strict_with_1_3');
  });

  it('routes each declared hostname to the endpoint group of the unit owning its data', () => {
    const httpsName = Object.entries(listeners).find(([, l]: [string, any]) => l.protocol === 'HTTPS')![0];
    const routes: Record<string, string> = {};
    for (const rule of Object.values(rules) as any[]) {
      const action = rule.rule_actions[0];
      if (action.rule_action_type !== 'ForwardGroup') continue;
      expect(refName(rule.listener_id, 'alicloud_ga_listener')).toBe(httpsName);
      expect(action.forward_group_config).toBeUndefined();
      const target = /^\[\{"type":"endpointgroup","value":"(\$\{alicloud_ga_endpoint_group\.[^.]+\.id\})"\}\]$/.exec(action.rule_action_value);
      expect(target).not.toBeNull();
      const group = groups[refName(target![1], 'alicloud_ga_endpoint_group')];
      for (const host of rule.rule_conditions[0].host_config[0].values) routes[host] = group.endpoint_group_region;
      expect(rule.rule_conditions[0].rule_condition_type).toBe('Host');
    }
    expect(routes).toEqual({
      'oa.collab.example.com': 'cn-hangzhou',
      'reports.collab.example.com': 'cn-hangzhou',
      'vn.collab.example.com': 'ap-southeast-1',
    });
  });

  it('answers HTTP on 80 only with a redirect to HTTPS, with no endpoint group behind it', () => {
    const [httpName, http] = Object.entries(listeners).find(([, l]: [string, any]) => l.protocol === 'HTTP')! as [string, any];
    expect(http.port_ranges).toEqual([{ from_port: 80, to_port: 80 }]);
    expect(Object.values(groups).filter((g: any) => refName(g.listener_id, 'alicloud_ga_listener') === httpName)).toEqual([]);
    const redirect = Object.values(rules).filter((r: any) => refName(r.listener_id, 'alicloud_ga_listener') === httpName) as any[];
    expect(redirect).toHaveLength(1);
    expect(redirect[0].rule_actions).toEqual([expect.objectContaining({ rule_action_type: 'Redirect' })]);
    // Terraform turns $${x} into a literal ${x}, GA's placeholder; an unescaped ${host} would be a Terraform reference.
    expect(JSON.parse(redirect[0].rule_actions[0].rule_action_value)).toEqual({
      protocol: 'HTTPS',
      domain: '$${host}',
      port: '443',
      path: '$${path}',
      query: '$${query}',
      code: '301',
    });
    expect(redirect[0].rule_conditions[0].host_config[0].values.sort()).toEqual([
      'oa.collab.example.com',
      'reports.collab.example.com',
      'vn.collab.example.com',
    ]);
  });

  it('publishes every hostname in the declared domain with the declared TTL, at the access point address', () => {
    const records = Object.values(resourcesOf(declared, 'alicloud_alidns_record')) as any[];
    expect(records.map((r) => r.rr).sort()).toEqual(['oa', 'reports', 'vn']);
    for (const r of records) {
      expect(r).toMatchObject({ domain_name: 'collab.example.com', type: 'A', ttl: 600 });
      expect(r.value).toMatch(/^\$\{element\(alicloud_ga_ip_set\.[^.]+\.ip_address_list, 0\)\}$/);
    }
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

  it('a Subscription accelerator carries its term', () => {
    const stack = accelOf((t) => {
      t.access.payment = { type: 'Subscription', months: 6 };
      t.access.crossBorder = { billing: 'bandwidth-package', bandwidthMbps: 10, basicBandwidthMbps: 30 };
    });
    expect(Object.values(resourcesOf(stack, 'alicloud_ga_accelerator'))[0]).toMatchObject({
      payment_type: 'Subscription',
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

  it('adds an access point (Kuala Lumpur) with one more entry: an IP set and a DNS record per hostname', () => {
    const stack = accelOf((t) => (t.access.accessPoints.kl = { region: 'ap-southeast-3', bandwidthMbps: 10 }));
    const regions = Object.values(resourcesOf(stack, 'alicloud_ga_ip_set'))
      .map((s: any) => s.accelerate_region_id)
      .sort();
    expect(regions).toEqual(['ap-southeast-1', 'ap-southeast-3']);
    expect(Object.keys(resourcesOf(stack, 'alicloud_alidns_record'))).toHaveLength(6);
  });

  it('defaults an access point to Singapore', () => {
    const stack = accelOf((t) => delete t.access.accessPoints.sg.region);
    expect(Object.values(resourcesOf(stack, 'alicloud_ga_ip_set'))[0]).toMatchObject({ accelerate_region_id: 'ap-southeast-1' });
  });

  it('passes TLS through on TCP to the one routed unit, keeping client addresses, with no host rules', () => {
    const stack = accelOf((t) => {
      t.access.listener = { protocol: 'tcp' };
      t.access.hostnames = { vn: 'sg', files: 'sg' };
    });
    const ls = Object.values(resourcesOf(stack, 'alicloud_ga_listener')) as any[];
    expect(ls).toEqual([expect.objectContaining({ protocol: 'TCP', port_ranges: [{ from_port: 443, to_port: 443 }] })]);
    expect(ls[0].certificates).toBeUndefined();
    const gs = Object.values(resourcesOf(stack, 'alicloud_ga_endpoint_group')) as any[];
    expect(gs).toEqual([expect.objectContaining({ endpoint_group_region: 'ap-southeast-1', endpoint_group_type: 'default', health_check_enabled: true })]);
    expect(gs[0].endpoint_configurations[0]).toMatchObject({ type: 'ALB', enable_clientip_preservation: true });
    expect(resourcesOf(stack, 'alicloud_ga_forwarding_rule')).toEqual({});
    expect(checkStack(stack, schema)).toEqual([]);
  });

  it('uses the declared listener ports', () => {
    const stack = accelOf((t) => (t.access.listener = { protocol: 'https', certificateId: '14520013-cn-hangzhou', port: 8443, redirectPort: 8080 }));
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
  it('refuses to route to a unit whose stack outputs it was not given', () => {
    expect(() => new AccelStack(new App({ skipValidation: true }), { model: resolveTopology(loadTopology()), units: {} })).toThrow(
      /^access\.hostnames routes to unit "cn", which has no unit stack outputs; build every declared unit stack before the accel stack$/,
    );
  });
});

describe('a new unit', () => {
  it('gets an endpoint group for its ALB as soon as it is declared, before any hostname routes to it', () => {
    const accel = accelOf((t) => t.units.push(clone(unitTh)));
    const byRegion = Object.values(resourcesOf(accel, 'alicloud_ga_endpoint_group'))
      .map((g: any) => g.endpoint_group_region)
      .sort();
    expect(byRegion).toEqual(['ap-southeast-1', 'ap-southeast-7', 'cn-hangzhou']);
    const [thKey, th] = Object.entries(resourcesOf(accel, 'alicloud_ga_endpoint_group')).find(
      ([, g]: [string, any]) => g.endpoint_group_region === 'ap-southeast-7',
    ) as [string, any];
    expect(th).toMatchObject({ endpoint_group_type: 'virtual', health_check_enabled: true });
    // No hostname routes to it yet, so no forwarding rule sends traffic there; the declared ones still do.
    const actions = Object.values(resourcesOf(accel, 'alicloud_ga_forwarding_rule')).map((r: any) => JSON.stringify(r.rule_actions));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => a.includes(`alicloud_ga_endpoint_group.${thKey}.id`))).toEqual([]);
    expect(checkStack(accel, schema)).toEqual([]);
  });
});
