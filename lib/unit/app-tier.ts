import { Fn, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { DataAlicloudImages } from '../../.gen/providers/alicloud/data-alicloud-images';
import { DataAlicloudInstanceTypes } from '../../.gen/providers/alicloud/data-alicloud-instance-types';
import { EcsLaunchTemplate } from '../../.gen/providers/alicloud/ecs-launch-template';
import { EssAlbServerGroupAttachment } from '../../.gen/providers/alicloud/ess-alb-server-group-attachment';
import { EssScalingGroup } from '../../.gen/providers/alicloud/ess-scaling-group';
import { RamPolicy } from '../../.gen/providers/alicloud/ram-policy';
import { RamRole } from '../../.gen/providers/alicloud/ram-role';
import { RamRolePolicyAttachment } from '../../.gen/providers/alicloud/ram-role-policy-attachment';
import { addTags } from '../core/tags';
import type { AppSizingModel } from '../topology/model';

export interface UnitAppTierProps {
  /** The unit's id, for descriptions. */
  readonly unitId: string;
  /** The unit's region: the KMS key's ARN names it. */
  readonly region: string;
  /** The unit's zones, in order: the scaling group spreads over them. */
  readonly zones: readonly string[];
  readonly names: { readonly role: string; readonly policy: string; readonly launchTemplate: string; readonly scalingGroup: string };
  readonly sizing: AppSizingModel;
  /** Name the image pipeline publishes the app image under, looked up when the unit declares no image id. */
  readonly appImageName: string;
  /** App-tier vSwitch ids by zone. */
  readonly appVswitchIds: Readonly<Record<string, string>>;
  readonly securityGroupId: string;
  /** The unit's KMS key: encrypts the instances' disks; the instances may use it, no other key. */
  readonly kmsKeyId: string;
  /** The unit's files bucket: the only bucket the instances may touch. */
  readonly filesBucketName: string;
  /** The OOS secret parameters of the app's credentials (database, Redis): the instances read these, no others. */
  readonly secretParameterNames: readonly string[];
  /** ALB server group the scaling group registers its instances in. */
  readonly albServerGroupId: string;
  readonly appPort: number;
  /**
   * What the instances need the moment they boot: outbound NAT (SNAT entries), their database account's privileges,
   * Redis and the secret parameters holding their credentials. The scaling group starts instances as soon as it is
   * enabled, so it waits for all of them.
   * @default []
   */
  readonly startAfter?: readonly ITerraformDependable[];
  /** The declaration fields behind the image, the instance type and the zones, for the plan-time checks' messages. */
  readonly fields: { readonly image: string; readonly instanceType: string; readonly zones: string };
}

/** Port the app image listens on (a contract with the image pipeline). */
export const APP_PORT = 8080;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The unit's app tier: an ESS scaling group over the app vSwitches of every zone, launching from a template
 * whose disks are encrypted with the unit's key, registered in the ALB's app server group. The instances get a
 * RAM role that reaches their own unit's files bucket and KMS key, and nothing else.
 */
export class UnitAppTier extends Construct {
  readonly role: RamRole;
  readonly policy: RamPolicy;
  readonly launchTemplate: EcsLaunchTemplate;
  readonly scalingGroup: EssScalingGroup;
  /** The image the instances boot: declared, or looked up by name in the unit's region. */
  readonly imageId: string;

  constructor(scope: Construct, id: string, props: UnitAppTierProps) {
    super(scope, id);
    const { unitId, names, sizing } = props;

    this.role = new RamRole(this, 'role', {
      roleName: names.role,
      description: `App instances of unit ${unitId}`,
      assumeRolePolicyDocument: JSON.stringify({
        Version: '1',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } }],
      }),
      maxSessionDuration: 3600,
    });
    const bucket = props.filesBucketName;
    this.policy = new RamPolicy(this, 'policy', {
      policyName: names.policy,
      description: `Files bucket, own credentials and KMS key of unit ${unitId}, nothing else`,
      policyDocument: Fn.jsonencode({
        Version: '1',
        Statement: [
          {
            Effect: 'Allow',
            Action: [
              'oss:GetObject',
              'oss:PutObject',
              'oss:DeleteObject',
              'oss:GetObjectVersion',
              'oss:ListObjects',
              'oss:ListObjectVersions',
              'oss:AbortMultipartUpload',
              'oss:ListParts',
            ],
            Resource: [`acs:oss:*:*:${bucket}`, `acs:oss:*:*:${bucket}/*`],
          },
          {
            Effect: 'Allow',
            Action: ['oos:GetSecretParameter'],
            Resource: props.secretParameterNames.map((name) => `acs:oos:${props.region}:*:secretparameter/${name}`),
          },
          {
            Effect: 'Allow',
            Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
            Resource: [`acs:kms:${props.region}:*:key/${props.kmsKeyId}`],
          },
        ],
      }),
      rotateStrategy: 'DeleteOldestNonDefaultVersionWhenLimitExceeded',
    });
    new RamRolePolicyAttachment(this, 'policy-attachment', {
      roleName: this.role.roleName,
      policyName: this.policy.policyName,
      policyType: 'Custom',
    });

    // The image must exist in the unit's region before anything boots. The lookup's postcondition fails the plan with
    // the declaration field named; without it, `images[0]` would fail with an index error
    // (data.alicloud_images returns an empty list when nothing matches, alicloud/data_source_alicloud_images.go:352-354).
    const images = new DataAlicloudImages(this, 'image', {
      ...(sizing.imageId
        ? { imageId: sizing.imageId, nameRegex: '.+' }
        : { nameRegex: `^${escapeRegex(props.appImageName)}$`, owners: 'self', mostRecent: true }),
      status: 'Available',
      lifecycle: {
        postcondition: [
          {
            condition: '${length(self.images) > 0}',
            errorMessage: sizing.imageId
              ? `${props.fields.image}: image ${sizing.imageId} is not available to this account in ${props.region}; copy the app image into ${props.region} and give its id there, or leave imageId out to use platform.appImageName`
              : `${props.fields.image}: no available image named ${props.appImageName} owned by this account in ${props.region}; copy the app image into ${props.region} under that name (docs/unit.md, "Before the first deploy"), or declare units.${unitId}.sizing.app.imageId`,
          },
        ],
      },
    });
    this.imageId = sizing.imageId ?? images.images.get(0).id;

    // The instance type must be sold, pay-as-you-go with an ESSD system disk, in every zone the group spans.
    // data.alicloud_instance_types errors on an unknown or sold-out availability_zone before any condition could
    // name the field (alicloud/service_alicloud_ecs.go:507-524), so it is asked for the type alone and the zones are
    // compared here (`availability_zones` lists the zones where the type is not sold out,
    // alicloud/data_source_alicloud_instance_types.go:262-280).
    const zonesOf = `flatten([for t in self.instance_types : t.availability_zones if t.id == "${sizing.instanceType}"])`;
    new DataAlicloudInstanceTypes(this, 'instance-type', {
      instanceType: sizing.instanceType,
      instanceChargeType: 'PostPaid',
      systemDiskCategory: 'cloud_essd',
      lifecycle: {
        postcondition: props.zones.map((zone, i) => ({
          condition: `\${contains(${zonesOf}, "${zone}")}`,
          errorMessage: `${props.fields.instanceType}: ${sizing.instanceType} is not sold pay-as-you-go with an ESSD system disk in ${zone} (${props.fields.zones}[${i}]); choose a type offered in every zone of the unit (data.alicloud_instance_types lists them), or other zones`,
        })),
      },
    });

    const encrypted = { category: 'cloud_essd', encrypted: true, kmsKeyId: props.kmsKeyId, deleteWithInstance: true };
    this.launchTemplate = new EcsLaunchTemplate(this, 'launch-template', {
      launchTemplateName: names.launchTemplate,
      description: `App instances of unit ${unitId}`,
      imageId: this.imageId,
      instanceType: sizing.instanceType,
      instanceChargeType: 'PostPaid',
      instanceName: names.scalingGroup,
      networkType: 'vpc',
      securityGroupIds: [props.securityGroupId],
      ramRoleName: this.role.roleName,
      // No public address: outbound traffic leaves through the unit's NAT gateway.
      internetMaxBandwidthOut: 0,
      // Metadata only through session tokens (IMDSv2-style), so a request-forgery bug cannot read role credentials.
      httpEndpoint: 'enabled',
      httpTokens: 'required',
      securityEnhancementStrategy: 'Active',
      systemDisk: { ...encrypted, size: sizing.systemDiskGb, performanceLevel: 'PL0' },
      dataDisks: [{ ...encrypted, size: sizing.dataDiskGb, performanceLevel: 'PL0', name: 'app-data' }],
    });
    addTags(this.launchTemplate, { tier: 'app' });

    this.scalingGroup = new EssScalingGroup(this, 'scaling-group', {
      scalingGroupName: names.scalingGroup,
      minSize: sizing.minInstances,
      maxSize: sizing.maxInstances,
      vswitchIds: props.zones.map((zone) => props.appVswitchIds[zone]),
      // Spread evenly over the zones so a zone outage leaves the other half serving.
      multiAzPolicy: 'BALANCE',
      azBalance: true,
      // The provider enables a group created with a launch template (ESS creates groups inactive).
      launchTemplateId: this.launchTemplate.id,
      launchTemplateVersion: 'Latest',
      removalPolicies: ['OldestInstance', 'NewestInstance'],
      defaultCooldown: 300,
      healthCheckType: 'ECS',
      ...(props.startAfter?.length ? { dependsOn: [...props.startAfter] } : {}),
    });
    new EssAlbServerGroupAttachment(this, 'alb-attachment', {
      scalingGroupId: this.scalingGroup.id,
      albServerGroupId: props.albServerGroupId,
      port: props.appPort,
      weight: 100,
      forceAttach: true,
    });
  }
}
