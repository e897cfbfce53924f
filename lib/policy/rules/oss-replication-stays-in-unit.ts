import { firstBlock, isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const OSSReplicationStaysInUnit: PolicyRule = {
  id: 'ALI-OSS-6',
  name: 'OSSReplicationStaysInUnit',
  level: 'error',
  resourceTypes: ['alicloud_oss_bucket_replication'],
  info: "OSS replication copies a unit's objects out of the unit's region",
  explanation:
    "A unit's buckets hold its staff's files; residency rules (Vietnam's data out of China, and the reverse) forbid copies in another unit's region.",
  fix: "replicate only to a bucket in the unit's own region (destination.location = oss-<unit region>), or remove the replication",
  equivalents: [],
  evaluate(replication, context) {
    const location = firstBlock(replication.config.destination)?.location;
    if (typeof location !== 'string') return nonCompliant(`destination.location is ${shown(location)}`);
    if (isReference(location)) return unknown(`destination.location is the reference ${location}`);
    if (!context.model) return unknown('no topology model given to the policy pack, so unit regions are unknown');
    const region = location.replace(/^oss-/, '');
    if (context.unit) {
      return region === context.unit.region
        ? COMPLIANT
        : nonCompliant(`destination ${location} is outside unit ${context.unit.id}'s region ${context.unit.region}`);
    }
    // Outside unit stacks (state buckets, for example) replication must still not land in a unit's region.
    const other = context.model.units.find((u) => u.region === region);
    return other ? nonCompliant(`destination ${location} is unit ${other.id}'s region`) : COMPLIANT;
  },
};
