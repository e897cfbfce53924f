/**
 * Topologies of N units for the benchmark, derived from the declared one: the declared units stay, and each
 * added unit copies the last declared spoke into a region of its own (one unit per region is a rule), with its
 * own /16. Regions come from lib/topology/regions.ts. Past the regions the table has (Alibaba Cloud has fewer
 * than 32), `reuseRegions` lets added units share regions: such a topology is for timing synthesis only, and
 * `benchProblems` tells what validation refuses in it besides the shared regions.
 */
import { REGION_IDS, REGIONS, type RegionId } from '../../lib/topology/regions';
import { deriveSite, planSubnets } from '../../lib/scaffold/new-unit';
import { type Cidr, parseCidr } from '../../lib/topology/cidr';
import type { FlowDeclaration, TopologyDeclaration, UnitDeclaration } from '../../lib/topology/types';
import { loadTopology } from '../../stacks/topology';
import { topologyProblems } from '../../lib/topology/validate';

/** Regions a generated unit may use: two zones at least, in table order. */
export function benchRegions(): RegionId[] {
  return REGION_IDS.filter((r) => REGIONS[r].zones.length >= 2);
}

/** The largest topology the region table allows. */
export function maxBenchUnits(): number {
  return benchRegions().length;
}

export function generateTopology(units: number, base: TopologyDeclaration = loadTopology(), options: { reuseRegions?: boolean } = {}): TopologyDeclaration {
  const declared = base.units;
  if (!Number.isInteger(units) || units < declared.length)
    throw new Error(`units: ${units} is below the ${declared.length} declared units; ask for ${declared.length} or more`);
  const unused = benchRegions().filter((r) => !declared.some((u) => u.region === r));
  const free = options.reuseRegions ? Array.from({ length: units }, (_, i) => unused[i % unused.length]) : unused;
  if (units - declared.length > free.length) {
    throw new Error(
      `units: ${units} needs ${units} distinct regions; lib/topology/regions.ts has ${maxBenchUnits()} with two zones or more (one unit per region): ask for ${maxBenchUnits()} or fewer`,
    );
  }
  const template = declared.find((u) => u.id !== base.hub) ?? declared[0];
  const usedSecondOctets = new Set(declared.map((u) => Number(u.network.vpcCidr.split('.')[1])));
  const octets = Array.from({ length: 250 }, (_, i) => i + 1).filter((o) => !usedSecondOctets.has(o));
  const added: UnitDeclaration[] = free.slice(0, units - declared.length).map((region, i) => {
    const zones = REGIONS[region].zones.slice(0, 2);
    const o = octets[i];
    const id = `g${i + 1}`;
    const subnets = planSubnets(parseCidr(`10.${o}.0.0/16`) as Cidr, zones);
    const { residency: _residency, ...rest } = template;
    return {
      ...rest,
      id,
      name: `Generated unit ${id} (${region})`,
      // The staff of a generated unit live where it is: no residency basis to invent.
      country: REGIONS[region].country,
      region,
      zones,
      network: { vpcCidr: `10.${o}.0.0/16`, subnets },
      monitoring: { contacts: [{ role: 'oncall', email: `platform-oncall-${id}@example.com`, dingTalk: true }] },
    };
  });
  // Each generated unit talks to the others as the template does: its flows, re-pointed at the new unit, so the
  // benchmark builds the CEN a real topology of this size would have.
  const countryOf = (id: string) => REGIONS[[...declared, ...added].find((u) => u.id === id)!.region].country;
  const flows: Record<string, FlowDeclaration> = { ...base.flows };
  for (const unit of added) {
    for (const [key, flow] of Object.entries(base.flows)) {
      if (flow.from !== template.id && flow.to !== template.id) continue;
      const from = flow.from === template.id ? unit.id : flow.from;
      const to = flow.to === template.id ? unit.id : flow.to;
      const { legalBasis, ...plain } = flow;
      flows[`${key}-${unit.id}`] = { ...plain, from, to, ...(legalBasis && countryOf(from) !== countryOf(to) ? { legalBasis } : {}) };
    }
  }
  // Each generated unit's staff work at its region's city, as the scaffold places a new unit's first site.
  return { ...base, units: [...declared, ...added], flows, sites: [...base.sites, ...added.map(deriveSite)] };
}

/** Problems of a generated topology other than units sharing a region (which `reuseRegions` asks for). */
export function benchProblems(t: TopologyDeclaration): string[] {
  return topologyProblems(t).filter((p) => !/\.region: "[^"]+" is already the region of units\./.test(p));
}
