import { Construct } from 'constructs';
import type { DataCatalog, UnitDeclaration } from '../topology/types';
import { APP_PORT, UnitAppTier } from './app-tier';
import { REDIS_PORT, UnitCache } from './cache';
import { MYSQL_PORT, UnitDatabase } from './database';
import { UnitEncryption } from './encryption';
import { UnitIngress } from './ingress';
import { UnitLogging } from './logging';
import { UnitMonitoring } from './monitoring';
import { UnitNetwork } from './network';
import type { UnitOutputs } from './outputs';
import { UnitSecurity } from './security';
import { UnitStorage } from './storage';

export interface UnitProps {
  readonly orgPrefix: string;
  readonly unit: UnitDeclaration;
  readonly catalog: DataCatalog;
  /** Name of the app image in every unit region (`platform.appImageName`). */
  readonly appImageName: string;
  /** Certificate Management Service id of the unit's HTTPS certificate. */
  readonly certificateId: string;
  /** Path the ALB probes on the app instances. */
  readonly healthCheckPath: string;
  /**
   * Link-tier CIDRs of the other units, keyed by `<unit>-<zone>`: DTS reaches this unit's database from there
   * over CEN. Empty for a unit with no peers.
   */
  readonly peerLinkCidrs: Readonly<Record<string, string>>;
  /** Tags on every taggable resource. */
  readonly tags: Readonly<Record<string, string>>;
}

/** One unit: a self-contained cell that serves its own users and keeps its own staff data in its region. */
export class Unit extends Construct {
  readonly network: UnitNetwork;
  readonly encryption: UnitEncryption;
  readonly ingress: UnitIngress;
  readonly database: UnitDatabase;
  readonly logging: UnitLogging;
  readonly security: UnitSecurity;
  readonly storage: UnitStorage;
  readonly cache: UnitCache;
  readonly appTier: UnitAppTier;
  readonly monitoring: UnitMonitoring;
  readonly outputs: UnitOutputs;

  constructor(scope: Construct, id: string, props: UnitProps) {
    super(scope, id);
    const { unit, orgPrefix, tags } = props;
    this.logging = new UnitLogging(this, 'logging', { orgPrefix, unit, tags });
    this.network = new UnitNetwork(this, 'network', {
      orgPrefix,
      unit,
      flowLogs: { projectName: this.logging.project.projectName, logStoreName: this.logging.flowLogStore.logstoreName },
      tags,
    });
    const ids = (tier: keyof UnitOutputs['vswitchIds']) => Object.fromEntries(Object.entries(this.network.vswitches[tier]).map(([zone, v]) => [zone, v.id]));
    const vswitchIds = { ingress: ids('ingress'), app: ids('app'), data: ids('data'), link: ids('link') };
    this.encryption = new UnitEncryption(this, 'encryption', { orgPrefix, unit, tags });
    const kmsKeyId = this.encryption.key.id;
    this.security = new UnitSecurity(this, 'security', {
      orgPrefix,
      unit,
      vpcId: this.network.vpc.id,
      appPort: APP_PORT,
      dataPorts: { mysql: MYSQL_PORT, redis: REDIS_PORT },
      peerLinkCidrs: props.peerLinkCidrs,
      tags,
    });
    this.ingress = new UnitIngress(this, 'ingress', {
      orgPrefix,
      unit,
      vpcId: this.network.vpc.id,
      ingressVswitchIds: vswitchIds.ingress,
      certificateId: props.certificateId,
      securityGroupId: this.security.ingress.id,
      appPort: APP_PORT,
      healthCheckPath: props.healthCheckPath,
      accessLogs: { projectName: this.logging.project.projectName, logStoreName: this.logging.albLogStore.logstoreName },
      tags,
    });
    const appCidrs = unit.zones.map((zone) => unit.network.subnets.app[zone]);
    this.database = new UnitDatabase(this, 'database', {
      orgPrefix,
      unit,
      catalog: props.catalog,
      vpcId: this.network.vpc.id,
      dataVswitchIds: vswitchIds.data,
      kmsKeyId,
      allowedCidrs: [...appCidrs, ...Object.values(props.peerLinkCidrs)],
      tags,
    });
    this.cache = new UnitCache(this, 'cache', { orgPrefix, unit, dataVswitchIds: vswitchIds.data, allowedCidrs: appCidrs, tags });
    this.storage = new UnitStorage(this, 'storage', { orgPrefix, unit, kmsKeyId, tags });
    this.appTier = new UnitAppTier(this, 'app', {
      orgPrefix,
      unit,
      appImageName: props.appImageName,
      appVswitchIds: vswitchIds.app,
      securityGroupId: this.security.app.id,
      kmsKeyId,
      filesBucketName: this.storage.filesBucket.bucket,
      albServerGroupId: this.ingress.appServerGroup.id,
      appPort: APP_PORT,
      tags,
    });
    this.monitoring = new UnitMonitoring(this, 'monitoring', {
      orgPrefix,
      unit,
      albId: this.ingress.loadBalancer.id,
      rdsInstanceId: this.database.instance.id,
      redisInstanceId: this.cache.instance.id,
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
      kmsKeyId,
      securityGroupIds: { ingress: this.security.ingress.id, app: this.security.app.id, data: this.security.data.id },
      redisInstanceId: this.cache.instance.id,
      logProjectName: this.logging.project.projectName,
    };
  }
}
