import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import type { CmsAlarm } from '../../.gen/providers/alicloud/cms-alarm';
import { CmsAlarmContact } from '../../.gen/providers/alicloud/cms-alarm-contact';
import { CmsAlarmContactGroup } from '../../.gen/providers/alicloud/cms-alarm-contact-group';
import { metricAlarm } from '../core/alarms';
import type { AlarmModel, AlarmSubject } from '../topology/alarms';
import type { ContactModel } from '../topology/model';

export interface UnitMonitoringProps {
  readonly unitId: string;
  /** The unit's region, for the contact group's description. */
  readonly region: string;
  /** The unit's CloudMonitor contact group (account-wide name, derived per unit). */
  readonly contactGroup: string;
  readonly contacts: readonly ContactModel[];
  /** The unit's alarms (the model's `monitoring.alarms`), each built from the metric catalog. */
  readonly alarms: readonly AlarmModel[];
  /** Ids of the resources the alarms watch. */
  readonly subjects: { readonly albId: string; readonly rdsInstanceId: string; readonly redisInstanceId: string };
}

/**
 * DingTalk robot webhook URLs as CloudMonitor takes them (PutContact, Channels.DingWebHook,
 * https://www.alibabacloud.com/help/doc-detail/114923.html). Checked in a precondition, never in a variable
 * `validation`: Terraform prints the value of a variable that fails its validation, sensitive or not.
 */
const WEBHOOK_CONDITION = '^https://oapi\\.dingtalk\\.com/robot/send\\?access_token=[A-Za-z0-9]+$';

/**
 * The unit's alarm contacts (from the declaration: a mailbox and/or a DingTalk group robot each), its contact group and
 * its CloudMonitor alarms on ALB, RDS and Redis.
 *
 * A DingTalk webhook carries the robot's access token: it lives in a sensitive variable of the unit stack, supplied at
 * deploy (`TF_VAR_<variable>`), and reaches only the unit's own state. Plans without it fail with the variable and the
 * declaration field named, so no deploy silently drops the channel that needs no activation. Mail reaches a contact
 * only after the recipient clicks CloudMonitor's activation link (website/docs/r/cms_alarm_contact.html.markdown:47).
 */
export class UnitMonitoring extends Construct {
  readonly contactGroup: CmsAlarmContactGroup;
  readonly alarms: Readonly<Record<string, CmsAlarm>>;
  /** The DingTalk webhook variables, by contact role. */
  readonly webhookVariables: Readonly<Record<string, TerraformVariable>>;

  constructor(scope: Construct, id: string, props: UnitMonitoringProps) {
    super(scope, id);
    const { unitId } = props;
    const stack = TerraformStack.of(this);
    const variables: Record<string, TerraformVariable> = {};
    // Contacts keyed by their role: reordering the list must not replace them.
    const contacts = props.contacts.map((c) => {
      let webhook: TerraformVariable | undefined;
      if (c.dingTalkVariable) {
        // A stack-level variable, named exactly so TF_VAR_<name> sets it.
        webhook = new TerraformVariable(stack, c.dingTalkVariable, {
          type: 'string',
          sensitive: true,
          nullable: true,
          description: `DingTalk group robot webhook URL (with its access token) of ${c.field} (${c.name}); a secret, supplied at deploy as TF_VAR_${c.dingTalkVariable}`,
        });
        // null, so that a plan without it reaches the precondition below, which names the field, instead of stopping
        // at Terraform's "No value for required variable".
        webhook.addOverride('default', null);
        variables[c.role] = webhook;
      }
      const ref = webhook ? `var.${c.dingTalkVariable}` : undefined;
      return new CmsAlarmContact(this, `contact-${c.role}`, {
        alarmContactName: c.name,
        describe: `${c.role} of unit ${unitId}`,
        ...(c.email ? { channelsMail: c.email } : {}),
        ...(webhook ? { channelsDingWebHook: webhook.stringValue } : {}),
        lang: c.lang,
        ...(ref
          ? {
              lifecycle: {
                precondition: [
                  {
                    condition: `\${${ref} != null}`,
                    errorMessage: `${c.field}.dingTalk: the DingTalk robot webhook of contact ${c.name} is not set; export TF_VAR_${c.dingTalkVariable}=<the robot's webhook URL> before planning or deploying (docs/operations.md, "Alarm contacts")`,
                  },
                  {
                    condition: `\${${ref} == null || can(regex("${WEBHOOK_CONDITION.replace(/\\/g, '\\\\')}", ${ref}))}`,
                    errorMessage: `${c.field}.dingTalk: TF_VAR_${c.dingTalkVariable} is not a DingTalk robot webhook; give the URL the robot shows, https://oapi.dingtalk.com/robot/send?access_token=...`,
                  },
                ],
              },
            }
          : {}),
      });
    });
    this.webhookVariables = variables;
    this.contactGroup = new CmsAlarmContactGroup(this, 'contact-group', {
      alarmContactGroupName: props.contactGroup,
      describe: `Alarms of unit ${unitId} (${props.region})`,
      // References, so the group waits for its contacts (PutContactGroup names them).
      contacts: contacts.map((c) => c.alarmContactName),
    });
    const subjects: Partial<Record<AlarmSubject, string>> = {
      alb: props.subjects.albId,
      rds: props.subjects.rdsInstanceId,
      redis: props.subjects.redisInstanceId,
    };
    const alarms: Record<string, CmsAlarm> = {};
    for (const alarm of props.alarms) {
      const subject = subjects[alarm.subject];
      if (!subject || alarm.boundDimensions.length !== 1) throw new Error(`UnitMonitoring: alarm ${alarm.name} watches ${alarm.subject}, which a unit has not`);
      alarms[alarm.key] = metricAlarm(this, alarm.key, {
        alarm,
        dimensions: { [alarm.boundDimensions[0]]: subject },
        contactGroups: [this.contactGroup.alarmContactGroupName],
      });
    }
    this.alarms = alarms;
  }
}
