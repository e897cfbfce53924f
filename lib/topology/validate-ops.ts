/**
 * Validation of the operations fields: each unit's alarm contacts and alarm overrides, its encryption choices, the
 * account-wide CloudMonitor names across units (two units never share a contact or a contact group), and the declared
 * placeholder lists. Same shape as every other problem:
 *   units.sg.encryption.tde: missing is missing; choose "unit-key" (…) or "service-key" (…)
 */
import { METRICS } from '../facts/metrics';
import { UNIT_ALARMS, statisticProblem } from './alarms';
import { checkBool, checkInt, checkKeys, checkOneOf, checkString, isObj, type Obj, type Problems, show } from './checks';
import { checkName } from './naming';
import { contactGroupName, contactName } from './operations';
import { placeholderListProblems } from './placeholders';
import { KEY_STORES, TDE_KEYS, UNIT_ALARM_KEYS, type UnitAlarmKey } from './types-ops';
import type { TopologyDeclaration } from './types';

const ROLE = /^[a-z][a-z0-9_]{1,15}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

/** Checks `monitoring` of one unit. */
export function validateUnitMonitoring(p: Problems, t: TopologyDeclaration, u: Obj, path: string): void {
  const mp = `${path}.monitoring`;
  if (!checkKeys(p, mp, u.monitoring, ['contactGroup', 'contacts', 'alarms'])) return;
  const m = u.monitoring as Obj;
  const prefix = typeof t.org?.prefix === 'string' ? t.org.prefix : undefined;
  const unitId = typeof u.id === 'string' ? u.id : undefined;
  if (m.contactGroup !== undefined) {
    if (checkString(p, `${mp}.contactGroup`, m.contactGroup, /./, 'name the CloudMonitor contact group, or leave it out to derive <org>_<unit>_oncall')) {
      const problem = checkName('cmsContact', m.contactGroup);
      if (problem) p.add(`${mp}.contactGroup`, m.contactGroup, problem, 'or leave it out to derive <org>_<unit>_oncall');
    }
  } else if (prefix && unitId) {
    const problem = checkName('cmsContact', contactGroupName(prefix, unitId));
    if (problem)
      p.add(`${mp}.contactGroup`, contactGroupName(prefix, unitId), `(derived) ${problem}`, 'shorten org.prefix or the unit id, or declare contactGroup');
  }

  if (!Array.isArray(m.contacts) || m.contacts.length === 0) {
    p.add(`${mp}.contacts`, m.contacts, 'has no contacts', 'list who hears the alarms, e.g. [{ role: "oncall", email: "<team mailbox>", dingTalk: true }]');
  } else {
    const roles = new Set<unknown>();
    let channels = 0;
    let dingTalk = 0;
    m.contacts.forEach((c, i) => {
      const cp = `${mp}.contacts[${i}]`;
      if (!checkKeys(p, cp, c, ['role', 'email', 'dingTalk', 'lang', 'name'])) return;
      if (checkString(p, `${cp}.role`, c.role, ROLE, 'name the role in 2-16 lower-case letters, digits or underscores, e.g. "oncall" or "dba"')) {
        if (roles.has(c.role)) p.add(`${cp}.role`, c.role, 'is listed twice', 'give each contact of the unit its own role: the role names the contact');
        roles.add(c.role);
        if (c.name === undefined && prefix && unitId) {
          const problem = checkName('cmsContact', contactName(prefix, unitId, c.role));
          if (problem) p.add(`${cp}.role`, contactName(prefix, unitId, c.role), `(the derived contact name) ${problem}`, 'shorten the role, or declare name');
        }
      }
      if (c.email !== undefined) {
        checkString(p, `${cp}.email`, c.email, EMAIL, 'use a team mailbox such as oncall@your-company.com');
        channels++;
      }
      checkBool(p, `${cp}.dingTalk`, c.dingTalk);
      if (c.dingTalk === true) {
        channels++;
        dingTalk++;
      }
      if (c.lang !== undefined) checkOneOf(p, `${cp}.lang`, c.lang, ['en', 'zh-cn']);
      if (c.name !== undefined && checkString(p, `${cp}.name`, c.name, /./, 'name the contact, or leave name out to derive <org>_<unit>_<role>')) {
        const problem = checkName('cmsContact', c.name);
        if (problem) p.add(`${cp}.name`, c.name, problem, 'or leave name out to derive <org>_<unit>_<role>');
      }
      if (c.email === undefined && c.dingTalk !== true)
        p.add(cp, undefined, 'has no channel', 'give it an email, dingTalk: true, or both (CloudMonitor needs at least one channel per contact)');
    });
    if (dingTalk === 0) {
      p.add(
        `${mp}.contacts`,
        undefined,
        'has no channel that needs no activation: CloudMonitor delivers mail only after the recipient clicks an activation link',
        'set dingTalk: true on a contact (a DingTalk group robot; its webhook is supplied at deploy as TF_VAR_dingtalk_webhook_<unit>_<role>)',
      );
    }
    if (channels < 2) {
      p.add(
        `${mp}.contacts`,
        undefined,
        `reach ${channels} channel${channels === 1 ? '' : 's'}`,
        'declare at least two channels (e.g. a team mailbox and a DingTalk group robot), so one failing channel does not silence the alarms',
      );
    }
  }

  if (m.alarms !== undefined && checkKeys(p, `${mp}.alarms`, m.alarms, UNIT_ALARM_KEYS)) {
    for (const [key, o] of Object.entries(m.alarms as Obj)) {
      if (!(UNIT_ALARM_KEYS as readonly string[]).includes(key)) continue;
      const ap = `${mp}.alarms.${key}`;
      if (!checkKeys(p, ap, o, ['threshold', 'statistic', 'times'])) continue;
      const metric = METRICS[UNIT_ALARMS[key as UnitAlarmKey].metric];
      if (o.threshold !== undefined && (typeof o.threshold !== 'number' || !Number.isFinite(o.threshold)))
        p.add(`${ap}.threshold`, o.threshold, 'is not a number', `give the threshold in ${metric.unit}`);
      if (o.statistic !== undefined) {
        const problem = statisticProblem(metric, o.statistic);
        if (problem) p.add(`${ap}.statistic`, o.statistic, `is not a statistic of the metric: ${problem}`, `use one of ${show(metric.statistics)}`);
      }
      if (o.times !== undefined) checkInt(p, `${ap}.times`, o.times, 1, 100, 'count consecutive periods, 1 to 100');
    }
  }
}

/** Checks `encryption` of one unit: both choices are required, since neither can be undone after the first deploy. */
export function validateUnitEncryption(p: Problems, u: Obj, path: string): void {
  const ep = `${path}.encryption`;
  if (u.encryption === undefined) {
    p.add(
      ep,
      undefined,
      'is missing: where the unit key lives and which key TDE uses are decided before the first deploy',
      'declare { keyStore: "default-key" | "kms-instance", kmsInstanceId?: "kst-..." (with kms-instance), tde: "unit-key" | "service-key" } (docs/unit.md, "Keys and TDE")',
    );
    return;
  }
  if (!checkKeys(p, ep, u.encryption, ['keyStore', 'kmsInstanceId', 'tde'])) return;
  const e = u.encryption as Obj;
  const region = typeof u.region === 'string' ? u.region : 'the unit region';
  checkOneOf(p, `${ep}.keyStore`, e.keyStore, KEY_STORES);
  checkOneOf(p, `${ep}.tde`, e.tde, TDE_KEYS);
  if (e.keyStore === 'kms-instance') {
    checkString(p, `${ep}.kmsInstanceId`, e.kmsInstanceId, /^kst-[a-z0-9]{6,}$/, `give the id of a KMS instance in ${region} (kst-...)`);
  } else if (e.kmsInstanceId !== undefined) {
    p.add(
      `${ep}.kmsInstanceId`,
      e.kmsInstanceId,
      `is only used with keyStore "kms-instance" (keyStore is ${JSON.stringify(e.keyStore)})`,
      'set keyStore: "kms-instance" to keep the key in that instance, or remove kmsInstanceId',
    );
  }
}

/**
 * Account-wide CloudMonitor names across units: a contact or contact group is one object per account, so two units
 * declaring the same name would manage one object from two stacks, each overwriting the other (PutContact is
 * create-or-modify).
 */
export function validateAccountWideNames(p: Problems, t: TopologyDeclaration): void {
  if (!Array.isArray(t.units) || typeof t.org?.prefix !== 'string') return;
  const prefix = t.org.prefix;
  const groups = new Map<string, string>();
  const contacts = new Map<string, string>();
  t.units.forEach((u, i) => {
    if (!isObj(u) || typeof u.id !== 'string' || !isObj(u.monitoring)) return;
    const path = /^[a-z][a-z0-9]*$/.test(u.id) ? `units.${u.id}` : `units[${i}]`;
    const m = u.monitoring as Obj;
    const group = contactGroupName(prefix, u.id, typeof m.contactGroup === 'string' ? m.contactGroup : undefined);
    const other = groups.get(group);
    if (other) {
      p.add(
        `${path}.monitoring.contactGroup`,
        group,
        `is also the contact group of ${other}: contact groups are account-wide, two units would fight over one`,
        'give each unit its own group, or leave contactGroup out to derive <org>_<unit>_oncall',
      );
    } else groups.set(group, `units.${u.id}`);
    (Array.isArray(m.contacts) ? m.contacts : []).forEach((c, j) => {
      if (!isObj(c) || typeof c.role !== 'string') return;
      const name = contactName(prefix, u.id as string, c.role, typeof c.name === 'string' ? c.name : undefined);
      const at = `${path}.monitoring.contacts[${j}]`;
      const seen = contacts.get(name);
      if (seen) {
        p.add(
          `${at}.name`,
          name,
          `is also the contact name of ${seen}: contacts are account-wide, two declarations would fight over one`,
          'give each contact its own name, or leave name out to derive <org>_<unit>_<role>',
        );
      } else contacts.set(name, at);
    });
  });
}

/** The declared placeholder lists: every entry names a field that exists. */
export function validatePlaceholderLists(p: Problems, t: TopologyDeclaration): void {
  const report = (problems: ReturnType<typeof placeholderListProblems>) => problems.forEach((x) => p.add(x.path, x.value, x.problem, x.fix));
  const { units: _units, ...shared } = t;
  report(placeholderListProblems(shared, '', t.placeholders));
  if (!Array.isArray(t.units)) return;
  t.units.forEach((u, i) => {
    if (!isObj(u)) return;
    const path = typeof u.id === 'string' && /^[a-z][a-z0-9]*$/.test(u.id) ? `units.${u.id}` : `units[${i}]`;
    report(placeholderListProblems(u, path, (u as Obj).placeholders));
  });
}
