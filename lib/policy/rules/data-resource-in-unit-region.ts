import { DATA_TYPES } from '../resource-classes';
import { shown } from '../values';
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule, unknown } from '../types';

export const DataResourceInUnitRegion: PolicyRule = {
  id: 'ALI-RES-1',
  name: 'DataResourceInUnitRegion',
  level: 'error',
  resourceTypes: DATA_TYPES,
  info: "The data resource of a unit stack is created outside the unit's region",
  explanation:
    "Each unit keeps its staff's data in its own region (Vietnamese staff data out of China); a database, cache, bucket, key or log store on another region's provider breaks that.",
  fix: "create the resource with the unit stack's default provider (the unit's region)",
  equivalents: [],
  evaluate(resource, context) {
    if (!context.unit) return NOT_APPLICABLE;
    const region = context.providerRegion(resource);
    if (region === undefined) return unknown(`the region of provider ${shown(resource.config.provider ?? 'default')} is not a literal`);
    return region === context.unit.region ? COMPLIANT : nonCompliant(`its provider is in ${region}, unit ${context.unit.id} is in ${context.unit.region}`);
  },
};
