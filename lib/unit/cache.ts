import { Construct } from 'constructs';
import { KvstoreInstance } from '../../.gen/providers/alicloud/kvstore-instance';
import { addTags } from '../core/tags';
import type { CacheInstanceClass } from '../topology/types';
import { PREVENT_DESTROY } from '../core/protection';
import { generatedPassword } from '../core/secrets';

export interface UnitCacheProps {
  /** Instance name. */
  readonly instanceName: string;
  readonly instanceClass: CacheInstanceClass;
  /** The master's zone, then the replica's. */
  readonly zones: readonly [string, string];
  /** Data-tier vSwitch ids by zone. */
  readonly dataVswitchIds: Readonly<Record<string, string>>;
  /** Source ranges allowed to connect: the app tier. */
  readonly allowedCidrs: readonly string[];
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
    const [primary, secondary] = props.zones;
    const password = generatedPassword(this, 'password');
    this.instance = new KvstoreInstance(this, 'instance', {
      dbInstanceName: props.instanceName,
      instanceType: 'Redis',
      engineVersion: '7.0',
      instanceClass: props.instanceClass,
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
      lifecycle: PREVENT_DESTROY,
    });
    addTags(this.instance, { data: 'sessions' });
  }
}
