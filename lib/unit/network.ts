import { Construct } from 'constructs';
import { EipAddress } from '../../.gen/providers/alicloud/eip-address';
import { EipAssociation } from '../../.gen/providers/alicloud/eip-association';
import { NatGateway } from '../../.gen/providers/alicloud/nat-gateway';
import { SnatEntry } from '../../.gen/providers/alicloud/snat-entry';
import { Vpc } from '../../.gen/providers/alicloud/vpc';
import { VpcFlowLog } from '../../.gen/providers/alicloud/vpc-flow-log';
import { Vswitch } from '../../.gen/providers/alicloud/vswitch';
import { PREVENT_DESTROY } from '../core/protection';
import { addTags } from '../core/tags';
import { TIERS, type TierName } from '../topology/types';

export interface UnitNetworkProps {
  /** The unit's id, for descriptions. */
  readonly unitId: string;
  /** The unit's human-readable name, for the VPC description. */
  readonly unitName: string;
  readonly vpcName: string;
  readonly vpcCidr: string;
  /** The unit's zones, in order; the first hosts the NAT gateway. */
  readonly zones: readonly string[];
  /** vSwitch CIDRs by tier, then zone: exactly one per tier and zone. */
  readonly subnets: { readonly [T in TierName]: Readonly<Record<string, string>> };
  readonly natGatewayName: string;
  readonly natEipName: string;
  readonly flowLogName: string;
  /** Where the VPC's flow logs go: the unit's own log project. */
  readonly flowLogs: { readonly projectName: string; readonly logStoreName: string };
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
  /** One SNAT entry per private-tier vSwitch: outbound traffic of the app and data tiers. */
  readonly snatEntries: readonly SnatEntry[];
  readonly flowLog: VpcFlowLog;

  constructor(scope: Construct, id: string, props: UnitNetworkProps) {
    super(scope, id);
    const { unitId, zones } = props;
    this.vpc = new Vpc(this, 'vpc', {
      vpcName: props.vpcName,
      cidrBlock: props.vpcCidr,
      description: `${props.unitName}: VPC of unit ${unitId}`,
    });
    const vswitches = {} as Record<TierName, Record<string, Vswitch>>;
    for (const tier of TIERS) {
      vswitches[tier] = {};
      zones.forEach((zone) => {
        // Construct ids use tier and zone, never a list position: reordering zones must not replace vSwitches.
        const vswitch = new Vswitch(this, `${tier}-${zone}`, {
          vpcId: this.vpc.id,
          zoneId: zone,
          cidrBlock: props.subnets[tier][zone],
          vswitchName: `${props.vpcName.replace(/-vpc$/, '')}-${tier}-${zone}`,
          description: `${tier} tier of unit ${unitId} in ${zone}`,
        });
        addTags(vswitch, { tier });
        vswitches[tier][zone] = vswitch;
      });
    }
    this.vswitches = vswitches;

    // The enhanced NAT gateway lives in a vSwitch; the ingress tier is the unit's public-facing tier.
    const [primary] = zones;
    this.natGateway = new NatGateway(this, 'nat', {
      vpcId: this.vpc.id,
      vswitchId: vswitches.ingress[primary].id,
      natGatewayName: props.natGatewayName,
      description: `Outbound internet access of the private tiers of unit ${unitId}`,
      natType: 'Enhanced',
      networkType: 'internet',
      paymentType: 'PayAsYouGo',
      internetChargeType: 'PayByLcu',
      eipBindMode: 'NAT',
    });
    this.natEip = new EipAddress(this, 'nat-eip', {
      addressName: props.natEipName,
      description: `Source address of outbound traffic from unit ${unitId}`,
      paymentType: 'PayAsYouGo',
      internetChargeType: 'PayByTraffic',
      bandwidth: '100',
      // Partners may allowlist this address: keep it across accidental destroys.
      deletionProtection: true,
      lifecycle: PREVENT_DESTROY,
    });
    const association = new EipAssociation(this, 'nat-eip-association', {
      allocationId: this.natEip.id,
      instanceId: this.natGateway.id,
      instanceType: 'Nat',
    });
    const snat: SnatEntry[] = [];
    for (const tier of PRIVATE_TIERS) {
      for (const zone of zones) {
        snat.push(
          new SnatEntry(this, `snat-${tier}-${zone}`, {
            snatTableId: this.natGateway.snatTableIds,
            sourceVswitchId: vswitches[tier][zone].id,
            snatIp: this.natEip.ipAddress,
            snatEntryName: `${tier}-${zone}`,
            dependsOn: [association],
          }),
        );
      }
    }
    this.snatEntries = snat;

    this.flowLog = new VpcFlowLog(this, 'flow-log', {
      flowLogName: props.flowLogName,
      description: `All traffic of the VPC of unit ${unitId}`,
      resourceType: 'VPC',
      resourceId: this.vpc.id,
      trafficType: 'All',
      projectName: props.flowLogs.projectName,
      logStoreName: props.flowLogs.logStoreName,
      status: 'Active',
    });
  }
}
