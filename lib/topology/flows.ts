/**
 * Cross-unit traffic, derived from the declared flows and nothing else: which unit pairs get a CEN peering (and
 * how much bandwidth), which VPC routes each unit gets, and what each target unit admits. A pair with no flow gets
 * no peering, no route and no rule.
 */
import { peerNames, transitRouterNames, unitResourceName } from './naming';
import type { RegionId, RegionInfo } from './regions';
import type { DataClass, FlowDeclaration, FlowProtocol, InterconnectBilling, InterconnectDeclaration, LegalBasis } from './types';

/** CEN's smallest useful inter-region bandwidth, Mbit/s (below it a connection gets 1 Kbit/s test bandwidth). */
export const MIN_PEER_BANDWIDTH_MBPS = 2;

/** What the flows need to know of a unit. */
export interface FlowUnit {
  readonly id: string;
  readonly region: RegionId;
  readonly regionInfo: RegionInfo;
  readonly zones: readonly string[];
  /** App-tier CIDRs by zone: where flows start and end. */
  readonly appCidrs: Readonly<Record<string, string>>;
}

export interface FlowModel {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly service: string;
  readonly port: number;
  readonly protocol: FlowProtocol;
  readonly carries: DataClass;
  readonly legalBasis?: LegalBasis;
  readonly bandwidthMbps: number;
  readonly description: string;
  /** The two units' regions are in different jurisdictions (region countries differ). */
  readonly crossesBorder: boolean;
  /** The source unit's app-tier CIDRs, keyed `<unit>-<zone>`: the only sources the target admits. */
  readonly sourceCidrs: Readonly<Record<string, string>>;
}

/** One end of a CEN peering. */
export interface PeerEndModel {
  readonly unitId: string;
  readonly region: RegionId;
  readonly cenGeographicRegion: RegionInfo['cenGeographicRegion'];
}

export interface PeerModel {
  /** Stable key: `<far>` for a pair with the hub (as the hub-and-spoke links always were), `<near>-<far>` otherwise. */
  readonly key: string;
  /** The end the connection is created from (its region's provider manages it): the hub when it is one of them. */
  readonly near: PeerEndModel;
  readonly far: PeerEndModel;
  /** The two regions lie on different sides of the mainland China border. */
  readonly crossBorder: boolean;
  /** The larger of the two directions' summed flow bandwidth, at least MIN_PEER_BANDWIDTH_MBPS. */
  readonly bandwidthMbps: number;
  readonly billing: InterconnectBilling;
  /** The flows this peering carries. */
  readonly flowKeys: readonly string[];
  readonly names: { readonly peerAttachment: string; readonly bandwidthPackage: string };
}

export interface RouteModel {
  /** Stable key `<other unit>-<zone>`: construct ids derive from it. */
  readonly key: string;
  readonly unitId: string;
  readonly cidr: string;
  readonly name: string;
}

export interface TransitRouterModel {
  readonly unitId: string;
  readonly names: { readonly transitRouter: string; readonly routeTable: string; readonly vpcAttachment: string };
  /** The app-tier CIDRs of the units this one has flows with: the unit VPC routes each to its transit router. */
  readonly routes: readonly RouteModel[];
}

export interface InterconnectModel {
  readonly cenName: string;
  /** One per unit that has a flow, in unit order. */
  readonly routers: readonly TransitRouterModel[];
  /** One per unit pair that has a flow, in unit order of the far end. */
  readonly peers: readonly PeerModel[];
}

/** What a target unit admits for one flow: the source's app-tier ranges, on the flow's port and protocol. */
export interface FlowAdmissionModel {
  readonly flowKey: string;
  readonly service: string;
  readonly fromUnitId: string;
  readonly port: number;
  readonly protocol: FlowProtocol;
  readonly sourceCidrs: Readonly<Record<string, string>>;
}

/** The declared flows, resolved, sorted by key. */
export function resolveFlows(declared: Readonly<Record<string, FlowDeclaration>>, units: Readonly<Record<string, FlowUnit>>): FlowModel[] {
  return Object.entries(declared)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, f]) => {
      const from = units[f.from];
      const to = units[f.to];
      if (!from || !to) throw new Error(`resolveTopology: flow ${key} joins undeclared units; validateTopology reports this first`);
      return {
        key,
        from: f.from,
        to: f.to,
        service: f.service,
        port: f.port,
        protocol: f.protocol,
        carries: f.carries,
        ...(f.legalBasis ? { legalBasis: f.legalBasis } : {}),
        bandwidthMbps: f.bandwidthMbps,
        description: f.description,
        crossesBorder: from.regionInfo.country !== to.regionInfo.country,
        sourceCidrs: Object.fromEntries(from.zones.map((z) => [`${from.id}-${z}`, from.appCidrs[z]])),
      };
    });
}

/** The admissions of each target unit, by unit id. */
export function flowAdmissions(flows: readonly FlowModel[]): Record<string, FlowAdmissionModel[]> {
  const out: Record<string, FlowAdmissionModel[]> = {};
  for (const f of flows) {
    (out[f.to] ??= []).push({ flowKey: f.key, service: f.service, fromUnitId: f.from, port: f.port, protocol: f.protocol, sourceCidrs: f.sourceCidrs });
  }
  return out;
}

/** The CEN of the flows: transit routers of the units with flows, a peering per pair, app-tier routes both ways. */
export function resolveInterconnect(
  orgPrefix: string,
  hubId: string,
  unitOrder: readonly FlowUnit[],
  flows: readonly FlowModel[],
  interconnect: InterconnectDeclaration,
): InterconnectModel {
  const order = new Map(unitOrder.map((u, i) => [u.id, i]));
  const byId = new Map(unitOrder.map((u) => [u.id, u]));
  const pairs = new Map<string, { near: FlowUnit; far: FlowUnit; flows: FlowModel[] }>();
  for (const f of flows) {
    const [a, b] = [byId.get(f.from)!, byId.get(f.to)!];
    // The hub creates every connection it is part of; otherwise the unit declared first does.
    const [near, far] = a.id === hubId || (b.id !== hubId && order.get(a.id)! < order.get(b.id)!) ? [a, b] : [b, a];
    const id = `${near.id}|${far.id}`;
    const pair = pairs.get(id) ?? { near, far, flows: [] };
    pair.flows.push(f);
    pairs.set(id, pair);
  }
  const sorted = [...pairs.values()].sort((x, y) => order.get(x.far.id)! - order.get(y.far.id)! || order.get(x.near.id)! - order.get(y.near.id)!);
  const end = (u: FlowUnit): PeerEndModel => ({ unitId: u.id, region: u.region, cenGeographicRegion: u.regionInfo.cenGeographicRegion });
  const peers: PeerModel[] = sorted.map(({ near, far, flows: own }) => {
    const sum = (from: string) => own.filter((f) => f.from === from).reduce((total, f) => total + f.bandwidthMbps, 0);
    const crossBorder = near.regionInfo.mainland !== far.regionInfo.mainland;
    const names = peerNames(orgPrefix, near.id, far.id);
    return {
      key: near.id === hubId ? far.id : `${near.id}-${far.id}`,
      near: end(near),
      far: end(far),
      crossBorder,
      bandwidthMbps: Math.max(MIN_PEER_BANDWIDTH_MBPS, sum(near.id), sum(far.id)),
      billing: crossBorder ? interconnect.crossBorderBilling : (interconnect.sameSideBilling ?? 'data-transfer'),
      flowKeys: own.map((f) => f.key),
      names: { peerAttachment: names.peerAttachment.name, bandwidthPackage: names.bandwidthPackage.name },
    };
  });
  const partners = (unitId: string) =>
    unitOrder.filter((u) => peers.some((p) => (p.near.unitId === unitId && p.far.unitId === u.id) || (p.far.unitId === unitId && p.near.unitId === u.id)));
  const routers: TransitRouterModel[] = unitOrder
    .filter((u) => partners(u.id).length > 0)
    .map((u) => {
      const names = transitRouterNames(orgPrefix, u.id);
      return {
        unitId: u.id,
        names: { transitRouter: names.transitRouter.name, routeTable: names.transitRouterRouteTable.name, vpcAttachment: names.vpcAttachment.name },
        routes: partners(u.id).flatMap((other) =>
          other.zones.map((zone) => ({
            key: `${other.id}-${zone}`,
            unitId: other.id,
            cidr: other.appCidrs[zone],
            name: unitResourceName(orgPrefix, u.id, `to-${other.id}-${zone}`),
          })),
        ),
      };
    });
  return { cenName: `${orgPrefix}-cen`, routers, peers };
}
