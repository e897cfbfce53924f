import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { CenTransitRouter } from '../../.gen/providers/alicloud/cen-transit-router';
import { DataAlicloudCenTransitRouterAvailableResources } from '../../.gen/providers/alicloud/data-alicloud-cen-transit-router-available-resources';
import { CenTransitRouterRouteTable } from '../../.gen/providers/alicloud/cen-transit-router-route-table';
import { CenTransitRouterRouteTableAssociation } from '../../.gen/providers/alicloud/cen-transit-router-route-table-association';
import { CenTransitRouterRouteTablePropagation } from '../../.gen/providers/alicloud/cen-transit-router-route-table-propagation';
import { CenTransitRouterVpcAttachment } from '../../.gen/providers/alicloud/cen-transit-router-vpc-attachment';
import { RouteEntry } from '../../.gen/providers/alicloud/route-entry';
import { addTags } from '../core/tags';
import type { TransitRouterModel } from '../topology/flows';

export interface UnitTransitRouterProps {
  readonly cenId: string;
  /** The unit's end of the CEN in the model: names, and the app-tier CIDRs of its flow partners its VPC routes here. */
  readonly router: TransitRouterModel;
  /** The unit's region and zones, in order. */
  readonly region: string;
  readonly zones: readonly string[];
  /** The declaration field of the zones (`units.<id>.zones`), for the zone check's messages. */
  readonly zonesField: string;
  /** What the unit stack published: its VPC, the VPC's system route table and the link-tier vSwitches by zone. */
  readonly unit: { readonly vpcId: string; readonly routeTableId: string; readonly linkVswitchIds: Readonly<Record<string, string>> };
  /** Provider bound to the unit's region: the router and everything attached to it live there. */
  readonly provider: TerraformProvider;
}

/**
 * A unit's end of the CEN: the transit router of its region, the router's route table, the unit VPC's attachment
 * (associated with and propagated into that table), and routes in the VPC towards the app tiers of the units it has
 * declared flows with, and no others: a unit with no flow to another has no route to it.
 *
 * New transit routers are Enterprise Edition where the region offers it; the provider exposes the edition only as
 * the computed `type`, which a postcondition checks. Route-table association and propagation are separate resources: the
 * attachments' inline `route_table_*_enabled` flags are deprecated because they broke destroy.
 */
export class UnitTransitRouter extends Construct {
  readonly router: CenTransitRouter;
  readonly routeTable: CenTransitRouterRouteTable;
  readonly vpcAttachment: CenTransitRouterVpcAttachment;
  /** Routes by `<unit>-<zone>` of the destination app-tier vSwitch. */
  readonly routes: Readonly<Record<string, RouteEntry>>;
  readonly provider: TerraformProvider;

  constructor(scope: Construct, id: string, props: UnitTransitRouterProps) {
    super(scope, id);
    const { unit: outputs, provider, region } = props;
    const { names, unitId } = props.router;
    addTags(this, { unit: unitId });
    this.provider = provider;
    this.router = new CenTransitRouter(this, 'tr', {
      provider,
      cenId: props.cenId,
      transitRouterName: names.transitRouter,
      transitRouterDescription: `Transit router of unit ${unitId} in ${region}`,
      // Route tables, associations and propagations exist only on Enterprise Edition routers; stop the apply
      // here, with the reason, rather than at the first route-table call.
      lifecycle: {
        postcondition: [
          {
            condition: '${self.type == "Enterprise"}',
            errorMessage: `The transit router of unit ${unitId} in ${region} is not Enterprise Edition; the link stack needs Enterprise Edition transit routers (route tables). Check that ${region} offers them.`,
          },
        ],
      },
    });
    // A table of our own rather than the router's system table: its id is known to Terraform, so associations
    // and propagations are plain resources with no data-source lookup.
    this.routeTable = new CenTransitRouterRouteTable(this, 'route-table', {
      provider,
      transitRouterId: this.router.transitRouterId,
      transitRouterRouteTableName: names.routeTable,
      transitRouterRouteTableDescription: `Routes between unit ${unitId} and the other units`,
    });
    // The VPC attachment maps every zone of the unit; each must be a transit-router zone of the region. The lookup
    // always returns one element whose zone lists may be empty, and errors only when the API does
    // (alicloud/data_source_alicloud_cen_transit_router_available_resources.go:61-104); older regions list their zones
    // as master/slave zones, newer ones as available_zones, so all three count.
    const trZones = 'distinct(flatten([for r in self.resources : concat(r.available_zones, r.master_zones, r.slave_zones)]))';
    new DataAlicloudCenTransitRouterAvailableResources(this, 'zones', {
      provider,
      lifecycle: {
        postcondition: props.zones.map((zone, i) => ({
          condition: `\${contains(${trZones}, "${zone}")}`,
          errorMessage: `${props.zonesField}[${i}]: ${zone} is not a transit-router zone of ${region}, so the VPC attachment of unit ${unitId} cannot use it; choose zones listed by data.alicloud_cen_transit_router_available_resources: \${join(", ", ${trZones})}`,
        })),
      },
    });
    const zones = props.zones.filter((zone) => outputs.linkVswitchIds[zone] !== undefined);
    if (zones.length < 2) {
      throw new Error(
        `unit ${unitId}: the CEN attachment needs link-tier vSwitches in at least two zones, found ${zones.length} (${zones.join(', ')}); declare network.subnets.link for every zone of the unit`,
      );
    }
    this.vpcAttachment = new CenTransitRouterVpcAttachment(this, 'vpc-attachment', {
      provider,
      cenId: props.cenId,
      transitRouterId: this.router.transitRouterId,
      vpcId: outputs.vpcId,
      transitRouterVpcAttachmentName: names.vpcAttachment,
      transitRouterAttachmentDescription: `VPC of unit ${unitId}`,
      // Every declared zone (validation requires two or more), on the unit's dedicated link vSwitches, so the
      // attachment survives a zone outage. Zone ids key the mapping, never list positions.
      zoneMappings: zones.map((zone) => ({ zoneId: zone, vswitchId: outputs.linkVswitchIds[zone] })),
    });
    new CenTransitRouterRouteTableAssociation(this, 'vpc-association', {
      provider,
      transitRouterRouteTableId: this.routeTable.transitRouterRouteTableId,
      transitRouterAttachmentId: this.vpcAttachment.transitRouterAttachmentId,
    });
    new CenTransitRouterRouteTablePropagation(this, 'vpc-propagation', {
      provider,
      transitRouterRouteTableId: this.routeTable.transitRouterRouteTableId,
      transitRouterAttachmentId: this.vpcAttachment.transitRouterAttachmentId,
    });
    const routes: Record<string, RouteEntry> = {};
    for (const route of props.router.routes) {
      routes[route.key] = new RouteEntry(this, `route-to-${route.key}`, {
        provider,
        routeTableId: outputs.routeTableId,
        destinationCidrblock: route.cidr,
        nexthopType: 'Attachment',
        nexthopId: this.vpcAttachment.transitRouterAttachmentId,
        name: route.name,
        description: `App tier of unit ${route.unitId} over CEN`,
      });
    }
    this.routes = routes;
  }
}
