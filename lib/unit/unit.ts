import { Construct } from 'constructs';
import { UnitExportsWriter, type UnitExportValues } from '../core/contracts';
import { secretParameter } from '../core/secrets';
import { addTags } from '../core/tags';
import type { UnitModel } from '../topology/model';
import { APP_PORT, UnitAppTier } from './app-tier';
import { UnitCache } from './cache';
import { UnitDatabase } from './database';
import { UnitEncryption } from './encryption';
import { UnitIngress } from './ingress';
import { UnitLogging } from './logging';
import { UnitMonitoring } from './monitoring';
import { UnitNetwork } from './network';
import { UnitReplicationEndpoint } from './replication-endpoint';
import { UnitSecurity } from './security';
import { UnitStorage } from './storage';

export interface UnitProps {
  /** The resolved unit (resolveTopology): its network, sizing, names, certificate and peers. */
  readonly unit: UnitModel;
  /** Name of the app image in every unit region (`platform.appImageName`). */
  readonly appImageName: string;
  /** Path the ALB probes on the app instances. */
  readonly healthCheckPath: string;
  /** The access domain (`access.domain`): the unit's certificate must cover its wildcard. */
  readonly accessDomain: string;
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
  readonly replication: UnitReplicationEndpoint;
  /** What the unit publishes for the link and accel stacks (as OOS parameters in its region). */
  readonly exports: UnitExportValues;

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
    const ids = (tier: 'ingress' | 'app' | 'data' | 'link') =>
      Object.fromEntries(Object.entries(this.network.vswitches[tier]).map(([zone, v]) => [zone, v.id]));
    const vswitchIds = { ingress: ids('ingress'), app: ids('app'), data: ids('data'), link: ids('link') };
    this.encryption = new UnitEncryption(this, 'encryption', {
      unitId: unit.id,
      region: unit.region,
      keyName: names.kmsKey,
      kmsInstanceId: unit.encryption.kmsInstanceId,
      kmsInstanceField: unit.fields.kmsInstance,
    });
    const kmsKeyId = this.encryption.key.id;
    this.security = new UnitSecurity(this, 'security', {
      unitId: unit.id,
      vpcId: this.network.vpc.id,
      names: { ingress: names.ingressSecurityGroup, app: names.appSecurityGroup },
      zones: unit.zones,
      ingressCidrs: unit.network.subnets.ingress,
      appPort: APP_PORT,
      inboundFlows: unit.inboundFlows,
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
      certificateField: unit.fields.certificate,
      certificateCovers: `*.${props.accessDomain}`,
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
      tde: unit.encryption.tde,
      allowedCidrs: appCidrs,
      region: unit.region,
      fields: {
        instanceClass: unit.fields.databaseClass,
        storage: unit.fields.databaseStorage,
        zones: unit.fields.zones,
        tde: unit.fields.tde,
      },
    });
    this.cache = new UnitCache(this, 'cache', {
      instanceName: names.redis,
      instanceClass: unit.sizing.cache.instanceClass,
      zones: zonePair,
      dataVswitchIds: vswitchIds.data,
      allowedCidrs: appCidrs,
      region: unit.region,
      fields: { instanceClass: unit.fields.cacheClass, zones: unit.fields.zones },
    });
    // The app reads its own credentials at boot with its instance role; no stack output carries a secret. Created
    // before the app tier, whose instances need them the moment they start.
    const appSecrets = [
      secretParameter(this, 'app-db-password', {
        name: unit.appSecrets.databasePassword,
        value: this.database.appAccount.accountPassword,
        kmsKeyId,
        description: `Password of the app's database account of unit ${unit.id}`,
      }),
      secretParameter(this, 'redis-password', {
        name: unit.appSecrets.redisPassword,
        value: this.cache.instance.password,
        kmsKeyId,
        description: `Redis password of unit ${unit.id}`,
      }),
    ];
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
      secretParameterNames: [unit.appSecrets.databasePassword, unit.appSecrets.redisPassword],
      albServerGroupId: this.ingress.appServerGroup.id,
      appPort: APP_PORT,
      // Instances boot into a working unit: outbound NAT, their database account and privileges, Redis, credentials.
      startAfter: [...this.network.snatEntries, this.database.appPrivilege, this.cache.instance, ...appSecrets],
      fields: { image: unit.fields.image, instanceType: unit.fields.instanceType, zones: unit.fields.zones },
    });
    this.monitoring = new UnitMonitoring(this, 'monitoring', {
      unitId: unit.id,
      region: unit.region,
      contactGroup: unit.monitoring.contactGroup,
      contacts: unit.monitoring.contacts,
      alarms: unit.monitoring.alarms,
      subjects: { albId: this.ingress.loadBalancer.id, rdsInstanceId: this.database.instance.id, redisInstanceId: this.cache.instance.id },
    });
    this.replication = new UnitReplicationEndpoint(this, 'replication', {
      unitId: unit.id,
      rdsInstanceId: this.database.instance.id,
      orgDatabaseName: this.database.orgDatabase.dataBaseName,
      mirrors: unit.dts.mirrors,
      accountName: unit.dts.accountName,
      appAccountName: this.database.appAccount.accountName,
      passwordParameterName: unit.dts.passwordParameter,
      kmsKeyId,
    });
    this.exports = {
      vpcId: this.network.vpc.id,
      routeTableId: this.network.vpc.routeTableId,
      linkVswitchIds: vswitchIds.link,
      albId: this.ingress.loadBalancer.id,
      albDnsName: this.ingress.loadBalancer.dnsName,
      rdsInstanceId: this.database.instance.id,
    };
    new UnitExportsWriter(this, 'exports', { unitId: unit.id, names: unit.exports, values: this.exports });
  }
}
