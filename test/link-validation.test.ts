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
    'unit without a replication declaration',
    (t) => delete unit(t, 't2').replication,
    "units.t2.replication: is missing; declare { enabled: false } until the unit's org schema (cdktf.out/sql/org-schema-<unit>.sql) is applied, then { enabled: true } (docs/link.md)",
  ],
  [
    'replication switch that is not a boolean',
    (t) => (unit(t, 't2').replication.enabled = 'yes'),
    'units.t2.replication.enabled: "yes" is not a boolean; set false until the org schema is applied in the unit\'s org database, then true (DTS needs the tables, with primary keys, before its jobs start)',
  ],
  [
    'DTS class a job cannot use',
    (t) => (unit(t, 't2').replication.instanceClass = 'micro'),
    'units.t2.replication.instanceClass: "micro" is not allowed; use one of small, medium, large, xlarge, 2xlarge, 4xlarge',
  ],
  [
    'zero delay alert',
    (t) => (unit(t, 't2').replication.delayAlertSeconds = 0),
    'units.t2.replication.delayAlertSeconds: 0 is not a whole number from 10 to 86400; DTS alerts on delays of 10 seconds or more',
  ],
  [
    'misspelt replication field',
    (t) => (unit(t, 't2').replication.enable = true),
    'units.t2.replication.enable: true is not a known field; use one of enabled, instanceClass, structureInitialization, dataInitialization, delayAlertSeconds (check the spelling)',
  ],
  [
    'the old link block',
    (t) => (unit(t, 't2').link = { bandwidthMbps: 10, billing: 'data-transfer' }),
    'units.t2.link: {"bandwidthMbps":10,"billing":"data-transfer"} is not a known field; use one of id, name, country, region, zones, network, sizing, ingress, mastersTables, monitoring, replication, residency, encryption, placeholders (check the spelling)',
  ],
  [
    'replicated table without columns',
    (t) => delete t.catalog.tables.positions.columns,
    'catalog.tables.positions.columns: is missing, and replication.allowlist names positions; declare the columns of every replicated table (name, type, class, primaryKey): only its org-structure columns are replicated',
  ],
  [
    'replicated table without a primary key',
    (t) => (t.catalog.tables.positions.columns.id.primaryKey = false),
    'catalog.tables.positions.columns: ["id","department_id","title"] has no primary-key column; mark the key column(s) primaryKey: true; DTS incremental synchronization needs a primary key on every replicated table',
  ],
  [
    'personal primary key',
    (t) => (t.catalog.tables.directory_entries.columns.member_id.class = 'personal'),
    'catalog.tables.directory_entries.columns.member_id.class: "personal" is the class of a primary-key column of a replicated table; DTS copies the primary key with every row: key the table by an opaque org-structure id and keep the person-identifying value in a personal column',
  ],
  [
    'column without a class',
    (t) => delete t.catalog.tables.directory_entries.columns.work_email.class,
    'catalog.tables.directory_entries.columns.work_email.class: is missing; class every column: "org-structure" (the organisation\'s shape, may be replicated) or "personal" (identifies a person, never leaves its unit)',
  ],
  [
    'column type the DDL writer does not know',
    (t) => (t.catalog.tables.positions.columns.title.type = 'STRING'),
    'catalog.tables.positions.columns.title.type: "STRING" is not valid; use a MySQL type such as BIGINT UNSIGNED, VARCHAR(128), CHAR(36), DECIMAL(10,2) or DATETIME(3)',
  ],
  [
    'table declared as a bare class',
    (t) => (t.catalog.tables.payroll = 'personal'),
    'catalog.tables.payroll: "personal" is a bare data class; declare the table as { class: "personal" } (and its columns, when it is replicated)',
  ],
  [
    'empty allowlist',
    (t) => (t.replication.allowlist = []),
    'replication.allowlist: [] is empty; list the org-structure tables the units share (for example departments and positions); personal tables never belong here',
  ],
  [
    'staff data kept outside its country without a basis',
    (t) => (unit(t, 't2').country = 'VN'),
    'units.t2.residency: is missing: the unit keeps staff data of VN in ap-northeast-1, which is in JP; declare residency: { legalBasis: { basis, reference } } naming the transfer instrument (e.g. a transfer impact assessment) and where its record is kept',
  ],
  [
    'residency basis where none is needed',
    (t) => (unit(t, 't2').residency = { legalBasis: { basis: 'x', reference: 'y' } }),
    'units.t2.residency: {"legalBasis":{"basis":"x","reference":"y"}} is declared, but ap-northeast-1 is in JP: the data does not leave its country; remove residency',
  ],
  [
    'flow to an undeclared unit',
    (t) => (t.flows['chat-t1-t2'].to = 't9'),
    'flows.chat-t1-t2.to: "t9" is not a declared unit; name the unit whose app tier serves: one of t1, t2',
  ],
  [
    'flow inside one unit',
    (t) => (t.flows['chat-t1-t2'].to = 't1'),
    'flows.chat-t1-t2.to: "t1" is also the flow\'s from unit; a flow crosses units: traffic inside a unit needs no declaration',
  ],
  [
    'personal flow across a border without a legal basis',
    (t) => delete t.flows['chat-t1-t2'].legalBasis,
    'flows.chat-t1-t2.legalBasis: is missing: the flow carries personal data from cn-shanghai (CN) to ap-northeast-1 (JP); declare legalBasis: { basis, reference } (for example a PIPL standard contract and its filing number), or carry only org-structure data',
  ],
  [
    'legal basis without its reference',
    (t) => delete t.flows['chat-t1-t2'].legalBasis.reference,
    'flows.chat-t1-t2.legalBasis.reference: is missing; say where its record is kept: a contract or filing number, or a document link',
  ],
  [
    'flow on the ALB backend port',
    (t) => (t.flows['chat-t1-t2'].port = 8080),
    "flows.chat-t1-t2.port: 8080 is the app tier's ALB backend port; serve cross-unit flows on a port of their own",
  ],
  [
    'two flows on one port between the same units',
    (t) => (t.flows['chat-dup'] = { ...t.flows['chat-t1-t2'], service: 'dup' }),
    'flows.chat-dup.port: 7443 is also the port of flow chat-t1-t2 from t1 to t2; declare one flow per service, or give this service its own port',
  ],
  ['unknown protocol', (t) => (t.flows['chat-t1-t2'].protocol = 'icmp'), 'flows.chat-t1-t2.protocol: "icmp" is not allowed; use one of tcp, udp'],
  ['flow without a data class', (t) => delete t.flows['chat-t1-t2'].carries, 'flows.chat-t1-t2.carries: is missing; use one of org-structure, personal'],
  [
    'unknown interconnect billing',
    (t) => (t.interconnect.crossBorderBilling = 'monthly'),
    'interconnect.crossBorderBilling: "monthly" is not allowed; use one of bandwidth-package, data-transfer',
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

  it('accepts the fixture with every kind of link (flows both ways, one way, none; default replication)', () => {
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
    t.sites = t.sites.filter((s: { unit: string }) => s.unit === 't1');
    t.access.hostnames = { oa: 't1' };
    t.flows = {};
    expect(topologyProblems(t)).toEqual([]);
  });
});
