import { topologyProblems } from '../lib/topology/validate';
import type { TopologyDeclaration } from '../lib/topology/types';
import { loadTopology } from '../stacks/topology';
import { type Mutable, mutableFixture as base } from './fixtures/topology';

// Each case breaks the access declaration in one way; the problem must name the field, the value and the fix.
const cases: [string, (t: Mutable) => void, RegExp][] = [
  [
    'unknown acceleration region',
    (t) => (t.access.accessPoints.hcm = { region: 'vn-hochiminh-1', bandwidthMbps: 10 }),
    /^access\.accessPoints\.hcm\.region: "vn-hochiminh-1" is not a known acceleration region; use one of .*ap-southeast-1.* \(lib\/topology\/ga-regions\.ts; add the region there once GA confirms its id\)$/,
  ],
  [
    'missing cross-border choice (overseas access point to a mainland unit)',
    (t) => delete t.access.crossBorder,
    /^access\.crossBorder: is required: access point sin outside mainland China routes to mainland unit t1; choose \{ billing: "cdt" \} \(China-site account: pay-by-data-transfer with cross-border status on\) or \{ billing: "bandwidth-package", bandwidthMbps, basicBandwidthMbps \} \(international-site account: CrossDomain bandwidth package/,
  ],
  [
    'missing cross-border choice (mainland access point to an overseas unit)',
    (t) => {
      delete t.access.crossBorder;
      t.access.accessPoints = { hz: { region: 'cn-hangzhou', bandwidthMbps: 10 } };
    },
    /^access\.crossBorder: is required: access point hz inside mainland China routes to unit t2 outside it; choose \{ billing: "cdt" \}/,
  ],
  [
    'hostname to an unknown unit',
    (t) => (t.access.hostnames.t9 = 't9'),
    /^access\.hostnames\.t9: "t9" routes to a unit that is not declared; route it to one of the declared units: t1, t2$/,
  ],
  [
    'TTL above 3600',
    (t) => (t.access.dnsTtlSeconds = 7200),
    /^access\.dnsTtlSeconds: 7200 is not a whole number from 1 to 3600; use at most 3600 seconds so a failover reaches users within an hour \(default 600\)$/,
  ],
  [
    'listener port clash',
    (t) => (t.access.listener.redirectPort = 443),
    /^access\.listener\.redirectPort: 443 clashes with access\.listener\.port 443; give the HTTP redirect listener its own port \(default 80; HTTPS default 443\)$/,
  ],
  [
    'listener port clash through a default',
    (t) => {
      delete t.access.listener.redirectPort;
      t.access.listener.port = 80;
    },
    /^access\.listener\.redirectPort: 80 clashes with access\.listener\.port 80; give the HTTP redirect listener its own port/,
  ],
  [
    'listener port out of range',
    (t) => (t.access.listener.port = 65500),
    /^access\.listener\.port: 65500 is not a whole number from 1 to 65499; GA listeners take ports 1-65499$/,
  ],
  [
    'TCP passthrough asked to route by hostname',
    (t) => (t.access.listener = { protocol: 'tcp' }),
    /^access\.listener\.protocol: "tcp" cannot route by hostname, but access\.hostnames routes to units t1, t2; use protocol "https" \(GA terminates TLS and routes each hostname to its unit\) or route every hostname to one unit$/,
  ],
  [
    'unknown listener protocol',
    (t) => (t.access.listener = { protocol: 'udp' }),
    /^access\.listener\.protocol: "udp" is not allowed; use "https" \(terminate at GA\) or "tcp"/,
  ],
  [
    'data-transfer billing with a subscription accelerator',
    (t) => (t.access.payment = { type: 'Subscription', spec: '1', months: 3 }),
    /^access\.crossBorder\.billing: "cdt" needs a pay-as-you-go accelerator, but access\.payment\.type is "Subscription"; set access\.payment to \{ type: "PayAsYouGo" \}, or use billing "bandwidth-package"/,
  ],
  [
    'subscription accelerator without bandwidth packages',
    (t) => {
      t.access.payment = { type: 'Subscription', spec: '1', months: 3 };
      delete t.access.crossBorder;
      t.access.hostnames = { jp: 't2' };
    },
    /^access\.payment\.type: "Subscription" needs bandwidth packages, and none are declared; use \{ type: "PayAsYouGo" \}/,
  ],
  [
    'subscription term too long',
    (t) => {
      t.access.payment = { type: 'Subscription', spec: '1', months: 12 };
      t.access.crossBorder = { billing: 'bandwidth-package', bandwidthMbps: 10, basicBandwidthMbps: 30 };
    },
    /^access\.payment\.months: 12 is not a whole number from 1 to 9; GA sells accelerator subscriptions of 1 to 9 months$/,
  ],
  [
    'basic package smaller than the access points',
    (t) => {
      t.access.crossBorder = { billing: 'bandwidth-package', bandwidthMbps: 10, basicBandwidthMbps: 15 };
      t.access.accessPoints.kl = { region: 'ap-southeast-3', bandwidthMbps: 10 };
    },
    /^access\.crossBorder\.basicBandwidthMbps: 15 is less than the 30 Mbit\/s the access points take together; raise it to at least 30 or lower the access points' bandwidthMbps$/,
  ],
  [
    'unknown cross-border billing',
    (t) => (t.access.crossBorder = { billing: 'cbn' }),
    /^access\.crossBorder\.billing: "cbn" is not allowed; use "cdt" \(China-site account\) or "bandwidth-package" \(international-site account\)$/,
  ],
  [
    'unknown cross-border mode',
    (t) => (t.access.crossBorder = { billing: 'cdt', mode: 'premium' }),
    /^access\.crossBorder\.mode: "premium" is not allowed; use one of bgpPro, private$/,
  ],
  [
    'two access points in one acceleration region',
    (t) => (t.access.accessPoints.sin2 = { bandwidthMbps: 10 }),
    /^access\.accessPoints\.sin2\.region: "ap-southeast-1" is already the region of access point sin; GA takes one IP set per acceleration region: raise access point sin's bandwidthMbps instead$/,
  ],
  [
    'access point below GA minimum bandwidth',
    (t) => (t.access.accessPoints.sin.bandwidthMbps = 1),
    /^access\.accessPoints\.sin\.bandwidthMbps: 1 is not a whole number from 2 to 10000; give each access point at least 2 Mbit\/s$/,
  ],
  ['no hostnames', (t) => (t.access.hostnames = {}), /^access\.hostnames: \{\} is empty; map each host label to the id of the unit that owns its data/],
  [
    'malformed host label',
    (t) => (t.access.hostnames.OA_Portal = 't1'),
    /^access\.hostnames\.OA_Portal: "OA_Portal" is not valid; host labels are lower-case letters, digits and hyphens$/,
  ],
  ['unknown field in access', (t) => (t.access.ttl = 600), /^access\.ttl: 600 is not a known field; use one of domain, dnsTtlSeconds, payment, crossBorder/],
  [
    'unknown field in the listener',
    (t) => (t.access.listener.httpPort = 80),
    /^access\.listener\.httpPort: 80 is not a known field; use one of protocol, certificateId, port, redirectPort/,
  ],
  [
    'health check interval GA does not offer',
    (t) => (t.access.healthCheck.intervalSeconds = 60),
    /^access\.healthCheck\.intervalSeconds: 60 is not a whole number from 1 to 50; GA checks every 1-50 seconds$/,
  ],
  [
    'the old accelerator spec field',
    (t) => (t.access.acceleratorSpec = '1'),
    /^access\.acceleratorSpec: "1" is no longer a field: a pay-as-you-go accelerator has no spec; remove it; with a subscription give the spec as access\.payment\.spec$/,
  ],
  [
    'a subscription without a spec',
    (t) => {
      t.access.crossBorder = { billing: 'bandwidth-package', bandwidthMbps: 10, basicBandwidthMbps: 30 };
      t.access.payment = { type: 'Subscription', months: 1 };
    },
    /^access\.payment\.spec: is missing; use one of 1, 2, 3, 5, 8, 10$/,
  ],
  [
    'a spec GA does not sell',
    (t) => {
      t.access.crossBorder = { billing: 'bandwidth-package', bandwidthMbps: 10, basicBandwidthMbps: 30 };
      t.access.payment = { type: 'Subscription', spec: '4', months: 1 };
    },
    /^access\.payment\.spec: "4" is not allowed; use one of 1, 2, 3, 5, 8, 10$/,
  ],
  [
    'a spec on a pay-as-you-go accelerator',
    (t) => (t.access.payment = { type: 'PayAsYouGo', spec: '1' }),
    /^access\.payment\.spec: "1" is not a known field; use one of type/,
  ],
];

describe('the declared access settings', () => {
  it('have no problems', () => {
    expect(topologyProblems(loadTopology())).toEqual([]);
  });
});

describe('access settings of the fixture', () => {
  it('stay valid with a second access point and each billing choice', () => {
    const t = base();
    t.access.accessPoints.kl = { region: 'ap-southeast-3', bandwidthMbps: 10 };
    t.access.crossBorder = { billing: 'bandwidth-package', bandwidthMbps: 10, basicBandwidthMbps: 30 };
    t.access.payment = { type: 'Subscription', spec: '1', months: 1 };
    expect(topologyProblems(t)).toEqual([]);
  });

  it('need no cross-border choice when nothing crosses the border', () => {
    const t = base();
    delete t.access.crossBorder;
    const { jp, oa } = t.access.hostnames;
    t.access.hostnames = { jp };
    expect(topologyProblems(t)).toEqual([]);
    // The same routing through a mainland unit is rejected: the check looks at the units actually routed to.
    t.access.hostnames.oa = oa;
    expect(topologyProblems(t)).toEqual([expect.stringMatching(/^access\.crossBorder: is required/)]);
  });
});

describe('access validation rejects bad input', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const t = base();
    mutate(t);
    const problems = topologyProblems(t as TopologyDeclaration);
    // arrayContaining prints every problem found when the expected one is missing
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('reports every access problem at once, and nothing unrelated', () => {
    const t = base();
    t.access.listener.redirectPort = 443;
    t.access.dnsTtlSeconds = 7200;
    expect(topologyProblems(t)).toHaveLength(2);
  });
});
