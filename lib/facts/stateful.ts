/**
 * Resource types that hold data (or money) a destroy cannot give back, with what would be lost. The one list both
 * guards read: the policy pack requires `PREVENT_DESTROY` on each (ALI-PROT-1), and the plan review puts a
 * replacement, removal or move of one at the top of its output as a data-loss risk (prevent_destroy stops a
 * replacement at apply time, but removing or moving the resource in code removes the guard with it).
 */
export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
  alicloud_db_instance: 'RDS instance: databases, backups and binlogs',
  alicloud_db_database: 'RDS database: its tables and rows',
  alicloud_kvstore_instance: 'Redis/Tair instance: cached sessions and queues',
  alicloud_oss_bucket: 'OSS bucket: stored files and their versions',
  alicloud_kms_key: 'KMS key: everything encrypted with it becomes unreadable',
  alicloud_kms_secret: 'KMS secret: the stored secret value',
  alicloud_log_project: 'SLS log project: audit and access logs',
  alicloud_log_store: 'SLS logstore: audit and access logs',
  alicloud_ga_accelerator: 'GA accelerator: access-point IP addresses users and DNS point at',
  alicloud_ga_bandwidth_package: 'GA bandwidth package: a subscription keeps billing after destroy',
  alicloud_cen_bandwidth_package: 'CEN bandwidth package: a subscription keeps billing after destroy',
  alicloud_ots_instance: 'Tablestore instance: its tables and rows (including Terraform state locks)',
  alicloud_ots_table: 'Tablestore table: its rows (including Terraform state locks)',
  alicloud_nas_file_system: 'NAS file system: stored files',
  alicloud_eip_address: 'EIP: the public address clients and allowlists know',
};

export function isStateful(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(STATEFUL_TYPES, type);
}
