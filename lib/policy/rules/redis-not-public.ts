import type { PolicyRule } from '../types';
import { whitelistVerdict } from '../values';

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
    return whitelistVerdict(redis.config.security_ips);
  },
};
