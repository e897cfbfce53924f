import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { readSecretParameter, UnitExportsReader } from '../core/contracts';
import type { TopologyModel } from '../topology/model';
import type { RegionId } from '../topology/regions';
import { Interconnect, type InterconnectUnit } from './interconnect';
import { OrgReplication, type ReplicationUnit } from './org-replication';

export interface LinkProps {
  /** The resolved topology: its interconnect, replication jobs and units. */
  readonly model: TopologyModel;
  /** The provider bound to a region. */
  readonly providerFor: (region: RegionId) => TerraformProvider;
}

/**
 * Everything that joins the units: the CEN links the declared flows need and the org-structure replication. What it
 * needs of each unit it reads from the OOS parameters the unit's stack published in the unit's own region, with a
 * provider there; it never reads a unit's state.
 */
export class Link extends Construct {
  readonly interconnect: Interconnect;
  readonly replication: OrgReplication;

  constructor(scope: Construct, id: string, props: LinkProps) {
    super(scope, id);
    const { model } = props;
    const withRouter = new Set(model.interconnect.routers.map((r) => r.unitId));
    const replicating = new Set(model.replication.jobs.flatMap((j) => [j.source.unitId, j.destination.unitId]));
    const interconnectUnits: Record<string, InterconnectUnit> = {};
    const replicationUnits: Record<string, ReplicationUnit> = {};
    for (const unit of model.units) {
      if (!withRouter.has(unit.id) && !replicating.has(unit.id)) continue;
      const provider = props.providerFor(unit.region);
      const scope = new Construct(this, `unit-${unit.id}`);
      const read = new UnitExportsReader(scope, 'exports', {
        unitId: unit.id,
        names: unit.exports,
        provider,
        read: [
          ...(withRouter.has(unit.id) ? (['vpcId', 'routeTableId', 'linkVswitchIds'] as const) : []),
          ...(replicating.has(unit.id) ? (['rdsInstanceId'] as const) : []),
        ],
      });
      if (withRouter.has(unit.id)) {
        interconnectUnits[unit.id] = {
          region: unit.region,
          zones: unit.zones,
          zonesField: unit.fields.zones,
          vpcId: read.get('vpcId'),
          routeTableId: read.get('routeTableId'),
          linkVswitchIds: read.get('linkVswitchIds'),
        };
      }
      if (replicating.has(unit.id)) {
        replicationUnits[unit.id] = {
          region: unit.region,
          contactGroup: unit.monitoring.contactGroup,
          endpoint: {
            rdsInstanceId: read.get('rdsInstanceId'),
            userName: unit.dts.accountName,
            password: readSecretParameter(scope, 'dts-password', unit.dts.passwordParameter, unit.id, provider),
          },
        };
      }
    }
    this.interconnect = new Interconnect(this, 'interconnect', {
      orgName: model.org.name,
      model: model.interconnect,
      cenRegion: model.hub.region,
      units: interconnectUnits,
      providerFor: props.providerFor,
      bandwidthAlarms: model.alarms.interconnect,
    });
    this.replication = new OrgReplication(this, 'org-replication', {
      orgPrefix: model.org.prefix,
      jobs: model.replication.jobs,
      units: replicationUnits,
      providerFor: props.providerFor,
      hubRegion: model.hub.region,
      latencyAlarms: model.alarms.replication,
    });
  }
}
