/**
 * Facts for the stand-in provider (TFMOCK_DATA_FILE): the answers data sources must give for a model's plan-time
 * checks to pass, derived from the model. The shipped declaration's facts are a reviewed file
 * (test/fixtures/facts/shipped.json, a claim about the account); `factsHolding` serves the fixture topologies and
 * checks that the file still covers the declaration (`missingFacts`).
 */
import type { TopologyModel } from '../../lib/topology/model';

export type Facts = Record<string, Record<string, unknown>>;

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export function factsHolding(model: TopologyModel): Facts {
  const units = model.units;
  const zones = unique(units.flatMap((u) => u.zones));
  const certNumbers = unique([
    ...units.map((u) => u.certificateId.split('-')[0]),
    ...(model.access.listener.protocol === 'https' ? [model.access.listener.certificateId.split('-')[0]] : []),
  ]);
  // An image looked up by name needs only its name; a declared one its id (the stand-in makes up the rest).
  const images = unique(units.map((u) => u.sizing.app.imageId ?? '')).map((id) =>
    id ? { id, image_id: id, name: model.platform.appImageName, status: 'Available' } : { name: model.platform.appImageName, status: 'Available' },
  );
  const zoneList = zones.map((id) => ({ id, multi_zone_ids: [] }));
  const types = unique(units.map((u) => u.sizing.app.instanceType));
  const classes = unique(units.map((u) => u.sizing.database.instanceClass));
  const kms = unique(units.flatMap((u) => (u.encryption.kmsInstanceId ? [u.encryption.kmsInstanceId] : [])));
  const role = 'AliyunRDSInstanceEncryptionDefaultRole';
  return {
    alicloud_images: { images },
    alicloud_instance_types: {
      ids: types,
      instance_types: types.map((id) => ({ id, availability_zones: unique(units.filter((u) => u.sizing.app.instanceType === id).flatMap((u) => u.zones)) })),
    },
    alicloud_db_instance_classes: {
      ids: classes,
      instance_classes: classes.map((instance_class) => ({ instance_class, storage_range: { min: '20', max: '32000', step: '5' }, zone_ids: [] })),
    },
    alicloud_db_zones: { ids: zones, zones: zoneList },
    alicloud_kvstore_instance_classes: { instance_classes: unique(units.map((u) => u.sizing.cache.instanceClass)) },
    alicloud_kvstore_zones: { ids: zones, zones: zoneList },
    alicloud_ram_roles: { ids: [role], names: [role], roles: [{ id: role, name: role }] },
    alicloud_ssl_certificates_service_certificates: {
      ids: certNumbers,
      certificates: certNumbers.map((id) => ({
        id,
        cert_id: id,
        common: `*.${model.access.domain}`,
        sans: `*.${model.access.domain},${model.access.domain}`,
        expired: false,
      })),
    },
    alicloud_alidns_domains: {
      ids: [model.access.domain],
      names: [model.access.domain],
      domains: [{ id: model.access.domain, domain_name: model.access.domain }],
    },
    alicloud_cen_transit_router_available_resources: { resources: [{ available_zones: zones, master_zones: [], slave_zones: [], support_multicast: false }] },
    ...(kms.length ? { alicloud_kms_instances: { ids: kms, instances: kms.map((instance_id) => ({ instance_id })) } } : {}),
  };
}

/** What `required` holds that `actual` lacks: each list element of `required` must match one of `actual`'s. */
export function missingFacts(required: unknown, actual: unknown, at = ''): string[] {
  const covers = (r: unknown, a: unknown): boolean => missingFacts(r, a).length === 0;
  if (Array.isArray(required)) {
    if (!Array.isArray(actual)) return [`${at}: not a list`];
    return required.flatMap((r, i) => (actual.some((a) => covers(r, a)) ? [] : [`${at}[${i}]: ${JSON.stringify(r)} is missing`]));
  }
  if (typeof required === 'object' && required !== null) {
    if (typeof actual !== 'object' || actual === null) return [`${at}: missing`];
    return Object.entries(required).flatMap(([k, v]) => missingFacts(v, (actual as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
  }
  return required === actual ? [] : [`${at}: ${JSON.stringify(actual)} is not ${JSON.stringify(required)}`];
}
