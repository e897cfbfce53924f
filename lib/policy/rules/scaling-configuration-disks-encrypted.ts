import { asBool, blocks } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const ScalingConfigurationDisksEncrypted: PolicyRule = {
  id: 'ALI-ECS-2',
  name: 'ScalingConfigurationDisksEncrypted',
  level: 'error',
  resourceTypes: ['alicloud_ess_scaling_configuration'],
  info: 'The scaling configuration creates unencrypted disks',
  explanation: 'Instances the scaling group launches carry staff data on their disks like any other; the configuration decides their encryption.',
  fix: 'set system_disk_encrypted = true and encrypted = true on every data_disk block',
  equivalents: [],
  evaluate(config) {
    const disks = [
      { where: 'system_disk_encrypted', encrypted: config.config.system_disk_encrypted },
      ...blocks(config.config.data_disk).map((d, i) => ({ where: `data_disk[${i}].encrypted`, encrypted: d.encrypted })),
    ];
    const plain = disks.filter((d) => asBool(d.encrypted) !== true && asBool(d.encrypted) !== 'reference');
    if (plain.length) return nonCompliant(`${plain.map((d) => d.where).join(', ')} not true`);
    const ref = disks.find((d) => asBool(d.encrypted) === 'reference');
    return ref ? unknown(`${ref.where} is a reference`) : COMPLIANT;
  },
};
