/**
 * Topology diagram: the committed docs/topology.md must be what the declaration generates, and the diagram
 * must show what reviewers rely on (regions, ranges, links, flows, hostnames).
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderMermaid, renderTopologyDoc } from '../lib/diagram/topology-diagram';
import { deriveUnit } from '../lib/scaffold/new-unit';
import type { TopologyDeclaration } from '../lib/topology/types';
import { loadTopology } from '../stacks/topology';
import { clone } from './helpers/synth';

const topology = loadTopology();
const mermaid = renderMermaid(topology);

it('docs/topology.md is up to date with the declaration (run `npm run diagram` when this fails)', () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'topology.md'), 'utf8');
  expect(committed).toBe(renderTopologyDoc(topology));
});

it('is deterministic', () => {
  expect(renderTopologyDoc(clone(topology))).toBe(renderTopologyDoc(topology));
});

it.each(topology.units.map((u) => [u.id, u.region, u.network.vpcCidr]))('shows unit %s with region %s and VPC %s', (id, region, cidr) => {
  expect(mermaid).toMatch(new RegExp(`subgraph unit_${id}\\["unit-${id}`));
  expect(mermaid).toMatch(new RegExp(`net_${id}\\["${region}, [^"]*<br/>VPC ${cidr.replace(/\./g, '\\.')}<br/>`));
});

it('shows each CEN link with bandwidth and billing, DTS flows with their tables, and hostnames per unit', () => {
  expect(mermaid).toContain('unit_cn <==>|"CEN 20 Mbit/s, bandwidth package, cross-border"| unit_sg');
  expect(mermaid).toContain('data_cn -.->|"DTS org_cn: departments, positions, directory_entries"| data_sg');
  expect(mermaid).toContain('data_sg -.->|"DTS org_sg: departments, positions, directory_entries"| data_cn');
  expect(mermaid).toContain('ga_sg -->|"oa.collab.example.com<br/>reports.collab.example.com"| unit_cn');
  expect(mermaid).toContain('ga_sg -->|"vn.collab.example.com"| unit_sg');
  // Personal tables are listed as kept, never on a DTS edge.
  for (const line of mermaid.split('\n').filter((l) => l.includes('DTS'))) expect(line).not.toMatch(/staff_profiles|messages|files|approvals|attendance/);
});

it('a new unit appears with its link and flows, with no change to the renderer', () => {
  const th = deriveUnit({ id: 'th', country: 'TH', region: 'ap-southeast-7', cidr: '10.3.0.0/16' }, topology);
  if (Array.isArray(th)) throw new Error(th.join('\n'));
  const withTh: TopologyDeclaration = { ...topology, units: [...topology.units, th] };
  const m = renderMermaid(withTh);
  expect(m).toContain('subgraph unit_th["unit-th');
  expect(m).toContain('unit_cn <==>|"CEN 10 Mbit/s, bandwidth package, cross-border"| unit_th');
  expect(m).toContain('data_th -.->|"DTS org_th: departments, positions, directory_entries"| data_cn');
});

it('escapes double quotes in labels', () => {
  const quoted: TopologyDeclaration = { ...topology, units: topology.units.map((u) => (u.id === 'sg' ? { ...u, name: 'The "overseas" unit' } : u)) };
  expect(renderMermaid(quoted)).toContain('unit-sg: The #quot;overseas#quot; unit"]');
});
