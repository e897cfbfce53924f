import { asBool, blocks, firstBlock } from '../values';
import { COMPLIANT, nonCompliant, type PolicyRule, unknown } from '../types';

export const LaunchTemplateDisksEncrypted: PolicyRule = {
  id: 'ALI-ECS-1',
  name: 'LaunchTemplateDisksEncrypted',
  level: 'error',
  resourceTypes: ['alicloud_ecs_launch_template'],
  info: 'The launch template creates unencrypted disks',
  explanation:
    'App instances cache files and logs with staff data on their disks; unencrypted disks and their snapshots are readable by anyone who can copy them.',
  fix: 'declare system_disk { encrypted = true } and encrypted = true on every data_disks block',
  equivalents: ['Checkov CKV_ALI_32', 'KICS launch_template_is_not_encrypted', 'InfraGuard ecs-launch-template-version-data-disk-encrypted'],
  evaluate(template) {
    const disks = [
      { where: 'system_disk', encrypted: firstBlock(template.config.system_disk)?.encrypted },
      ...blocks(template.config.data_disks).map((d, i) => ({ where: `data_disks[${i}]`, encrypted: d.encrypted })),
    ];
    const plain = disks.filter((d) => asBool(d.encrypted) !== true && asBool(d.encrypted) !== 'reference');
    if (plain.length) return nonCompliant(`${plain.map((d) => d.where).join(', ')} not encrypted`);
    const ref = disks.find((d) => asBool(d.encrypted) === 'reference');
    return ref ? unknown(`${ref.where}.encrypted is a reference`) : COMPLIANT;
  },
};
