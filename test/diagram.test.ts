/**
 * Topology diagram: the committed docs/topology.md must be what the declaration generates (`npm run diagram`,
 * and `npm run new-unit` after writing a unit, regenerate it), and the diagram must show what reviewers rely on
 * (regions, ranges, peerings and the flows they carry, DTS jobs and what they copy, hostnames), rendered from the
 * model: checked on the fixture, so that it holds whatever the units are.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderMermaid, renderTopologyDoc } from '../lib/diagram/topology-diagram';
import { deriveUnit } from '../lib/scaffold/new-unit';
import type { TopologyDeclaration } from '../lib/topology/types';
import { loadTopology } from '../stacks/topology';
import { fixtureTopology } from './fixtures/topology';
import { modelOf } from './helpers/synth';

describe('the declared topology', () => {
  const model = modelOf(loadTopology());
  const mermaid = renderMermaid(model);

  it('docs/topology.md is up to date with the declaration (run `npm run diagram` when this fails)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'topology.md'), 'utf8');
    expect(committed).toBe(renderTopologyDoc(model));
  });

  it('is rendered deterministically', () => {
    expect(renderTopologyDoc(modelOf(loadTopology()))).toBe(renderTopologyDoc(model));
  });

  it.each(model.units.map((u) => [u.id, u.region, u.network.vpcCidr]))('shows unit %s with region %s and VPC %s', (id, region, cidr) => {
    expect(mermaid).toMatch(new RegExp(`subgraph unit_${id}\\["unit-${id}`));
    expect(mermaid).toMatch(new RegExp(`net_${id}\\["${region}, [^"]*<br/>VPC ${cidr.replace(/\./g, '\\.')}<br/>`));
  });

  it.each(model.interconnect.peers.map((p) => [p.near.unitId, p.far.unitId, p.bandwidthMbps]))(
    'draws the peering %s <==> %s with its %s Mbit/s',
    (near, far, mbps) => {
      expect(mermaid).toMatch(new RegExp(`^  unit_${near} <==>\\|"CEN ${mbps} Mbit/s, [^"]*"\\| unit_${far}$`, 'm'));
    },
  );

  it.each(model.replication.jobs.map((j) => [j.source.unitId, j.destination.unitId]))('draws the DTS job %s -> %s', (from, to) => {
    expect(mermaid).toMatch(new RegExp(`^  data_${from} -\\.->\\|"DTS [^"]*"\\| data_${to}$`, 'm'));
  });
});

describe('the diagram of the four-unit fixture', () => {
  const topology = fixtureTopology(['t1', 't2', 't3', 't4']);
  const model = modelOf(topology);
  const mermaid = renderMermaid(model);
  const doc = renderTopologyDoc(model);

  it('shows each peering with bandwidth, billing, border and flows, DTS jobs with their databases, and hostnames per unit', () => {
    // t1 <-> t2: the larger direction's flows (12 Mbit/s); t1 -> t3: 1 Mbit/s flow, raised to CEN's 2 Mbit/s floor.
    expect(mermaid).toContain('unit_t1 <==>|"CEN 12 Mbit/s, bandwidth package, cross-border: chat-t1-t2, chat-t2-t1"| unit_t2');
    expect(mermaid).toContain('unit_t1 <==>|"CEN 2 Mbit/s, bandwidth package, cross-border: report-t1-t3"| unit_t3');
    // t4 has no flow: no peering at all.
    expect(mermaid).not.toMatch(/<==>[^\n]*unit_t4/);
    // The hub relays: its job to t2 carries its own org database and the other spokes'.
    expect(mermaid).toContain('data_t1 -.->|"DTS org_t1, org_t3, org_t4"| data_t2');
    expect(mermaid).toContain('data_t2 -.->|"DTS org_t2"| data_t1');
    expect(mermaid).toContain('data_t3 -.->|"DTS org_t3"| data_t1');
    expect(mermaid).toContain('ga_sin -->|"oa.fixture.example.net<br/>reports.fixture.example.net"| unit_t1');
    expect(mermaid).toContain('ga_sin -->|"jp.fixture.example.net"| unit_t2');
    expect(mermaid).toContain('ga_sin -->|"de.fixture.example.net"| unit_t3');
    // A unit without a hostname gets no GA edge.
    expect(mermaid).not.toMatch(/ga_sin -->\|[^|]*\| unit_t4/);
  });

  it('lists what each job copies, column by column, and never a personal column or table', () => {
    expect(doc).toContain(
      '| unit-t2 | unit-t1 | org_t2 | departments(id, parent_id, name); positions(id, department_id, title); directory_entries(member_id, department_id) |',
    );
    expect(doc).toContain('| unit-t1 | unit-t2 | org_t3 (relayed) | departments(id, parent_id, name); positions(id, department_id, title) |');
    const dts = doc.slice(doc.indexOf('## DTS replication'), doc.indexOf('## Access points'));
    expect(dts).not.toMatch(/full_name|work_email|staff_profiles|messages|approvals|attendance/);
  });

  it('lists every declared flow with what it carries and its legal basis', () => {
    expect(doc).toContain('| chat-t1-t2 | unit-t1 | unit-t2 | chat-relay | tcp/7443 | personal | Fixture standard contract (fx/legal/001) | 12 |');
    expect(doc).toContain('| report-t1-t3 | unit-t1 | unit-t3 | report-api | tcp/8443 | org-structure | - | 1 |');
  });

  it('marks a peering inside one side of the border as not cross-border, paid by data transfer', () => {
    const domestic = fixtureTopology(['t1', 't2'], (t) => {
      const t2 = t.units[1];
      t2.country = 'CN';
      t2.region = 'cn-shenzhen';
      t2.zones = ['cn-shenzhen-a', 'cn-shenzhen-b'];
      for (const tier of ['ingress', 'app', 'data', 'link']) {
        t2.network.subnets[tier] = Object.fromEntries(Object.values(t2.network.subnets[tier]).map((c, i) => [t2.zones[i], c]));
      }
      for (const f of Object.values(t.flows) as { legalBasis?: unknown }[]) delete f.legalBasis;
    });
    expect(renderMermaid(modelOf(domestic))).toContain('unit_t1 <==>|"CEN 12 Mbit/s, pay by data transfer: chat-t1-t2, chat-t2-t1"| unit_t2');
  });

  it('a new unit appears with its replication, with no change to the renderer', () => {
    const t5 = deriveUnit(
      { id: 't5', country: 'TH', region: 'ap-southeast-7', cidr: '10.15.0.0/16', crossBorderAccess: { basis: 'PDPA safeguards', reference: 'fx/legal/t5' } },
      topology,
    );
    if (Array.isArray(t5)) throw new Error(t5.join('\n'));
    const withT5: TopologyDeclaration = { ...topology, units: [...topology.units, { ...t5, replication: { ...t5.replication, enabled: true } }] };
    const m = renderMermaid(modelOf(withT5));
    expect(m).toContain('subgraph unit_t5["unit-t5');
    expect(m).toContain('data_t5 -.->|"DTS org_t5"| data_t1');
    expect(renderTopologyDoc(modelOf(withT5))).toContain(
      '| unit-t5 | ap-southeast-7 (Thailand (Bangkok)) | ap-southeast-7a, ap-southeast-7b | 10.15.0.0/16 | TH |',
    );
  });

  it('escapes double quotes in labels', () => {
    const quoted = fixtureTopology(['t1', 't2'], (t) => (t.units[1].name = 'The "overseas" unit'));
    expect(renderMermaid(modelOf(quoted))).toContain('unit-t2: The #quot;overseas#quot; unit"]');
  });
});
