import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { GaEndpointGroup } from '../../.gen/providers/alicloud/ga-endpoint-group';
import { GaForwardingRule } from '../../.gen/providers/alicloud/ga-forwarding-rule';
import { GaListener } from '../../.gen/providers/alicloud/ga-listener';
import type { ResolvedAccess } from '../topology/access';
import { accessEndpointGroupName, accessNames, accessRuleName } from '../topology/naming';
import { metricAlarm } from '../core/alarms';
import { addTags } from '../core/tags';
import type { AlarmModel } from '../topology/alarms';

/** What routing needs of a unit: its region and its ALB (as the unit stack published it). */
export interface AccessUnit {
  readonly region: string;
  readonly albId: string;
}

export interface AccessRoutingProps {
  readonly orgPrefix: string;
  readonly access: ResolvedAccess;
  /** Outputs of every unit stack, by unit id; each routed unit's ALB becomes an endpoint. */
  readonly units: Readonly<Record<string, AccessUnit>>;
  readonly acceleratorId: string;
  /** Listeners wait for these (the accelerator's bandwidth-package attachments). */
  readonly dependsOn: readonly ITerraformDependable[];
  /** Provider bound to the GA API region (cn-hangzhou). */
  readonly provider: TerraformProvider;
  /**
   * The alarms of each unit's endpoint group, one per access point, by unit id (the model's `alarms.access`).
   * @default - none
   */
  readonly endpointGroupAlarms?: Readonly<Record<string, readonly AlarmModel[]>>;
}

/**
 * Priority of the host rule at `index` (hostnames in label order). GA takes 1-10000, lower first (CreateForwardingRules,
 * GA SDK 2019-11-20); the provider has no default and stores what the server assigns (alicloud/resource_alicloud_ga_forwarding_rule.go:40-44,322),
 * so every rule gets an explicit, unique one. Steps of 10 leave room for a rule placed by hand in an emergency.
 */
export function forwardingRulePriority(index: number): number {
  return (index + 1) * 10;
}

/** TLS 1.2 and 1.3 only, strong ciphers: the most modern policy GA offers. */
export const GA_TLS_POLICY = 'tls_cipher_policy_1_2_strict_with_1_3';
/** Health checks: failures (and successes) in a row before GA takes an endpoint out of (or back into) service. */
const HEALTH_THRESHOLD = 3;
/** Every unit has one ALB; weight 0 would stop its traffic. */
const ALB_WEIGHT = 100;

/**
 * Listeners, one endpoint group per unit (its ALB in its own region) and host-based forwarding rules:
 * `<label>.<domain>` goes to the endpoint group of the unit that owns the data behind it.
 *
 * HTTPS: GA terminates TLS and forwards to the unit ALBs over HTTPS. The endpoint groups are `virtual`, the type
 * GA forwarding rules target, so a host no rule names reaches no unit rather than a default one. A second, HTTP
 * listener has no endpoint group at all: its one rule redirects every declared host to HTTPS.
 * TCP: GA passes TLS through to the one routed unit's ALB (validation allows one unit, since GA cannot read the host).
 */
export class AccessRouting extends Construct {
  readonly listener: GaListener;
  readonly redirectListener?: GaListener;
  /** Endpoint groups by unit id. */
  readonly endpointGroups: Readonly<Record<string, GaEndpointGroup>>;
  /** Forwarding rules by host label (HTTPS only). */
  readonly forwardingRules: Readonly<Record<string, GaForwardingRule>>;

  constructor(scope: Construct, id: string, props: AccessRoutingProps) {
    super(scope, id);
    const { access, provider, acceleratorId } = props;
    const names = accessNames(props.orgPrefix);
    const listener = access.listener;
    const https = listener.protocol === 'https';
    const hc = access.healthCheck;

    this.listener = new GaListener(this, https ? 'https-listener' : 'tcp-listener', {
      provider,
      acceleratorId,
      name: https ? names.httpsListener.name : names.tcpListener.name,
      description: https ? 'Terminates TLS and routes each hostname to its unit' : 'Passes TLS through to the unit ALB',
      listenerType: 'Standard',
      protocol: https ? 'HTTPS' : 'TCP',
      portRanges: [{ fromPort: listener.port, toPort: listener.port }],
      clientAffinity: 'NONE',
      ...(listener.protocol === 'https'
        ? {
            certificates: [{ id: listener.certificateId }],
            securityPolicyId: GA_TLS_POLICY,
            httpVersion: 'http2',
            // The client's address reaches the app in X-Real-IP (and X-Forwarded-For, which GA always sets).
            forwardedForConfig: {
              realIpEnabled: true,
              forwardedForProtoEnabled: true,
              forwardedForPortEnabled: true,
              forwardedForGaIdEnabled: true,
              forwardedForGaApEnabled: true,
            },
          }
        : {}),
      ...(props.dependsOn.length ? { dependsOn: [...props.dependsOn] } : {}),
    });

    // HTTPS: every unit gets a (virtual) endpoint group, reached only through the forwarding rules of the
    // hostnames it owns, so a new unit is ready for its hostnames the moment it is declared. TCP: GA would send
    // users to the nearest default group, whatever unit owns their data, so only the one routed unit gets one.
    for (const unitId of access.routedUnitIds) {
      if (!props.units[unitId])
        throw new Error(`access.hostnames routes to unit "${unitId}", which has no unit stack outputs; build every declared unit stack before the accel stack`);
    }
    const endpointUnitIds = https ? Object.keys(props.units).sort() : access.routedUnitIds;
    const groups: Record<string, GaEndpointGroup> = {};
    for (const unitId of endpointUnitIds) {
      const unit = props.units[unitId];
      groups[unitId] = new GaEndpointGroup(this, `endpoint-group-${unitId}`, {
        provider,
        acceleratorId,
        listenerId: this.listener.id,
        name: accessEndpointGroupName(props.orgPrefix, unitId),
        description: `ALB of unit ${unitId}`,
        endpointGroupRegion: unit.region,
        ...(https ? { endpointGroupType: 'virtual', endpointRequestProtocol: 'HTTPS' } : { endpointGroupType: 'default' }),
        endpointConfigurations: [
          {
            type: 'ALB',
            endpoint: unit.albId,
            weight: ALB_WEIGHT,
            // TCP passthrough: GA keeps the client's source address (HTTPS carries it in headers instead).
            ...(https ? {} : { enableClientipPreservation: true }),
          },
        ],
        healthCheckEnabled: true,
        healthCheckProtocol: 'https',
        healthCheckPort: listener.port,
        healthCheckPath: hc.path,
        healthCheckIntervalSeconds: hc.intervalSeconds,
        thresholdCount: HEALTH_THRESHOLD,
      });
      addTags(groups[unitId], { unit: unitId });
    }
    this.endpointGroups = groups;

    // GA's probes of each endpoint group, from every access point: an endpoint group that stops answering loses them.
    for (const [unitId, group] of Object.entries(groups)) {
      for (const alarm of props.endpointGroupAlarms?.[unitId] ?? []) {
        metricAlarm(this, `endpoint-group-${unitId}-alarm-${alarm.key}`, {
          alarm,
          dimensions: { instanceId: acceleratorId, endpointGroupId: group.id },
          provider,
        });
      }
    }

    // "The CreateForwardingRules operation cannot be repeatedly called for the same Global Accelerator (GA) instance
    // within a specific period of time" (https://alibabacloud.com/help/en/ga/developer-reference/api-ga-2019-11-20-createforwardingrules),
    // and the provider does not retry NotActive.Listener on create (resource_alicloud_ga_forwarding_rule.go:267-278):
    // the rules are created one after another, the first once every listener and endpoint group of the accelerator is.
    if (listener.protocol === 'https') {
      this.redirectListener = new GaListener(this, 'http-redirect-listener', {
        provider,
        acceleratorId,
        name: names.redirectListener.name,
        description: 'Redirects HTTP to HTTPS; forwards nothing',
        listenerType: 'Standard',
        protocol: 'HTTP',
        portRanges: [{ fromPort: listener.redirectPort, toPort: listener.redirectPort }],
        clientAffinity: 'NONE',
        ...(props.dependsOn.length ? { dependsOn: [...props.dependsOn] } : {}),
      });
    }
    let previous: ITerraformDependable[] = [this.listener, ...(this.redirectListener ? [this.redirectListener] : []), ...Object.values(groups)];
    const rules: Record<string, GaForwardingRule> = {};
    if (listener.protocol === 'https') {
      access.hostnames.forEach((host, index) => {
        rules[host.label] = new GaForwardingRule(this, `rule-${host.label}`, {
          provider,
          acceleratorId,
          listenerId: this.listener.id,
          forwardingRuleName: accessRuleName(props.orgPrefix, host.label),
          priority: forwardingRulePriority(index),
          dependsOn: previous,
          ruleConditions: [{ ruleConditionType: 'Host', hostConfig: [{ values: [host.fqdn] }] }],
          // rule_action_value, not the deprecated forward_group_config block (provider >= 1.207.0, GA API docs).
          ruleActions: [{ order: 1, ruleActionType: 'ForwardGroup', ruleActionValue: forwardTo(groups[host.unitId].id) }],
        });
        previous = [rules[host.label]];
      });

      new GaForwardingRule(this, 'redirect-rule', {
        provider,
        acceleratorId,
        listenerId: this.redirectListener!.id,
        forwardingRuleName: names.redirectRule.name,
        // The only rule of its listener, created after the host rules (the same accelerator).
        priority: forwardingRulePriority(0),
        dependsOn: previous,
        ruleConditions: [{ ruleConditionType: 'Host', hostConfig: [{ values: access.hostnames.map((h) => h.fqdn) }] }],
        ruleActions: [{ order: 1, ruleActionType: 'Redirect', ruleActionValue: redirectToHttps(listener.port) }],
      });
    }
    this.forwardingRules = rules;
  }
}

/** GA's ForwardGroup action value: the (virtual) endpoint group that receives the request. */
export function forwardTo(endpointGroupId: string): string {
  return `[{"type":"endpointgroup","value":"${endpointGroupId}"}]`;
}

/**
 * GA's Redirect action value (CreateForwardingRules RuleActionValue): keep host, path and query, switch to HTTPS
 * on `port`, permanently. `$${...}` is Terraform's escape for a literal `${...}`, GA's own placeholder syntax.
 */
export function redirectToHttps(port: number): string {
  return JSON.stringify({ protocol: 'HTTPS', domain: '$${host}', port: String(port), path: '$${path}', query: '$${query}', code: '301' });
}
