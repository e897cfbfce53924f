import { Construct } from 'constructs';
import { KvstoreInstance } from '../../.gen/providers/alicloud/kvstore-instance';
import { unitNames } from '../topology/naming';
import type { UnitDeclaration } from '../topology/types';
import { PREVENT_DESTROY } from './protection';
import { generatedPassword } from './secrets';

export interface UnitCacheProps {
  readonly orgPrefix: string;
  readonly unit: UnitDeclaration;
  /** Data-tier vSwitch ids by zone. */
  readonly dataVswitchIds: Readonly<Record<string, string>>;
  /** Source ranges allowed to connect: the app tier. */
  readonly allowedCidrs: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

/** Port Redis listens on inside the VPC. */
export const REDIS_PORT = 6379;

/**
 * The unit's Redis (Tair cloud-native) for sessions: master in the unit's first zone, replica in the second,
 * in the data vSwitches, reachable only from the app tier, with release protection, TLS and daily backups.
 */
export class UnitCache extends Construct {
  readonly instance: KvstoreInstance;

  constructor(scope: Construct, id: string, props: UnitCacheProps) {
    super(scope, id);
    const { unit } = props;
    const [primary, secondary] = unit.zones;
    const password = generatedPassword(this, 'password');
    this.instance = new KvstoreInstance(this, 'instance', {
      dbInstanceName: unitNames(props.orgPrefix, unit.id).redis.name,
      instanceType: 'Redis',
      engineVersion: '7.0',
      instanceClass: unit.sizing.cache.instanceClass,
      paymentType: 'PostPaid',
      zoneId: primary,
      secondaryZoneId: secondary,
      vswitchId: props.dataVswitchIds[primary],
      port: REDIS_PORT,
      vpcAuthMode: 'Open',
      password: password.result,
      securityIps: [...props.allowedCidrs],
      sslEnable: 'Enable',
      instanceReleaseProtection: true,
      backupPeriod: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      backupTime: '19:00Z-20:00Z',
      maintainStartTime: '20:00Z',
      maintainEndTime: '21:00Z',
      tags: { ...props.tags, unit: unit.id, data: 'sessions' },
      lifecycle: PREVENT_DESTROY,
    });
  }
}
