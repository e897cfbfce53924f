/**
 * Renders docs/topology.md from the resolved model: a Mermaid diagram of the units (region, VPC range, the data they
 * keep), the CEN peerings the declared flows need (bandwidth, billing) with the flows they carry, the DTS
 * org-structure jobs with what they copy, the GA access points with the hostnames they route to each unit, and the
 * sites with the route DNS gives their users to each hostname (straight to a unit's ALB, or through an access point);
 * then the same facts as tables. Pure and deterministic: the same model always gives the same bytes. It reads the model,
 * never the declaration, so it shows exactly what the stacks build.
 */
import type { TopologyModel, UnitModel } from '../topology/model';
import type { SiteRouteModel } from '../topology/sites';

/** Mermaid quoted labels cannot hold a double quote. */
const label = (s: string) => s.replace(/"/g, '#quot;');
const nodeId = (kind: string, id: string) => `${kind}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

function personalTables(m: TopologyModel): string[] {
  return Object.entries(m.catalog.tables)
    .filter(([, t]) => t.class === 'personal')
    .map(([name]) => name);
}

const billingText = (billing: string) => (billing === 'bandwidth-package' ? 'bandwidth package' : 'pay by data transfer');

/** `table(col, col)` for each table a job copies out of one database. */
function copied(tables: readonly { readonly name: string; readonly columns: readonly string[] }[]): string {
  return tables.map((t) => `${t.name}(${t.columns.join(', ')})`).join('; ');
}

/** Host labels routed to each unit, in host order. */
function hostnamesByUnit(m: TopologyModel): Map<string, string[]> {
  const byUnit = new Map<string, string[]>();
  for (const h of m.access.hostnames) byUnit.set(h.unitId, [...(byUnit.get(h.unitId) ?? []), h.fqdn]);
  return byUnit;
}

const unitTitle = (m: TopologyModel, u: UnitModel) => `unit-${u.id}${u.id === m.hub.id ? ' (hub)' : ''}`;

export function renderMermaid(m: TopologyModel): string {
  const personal = personalTables(m);
  const lines: string[] = ['flowchart LR'];
  for (const u of m.units) {
    lines.push(
      `  subgraph ${nodeId('unit', u.id)}["${unitTitle(m, u)}: ${label(u.name)}"]`,
      `    ${nodeId('net', u.id)}["${label(`${u.region}, ${u.regionInfo.name}`)}<br/>VPC ${u.network.vpcCidr}<br/>staff data of ${u.country}"]`,
      `    ${nodeId('data', u.id)}[("keeps: ${label(list(personal))}<br/>masters: ${label(list(u.mastersTables))} (${u.orgDatabase})")]`,
      '  end',
    );
  }
  for (const p of m.interconnect.peers) {
    const border = p.crossBorder ? ', cross-border' : '';
    lines.push(
      `  ${nodeId('unit', p.near.unitId)} <==>|"CEN ${p.bandwidthMbps} Mbit/s, ${billingText(p.billing)}${border}: ${label(p.flowKeys.join(', '))}"| ${nodeId('unit', p.far.unitId)}`,
    );
  }
  for (const job of m.replication.jobs) {
    const dbs = job.databases.map((d) => d.database).join(', ');
    lines.push(`  ${nodeId('data', job.source.unitId)} -.->|"DTS ${label(dbs)}"| ${nodeId('data', job.destination.unitId)}`);
  }
  const routes = hostnamesByUnit(m);
  for (const ap of m.access.accessPoints) {
    lines.push(`  ${nodeId('ga', ap.name)}{{"GA access point ${label(ap.name)}<br/>${ap.region}, ${ap.bandwidthMbps} Mbit/s"}}`);
    // What the access point's forwarding rules send to each unit.
    for (const u of m.units) {
      const hosts = routes.get(u.id);
      if (hosts) lines.push(`  ${nodeId('ga', ap.name)} -->|"${label(hosts.join('<br/>'))}"| ${nodeId('unit', u.id)}`);
    }
  }
  for (const site of m.sites) {
    const staff = site.staff !== undefined ? `, ${site.staff} staff` : '';
    lines.push(`  ${nodeId('site', site.id)}(["site ${label(site.id)}: ${label(site.name)}<br/>${site.country}${staff}, DNS ${site.population}"])`);
    // One edge per entry point, with the hostnames DNS sends the site's users there for; a dotted edge crosses the
    // mainland border on the public internet.
    const byEntry = new Map<string, SiteRouteModel[]>();
    for (const r of m.access.routes.filter((x) => x.siteId === site.id)) {
      const key = r.entry.kind === 'alb' ? nodeId('unit', r.entry.unitId) : nodeId('ga', r.entry.name);
      byEntry.set(key, [...(byEntry.get(key) ?? []), r]);
    }
    for (const [target, rs] of byEntry) {
      const text = rs.map((r) => `${r.label}. (${r.line}${r.entry.kind === 'alb' ? ', to the ALB' : ''})`).join('<br/>');
      const across = rs.some((r) => r.entry.kind === 'alb' && r.entry.mainland !== (site.country === 'CN'));
      lines.push(`  ${nodeId('site', site.id)} ${across ? '-.->' : '-->'}|"${label(text)}"| ${target}`);
    }
  }
  return lines.join('\n');
}

const entryText = (r: SiteRouteModel) => (r.entry.kind === 'alb' ? `ALB of unit-${r.entry.unitId}` : `access point ${r.entry.name} (${r.entry.region})`);

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
  ];
}

/** The whole docs/topology.md. */
export function renderTopologyDoc(m: TopologyModel): string {
  const personal = personalTables(m);
  const routes = hostnamesByUnit(m);
  const out: string[] = [
    '# Topology',
    '',
    '<!-- Generated by `npm run diagram` from the resolved declaration (stacks/unit-*/unit.ts and stacks/topology.ts). Do not edit by hand: a test fails when this file is out of date with the declaration. -->',
    '',
    `Units of ${m.org.name}, how they are linked, what is replicated between them and how users reach them.`,
    'Personal data stays in its unit; only the org-structure columns of allowlisted tables cross units, and CEN carries only the declared flows.',
    '',
    '```mermaid',
    renderMermaid(m),
    '```',
    '',
    '## Units',
    '',
    ...table(
      ['unit', 'region', 'zones', 'VPC', 'staff data of', 'keeps (personal, never replicated)', 'masters (org structure)', 'replication'],
      m.units.map((u) => [
        unitTitle(m, u),
        `${u.region} (${u.regionInfo.name})`,
        u.zones.join(', '),
        u.network.vpcCidr,
        u.country,
        list(personal),
        `${list(u.mastersTables)} in ${u.orgDatabase}`,
        u.replication.enabled ? 'on' : 'off (org schema not yet applied)',
      ]),
    ),
    '',
    '## Cross-unit flows',
    '',
    ...table(
      ['flow', 'from', 'to', 'service', 'port', 'carries', 'legal basis', 'Mbit/s'],
      m.flows.map((f) => [
        f.key,
        `unit-${f.from}`,
        `unit-${f.to}`,
        f.service,
        `${f.protocol}/${f.port}`,
        f.carries,
        f.legalBasis ? `${f.legalBasis.basis} (${f.legalBasis.reference})` : '-',
        String(f.bandwidthMbps),
      ]),
    ),
    '',
    '## CEN peerings',
    '',
    ...table(
      ['from', 'to', 'bandwidth', 'billing', 'cross-border', 'flows'],
      m.interconnect.peers.map((p) => [
        `unit-${p.near.unitId}`,
        `unit-${p.far.unitId}`,
        `${p.bandwidthMbps} Mbit/s`,
        billingText(p.billing),
        p.crossBorder ? 'yes' : 'no',
        p.flowKeys.join(', '),
      ]),
    ),
    '',
    '## DTS replication (org-structure columns only)',
    '',
    ...table(
      ['from', 'to', 'database', 'copied (table(columns))'],
      m.replication.jobs.flatMap((j) =>
        j.databases.map((d) => [`unit-${j.source.unitId}`, `unit-${j.destination.unitId}`, `${d.database}${d.relayed ? ' (relayed)' : ''}`, copied(d.tables)]),
      ),
    ),
    '',
    '## Access points and hostnames',
    '',
    ...table(
      ['access point', 'region', 'bandwidth'],
      m.access.accessPoints.map((ap) => [ap.name, ap.region, `${ap.bandwidthMbps} Mbit/s`]),
    ),
    '',
    ...table(
      ['hostname', 'routed to'],
      m.units.flatMap((u) => (routes.get(u.id) ?? []).map((h) => [h, `unit-${u.id}`])),
    ),
    '',
    '## Sites and their routes',
    '',
    'What DNS answers each site for each hostname, where its users enter and where they are served; distances, floors and estimates are in `cdktf.out/paths.md` (`npm run paths`).',
    '',
    ...table(
      ['site', 'country', 'latitude, longitude', 'staff of', 'DNS population', 'staff', 'budget'],
      m.sites.map((s) => [
        `${s.id} (${s.name})`,
        s.country,
        `${s.latitude}, ${s.longitude}`,
        `unit-${s.unitId}`,
        s.population,
        s.staff !== undefined ? String(s.staff) : '-',
        Object.keys(s.latencyBudgetMs).length
          ? Object.entries(s.latencyBudgetMs)
              .map(([l, ms]) => `${l}. ${ms} ms`)
              .join(', ')
          : '-',
      ]),
    ),
    '',
    ...table(
      ['site', 'hostname', 'DNS line', 'enters at', 'served by', 'crosses a border', 'estimate'],
      m.access.routes.map((r) => [
        r.siteId,
        r.fqdn,
        r.line,
        entryText(r),
        `unit-${r.unitId}`,
        r.crossesBorder ? (r.legalBasis ? `yes: ${r.legalBasis.reference}` : 'yes, no legal basis') : 'no',
        `${r.path.estimateMs} ms`,
      ]),
    ),
    '',
  ];
  return out.join('\n');
}
