/**
 * The stack of one unit. The same code serves every unit: unit-cn and unit-sg differ only by their
 * declaration files (stacks/unit-<id>/unit.ts).
 */
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { suppressPolicyRules } from '../lib/policy/suppressions';
import { BaseStack } from '../lib/stack-base';
import type { TopologyDeclaration, UnitDeclaration } from '../lib/topology/types';
import { Unit } from '../lib/unit/unit';
import type { UnitOutputs } from '../lib/unit/outputs';

export interface UnitStackProps {
  readonly topology: TopologyDeclaration;
  readonly unit: UnitDeclaration;
}

export function unitStackName(unitId: string): string {
  return `unit-${unitId}`;
}

export class UnitStack extends BaseStack {
  readonly outputs: UnitOutputs;

  constructor(scope: Construct, props: UnitStackProps) {
    super(scope, unitStackName(props.unit.id));
    const { topology, unit } = props;
    // Everything in a unit stack uses this one provider: nothing in it can land outside the unit's region.
    this.provider(unit.region);
    const cell = new Unit(this, 'unit', {
      orgPrefix: topology.org.prefix,
      unit,
      catalog: topology.catalog,
      tags: topology.tags ?? {},
    });
    // Accepted until the unit's flow log into its own log project lands with the unit-stack work (issue 3).
    suppressPolicyRules(cell.network.vpc, [
      { id: 'ALI-VPC-1', reason: 'flow logs into the unit log project arrive with the unit-stack work (issue 3); remove this suppression with it' },
    ]);
    this.outputs = cell.outputs;
    new TerraformOutput(this, 'vpc_id', { value: cell.outputs.vpcId, description: `VPC of unit ${unit.id}` });
  }
}
