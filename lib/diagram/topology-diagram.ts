/**
 * Renders docs/topology.md from the declaration: a Mermaid diagram of the units (region, VPC range, the data
 * they keep), the CEN links between hub and spokes (bandwidth, billing), the DTS org-structure flows with
 * their tables, and the GA access points with the hostnames they route to each unit; then the same facts as
 * tables. Pure and deterministic: the same declaration always gives the same bytes.
 */
import { orgDatabaseName } from '../topology/naming';
import { isRegionId, regionInfo } from '../topology/regions';
import type { TopologyDeclaration, UnitDeclaration } from '../topology/types';

/** Default access-point region, as the accel stack applies it (kept here so the diagram has no stack import). */
const DEFAULT_ACCESS_POINT_REGION = 'ap-southeast-1';

/** Mermaid quoted labels cannot hold a double quote. */
const label = (s: string) => s.replace(/"/g, '#quot;');
const nodeId = (kind: string, id: string) => `${kind}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

function personalTables(t: TopologyDeclaration): string[] {
  return Object.entries(t.catalog.tables)
    .filter(([, cls]) => cls === 'personal')
    .map(([name]) => name);
}

function spokes(t: TopologyDeclaration): UnitDeclaration[] {
  return t.units.filter((u) => u.id !== t.hub && u.link);
}

function crossesBorder(a: UnitDeclaration, b: UnitDeclaration): boolean {
  return isRegionId(a.region) && isRegionId(b.region) && regionInfo(a.region).mainland !== regionInfo(b.region).mainland;
}

const billingText = (u: UnitDeclaration) => (u.link?.billing === 'bandwidth-package' ? 'bandwidth package' : 'pay by data transfer');

/** The org-structure tables replicated out of `from` (what it masters and the allowlist permits). */
function replicatedTables(t: TopologyDeclaration, from: UnitDeclaration): string[] {
  return from.mastersTables.filter((x) => t.replication.allowlist.includes(x));
}

/** Host label → unit id, grouped per unit, in declaration order. */
function hostnamesByUnit(t: TopologyDeclaration): Map<string, string[]> {
  const byUnit = new Map<string, string[]>();
  for (const [host, unitId] of Object.entries(t.access.hostnames)) {
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), `${host}.${t.access.domain}`]);
  }
  return byUnit;
}

export function renderMermaid(t: TopologyDeclaration): string {
  const hub = t.units.find((u) => u.id === t.hub);
  const personal = personalTables(t);
  const lines: string[] = ['flowchart LR'];
  for (const u of t.units) {
    const where = isRegionId(u.region) ? `${u.region}, ${regionInfo(u.region).name}` : u.region;
    lines.push(
      `  subgraph ${nodeId('unit', u.id)}["unit-${u.id}${u.id === t.hub ? ' (hub)' : ''}: ${label(u.name)}"]`,
      `    ${nodeId('net', u.id)}["${label(where)}<br/>VPC ${u.network.vpcCidr}<br/>staff data of ${u.country}"]`,
      `    ${nodeId('data', u.id)}[("keeps: ${label(list(personal))}<br/>masters: ${label(list(u.mastersTables))} (${orgDatabaseName(t.catalog.orgDatabase, u.id)})")]`,
      '  end',
    );
  }
  if (hub) {
    for (const s of spokes(t)) {
      const border = crossesBorder(hub, s) ? ', cross-border' : '';
      lines.push(`  ${nodeId('unit', hub.id)} <==>|"CEN ${s.link!.bandwidthMbps} Mbit/s, ${billingText(s)}${border}"| ${nodeId('unit', s.id)}`);
    }
    for (const s of spokes(t)) {
      for (const [from, to] of [
        [hub, s],
        [s, hub],
      ]) {
        const tables = replicatedTables(t, from);
        if (tables.length)
          lines.push(
            `  ${nodeId('data', from.id)} -.->|"DTS ${orgDatabaseName(t.catalog.orgDatabase, from.id)}: ${label(tables.join(', '))}"| ${nodeId('data', to.id)}`,
          );
      }
    }
  }
  const routes = hostnamesByUnit(t);
  for (const [name, ap] of Object.entries(t.access.accessPoints)) {
    const region = ap.region ?? DEFAULT_ACCESS_POINT_REGION;
    const where = isRegionId(region) ? regionInfo(region).name : region;
    lines.push(
      `  ${nodeId('users', name)}(("users near ${label(where)}")) --> ${nodeId('ga', name)}{{"GA access point ${label(name)}<br/>${region}, ${ap.bandwidthMbps} Mbit/s"}}`,
    );
    for (const u of t.units) {
      const hosts = routes.get(u.id);
      if (hosts) lines.push(`  ${nodeId('ga', name)} -->|"${label(hosts.join('<br/>'))}"| ${nodeId('unit', u.id)}`);
    }
  }
  return lines.join('\n');
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
  ];
}

/** The whole docs/topology.md. */
export function renderTopologyDoc(t: TopologyDeclaration): string {
  const hub = t.units.find((u) => u.id === t.hub);
  const personal = personalTables(t);
  const routes = hostnamesByUnit(t);
  const out: string[] = [
    '# Topology',
    '',
    '<!-- Generated by `npm run diagram` from stacks/unit-*/unit.ts and stacks/topology.ts. Do not edit by hand: a test fails when this file is out of date with the declaration. -->',
    '',
    `Units of ${t.org.name}, how they are linked, what is replicated between them and how users reach them.`,
    'Personal data stays in its unit; only the allowlisted org-structure tables cross units.',
    '',
    '```mermaid',
    renderMermaid(t),
    '```',
    '',
    '## Units',
    '',
    ...table(
      ['unit', 'region', 'zones', 'VPC', 'staff data of', 'keeps (personal, never replicated)', 'masters (org structure)'],
      t.units.map((u) => [
        `unit-${u.id}${u.id === t.hub ? ' (hub)' : ''}`,
        isRegionId(u.region) ? `${u.region} (${regionInfo(u.region).name})` : u.region,
        u.zones.join(', '),
        u.network.vpcCidr,
        u.country,
        list(personal),
        `${list(u.mastersTables)} in ${orgDatabaseName(t.catalog.orgDatabase, u.id)}`,
      ]),
    ),
    '',
    '## CEN links',
    '',
    ...table(
      ['hub', 'spoke', 'bandwidth', 'billing', 'cross-border'],
      hub
        ? spokes(t).map((s) => [`unit-${hub.id}`, `unit-${s.id}`, `${s.link!.bandwidthMbps} Mbit/s`, billingText(s), crossesBorder(hub, s) ? 'yes' : 'no'])
        : [],
    ),
    '',
    '## DTS replication (org structure only)',
    '',
    ...table(
      ['from', 'to', 'database', 'tables'],
      hub
        ? spokes(t).flatMap((s) =>
            [
              [hub, s],
              [s, hub],
            ]
              .filter(([from]) => replicatedTables(t, from).length)
              .map(([from, to]) => [`unit-${from.id}`, `unit-${to.id}`, orgDatabaseName(t.catalog.orgDatabase, from.id), replicatedTables(t, from).join(', ')]),
          )
        : [],
    ),
    '',
    '## Access points and hostnames',
    '',
    ...table(
      ['access point', 'region', 'bandwidth'],
      Object.entries(t.access.accessPoints).map(([name, ap]) => [name, ap.region ?? DEFAULT_ACCESS_POINT_REGION, `${ap.bandwidthMbps} Mbit/s`]),
    ),
    '',
    ...table(
      ['hostname', 'routed to'],
      t.units.flatMap((u) => (routes.get(u.id) ?? []).map((h) => [h, `unit-${u.id}`])),
    ),
    '',
  ];
  return out.join('\n');
}
