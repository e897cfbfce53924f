import { dbList, dbListJson, replicatedTables } from '../lib/topology/db-list';
import { peerBandwidthType } from '../lib/link/peer-link';
import { resolveTopology } from '../lib/topology/resolve';
import { REPLICATION_DEFAULTS } from '../lib/topology/replication';
import { REGIONS } from '../lib/topology/regions';
import type { TopologyDeclaration } from '../lib/topology/types';
import { loadTopology } from '../stacks/topology';
import { unitTh } from './fixtures/unit-th';
import { clone } from './helpers/synth';

describe('db_list', () => {
  it('is DTS table-level JSON: the database not whole, each listed table whole', () => {
    expect(dbListJson('org_cn', ['departments'])).toBe('{"org_cn":{"name":"org_cn","all":false,"Table":{"departments":{"name":"departments","all":true}}}}');
    expect(dbList('org_sg', ['departments', 'positions'])).toEqual({
      org_sg: { name: 'org_sg', all: false, Table: { departments: { name: 'departments', all: true }, positions: { name: 'positions', all: true } } },
    });
  });

  it('refuses an empty table list (DTS would reject the job, and an empty list must never mean "everything")', () => {
    expect(() => dbList('org_cn', [])).toThrow(/db_list for database org_cn names no table/);
  });

  it('takes only allowlisted tables the unit masters, in allowlist order', () => {
    const allowlist = ['departments', 'positions', 'directory_entries'];
    expect(replicatedTables(allowlist, ['directory_entries', 'departments'])).toEqual(['departments', 'directory_entries']);
    // a mastered table outside the allowlist (validation rejects it too) never reaches a db_list
    expect(replicatedTables(allowlist, ['departments', 'staff_profiles'])).toEqual(['departments']);
    expect(replicatedTables(allowlist, [])).toEqual([]);
  });
});

describe('replication plan', () => {
  it('has a hub → unit and a unit → hub flow for every other unit, with declared or default settings', () => {
    const t = clone(loadTopology());
    const flows = resolveTopology({ ...t, units: [...t.units, clone(unitTh)] } as TopologyDeclaration).replication.jobs;
    expect(flows.map((f) => [f.key, f.name, f.database, f.tables.join(','), f.instanceClass, f.dataInitialization, f.delayAlertSeconds])).toEqual([
      ['cn-to-sg', 'acme-org-cn-to-sg', 'org_cn', 'departments,positions,directory_entries', 'small', true, 60],
      ['sg-to-cn', 'acme-org-sg-to-cn', 'org_sg', 'departments,positions,directory_entries', 'small', true, 60],
      ['cn-to-th', 'acme-org-cn-to-th', 'org_cn', 'departments,positions,directory_entries', 'medium', false, 120],
      ['th-to-cn', 'acme-org-th-to-cn', 'org_th', 'departments,positions', 'medium', false, 120],
    ]);
    expect(flows.map((f) => [f.source.region, f.destination.region])).toEqual([
      ['cn-hangzhou', 'ap-southeast-1'],
      ['ap-southeast-1', 'cn-hangzhou'],
      ['cn-hangzhou', 'ap-southeast-7'],
      ['ap-southeast-7', 'cn-hangzhou'],
    ]);
  });

  it('falls back to the documented defaults when a link declares no replication settings', () => {
    const t = clone(loadTopology()) as any;
    delete t.units.find((u: any) => u.id === 'sg').link.replication;
    const [flow] = resolveTopology(t).replication.jobs;
    expect(flow).toMatchObject(REPLICATION_DEFAULTS);
  });
});

describe('peer link billing', () => {
  it.each([
    ['cn-hangzhou', 'ap-southeast-1', true],
    ['ap-southeast-1', 'cn-hangzhou', true],
    ['cn-hangzhou', 'cn-shanghai', false],
    ['ap-southeast-1', 'ap-southeast-7', false],
    ['cn-hongkong', 'cn-shenzhen', true],
  ] as const)('%s ↔ %s cross-border: %s', (a, b, expected) => {
    expect(REGIONS[a].mainland !== REGIONS[b].mainland).toBe(expected);
  });

  it('maps the declared billing to the peer attachment bandwidth type', () => {
    expect(peerBandwidthType('bandwidth-package')).toBe('BandwidthPackage');
    expect(peerBandwidthType('data-transfer')).toBe('DataTransfer');
  });
});
