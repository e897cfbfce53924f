import { topologyProblems, TopologyError } from '../lib/topology/validate';
import type { TopologyDeclaration } from '../lib/topology/types';
import { buildApp } from '../stacks/app';
import { loadTopology } from '../stacks/topology';
import { fixtureTopology, type Mutable, mutableFixture as base, unitIn as unit } from './fixtures/topology';

// Each case breaks what the link stack relies on in one way; the exact problem names the field, the value and the fix.
const cases: [string, (t: Mutable) => void, string][] = [
  [
    'personal-data table in the replication allowlist',
    (t) => t.replication.allowlist.push('staff_profiles'),
    'replication.allowlist[3]: "staff_profiles" is classed as personal data in catalog.tables; personal data stays in its unit: remove it from the allowlist (only org-structure tables may be replicated)',
  ],
  [
    'unclassified table in the replication allowlist',
    (t) => t.replication.allowlist.push('payroll'),
    'replication.allowlist[3]: "payroll" is not in catalog.tables; classify the table in catalog.tables first; only org-structure tables may be replicated',
  ],
  [
    'mastered table outside the allowlist',
    (t) => unit(t, 't2').mastersTables.push('messages'),
    'units.t2.mastersTables[3]: "messages" is not in replication.allowlist; only allowlisted org-structure tables cross units (departments, positions, directory_entries); keep other tables out of mastersTables',
  ],
  [
    'hub linked to itself',
    (t) => (unit(t, 't1').link = { bandwidthMbps: 10, billing: 'data-transfer' }),
    'units.t1.link: {"bandwidthMbps":10,"billing":"data-transfer"} is declared on the hub unit, which would link the hub to itself; remove link from the hub; declare it on each unit that connects to the hub',
  ],
  [
    'zero link bandwidth',
    (t) => (unit(t, 't2').link.bandwidthMbps = 0),
    'units.t2.link.bandwidthMbps: 0 is not a whole number from 2 to 10000; give the CEN connection real bandwidth (without it CEN allows only 1 Kbit/s test traffic)',
  ],
  [
    'link bandwidth below 2 Mbit/s',
    (t) => (unit(t, 't2').link.bandwidthMbps = 1),
    'units.t2.link.bandwidthMbps: 1 is not a whole number from 2 to 10000; give the CEN connection real bandwidth (without it CEN allows only 1 Kbit/s test traffic)',
  ],
  [
    'unit without a link',
    (t) => delete unit(t, 't2').link,
    'units.t2.link: is missing; declare how this unit connects to hub "t1" (bandwidthMbps and billing)',
  ],
  [
    'unknown billing',
    (t) => (unit(t, 't2').link.billing = 'monthly'),
    'units.t2.link.billing: "monthly" is not allowed; use one of bandwidth-package, data-transfer',
  ],
  [
    'DTS class a job cannot use',
    (t) => (unit(t, 't2').link.replication.instanceClass = 'micro'),
    'units.t2.link.replication.instanceClass: "micro" is not allowed; use one of small, medium, large, xlarge, 2xlarge, 4xlarge',
  ],
  [
    'zero delay alert',
    (t) => (unit(t, 't2').link.replication.delayAlertSeconds = 0),
    'units.t2.link.replication.delayAlertSeconds: 0 is not a whole number from 1 to 86400',
  ],
  [
    'misspelt link field',
    (t) => (unit(t, 't2').link.bandwith = 20),
    'units.t2.link.bandwith: 20 is not a known field; use one of bandwidthMbps, billing, replication (check the spelling)',
  ],
  [
    'unit that masters no allowlisted table',
    (t) => (unit(t, 't2').mastersTables = []),
    'units.t2.mastersTables: [] names no table of replication.allowlist, so its DTS job would have nothing to copy; list the org-structure tables whose rows unit t2 masters (from departments, positions, directory_entries)',
  ],
  [
    'hub that masters no allowlisted table',
    (t) => (unit(t, 't1').mastersTables = []),
    'units.t1.mastersTables: [] names no table of replication.allowlist, so its DTS job would have nothing to copy; list the org-structure tables whose rows unit t1 masters (from departments, positions, directory_entries)',
  ],
  [
    'collaboration database named like an org mirror',
    (t) => (t.catalog.appDatabase = 'org_t2'),
    'catalog.appDatabase: "org_t2" is also the org database of unit t2, which DTS mirrors into the other units; give the collaboration database a name that does not start with catalog.orgDatabase followed by a unit id',
  ],
];

describe('link declarations: bad input is rejected naming the field, the value and the fix', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const t = base();
    mutate(t);
    expect(topologyProblems(t as TopologyDeclaration)).toContain(expected);
  });

  it('accepts the declared topology', () => {
    expect(topologyProblems(loadTopology())).toEqual([]);
  });

  it('accepts the fixture with every kind of link (bandwidth package, data transfer, default replication)', () => {
    expect(topologyProblems(fixtureTopology(['t1', 't2', 't3', 't4']))).toEqual([]);
  });

  it('builds no link stack from a declaration that allowlists personal data', () => {
    const t = base();
    t.replication.allowlist.push('messages');
    unit(t, 't2').mastersTables.push('messages');
    expect(() => buildApp(t, { outdir: '/nonexistent/never-written' })).toThrow(TopologyError);
    expect(() => buildApp(t, { outdir: '/nonexistent/never-written' })).toThrow(/replication\.allowlist\[3\]: "messages" is classed as personal data/);
  });

  it('accepts a lone hub, which links to nothing', () => {
    const t = base();
    t.units = [unit(t, 't1')];
    t.access.hostnames = { oa: 't1' };
    expect(topologyProblems(t)).toEqual([]);
  });
});
