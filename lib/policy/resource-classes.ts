/** Resource classes several rules share. */
import { STATEFUL_TYPES as STATEFUL_RESOURCES } from '../facts/stateful';

/**
 * Resources whose destruction loses data or keeps billing without control: they need
 * `lifecycle.prevent_destroy` (ALI-PROT-1). The list is the plan review's too (lib/facts/stateful.ts).
 */
export const STATEFUL_TYPES: readonly string[] = Object.keys(STATEFUL_RESOURCES).sort();

/** Resources that hold (or decrypt) staff data, and so must live in their unit's region (ALI-RES-1). */
export const DATA_TYPES = [
  'alicloud_db_database',
  'alicloud_db_instance',
  'alicloud_kms_key',
  'alicloud_kvstore_instance',
  'alicloud_log_project',
  'alicloud_log_store',
  'alicloud_oss_bucket',
  'alicloud_ots_instance',
  'alicloud_ots_table',
] as const;
