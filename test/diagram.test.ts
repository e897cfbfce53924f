/**
 * Topology diagram: the committed docs/topology.md must be what the declaration generates (`npm run diagram`,
 * and `npm run new-unit` after writing a unit, regenerate it), and the diagram must show what reviewers rely on
 * (regions, ranges, links, flows, hostnames): checked on the fixture, so that it holds whatever the units are.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderMermaid, renderTopologyDoc } from '../lib/diagram/topology-diagram';
import { deriveUnit } from '../lib/scaffold/new-unit';
import type { TopologyDeclaration } from '../lib/topology/types';
import { loadTopology } from '../stacks/topology';
import { clone } from './helpers/synth';
import { fixtureTopology } from './fixtures/topology';

describe('the declared topology', () => {
  const topology = loadTopology();
  const mermaid = renderMermaid(topology);

  it('docs/topology.md is up to date with the declaration (run `npm run diagram` when this fails)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'topology.md'), 'utf8');
    expect(committed).toBe(renderTopologyDoc(topology));
  });

  it('is rendered deterministically', () => {
    expect(renderTopologyDoc(clone(topology))).toBe(renderTopologyDoc(topology));
  });

  it.each(topology.units.map((u) => [u.id, u.region, u.network.vpcCidr]))('shows unit %s with region %s and VPC %s', (id, region, cidr) => {
    expect(mermaid).toMatch(new RegExp(`subgraph unit_${id}\\["unit-${id}`));
    expect(mermaid).toMatch(new RegExp(`net_${id}\\["${region}, [^"]*<br/>VPC ${cidr.replace(/\./g, '\\.')}<br/>`));
  });

  it.each(topology.units.filter((u) => u.id !== topology.hub).map((u) => [u.id, u.link?.bandwidthMbps]))(
    'links spoke %s to the hub with its %s Mbit/s, and draws both DTS flows',
    (id, mbps) => {
      expect(mermaid).toMatch(new RegExp(`^  unit_${topology.hub} <==>\\|"CEN ${mbps} Mbit/s, [^"]*"\\| unit_${id}$`, 'm'));
      expect(mermaid).toMatch(new RegExp(`^  data_${topology.hub} -\\.->\\|"DTS [^"]*"\\| data_${id}$`, 'm'));
      expect(mermaid).toMatch(new RegExp(`^  data_${id} -\\.->\\|"DTS [^"]*"\\| data_${topology.hub}$`, 'm'));
    },
  );
});

describe('the diagram of the four-unit fixture', () => {
  const topology = fixtureTopology(['t1', 't2', 't3', 't4']);
  const mermaid = renderMermaid(topology);

  it('shows each CEN link with bandwidth, billing and border, DTS flows with their tables, and hostnames per unit', () => {
    expect(mermaid).toContain('unit_t1 <==>|"CEN 20 Mbit/s, bandwidth package, cross-border"| unit_t2');
    expect(mermaid).toContain('unit_t1 <==>|"CEN 10 Mbit/s, bandwidth package, cross-border"| unit_t3');
    expect(mermaid).toContain('unit_t1 <==>|"CEN 10 Mbit/s, pay by data transfer, cross-border"| unit_t4');
    expect(mermaid).toContain('data_t1 -.->|"DTS org_t1: departments, positions, directory_entries"| data_t2');
    expect(mermaid).toContain('data_t2 -.->|"DTS org_t2: departments, positions, directory_entries"| data_t1');
    expect(mermaid).toContain('data_t3 -.->|"DTS org_t3: departments, positions"| data_t1');
    expect(mermaid).toContain('ga_sin -->|"oa.fixture.example.net<br/>reports.fixture.example.net"| unit_t1');
    expect(mermaid).toContain('ga_sin -->|"jp.fixture.example.net"| unit_t2');
    expect(mermaid).toContain('ga_sin -->|"de.fixture.example.net"| unit_t3');
    // A unit without a hostname gets no GA edge.
    expect(mermaid).not.toMatch(/ga_sin -->\|[^|]*\| unit_t4/);
    // Personal tables are listed as kept, never on a DTS edge.
    for (const line of mermaid.split('\n').filter((l) => l.includes('DTS'))) expect(line).not.toMatch(/staff_profiles|messages|files|approvals|attendance/);
  });

  it('marks a link inside one side of the border as not cross-border', () => {
    const domestic = fixtureTopology(['t1', 't4'], (t) => {
      const t4 = t.units[1];
      t4.region = 'cn-shenzhen';
      t4.zones = ['cn-shenzhen-a', 'cn-shenzhen-b'];
    });
    expect(renderMermaid(domestic)).toContain('unit_t1 <==>|"CEN 10 Mbit/s, pay by data transfer"| unit_t4');
  });

  it('a new unit appears with its link and flows, with no change to the renderer', () => {
    const t5 = deriveUnit({ id: 't5', country: 'TH', region: 'ap-southeast-7', cidr: '10.15.0.0/16' }, topology);
    if (Array.isArray(t5)) throw new Error(t5.join('\n'));
    const withT5: TopologyDeclaration = { ...topology, units: [...topology.units, t5] };
    const m = renderMermaid(withT5);
    expect(m).toContain('subgraph unit_t5["unit-t5');
    expect(m).toContain('unit_t1 <==>|"CEN 10 Mbit/s, bandwidth package, cross-border"| unit_t5');
    expect(m).toContain('data_t5 -.->|"DTS org_t5: departments, positions, directory_entries"| data_t1');
    expect(renderTopologyDoc(withT5)).toContain('| unit-t5 | ap-southeast-7 (Thailand (Bangkok)) | ap-southeast-7a, ap-southeast-7b | 10.15.0.0/16 | TH |');
  });

  it('escapes double quotes in labels', () => {
    const quoted = fixtureTopology(['t1', 't2'], (t) => (t.units[1].name = 'The "overseas" unit'));
    expect(renderMermaid(quoted)).toContain('unit-t2: The #quot;overseas#quot; unit"]');
  });
});
