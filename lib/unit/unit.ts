import { Construct } from 'constructs';
import type { UnitOutputs } from '../core/contracts';
import { addTags } from '../core/tags';
import type { UnitModel } from '../topology/model';
import { APP_PORT, UnitAppTier } from './app-tier';
import { REDIS_PORT, UnitCache } from './cache';
import { MYSQL_PORT, UnitDatabase } from './database';
import { UnitEncryption } from './encryption';
import { UnitIngress } from './ingress';
import { UnitLogging } from './logging';
import { UnitMonitoring } from './monitoring';
import { UnitNetwork } from './network';
import { UnitSecurity } from './security';
import { UnitStorage } from './storage';

export interface UnitProps {
  /** The resolved unit (resolveTopology): its network, sizing, names, certificate and peers. */
  readonly unit: UnitModel;
  /** Name of the app image in every unit region (`platform.appImageName`). */
  readonly appImageName: string;
  /** Path the ALB probes on the app instances. */
  readonly healthCheckPath: string;
}

/**
 * One unit: a self-contained cell that serves its own users and keeps its own staff data in its region. Every
 * resource below it is tagged with the unit's id.
 */
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
    const { unit } = props;
    const { names } = unit;
    addTags(this, { unit: unit.id });
    this.logging = new UnitLogging(this, 'logging', {
      unitId: unit.id,
      region: unit.region,
      names: {
        project: names.logProject,
        flowLogStore: names.flowLogStore,
        albLogStore: names.albLogStore,
        trail: names.trail,
        trailLogStore: names.trailLogStore,
      },
    });
    this.network = new UnitNetwork(this, 'network', {
      unitId: unit.id,
      unitName: unit.name,
      vpcName: names.vpc,
      vpcCidr: unit.network.vpcCidr,
      zones: unit.zones,
      subnets: unit.network.subnets,
      natGatewayName: names.natGateway,
      natEipName: names.natEip,
      flowLogName: names.flowLog,
      flowLogs: { projectName: this.logging.project.projectName, logStoreName: this.logging.flowLogStore.logstoreName },
    });
    const ids = (tier: keyof UnitOutputs['vswitchIds']) => Object.fromEntries(Object.entries(this.network.vswitches[tier]).map(([zone, v]) => [zone, v.id]));
    const vswitchIds = { ingress: ids('ingress'), app: ids('app'), data: ids('data'), link: ids('link') };
    this.encryption = new UnitEncryption(this, 'encryption', {
      unitId: unit.id,
      region: unit.region,
      keyName: names.kmsKey,
      kmsInstanceId: unit.encryption.kmsInstanceId,
    });
    const kmsKeyId = this.encryption.key.id;
    this.security = new UnitSecurity(this, 'security', {
      unitId: unit.id,
      vpcId: this.network.vpc.id,
      names: { ingress: names.ingressSecurityGroup, app: names.appSecurityGroup, data: names.dataSecurityGroup },
      zones: unit.zones,
      ingressCidrs: unit.network.subnets.ingress,
      appCidrs: unit.network.subnets.app,
      appPort: APP_PORT,
      dataPorts: { mysql: MYSQL_PORT, redis: REDIS_PORT },
      peerLinkCidrs: unit.dtsPeerLinkCidrs,
    });
    this.ingress = new UnitIngress(this, 'ingress', {
      unitId: unit.id,
      zones: unit.zones,
      names: {
        loadBalancer: names.alb,
        appServerGroup: names.appServerGroup,
        redirectServerGroup: names.redirectServerGroup,
        httpRedirectRule: names.httpRedirectRule,
      },
      vpcId: this.network.vpc.id,
      ingressVswitchIds: vswitchIds.ingress,
      certificateId: unit.certificateId,
      securityGroupId: this.security.ingress.id,
      appPort: APP_PORT,
      healthCheckPath: props.healthCheckPath,
      accessLogs: { projectName: this.logging.project.projectName, logStoreName: this.logging.albLogStore.logstoreName },
    });
    const zonePair = [unit.primaryZone, unit.secondaryZone] as const;
    const appCidrs = unit.network.tierCidrs.app;
    this.database = new UnitDatabase(this, 'database', {
      unitId: unit.id,
      instanceName: names.rds,
      zones: zonePair,
      sizing: unit.sizing.database,
      appDatabaseName: unit.appDatabase,
      orgDatabaseName: unit.orgDatabase,
      appAccountName: names.appAccount,
      vpcId: this.network.vpc.id,
      dataVswitchIds: vswitchIds.data,
      kmsKeyId,
      allowedCidrs: [...appCidrs, ...Object.values(unit.dtsPeerLinkCidrs)],
    });
    this.cache = new UnitCache(this, 'cache', {
      instanceName: names.redis,
      instanceClass: unit.sizing.cache.instanceClass,
      zones: zonePair,
      dataVswitchIds: vswitchIds.data,
      allowedCidrs: appCidrs,
    });
    this.storage = new UnitStorage(this, 'storage', {
      names: { files: names.filesBucket, audit: names.auditBucket, accessLogs: names.accessLogBucket },
      kmsKeyId,
    });
    this.appTier = new UnitAppTier(this, 'app', {
      unitId: unit.id,
      region: unit.region,
      zones: unit.zones,
      names: { role: names.appRole, policy: names.appPolicy, launchTemplate: names.launchTemplate, scalingGroup: names.scalingGroup },
      sizing: unit.sizing.app,
      appImageName: props.appImageName,
      appVswitchIds: vswitchIds.app,
      securityGroupId: this.security.app.id,
      kmsKeyId,
      filesBucketName: this.storage.filesBucket.bucket,
      albServerGroupId: this.ingress.appServerGroup.id,
      appPort: APP_PORT,
    });
    this.monitoring = new UnitMonitoring(this, 'monitoring', {
      unitId: unit.id,
      region: unit.region,
      alarmPrefix: names.alarmPrefix,
      contactGroup: unit.monitoring.contactGroup,
      contacts: unit.monitoring.contacts,
      albId: this.ingress.loadBalancer.id,
      rdsInstanceId: this.database.instance.id,
      redisInstanceId: this.cache.instance.id,
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
