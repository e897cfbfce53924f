import { Construct } from 'constructs';
import type { DataCatalog, UnitDeclaration } from '../topology/types';
import { UnitNetwork } from './network';
import type { UnitOutputs } from './outputs';

export interface UnitProps {
  readonly orgPrefix: string;
  readonly unit: UnitDeclaration;
  readonly catalog: DataCatalog;
  /** Tags on every taggable resource. */
  readonly tags: Readonly<Record<string, string>>;
}

/** One unit: a self-contained cell that serves its own users and keeps its own staff data in its region. */
export class Unit extends Construct {
  readonly network: UnitNetwork;
  readonly outputs: UnitOutputs;

  constructor(scope: Construct, id: string, props: UnitProps) {
    super(scope, id);
    const { unit } = props;
    this.network = new UnitNetwork(this, 'network', { orgPrefix: props.orgPrefix, unit, tags: props.tags });
    const ids = (tier: keyof UnitOutputs['vswitchIds']) =>
      Object.fromEntries(Object.entries(this.network.vswitches[tier]).map(([zone, v]) => [zone, v.id]));
    this.outputs = {
      unitId: unit.id,
      region: unit.region,
      vpcId: this.network.vpc.id,
      vpcCidr: unit.network.vpcCidr,
      routeTableId: this.network.vpc.routeTableId,
      vswitchIds: { ingress: ids('ingress'), app: ids('app'), data: ids('data'), link: ids('link') },
    };
  }
}
