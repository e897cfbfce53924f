/**
 * The model's data plane, on the fixture: db_list at column granularity, the relayed replication jobs and the CEN
 * derived from the declared flows (pure functions, no synthesis).
 */
import { peerBandwidthType } from '../lib/link/peer-link';
import { dbList, dbListJson, replicatedColumns, replicatedTables } from '../lib/topology/db-list';
import { REGIONS } from '../lib/topology/regions';
import { REPLICATION_DEFAULTS } from '../lib/topology/replication';
import { fixtureTopology, unitIn } from './fixtures/topology';
import { modelOf } from './helpers/synth';

describe('db_list', () => {
  it('is DTS column-level JSON: database and tables never whole, each table with its column map', () => {
    expect(dbListJson([{ database: 'org_cn', tables: [{ name: 'departments', columns: ['id', 'name'] }] }])).toBe(
      '{"org_cn":{"name":"org_cn","all":false,"Table":{"departments":{"name":"departments","all":false,"column":{"id":{"name":"id"},"name":{"name":"name"}}}}}}',
    );
    expect(
      dbList([
        { database: 'org_a', tables: [{ name: 't', columns: ['k'] }] },
        { database: 'org_b', tables: [{ name: 't', columns: ['k'] }] },
      ]),
    ).toEqual({
      org_a: { name: 'org_a', all: false, Table: { t: { name: 't', all: false, column: { k: { name: 'k' } } } } },
      org_b: { name: 'org_b', all: false, Table: { t: { name: 't', all: false, column: { k: { name: 'k' } } } } },
    });
  });

  it('refuses an empty database, table or column list (an empty list must never mean "everything")', () => {
    expect(() => dbList([])).toThrow(/db_list names no database/);
    expect(() => dbList([{ database: 'org_cn', tables: [] }])).toThrow(/db_list for database org_cn names no table/);
    expect(() => dbList([{ database: 'org_cn', tables: [{ name: 't', columns: [] }] }])).toThrow(/db_list for table org_cn.t names no column/);
  });

  it('takes only allowlisted tables the unit masters, in allowlist order', () => {
    const allowlist = ['departments', 'positions', 'directory_entries'];
    expect(replicatedTables(allowlist, ['directory_entries', 'departments'])).toEqual(['departments', 'directory_entries']);
    expect(replicatedTables(allowlist, ['departments', 'staff_profiles'])).toEqual(['departments']);
    expect(replicatedTables(allowlist, [])).toEqual([]);
  });

  it('takes only the org-structure columns of a table, in catalog order', () => {
    const columns = {
      member_id: { class: 'org-structure', primaryKey: true },
      full_name: { class: 'personal' },
      department_id: { class: 'org-structure' },
      work_email: { class: 'personal' },
    } as const;
    expect(replicatedColumns('directory_entries', columns)).toEqual(['member_id', 'department_id']);
    expect(() => replicatedColumns('x', undefined)).toThrow(/table x declares no columns/);
  });
});

describe('replication plan', () => {
  it('relays through the hub: spoke -> hub carries the spoke, hub -> spoke the hub and every other spoke', () => {
    const jobs = modelOf(fixtureTopology(['t1', 't2', 't3'])).replication.jobs;
    expect(
      jobs.map((j) => [
        j.key,
        j.name,
        j.databases.map((d) => `${d.database}${d.relayed ? '*' : ''}`).join(','),
        j.instanceClass,
        j.dataInitialization,
        j.delayAlertSeconds,
      ]),
    ).toEqual([
      ['t1-to-t2', 'fx-org-t1-to-t2', 'org_t1,org_t3*', 'small', true, 60],
      ['t2-to-t1', 'fx-org-t2-to-t1', 'org_t2', 'small', true, 60],
      ['t1-to-t3', 'fx-org-t1-to-t3', 'org_t1,org_t2*', 'medium', false, 120],
      ['t3-to-t1', 'fx-org-t3-to-t1', 'org_t3', 'medium', false, 120],
    ]);
    expect(jobs.map((j) => [j.source.region, j.destination.region])).toEqual([
      ['cn-shanghai', 'ap-northeast-1'],
      ['ap-northeast-1', 'cn-shanghai'],
      ['cn-shanghai', 'eu-central-1'],
      ['eu-central-1', 'cn-shanghai'],
    ]);
  });

  it("with four units every unit receives every other unit's org database, and never its own", () => {
    const model = modelOf(fixtureTopology(['t1', 't2', 't3', 't4']));
    for (const unit of model.units) {
      const received = model.replication.jobs.filter((j) => j.destination.unitId === unit.id).flatMap((j) => j.databases.map((d) => d.masterUnitId));
      expect(received.sort()).toEqual(
        model.units
          .filter((u) => u.id !== unit.id)
          .map((u) => u.id)
          .sort(),
      );
    }
  });

  it('copies only org-structure columns: a column classed personal never reaches a db_list', () => {
    const model = modelOf(
      fixtureTopology(['t1', 't2'], (t) => {
        t.catalog.tables.positions.columns.holder_name = { type: 'VARCHAR(128)', class: 'personal' };
      }),
    );
    for (const job of model.replication.jobs) {
      expect(job.dbList).not.toContain('holder_name');
      expect(job.dbList).not.toMatch(/full_name|work_email/);
      expect(JSON.parse(job.dbList).org_t1 ?? JSON.parse(job.dbList).org_t2).toMatchObject({ all: false });
    }
  });

  it('runs a job only when both units have replication enabled', () => {
    const off = modelOf(fixtureTopology(['t1', 't2', 't3'], (t) => (unitIn(t, 't3').replication.enabled = false)));
    expect(off.replication.jobs.map((j) => j.key)).toEqual(['t1-to-t2', 't2-to-t1']);
    // t3's org data is not relayed while t3 is off, and nothing is relayed to it.
    expect(off.replication.jobs[0].databases.map((d) => d.database)).toEqual(['org_t1']);
    const hubOff = modelOf(fixtureTopology(['t1', 't2'], (t) => (unitIn(t, 't1').replication.enabled = false)));
    expect(hubOff.replication.jobs).toEqual([]);
  });

  it('keeps a mirror of every other unit in every unit, whether replication is on or not', () => {
    const model = modelOf(fixtureTopology(['t1', 't2', 't3'], (t) => (unitIn(t, 't3').replication.enabled = false)));
    expect(model.unitsById.t2.dts.mirrors.map((m) => m.database)).toEqual(['org_t1', 'org_t3']);
    expect(model.unitsById.t1.dts.mirrors.map((m) => m.database)).toEqual(['org_t2', 'org_t3']);
  });

  it('falls back to the documented defaults when a unit declares only the switch', () => {
    const jobs = modelOf(fixtureTopology(['t1', 't4'])).replication.jobs;
    expect(jobs.map((f) => f.key)).toEqual(['t1-to-t4', 't4-to-t1']);
    for (const job of jobs) expect(job).toMatchObject(REPLICATION_DEFAULTS);
  });
});

describe('CEN from the declared flows', () => {
  const model = modelOf(fixtureTopology(['t1', 't2', 't3', 't4']));

  it('peers exactly the unit pairs with flows, sized to the larger direction (at least 2 Mbit/s)', () => {
    expect(model.interconnect.peers.map((p) => [p.key, p.near.unitId, p.far.unitId, p.bandwidthMbps, p.billing, p.flowKeys.join(',')])).toEqual([
      ['t2', 't1', 't2', 12, 'bandwidth-package', 'chat-t1-t2,chat-t2-t1'],
      ['t3', 't1', 't3', 2, 'bandwidth-package', 'report-t1-t3'],
    ]);
  });

  it('gives a unit with no flow no transit router and no route', () => {
    expect(model.interconnect.routers.map((r) => r.unitId)).toEqual(['t1', 't2', 't3']);
    for (const r of model.interconnect.routers) expect(r.routes.map((x) => x.unitId)).not.toContain('t4');
  });

  it("routes each unit to its partners' app tiers only, both ways", () => {
    const routes = Object.fromEntries(model.interconnect.routers.map((r) => [r.unitId, r.routes.map((x) => x.cidr)]));
    expect(routes.t1).toEqual(['10.12.10.0/24', '10.12.11.0/24', '10.13.10.0/24', '10.13.11.0/24']);
    expect(routes.t2).toEqual(['10.11.10.0/24', '10.11.11.0/24']);
    // t3 only receives a flow from t1, but the return traffic needs its route back.
    expect(routes.t3).toEqual(['10.11.10.0/24', '10.11.11.0/24']);
  });

  it("admits each flow in the target unit from the source's app tier on the flow's port", () => {
    expect(model.unitsById.t2.inboundFlows).toEqual([
      {
        flowKey: 'chat-t1-t2',
        service: 'chat-relay',
        fromUnitId: 't1',
        port: 7443,
        protocol: 'tcp',
        sourceCidrs: { 't1-cn-shanghai-e': '10.11.10.0/24', 't1-cn-shanghai-f': '10.11.11.0/24' },
      },
    ]);
    expect(model.unitsById.t4.inboundFlows).toEqual([]);
  });

  it('pays a same-side pair by data transfer unless declared otherwise', () => {
    const sameSide = modelOf(
      fixtureTopology(['t2', 't4'], (t) => {
        t.hub = 't2';
        t.flows = {
          sync: { from: 't2', to: 't4', service: 'sync', port: 9000, protocol: 'tcp', carries: 'org-structure', bandwidthMbps: 5, description: 'x' },
        };
        // The fixture's hostnames of t2 and t4: jp. only, served from Tokyo.
        t.access.crossBorder = undefined;
      }),
    );
    expect(sameSide.interconnect.peers.map((p) => [p.crossBorder, p.billing, p.bandwidthMbps])).toEqual([[false, 'data-transfer', 5]]);
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
