/**
 * The network graph of the synthesized stacks and the two reachability checks on it.
 *
 * Graph, from `cdk.tf.json` only: each unit's VPC range (`alicloud_vpc.cidr_block`) and app tier (the vSwitches its
 * scaling groups and instances run in); security groups and what they are attached to (the app group through the
 * launch template's `security_group_ids` of a scaling group, the ingress group through the ALB attachment); their
 * rules; RDS/Redis (and any other) IP whitelists; VPC route entries, attributed to a unit by following the route
 * table reference through the link stack's OOS parameter reads to the unit's VPC; transit routers, their route tables,
 * VPC and peer attachments, associations and propagations.
 *
 * (a) `checkFlows`: every declared flow is admitted end to end: both units' VPCs attached to transit routers, a peer
 *     attachment between the two routers, associated with and propagated into both routers' tables (as are the VPC
 *     attachments), routes both ways between the app tiers with the unit's own attachment as next hop, and in the
 *     target's app security group (attached to the app instances) a rule for every source app range on the flow's
 *     protocol and port.
 * (b) `checkIsolation`: nothing else lets traffic cross units: no rule or whitelist naming another unit's range that no
 *     flow declares, no route to another unit's range that no flow pair needs, no peering or CEN attachment without a
 *     flow, no security group attached to nothing, and no network resource the analysis cannot model.
 */
import { type Cidr, contains, overlaps, parseCidr } from '../topology/cidr';
import type { TopologyModel, UnitModel } from '../topology/model';
import { type Address, addressOf, blocks, isLiteral, listOf, type Node, type OutputIndex } from './output';
import { Collector } from './report';

/** What the graph knows of one unit, from its stack. */
export interface UnitView {
  readonly unit: UnitModel;
  readonly stack: string;
  readonly vpc?: Node;
  readonly vpcCidr?: Cidr;
  /** The vSwitches the app instances run in, with their ranges. */
  readonly app: readonly { readonly vswitch: Node; readonly cidr: Cidr }[];
  /** Security groups attached to the app instances, with what attaches them (launch template and scaling group, instance). */
  readonly appGroups: readonly { readonly group: Node; readonly by: readonly Node[] }[];
}

export interface Rule {
  readonly node: Node;
  readonly group?: Node;
  readonly direction: 'ingress' | 'egress';
  readonly accept: boolean;
  readonly protocol: string;
  readonly from: number;
  readonly to: number;
  /** The literal range, `reference` when it is an expression, undefined when the rule names a group instead. */
  readonly cidr: Cidr | 'reference' | 'invalid' | undefined;
}

export interface RouteView {
  readonly node: Node;
  /** The unit whose VPC route table holds it. */
  readonly unitId?: string;
  readonly destination?: Cidr;
  /** The CEN VPC attachment it sends to, when that is its next hop. */
  readonly attachment?: Node;
}

export interface RouterView {
  readonly router: Node;
  readonly unitIds: readonly string[];
  readonly vpcAttachments: readonly { readonly node: Node; readonly unitId?: string }[];
  readonly routeTables: readonly Node[];
}

export interface NetworkGraph {
  readonly units: ReadonlyMap<string, UnitView>;
  readonly rules: readonly Rule[];
  readonly routes: readonly RouteView[];
  readonly routers: readonly RouterView[];
  readonly peers: readonly { readonly node: Node; readonly a?: RouterView; readonly b?: RouterView }[];
  readonly associations: readonly { readonly node: Node; readonly table?: Node; readonly attachment?: Node }[];
  readonly propagations: readonly { readonly node: Node; readonly table?: Node; readonly attachment?: Node }[];
  /** The unit whose stack (or published value) a node belongs to. */
  unitOfNode(n: Node | undefined): string | undefined;
}

const cidrOf = (v: unknown): Cidr | undefined => {
  const c = parseCidr(v);
  return typeof c === 'string' ? undefined : c;
};

/** The nodes a list (or single) attribute refers to. */
function referenced(ix: OutputIndex, n: Node, attr: string): Node[] {
  return listOf(n.body[attr]).flatMap((v) => ix.refsIn(n.stack, v).map((r) => r.node));
}

export function buildNetwork(ix: OutputIndex, model: TopologyModel): NetworkGraph {
  const unitByStack = new Map(model.units.map((u) => [u.stackName, u]));
  const unitOfNode = (n: Node | undefined) => (n ? unitByStack.get(n.stack)?.id : undefined);

  const units = new Map<string, UnitView>();
  for (const unit of model.units) {
    const stack = unit.stackName;
    const vpc = ix.all('alicloud_vpc', stack)[0];
    const app: { vswitch: Node; cidr: Cidr }[] = [];
    const appGroups = new Map<string, { group: Node; by: Node[] }>();
    const addGroup = (g: Node, by: Node[]) => {
      const entry = appGroups.get(g.address) ?? { group: g, by: [] };
      entry.by.push(...by);
      appGroups.set(g.address, entry);
    };
    const addVswitch = (v: Node) => {
      const cidr = cidrOf(v.body.cidr_block);
      if (cidr && !app.some((a) => a.vswitch === v)) app.push({ vswitch: v, cidr });
    };
    for (const sg of ix.all('alicloud_ess_scaling_group', stack)) {
      referenced(ix, sg, 'vswitch_ids')
        .filter((v) => v.type === 'alicloud_vswitch')
        .forEach(addVswitch);
      for (const template of referenced(ix, sg, 'launch_template_id').filter((t) => t.type === 'alicloud_ecs_launch_template')) {
        for (const g of referenced(ix, template, 'security_group_ids').filter((x) => x.type === 'alicloud_security_group')) addGroup(g, [template, sg]);
      }
    }
    for (const conf of ix.all('alicloud_ess_scaling_configuration', stack)) {
      for (const g of [...referenced(ix, conf, 'security_group_id'), ...referenced(ix, conf, 'security_group_ids')].filter(
        (x) => x.type === 'alicloud_security_group',
      ))
        addGroup(g, [conf]);
    }
    for (const inst of ix.all('alicloud_instance', stack)) {
      referenced(ix, inst, 'vswitch_id')
        .filter((v) => v.type === 'alicloud_vswitch')
        .forEach(addVswitch);
      for (const g of referenced(ix, inst, 'security_groups').filter((x) => x.type === 'alicloud_security_group')) addGroup(g, [inst]);
    }
    units.set(unit.id, { unit, stack, vpc, vpcCidr: vpc ? cidrOf(vpc.body.cidr_block) : undefined, app, appGroups: [...appGroups.values()] });
  }

  const rules: Rule[] = ix.all('alicloud_security_group_rule').map((node) => {
    const [from, to] = String(node.body.port_range ?? '-1/-1')
      .split('/')
      .map(Number);
    const raw = node.body.cidr_ip;
    return {
      node,
      group: ix.resolve(node.stack, node.body.security_group_id)?.node,
      direction: node.body.type === 'egress' ? 'egress' : 'ingress',
      accept: node.body.policy !== 'drop',
      protocol: String(node.body.ip_protocol ?? 'all'),
      from: from === -1 ? 1 : from,
      to: to === -1 ? 65535 : to,
      cidr: raw === undefined ? undefined : isLiteral(raw) ? (cidrOf(raw) ?? 'invalid') : 'reference',
    };
  });

  // The unit behind a VPC reference: the stack of the alicloud_vpc it resolves to (directly or through OOS).
  const unitOfValue = (stack: string, v: unknown) => unitOfNode(ix.resolve(stack, v)?.node);

  const vpcAttachments = ix.all('alicloud_cen_transit_router_vpc_attachment').map((node) => ({
    node,
    unitId: unitOfValue(node.stack, node.body.vpc_id),
    router: ix.resolve(node.stack, node.body.transit_router_id)?.node,
  }));
  const routers: RouterView[] = ix.all('alicloud_cen_transit_router').map((router) => {
    const attachments = vpcAttachments.filter((a) => a.router === router);
    return {
      router,
      unitIds: [...new Set(attachments.map((a) => a.unitId).filter((u): u is string => u !== undefined))],
      vpcAttachments: attachments.map(({ node, unitId }) => ({ node, unitId })),
      routeTables: ix.all('alicloud_cen_transit_router_route_table').filter((t) => ix.resolve(t.stack, t.body.transit_router_id)?.node === router),
    };
  });
  const routerOf = (n: Node | undefined) => routers.find((r) => r.router === n);
  const peers = ix.all('alicloud_cen_transit_router_peer_attachment').map((node) => ({
    node,
    a: routerOf(ix.resolve(node.stack, node.body.transit_router_id)?.node),
    b: routerOf(ix.resolve(node.stack, node.body.peer_transit_router_id)?.node),
  }));
  const tableLinks = (type: string) =>
    ix.all(type).map((node) => ({
      node,
      table: ix.resolve(node.stack, node.body.transit_router_route_table_id)?.node,
      attachment: ix.resolve(node.stack, node.body.transit_router_attachment_id)?.node,
    }));

  const routes: RouteView[] = ix.all('alicloud_route_entry').map((node) => {
    const table = ix.resolve(node.stack, node.body.route_table_id)?.node;
    const hop = ix.resolve(node.stack, node.body.nexthop_id)?.node;
    return {
      node,
      unitId: unitOfNode(table),
      destination: cidrOf(node.body.destination_cidrblock),
      attachment: hop?.type === 'alicloud_cen_transit_router_vpc_attachment' ? hop : undefined,
    };
  });

  return {
    units,
    rules,
    routes,
    routers,
    peers,
    associations: tableLinks('alicloud_cen_transit_router_route_table_association'),
    propagations: tableLinks('alicloud_cen_transit_router_route_table_propagation'),
    unitOfNode,
  };
}

const protocolMatches = (rule: string, flow: string) => rule === 'all' || rule === flow;
const covers = (r: Rule, protocol: string, port: number) => protocolMatches(r.protocol, protocol) && r.from <= port && port <= r.to;

/** The VPC attachment of a unit (the one whose VPC resolves to the unit), with its router. */
function attachmentOf(g: NetworkGraph, unitId: string): { router: RouterView; node: Node } | undefined {
  for (const router of g.routers) {
    const a = router.vpcAttachments.find((x) => x.unitId === unitId);
    if (a) return { router, node: a.node };
  }
  return undefined;
}

/** (a) Every declared flow admitted end to end. */
export function checkFlows(g: NetworkGraph, model: TopologyModel): Collector {
  const c = new Collector('flows');
  for (const f of model.flows) {
    const [src, dst] = [g.units.get(f.from), g.units.get(f.to)];
    if (!src || !dst) {
      c.error(`flow ${f.key}: no stack of unit ${!src ? f.from : f.to} in the output`);
      continue;
    }
    const before = c.findings.length;
    const proof: Address[] = [];
    if (!src.app.length)
      c.error(`flow ${f.key}: unit ${f.from} has no app tier in the output (no vSwitch of a scaling group or instance)`, src.vpc ? [addressOf(src.vpc)] : []);
    if (!dst.appGroups.length)
      c.error(`flow ${f.key}: no security group of unit ${f.to} is attached to its app instances`, src.vpc ? [addressOf(src.vpc)] : []);
    for (const { group, by } of dst.appGroups) proof.push(addressOf(group), ...by.map(addressOf));

    // The target's app group admits every source app range on the flow's protocol and port.
    for (const { vswitch, cidr } of src.app) {
      const admitting = g.rules.filter(
        (r) =>
          r.direction === 'ingress' &&
          r.accept &&
          dst.appGroups.some((a) => a.group === r.group) &&
          typeof r.cidr === 'object' &&
          contains(r.cidr, cidr) &&
          covers(r, f.protocol, f.port),
      );
      if (!admitting.length) {
        c.error(`flow ${f.key}: no rule of unit ${f.to}'s app security group admits unit ${f.from}'s app range ${cidr.text} on ${f.protocol}/${f.port}`, [
          addressOf(vswitch),
          ...dst.appGroups.map((a) => addressOf(a.group)),
        ]);
      }
      proof.push(...admitting.map((r) => addressOf(r.node)));
    }

    // CEN: both VPCs attached, a peering between the two routers, associations and propagations on both tables.
    const [aSrc, aDst] = [attachmentOf(g, f.from), attachmentOf(g, f.to)];
    if (!aSrc || !aDst) {
      c.error(`flow ${f.key}: the VPC of unit ${!aSrc ? f.from : f.to} is attached to no transit router`, [
        ...(src.vpc ? [addressOf(src.vpc)] : []),
        ...(dst.vpc ? [addressOf(dst.vpc)] : []),
      ]);
    } else {
      const peer = g.peers.find((p) => (p.a === aSrc.router && p.b === aDst.router) || (p.a === aDst.router && p.b === aSrc.router));
      if (!peer) {
        c.error(`flow ${f.key}: no peer attachment joins the transit routers of units ${f.from} and ${f.to}`, [
          addressOf(aSrc.router.router),
          addressOf(aDst.router.router),
        ]);
      } else proof.push(addressOf(peer.node));
      for (const [side, router, vpcAttachment] of [
        [f.from, aSrc.router, aSrc.node],
        [f.to, aDst.router, aDst.node],
      ] as const) {
        for (const attachment of peer ? [vpcAttachment, peer.node] : [vpcAttachment]) {
          for (const [kind, links] of [
            ['associated with', g.associations],
            ['propagated into', g.propagations],
          ] as const) {
            const link = links.find((l) => l.attachment === attachment && router.routeTables.some((t) => t === l.table));
            if (!link)
              c.error(`flow ${f.key}: ${attachment.type.replace('alicloud_cen_transit_router_', '')} is not ${kind} the route table of unit ${side}'s router`, [
                addressOf(attachment),
                ...router.routeTables.map(addressOf),
              ]);
            else proof.push(addressOf(link.node));
          }
        }
      }
    }

    // Routes both ways between the app tiers, each via the unit's own VPC attachment.
    for (const [from, to, own] of [
      [src, dst, aSrc],
      [dst, src, aDst],
    ] as const) {
      for (const { vswitch, cidr } of to.app) {
        const route = g.routes.find(
          (r) => r.unitId === from.unit.id && r.destination && contains(r.destination, cidr) && own !== undefined && r.attachment === own.node,
        );
        if (!route)
          c.error(`flow ${f.key}: unit ${from.unit.id}'s VPC has no route to unit ${to.unit.id}'s app range ${cidr.text} through its CEN attachment`, [
            addressOf(vswitch),
            ...(from.vpc ? [addressOf(from.vpc)] : []),
          ]);
        else proof.push(addressOf(route.node));
      }
    }
    if (c.findings.length === before)
      c.proved(`flow ${f.key} (${f.from} → ${f.to}, ${f.protocol}/${f.port}) is admitted end to end: rules, attached group, peering, routes both ways`, proof);
  }
  return c;
}

/** Flows between two units, either direction. */
const flowsBetween = (model: TopologyModel, a: string, b: string) => model.flows.filter((f) => (f.from === a && f.to === b) || (f.from === b && f.to === a));

/** The network resource types the analysis models; any other (VPN, Express Connect, VPC peering, ...) is refused: it cannot prove what they admit. */
const MODELLED_NETWORK_TYPES = new Set([
  'alicloud_cen_instance',
  'alicloud_cen_bandwidth_package',
  'alicloud_cen_bandwidth_package_attachment',
  'alicloud_cen_transit_router',
  'alicloud_cen_transit_router_route_table',
  'alicloud_cen_transit_router_route_table_association',
  'alicloud_cen_transit_router_route_table_propagation',
  'alicloud_cen_transit_router_vpc_attachment',
  'alicloud_cen_transit_router_peer_attachment',
  'alicloud_security_group',
  'alicloud_security_group_rule',
]);
const NETWORK_TYPE =
  /^alicloud_(cen_|vpc_peer|vpn_|express_connect|vbr|router_interface|network_acl|security_group|havip|ecs_network_interface|vpc_prefix_list|route_table_attachment)/;

/** (b) Nothing but the declared flows crosses units. */
export function checkIsolation(g: NetworkGraph, model: TopologyModel, ix: OutputIndex): Collector {
  const c = new Collector('isolation');
  const ranges = [...g.units.values()].flatMap((u) => (u.vpcCidr ? [{ unitId: u.unit.id, cidr: u.vpcCidr }] : []));
  for (const u of g.units.values()) {
    if (!u.vpc || !u.vpcCidr)
      c.error(
        `unit ${u.unit.id}: its stack has no alicloud_vpc with a literal cidr_block, so what crosses to it cannot be proved`,
        u.vpc ? [addressOf(u.vpc)] : [],
      );
  }
  const othersOverlapping = (own: string | undefined, cidr: Cidr) => ranges.filter((r) => r.unitId !== own && overlaps(r.cidr, cidr));

  // Security-group rules naming another unit's range.
  let checkedRules = 0;
  for (const r of g.rules) {
    const owner = g.unitOfNode(r.group) ?? g.unitOfNode(r.node);
    if (r.cidr === 'reference' || r.cidr === 'invalid') {
      c.error(`security-group rule's cidr_ip ${JSON.stringify(r.node.body.cidr_ip)} is not a literal range: what it admits cannot be proved`, [
        addressOf(r.node),
      ]);
      continue;
    }
    if (r.cidr === undefined) {
      // A prefix list, or a group of another stack or account, may hold any unit's range (resource_alicloud_security_group_rule.go:60-90).
      const { prefix_list_id: prefixList, source_security_group_id: sourceGroup } = r.node.body;
      const outside = prefixList !== undefined || (sourceGroup !== undefined && ix.resolve(r.node.stack, sourceGroup)?.node.stack !== r.node.stack);
      if (r.accept && outside)
        c.error(
          `security-group rule admits ${JSON.stringify(prefixList ?? sourceGroup)}, a prefix list or a group outside its stack: what it admits cannot be proved`,
          [addressOf(r.node)],
        );
      continue;
    }
    if (!r.accept || r.cidr.prefix === 0) continue; // world rules are the policy pack's (ALI-SG-*)
    checkedRules++;
    for (const other of othersOverlapping(owner, r.cidr)) {
      const view = owner ? g.units.get(owner) : undefined;
      const declared =
        owner !== undefined &&
        view?.appGroups.some((a) => a.group === r.group) &&
        model.flows.some((f) => {
          const [peer, self] = r.direction === 'ingress' ? [f.from, f.to] : [f.to, f.from];
          const peerView = g.units.get(peer);
          return (
            self === owner &&
            peer === other.unitId &&
            r.protocol === f.protocol &&
            r.from === f.port &&
            r.to === f.port &&
            (peerView?.app ?? []).some((a) => contains(a.cidr, r.cidr as Cidr))
          );
        });
      if (!declared) {
        c.error(
          `${r.direction} rule of unit ${owner ?? '?'} admits ${(r.cidr as Cidr).text} (unit ${other.unitId}'s range ${other.cidr.text}) on ${r.protocol}/${r.from === r.to ? r.from : `${r.from}-${r.to}`}, and no declared flow needs it`,
          [addressOf(r.node), ...(r.group ? [addressOf(r.group)] : [])],
        );
      }
    }
  }

  // IP whitelists (RDS, Redis, any `security_ips`-like list): a data tier is never a flow's target.
  let checkedWhitelists = 0;
  for (const n of ix.everything()) {
    if (n.data) continue;
    for (const [attr, value] of whitelistAttributes(n.body)) {
      checkedWhitelists++;
      for (const entry of listOf(value)) {
        if (!isLiteral(entry)) {
          c.error(`${attr} entry ${JSON.stringify(entry)} is not a literal: what it admits cannot be proved`, [addressOf(n)]);
          continue;
        }
        const cidr = cidrOf(entry.includes('/') ? entry : `${entry}/32`);
        if (!cidr) continue;
        for (const other of othersOverlapping(g.unitOfNode(n), cidr))
          c.error(
            `${attr} of unit ${g.unitOfNode(n) ?? '?'} admits ${entry} (unit ${other.unitId}'s range ${other.cidr.text}); no flow may reach a data tier`,
            [addressOf(n)],
          );
      }
    }
  }

  // Routes to another unit's range: only a flow partner's app tier.
  for (const r of g.routes) {
    if (r.unitId === undefined) {
      c.error(`route entry's route table belongs to no unit the analysis can find: what it routes cannot be proved`, [addressOf(r.node)]);
      continue;
    }
    if (!r.destination) {
      c.error(`route entry's destination ${JSON.stringify(r.node.body.destination_cidrblock)} is not a literal range`, [addressOf(r.node)]);
      continue;
    }
    for (const other of othersOverlapping(r.unitId, r.destination)) {
      const partnerApp = g.units.get(other.unitId)?.app ?? [];
      const needed = flowsBetween(model, r.unitId, other.unitId).length > 0 && partnerApp.some((a) => contains(a.cidr, r.destination!));
      if (!needed)
        c.error(`unit ${r.unitId}'s VPC routes ${r.destination.text} (unit ${other.unitId}'s range ${other.cidr.text}), which no flow pair needs`, [
          addressOf(r.node),
        ]);
    }
  }

  // Peerings and attachments only where flows are.
  for (const p of g.peers) {
    const [a, b] = [p.a?.unitIds ?? [], p.b?.unitIds ?? []];
    if (!a.length || !b.length) {
      c.error('peer attachment joins a transit router with no unit VPC attached: which units it joins cannot be proved', [addressOf(p.node)]);
      continue;
    }
    for (const x of a)
      for (const y of b)
        if (!flowsBetween(model, x, y).length) c.error(`peer attachment joins units ${x} and ${y}, which have no declared flow`, [addressOf(p.node)]);
  }
  const withFlows = new Set(model.flows.flatMap((f) => [f.from, f.to]));
  for (const router of g.routers) {
    for (const a of router.vpcAttachments) {
      if (a.unitId === undefined) c.error('CEN VPC attachment attaches a VPC of no unit the analysis can find', [addressOf(a.node)]);
      else if (!withFlows.has(a.unitId)) c.error(`unit ${a.unitId}'s VPC is attached to CEN, but no declared flow involves it`, [addressOf(a.node)]);
    }
  }

  // Security groups protect something, or do not exist.
  // Attached: some resource of its stack names it in a security-group attribute (launch template, scaling
  // configuration, instance, load-balancer attachment, network interface).
  const attachments = new Set<string>();
  for (const n of ix.everything()) {
    if (n.data || n.type === 'alicloud_security_group_rule' || n.type === 'alicloud_security_group') continue;
    for (const [k, v] of Object.entries(n.body))
      if (/security_group/.test(k)) for (const item of listOf(v)) for (const r of ix.refsIn(n.stack, item)) attachments.add(`${n.stack} ${r.node.address}`);
  }
  for (const group of ix.all('alicloud_security_group')) {
    const attached = attachments.has(`${group.stack} ${group.address}`);
    if (!attached) c.error(`security group is attached to nothing (no instance, launch template, load balancer or interface uses it)`, [addressOf(group)]);
  }

  for (const n of ix.everything()) {
    if (!n.data && NETWORK_TYPE.test(n.type) && !MODELLED_NETWORK_TYPES.has(n.type))
      c.error(`${n.type} is a network resource the analysis does not model: what it lets cross units cannot be proved`, [addressOf(n)]);
  }
  c.proved(
    `${checkedRules} security-group rules, ${checkedWhitelists} whitelists, ${g.routes.length} route entries and ${g.peers.length} peer attachments checked against the unit ranges ${ranges.map((r) => `${r.unitId} ${r.cidr.text}`).join(', ')}`,
  );
  return c;
}

const WHITELIST = /^(security_ips|security_ip_list|global_security_ip_list)$/;

/**
 * `security_ips`-like attributes of a resource body: top-level (RDS, Redis) or in a nested block one level down
 * (PolarDB `db_cluster_ip_array`, MongoDB `security_ip_groups`), where the provider schemas put them.
 */
function whitelistAttributes(body: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(body)) {
    if (k === '//') continue;
    if (WHITELIST.test(k)) out.push([k, v]);
    else if (typeof v === 'object' && v !== null)
      for (const b of blocks(v)) for (const [k2, v2] of Object.entries(b)) if (WHITELIST.test(k2)) out.push([`${k}.${k2}`, v2]);
  }
  return out;
}
