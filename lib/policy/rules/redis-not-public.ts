import { isReference, isWorld } from '../values';
import { COMPLIANT, nonCompliant, PolicyRule, unknown } from '../types';

export const RedisNotPublic: PolicyRule = {
  id: 'ALI-KVS-3',
  name: 'RedisNotPublic',
  level: 'error',
  resourceTypes: ['alicloud_kvstore_instance'],
  info: 'The Redis instance accepts connections from any address',
  explanation: '0.0.0.0/0 in the whitelist opens the cache (sessions, tokens) to anyone who reaches an endpoint.',
  fix: 'list only the app tier in security_ips',
  equivalents: ['InfraGuard redis-public-and-any-ip-access-check'],
  evaluate(redis) {
    const ips = redis.config.security_ips;
    if (ips === undefined) return COMPLIANT;
    if (isReference(ips)) return unknown(`security_ips is the reference ${ips}`);
    const list = Array.isArray(ips) ? ips : String(ips).split(',');
    const world = list.find(isWorld);
    if (world) return nonCompliant(`security_ips contains ${JSON.stringify(world)}`);
    const ref = list.find(isReference);
    if (ref) return unknown(`security_ips contains the reference ${ref}`);
    return COMPLIANT;
  },
};
