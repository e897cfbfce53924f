import { asNumber, shown } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

/** Shortest log retention accepted, days. */
export const MIN_LOG_RETENTION_DAYS = 180;

export const LogStoreRetention: PolicyRule = {
  id: 'ALI-SLS-1',
  name: 'LogStoreRetention',
  level: 'error',
  resourceTypes: ['alicloud_log_store'],
  info: `The logstore keeps logs for less than ${MIN_LOG_RETENTION_DAYS} days`,
  explanation: 'Audit, flow and access logs are evidence; the provider default of 30 days is gone before most incidents are noticed.',
  fix: `set retention_period to ${MIN_LOG_RETENTION_DAYS} or more (3650 keeps logs permanently)`,
  equivalents: ['KICS log_retention_is_not_greater_than_90_days (this rule asks 180)', 'InfraGuard sls-logstore-ttl-configured'],
  evaluate(store) {
    const days = asNumber(store.config.retention_period ?? 30);
    if (days === 'reference') return unknown(`retention_period is the reference ${store.config.retention_period}`);
    if (days !== undefined && days >= MIN_LOG_RETENTION_DAYS) return COMPLIANT;
    return nonCompliant(`retention_period is ${shown(store.config.retention_period)}${store.config.retention_period === undefined ? ' (30 days)' : ''}`);
  },
};
