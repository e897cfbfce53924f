import { Construct } from 'constructs';
import { EipAddress } from '../../.gen/providers/alicloud/eip-address';
import { EipAssociation } from '../../.gen/providers/alicloud/eip-association';
import { NatGateway } from '../../.gen/providers/alicloud/nat-gateway';
import { SnatEntry } from '../../.gen/providers/alicloud/snat-entry';
import { Vpc } from '../../.gen/providers/alicloud/vpc';
import { VpcFlowLog } from '../../.gen/providers/alicloud/vpc-flow-log';
import { Vswitch } from '../../.gen/providers/alicloud/vswitch';
import { unitNames } from '../topology/naming';
import { TIERS, type TierName, type UnitDeclaration } from '../topology/types';
import { PREVENT_DESTROY } from './protection';

export interface UnitNetworkProps {
  readonly orgPrefix: string;
  readonly unit: UnitDeclaration;
  /** Where the VPC's flow logs go: the unit's own log project. */
  readonly flowLogs: { readonly projectName: string; readonly logStoreName: string };
  readonly tags: Readonly<Record<string, string>>;
}

/** Tiers without public addresses: their outbound traffic leaves through the NAT gateway. */
export const PRIVATE_TIERS = ['app', 'data'] as const satisfies readonly TierName[];

/**
 * The unit VPC and one vSwitch per tier and zone, exactly as declared; a NAT gateway with an EIP for the
 * private tiers' outbound traffic; VPC flow logs into the unit's log project.
 */
export class UnitNetwork extends Construct {
  readonly vpc: Vpc;
  readonly vswitches: { readonly [T in TierName]: Readonly<Record<string, Vswitch>> };
  readonly natGateway: NatGateway;
  readonly natEip: EipAddress;
  readonly flowLog: VpcFlowLog;

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

    // The enhanced NAT gateway lives in a vSwitch; the ingress tier is the unit's public-facing tier.
    const [primary] = unit.zones;
    this.natGateway = new NatGateway(this, 'nat', {
      vpcId: this.vpc.id,
      vswitchId: vswitches.ingress[primary].id,
      natGatewayName: names.natGateway.name,
      description: `Outbound internet access of the private tiers of unit ${unit.id}`,
      natType: 'Enhanced',
      networkType: 'internet',
      paymentType: 'PayAsYouGo',
      internetChargeType: 'PayByLcu',
      eipBindMode: 'NAT',
      tags: { ...tags, unit: unit.id },
    });
    this.natEip = new EipAddress(this, 'nat-eip', {
      addressName: names.natEip.name,
      description: `Source address of outbound traffic from unit ${unit.id}`,
      paymentType: 'PayAsYouGo',
      internetChargeType: 'PayByTraffic',
      bandwidth: '100',
      // Partners may allowlist this address: keep it across accidental destroys.
      deletionProtection: true,
      tags: { ...tags, unit: unit.id },
      lifecycle: PREVENT_DESTROY,
    });
    const association = new EipAssociation(this, 'nat-eip-association', {
      allocationId: this.natEip.id,
      instanceId: this.natGateway.id,
      instanceType: 'Nat',
    });
    for (const tier of PRIVATE_TIERS) {
      for (const zone of unit.zones) {
        new SnatEntry(this, `snat-${tier}-${zone}`, {
          snatTableId: this.natGateway.snatTableIds,
          sourceVswitchId: vswitches[tier][zone].id,
          snatIp: this.natEip.ipAddress,
          snatEntryName: `${tier}-${zone}`,
          dependsOn: [association],
        });
      }
    }

    this.flowLog = new VpcFlowLog(this, 'flow-log', {
      flowLogName: names.flowLog.name,
      description: `All traffic of the VPC of unit ${unit.id}`,
      resourceType: 'VPC',
      resourceId: this.vpc.id,
      trafficType: 'All',
      projectName: props.flowLogs.projectName,
      logStoreName: props.flowLogs.logStoreName,
      status: 'Active',
      tags: { ...tags, unit: unit.id },
    });
  }
}
