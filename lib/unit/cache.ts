import { Construct } from 'constructs';
import { DataAlicloudKvstoreInstanceClasses } from '../../.gen/providers/alicloud/data-alicloud-kvstore-instance-classes';
import { DataAlicloudKvstoreZones } from '../../.gen/providers/alicloud/data-alicloud-kvstore-zones';
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
  /** The declaration fields behind the class and the zones, for the plan-time checks' messages. */
  readonly fields: { readonly instanceClass: string; readonly zones: string };
  /** The unit's region, for messages. */
  readonly region: string;
}

/** Port Redis listens on inside the VPC. */
export const REDIS_PORT = 6379;

/** What the instance is: the plan-time checks ask for exactly this. */
export const REDIS_OFFER = { engine: 'Redis', engineVersion: '7.0', chargeType: 'PostPaid' } as const;

/**
 * The unit's Redis (Tair cloud-native) for sessions: master in the unit's first zone, replica in the second,
 * in the data vSwitches, reachable only from the app tier, with release protection, TLS and daily backups.
 */
export class UnitCache extends Construct {
  readonly instance: KvstoreInstance;

  constructor(scope: Construct, id: string, props: UnitCacheProps) {
    super(scope, id);
    const [primary, secondary] = props.zones;
    const offer = `Redis ${REDIS_OFFER.engineVersion} pay-as-you-go`;
    // The class must be sold in both zones (master and replica). The charge type is given explicitly: the lookup's
    // default is PrePaid (alicloud/data_source_alicloud_kvstore_instance_classes.go:85-90), and a pay-as-you-go class
    // list can differ. An empty result is an empty list; a failed API call is not checked by the provider (:140-150).
    for (const [i, zone] of props.zones.entries()) {
      new DataAlicloudKvstoreInstanceClasses(this, `classes-${zone}`, {
        zoneId: zone,
        engine: REDIS_OFFER.engine,
        engineVersion: REDIS_OFFER.engineVersion,
        instanceChargeType: REDIS_OFFER.chargeType,
        lifecycle: {
          postcondition: [
            {
              condition: `\${contains(self.instance_classes, "${props.instanceClass}")}`,
              errorMessage: `${props.fields.instanceClass}: ${props.instanceClass} is not offered for ${offer} in ${zone} (${props.fields.zones}[${i}]); choose one of the classes listed by data.alicloud_kvstore_instance_classes`,
            },
          ],
        },
      });
    }
    // alicloud_kvstore_zones errors ("There is no available zones for KVStore") when the region has none at all, before
    // any condition runs (alicloud/data_source_alicloud_kvstore_zones.go:107-109); otherwise it lists them.
    new DataAlicloudKvstoreZones(this, 'zones', {
      engine: 'redis',
      instanceChargeType: REDIS_OFFER.chargeType,
      lifecycle: {
        postcondition: props.zones.map((zone, i) => ({
          condition: `\${contains(self.ids, "${zone}")}`,
          errorMessage: `${props.fields.zones}[${i}]: ${zone} offers no pay-as-you-go Redis in ${props.region}; choose zones listed by data.alicloud_kvstore_zones: \${join(", ", self.ids)}`,
        })),
      },
    });
    const password = generatedPassword(this, 'password');
    this.instance = new KvstoreInstance(this, 'instance', {
      dbInstanceName: props.instanceName,
      instanceType: REDIS_OFFER.engine,
      engineVersion: REDIS_OFFER.engineVersion,
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
