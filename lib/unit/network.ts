import { Construct } from 'constructs';
import { Vpc } from '../../.gen/providers/alicloud/vpc';
import { Vswitch } from '../../.gen/providers/alicloud/vswitch';
import { unitNames } from '../topology/naming';
import { TIERS, TierName, UnitDeclaration } from '../topology/types';

export interface UnitNetworkProps {
  readonly orgPrefix: string;
  readonly unit: UnitDeclaration;
  readonly tags: Readonly<Record<string, string>>;
}

/** The unit VPC and one vSwitch per tier and zone, exactly as declared. */
export class UnitNetwork extends Construct {
  readonly vpc: Vpc;
  readonly vswitches: { readonly [T in TierName]: Readonly<Record<string, Vswitch>> };

  constructor(scope: Construct, id: string, props: UnitNetworkProps) {
    super(scope, id);
    const { unit, orgPrefix, tags } = props;
    const names = unitNames(orgPrefix, unit.id);
    this.vpc = new Vpc(this, 'vpc', {
      vpcName: names.vpc.name,
      cidrBlock: unit.network.vpcCidr,
      description: `${unit.name}: VPC of unit ${unit.id}`,
      tags: { ...tags, unit: unit.id },
    });
    const vswitches = {} as Record<TierName, Record<string, Vswitch>>;
    for (const tier of TIERS) {
      vswitches[tier] = {};
      unit.zones.forEach((zone) => {
        // Construct ids use tier and zone, never a list position: reordering zones must not replace vSwitches.
        vswitches[tier][zone] = new Vswitch(this, `${tier}-${zone}`, {
          vpcId: this.vpc.id,
          zoneId: zone,
          cidrBlock: unit.network.subnets[tier][zone],
          vswitchName: `${names.vpc.name.replace(/-vpc$/, '')}-${tier}-${zone}`,
          description: `${tier} tier of unit ${unit.id} in ${zone}`,
          tags: { ...tags, unit: unit.id, tier },
        });
      });
    }
    this.vswitches = vswitches;
  }
}
