/**
 * The account prerequisites no data source can check, derived from the model: what Alibaba Cloud must have approved,
 * activated or authorised before a deploy can succeed, why this declaration needs it, and the document that says how.
 * What a data source can answer is checked at plan time instead (docs/unit.md, "Plan-time checks"); where both apply,
 * `alsoCheckedAtPlan` says so.
 */
import type { TopologyModel } from '../topology/model';

export interface Prerequisite {
  readonly id: string;
  readonly title: string;
  /** Why this declaration needs it: the units, links, hostnames or fields that do. */
  readonly because: string;
  /** What to do. */
  readonly how: string;
  /** Documents that say how. */
  readonly links: readonly string[];
  /** Before which deploy step it must be in place. */
  readonly before: string;
  /** A plan-time check also catches it (its message names the field). */
  readonly alsoCheckedAtPlan?: boolean;
}

const DOCS = {
  enterpriseVerification: 'https://www.alibabacloud.com/help/en/account/account-verification-faqs',
  cenBandwidthPlan: 'https://help.aliyun.com/en/cen/user-guide/work-with-a-bandwidth-plan',
  dtsErrors: 'https://alibabacloud.com/help/en/dts/support/common-error-codes-returned-when-you-configure-dts-tasks-and-solutions',
  gaPayg: 'https://www.alibabacloud.com/help/doc-detail/153200.htm',
  gaCrossBorderMode: 'https://alibabacloud.com/help/en/ga/developer-reference/api-ga-2019-11-20-updateacceleratorcrossbordermode',
  icp: 'https://www.alibabacloud.com/help/en/icp-filing/product-overview/what-is-an-icp-filing',
  rdsTde: 'https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-tde-for-an-apsaradb-rds-for-mysql-instance',
  rdsEncryptionRole: 'https://www.alibabacloud.com/help/en/ram/developer-reference/aliyunrdsinstanceencryptionrolepolicy-1',
  serviceLinkedRoles: 'https://www.alibabacloud.com/help/doc-detail/160674.htm',
  actionTrailRole: 'https://www.alibabacloud.com/help/doc-detail/119223.htm',
  essRole: 'https://www.alibabacloud.com/help/en/auto-scaling/getting-started/manage-the-service-linked-role-for-auto-scaling',
  kmsCreateKey: 'https://help.aliyun.com/zh/kms/support/api-kms-createkey',
  dingTalkRobot: 'https://www.alibabacloud.com/help/en/doc-detail/106247.htm',
  putContact: 'https://www.alibabacloud.com/help/doc-detail/114923.html',
  cmsContactRos: 'https://www.alibabacloud.com/help/ros/developer-reference/aliyun-cms-contact',
} as const;

const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** Every prerequisite of the declaration, in deploy order. */
export function accountPrerequisites(model: TopologyModel): Prerequisite[] {
  const out: Prerequisite[] = [];
  const mainland = model.units.filter((u) => u.regionInfo.mainland);
  const crossPeers = model.interconnect.peers.filter((p) => p.crossBorder);
  const unitsById = model.unitsById;
  const crossJobs = model.replication.jobs.filter(
    (j) => unitsById[j.source.unitId].regionInfo.mainland !== unitsById[j.destination.unitId].regionInfo.mainland,
  );
  const cb = model.access.crossBorder;

  const needsVerification = [
    ...(mainland.length && model.units.some((u) => !u.regionInfo.mainland)
      ? [`units in mainland China (${list(mainland.map((u) => u.id))}) and outside it`]
      : []),
    ...crossPeers.map((p) => `the cross-border CEN connection ${p.near.unitId} ↔ ${p.far.unitId}`),
    ...(cb.billing !== 'none' ? [`cross-border GA carriage (access.crossBorder.billing "${cb.billing}")`] : []),
  ];
  if (needsVerification.length) {
    out.push({
      id: 'enterprise-verification',
      title: 'Enterprise real-name verification of the account',
      because: `${list(needsVerification)}: cross-border CEN bandwidth, cross-border GA and services in the Chinese mainland are sold to verified enterprises only`,
      how: 'complete enterprise identity verification in Account Center (manual review, about 3 business days); it cannot be undone',
      links: [DOCS.enterpriseVerification, DOCS.gaCrossBorderMode],
      before: 'the first deploy',
    });
  }
  for (const p of crossPeers) {
    out.push({
      id: `cen-cross-border-${p.key}`,
      title: `CEN cross-border connection ${p.near.unitId} (${p.near.region}) ↔ ${p.far.unitId} (${p.far.region})`,
      because: `flows ${list(p.flowKeys)} cross the mainland border; billing "${p.billing}" (interconnect.crossBorderBilling)`,
      how:
        p.billing === 'bandwidth-package'
          ? `the cross-border bandwidth plan (${p.near.cenGeographicRegion} ↔ ${p.far.cenGeographicRegion}) is sold after Alibaba Cloud approves the cross-border application of the verified account; apply in the CEN console`
          : 'pay-by-data-transfer across the border needs the account to be allowed for cross-border data transfer; apply in the CEN console',
      links: [DOCS.cenBandwidthPlan],
      before: `deploying ${model.stackNames.link}`,
    });
  }
  if (crossJobs.length) {
    out.push({
      id: 'dts-cross-border',
      title: 'DTS cross-border synchronization allowed for the account',
      because: `replication jobs ${list(crossJobs.map((j) => j.key))} run across the mainland border; buying their instances fails with DTS.Msg.LXCreateOrderError until the account's UID is allowed`,
      how: "submit DTS's cross-border compliance commitment (a ticket) so the account's UID is allowed; the commitment is not a legal basis for personal data, the flows' legal bases are",
      links: [DOCS.dtsErrors],
      before: `deploying ${model.stackNames.link}`,
    });
  }
  if (model.access.payment.type === 'PayAsYouGo' || cb.billing === 'cdt') {
    out.push({
      id: 'ga-payg-cdt',
      title: 'Global Accelerator pay-as-you-go and Cloud Data Transfer (CDT)',
      because: `access.payment is ${model.access.payment.type}${cb.billing === 'cdt' ? ' and access.crossBorder.billing is "cdt"' : ''}: the accelerator is billed by data transfer through CDT`,
      how: 'activate GA (pay-as-you-go) in the GA console; creating a pay-by-data-transfer accelerator activates CDT, whose fees then apply; a cross-border mode "private" also needs enterprise verification',
      links: [DOCS.gaPayg, DOCS.gaCrossBorderMode],
      before: `deploying ${model.stackNames.accel}`,
    });
  }
  const mainlandHosts = model.access.hostnames.filter((h) => unitsById[h.unitId]?.regionInfo.mainland);
  if (mainlandHosts.length) {
    out.push({
      id: 'icp-filing',
      title: `ICP filing of ${model.access.domain}`,
      because: `${list(mainlandHosts.map((h) => h.fqdn))} are served from the mainland (unit ${list([...new Set(mainlandHosts.map((h) => h.unitId))])}); Alibaba Cloud blocks a domain resolving to a mainland server without one`,
      how: 'file the domain with the Alibaba Cloud ICP Filing service (China-site account, a mainland instance) before its records point at mainland endpoints',
      links: [DOCS.icp],
      before: `deploying ${model.stackNames.accel} (DNS records)`,
    });
  }
  const tdeUnits = model.units.filter((u) => u.encryption.tde === 'unit-key');
  if (tdeUnits.length) {
    out.push({
      id: 'rds-encryption-role',
      title: 'RDS authorised to use KMS keys (AliyunRDSInstanceEncryptionDefaultRole)',
      because: `units ${list(tdeUnits.map((u) => u.id))} encrypt RDS data files with the unit key (encryption.tde "unit-key"); RDS also uses the role for its disks' unit-key encryption`,
      how: 'authorise RDS to access KMS once for the account (RDS console, TDE or cloud-disk encryption settings), which creates the role',
      links: [DOCS.rdsTde, DOCS.rdsEncryptionRole],
      before: 'deploying the unit stacks',
      alsoCheckedAtPlan: true,
    });
  }
  const kmsUnits = model.units.filter((u) => u.encryption.keyStore === 'kms-instance');
  if (kmsUnits.length) {
    out.push({
      id: 'kms-instance',
      title: 'KMS instances bought in the unit regions',
      because: `units ${list(kmsUnits.map((u) => `${u.id} (${u.encryption.kmsInstanceId}, ${u.region})`))} keep their keys in a KMS instance`,
      how: 'buy each instance in its region and give its id in encryption.kmsInstanceId; dkms_instance_id forces a new key, so it is final',
      links: [DOCS.kmsCreateKey],
      before: 'deploying the unit stacks',
      alsoCheckedAtPlan: true,
    });
  }
  out.push({
    id: 'service-linked-roles',
    title: 'Service-linked roles of Auto Scaling and ActionTrail',
    because: `every unit scales its app tier with Auto Scaling and delivers its ActionTrail trail to its log project`,
    how: 'create AliyunServiceRoleForAutoScaling (prompted at the first scaling group) and the role the trails write with (AliyunServiceRoleForActionTrail; the legacy aliyunactiontraildefaultrole where a trail still names it) with an account that may call ram:CreateServiceLinkedRole',
    links: [DOCS.essRole, DOCS.actionTrailRole, DOCS.serviceLinkedRoles],
    before: 'deploying the unit stacks',
  });
  const ding = model.units.flatMap((u) => u.monitoring.contacts.filter((c) => c.dingTalkVariable).map((c) => ({ u, c })));
  if (ding.length) {
    out.push({
      id: 'dingtalk-webhooks',
      title: 'DingTalk group robots for the alarm contacts',
      because: `contacts ${list(ding.map(({ c }) => c.name))} post to a DingTalk group robot (dingTalk: true), the channel that needs no activation`,
      how: `add a custom robot to each team's DingTalk group (security setting: a keyword CloudMonitor's alarm text contains, or CloudMonitor's addresses), and export its webhook URL before every plan or deploy: ${ding
        .map(({ c }) => `TF_VAR_${c.dingTalkVariable}`)
        .join(', ')} (secrets: never in the declaration or the code)`,
      links: [DOCS.dingTalkRobot, DOCS.putContact],
      before: 'planning or deploying the unit stacks',
      alsoCheckedAtPlan: true,
    });
  }
  const mail = model.units.flatMap((u) => u.monitoring.contacts.filter((c) => c.email).map((c) => ({ u, c })));
  if (mail.length) {
    out.push({
      id: 'email-activation',
      title: 'Activation of the alarm mailboxes',
      because: `CloudMonitor delivers mail to ${list(mail.map(({ c }) => `${c.email} (${c.name})`))} only after the recipient clicks the activation link it sends`,
      how: "after deploying each unit stack, have each mailbox open CloudMonitor's activation mail and click the link; until then only the DingTalk robots receive alarms",
      links: [DOCS.cmsContactRos, DOCS.putContact],
      before: 'relying on the alarms (after the unit deploys)',
    });
  }
  return out;
}

/** The prerequisites as text, one block each. */
export function formatPrerequisites(items: readonly Prerequisite[]): string {
  return items
    .map(
      (p, i) =>
        `${i + 1}. ${p.title}${p.alsoCheckedAtPlan ? ' (also checked at plan time)' : ''}\n   why:    ${p.because}\n   how:    ${p.how}\n   before: ${p.before}\n${p.links.map((l) => `   see:    ${l}`).join('\n')}`,
    )
    .join('\n\n');
}
