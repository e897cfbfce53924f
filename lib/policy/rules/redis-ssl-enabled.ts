import { isReference, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const RedisSslEnabled: PolicyRule = {
  id: 'ALI-KVS-2',
  name: 'RedisSslEnabled',
  level: 'error',
  resourceTypes: ['alicloud_kvstore_instance'],
  info: 'The Redis instance does not require TLS',
  explanation: 'Sessions and cached messages cross the VPC in clear text without TLS.',
  fix: 'set ssl_enable = "Enable"',
  equivalents: ['InfraGuard redis-instance-enabled-ssl'],
  evaluate(redis) {
    const v = redis.config.ssl_enable;
    if (v === 'Enable' || v === 'Update') return COMPLIANT;
    if (isReference(v)) return unknown(`ssl_enable is the reference ${v}`);
    return nonCompliant(`ssl_enable is ${shown(v)}`);
  },
};
