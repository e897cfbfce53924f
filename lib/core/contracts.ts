/**
 * The typed interface between stacks. A unit stack publishes its non-secret outputs as OOS parameters in its own
 * region (`UnitExportsWriter`); the link and accel stacks read them with a provider in that region
 * (`UnitExportsReader`). No stack reads another unit's state file: `terraform_remote_state` would download the whole
 * state, secrets included, into the reader's run (docs/operations.md, "Cross-stack values").
 *
 * The one secret that must travel, the DTS account's password, is a KMS-encrypted OOS secret parameter written by
 * the unit stack and read by the link stack with decryption (`readSecretParameter`).
 */
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { DataAlicloudOosParameters } from '../../.gen/providers/alicloud/data-alicloud-oos-parameters';
import { DataAlicloudOosSecretParameters } from '../../.gen/providers/alicloud/data-alicloud-oos-secret-parameters';
import { OosParameter } from '../../.gen/providers/alicloud/oos-parameter';
import type { UnitExportNames } from '../topology/model';

/** The values themselves: Terraform references in the writing stack, parameter reads in a reading one. */
export interface UnitExportValues {
  readonly vpcId: string;
  readonly routeTableId: string;
  readonly linkVswitchIds: Readonly<Record<string, string>>;
  readonly albId: string;
  readonly albDnsName: string;
  readonly rdsInstanceId: string;
}

type ScalarKey = Exclude<keyof UnitExportValues, 'linkVswitchIds'>;
const SCALARS: readonly ScalarKey[] = ['vpcId', 'routeTableId', 'albId', 'albDnsName', 'rdsInstanceId'];

export interface UnitExportsWriterProps {
  readonly unitId: string;
  readonly names: UnitExportNames;
  readonly values: UnitExportValues;
}

/** Publishes a unit's outputs, one plain (non-secret) OOS parameter each, in the unit stack's own region. */
export class UnitExportsWriter extends Construct {
  constructor(scope: Construct, id: string, props: UnitExportsWriterProps) {
    super(scope, id);
    const write = (key: string, name: string, value: string) =>
      new OosParameter(this, key, {
        parameterName: name,
        type: 'String',
        value,
        description: `Published by unit-${props.unitId} for the link and accel stacks`,
      });
    for (const key of SCALARS) write(key, props.names[key], props.values[key]);
    for (const [zone, name] of Object.entries(props.names.linkVswitchIds)) write(`link-vswitch-${zone}`, name, props.values.linkVswitchIds[zone]);
  }
}

export interface UnitExportsReaderProps {
  readonly unitId: string;
  readonly names: UnitExportNames;
  /** A provider in the unit's region: the parameters live there. */
  readonly provider: TerraformProvider;
  /** Which values this stack reads; the others are not looked up. */
  readonly read: readonly (keyof UnitExportValues)[];
}

/** The value of the one OOS parameter named `name`, with a plan-time check that the producing stack published it. */
function readParameter(scope: Construct, id: string, name: string, unitId: string, provider: TerraformProvider): string {
  const data = new DataAlicloudOosParameters(scope, id, {
    provider,
    ids: [name],
    enableDetails: true,
    lifecycle: {
      postcondition: [
        {
          condition: '${length(self.parameters) == 1}',
          errorMessage: `OOS parameter ${name} is missing: unit-${unitId} publishes it. Deploy unit-${unitId} first (docs/operations.md, deploy order).`,
        },
      ],
    },
  });
  return data.parameters.get(0).value;
}

/** Reads what one unit published. Each value is a Terraform expression of this (reading) stack. */
export class UnitExportsReader extends Construct {
  readonly values: Partial<UnitExportValues>;

  constructor(scope: Construct, id: string, props: UnitExportsReaderProps) {
    super(scope, id);
    const out: Record<string, unknown> = {};
    for (const key of props.read) {
      if (key === 'linkVswitchIds') {
        out.linkVswitchIds = Object.fromEntries(
          Object.entries(props.names.linkVswitchIds).map(([zone, name]) => [
            zone,
            readParameter(this, `link-vswitch-${zone}`, name, props.unitId, props.provider),
          ]),
        );
      } else out[key] = readParameter(this, key, props.names[key], props.unitId, props.provider);
    }
    this.values = out as Partial<UnitExportValues>;
  }

  /** A value this reader was asked to read. */
  get<K extends keyof UnitExportValues>(key: K): UnitExportValues[K] {
    const v = this.values[key];
    if (v === undefined) throw new Error(`UnitExportsReader: ${String(key)} was not among the values to read`);
    return v as UnitExportValues[K];
  }
}

/**
 * The decrypted value of a KMS-encrypted OOS secret parameter, for the one resource that cannot work without it. The
 * value reaches the reading stack's state (the data-flow register lists each such credential with its scope).
 */
export function readSecretParameter(scope: Construct, id: string, name: string, unitId: string, provider: TerraformProvider): string {
  const data = new DataAlicloudOosSecretParameters(scope, id, {
    provider,
    ids: [name],
    enableDetails: true,
    withDecryption: true,
    lifecycle: {
      postcondition: [
        {
          condition: '${length(self.parameters) == 1}',
          errorMessage: `OOS secret parameter ${name} is missing: unit-${unitId} creates it with its DTS account. Deploy unit-${unitId} first.`,
        },
      ],
    },
  });
  return data.parameters.get(0).value;
}
