import { Construct } from 'constructs';
import type { DataCatalog, UnitDeclaration } from '../topology/types';
import { UnitDatabase } from './database';
import { UnitEncryption } from './encryption';
import { UnitIngress } from './ingress';
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
  readonly encryption: UnitEncryption;
  readonly ingress: UnitIngress;
  readonly database: UnitDatabase;
  readonly outputs: UnitOutputs;

  constructor(scope: Construct, id: string, props: UnitProps) {
    super(scope, id);
    const { unit, orgPrefix, tags } = props;
    this.network = new UnitNetwork(this, 'network', { orgPrefix, unit, tags });
    const ids = (tier: keyof UnitOutputs['vswitchIds']) =>
      Object.fromEntries(Object.entries(this.network.vswitches[tier]).map(([zone, v]) => [zone, v.id]));
    const vswitchIds = { ingress: ids('ingress'), app: ids('app'), data: ids('data'), link: ids('link') };
    this.encryption = new UnitEncryption(this, 'encryption', { orgPrefix, unit, tags });
    this.ingress = new UnitIngress(this, 'ingress', { orgPrefix, unit, vpcId: this.network.vpc.id, ingressVswitchIds: vswitchIds.ingress, tags });
    this.database = new UnitDatabase(this, 'database', {
      orgPrefix,
      unit,
      catalog: props.catalog,
      vpcId: this.network.vpc.id,
      dataVswitchIds: vswitchIds.data,
      kmsKeyId: this.encryption.key.id,
      allowedCidrs: Object.values(unit.network.subnets.app),
      tags,
    });
    this.outputs = {
      unitId: unit.id,
      region: unit.region,
      vpcId: this.network.vpc.id,
      vpcCidr: unit.network.vpcCidr,
      routeTableId: this.network.vpc.routeTableId,
      vswitchIds,
      albId: this.ingress.loadBalancer.id,
      albDnsName: this.ingress.loadBalancer.dnsName,
      rdsInstanceId: this.database.instance.id,
      rdsConnectionHost: this.database.instance.connectionString,
      rdsPort: this.database.instance.port,
      orgDatabaseName: this.database.orgDatabase.dataBaseName,
      kmsKeyId: this.encryption.key.id,
    };
  }
}
