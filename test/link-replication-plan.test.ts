import { dbList, dbListJson, replicatedTables } from '../lib/topology/db-list';
import { peerBandwidthType } from '../lib/link/peer-link';
import { resolveTopology } from '../lib/topology/resolve';
import { REPLICATION_DEFAULTS } from '../lib/topology/replication';
import { REGIONS } from '../lib/topology/regions';
import { fixtureTopology } from './fixtures/topology';

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
    const flows = resolveTopology(fixtureTopology(['t1', 't2', 't3'])).replication.jobs;
    expect(flows.map((f) => [f.key, f.name, f.database, f.tables.join(','), f.instanceClass, f.dataInitialization, f.delayAlertSeconds])).toEqual([
      ['t1-to-t2', 'fx-org-t1-to-t2', 'org_t1', 'departments,positions,directory_entries', 'small', true, 60],
      ['t2-to-t1', 'fx-org-t2-to-t1', 'org_t2', 'departments,positions,directory_entries', 'small', true, 60],
      ['t1-to-t3', 'fx-org-t1-to-t3', 'org_t1', 'departments,positions,directory_entries', 'medium', false, 120],
      ['t3-to-t1', 'fx-org-t3-to-t1', 'org_t3', 'departments,positions', 'medium', false, 120],
    ]);
    expect(flows.map((f) => [f.source.region, f.destination.region])).toEqual([
      ['cn-shanghai', 'ap-northeast-1'],
      ['ap-northeast-1', 'cn-shanghai'],
      ['cn-shanghai', 'eu-central-1'],
      ['eu-central-1', 'cn-shanghai'],
    ]);
  });

  it('falls back to the documented defaults when a link declares no replication settings', () => {
    // t4 declares its link without replication settings.
    const flows = resolveTopology(fixtureTopology(['t1', 't4'])).replication.jobs;
    expect(flows.map((f) => f.key)).toEqual(['t1-to-t4', 't4-to-t1']);
    for (const flow of flows) expect(flow).toMatchObject(REPLICATION_DEFAULTS);
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
