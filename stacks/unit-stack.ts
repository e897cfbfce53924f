/**
 * The stack of one unit. The same code serves every unit: unit-cn and unit-sg differ only by their
 * declaration files (stacks/unit-<id>/unit.ts).
 */
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
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
    this.outputs = cell.outputs;
    new TerraformOutput(this, 'vpc_id', { value: cell.outputs.vpcId, description: `VPC of unit ${unit.id}` });
  }
}
