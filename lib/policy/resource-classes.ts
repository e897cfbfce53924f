/** Resource classes several rules share. */

/**
 * Resources whose destruction loses data or keeps billing without control: they need
 * `lifecycle.prevent_destroy` (ALI-PROT-1). A database inside an RDS instance is here too: destroying an
 * `alicloud_db_database` drops the schema and every row in it.
 */
export const STATEFUL_TYPES = [
  'alicloud_db_database',
  'alicloud_db_instance',
  'alicloud_dts_synchronization_instance',
  'alicloud_dts_synchronization_job',
  'alicloud_ga_accelerator',
  'alicloud_ga_bandwidth_package',
  'alicloud_kms_key',
  'alicloud_kvstore_instance',
  'alicloud_log_project',
  'alicloud_log_store',
  'alicloud_oss_bucket',
  'alicloud_ots_instance',
  'alicloud_ots_table',
] as const;

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
