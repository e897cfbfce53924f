import { asBool, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const RedisReleaseProtection: PolicyRule = {
  id: 'ALI-KVS-1',
  name: 'RedisReleaseProtection',
  level: 'error',
  resourceTypes: ['alicloud_kvstore_instance'],
  info: 'The Redis instance can be released without first lifting release protection',
  explanation: 'Release protection stops an accidental release of the cache that holds sessions and message queues.',
  fix: 'set instance_release_protection = true',
  equivalents: ['InfraGuard redis-instance-release-protection'],
  evaluate(redis) {
    const v = asBool(redis.config.instance_release_protection);
    if (v === true) return COMPLIANT;
    if (v === 'reference') return unknown(`instance_release_protection is the reference ${redis.config.instance_release_protection}`);
    return nonCompliant(`instance_release_protection is ${shown(redis.config.instance_release_protection)}`);
  },
};
