import { checkName, rdsDescription } from '../lib/topology/naming';
import { loadTopology } from '../stacks/topology';
import { synthTopology } from './helpers/synth';

/** What RDS accepts for database and account descriptions. */
const RDS_DESCRIPTION = /^[A-Za-z][A-Za-z0-9_-]{1,255}$/;

describe('rdsDescription', () => {
  it.each([
    ['collaboration data of unit cn, personal data, never replicated', 'Collaboration-data-of-unit-cn-personal-data-never-replicated'],
    ['2 org tables (mirror)', 'Org-tables-mirror'],
  ])('%s → %s', (text, expected) => {
    expect(rdsDescription(text)).toBe(expected);
    expect(rdsDescription(text)).toMatch(RDS_DESCRIPTION);
  });
});

describe('names and descriptions in the synthesized output', () => {
  const { stacks } = synthTopology(loadTopology());

  it('every RDS database and account description is one RDS accepts', () => {
    const descriptions = Object.values(stacks).flatMap((s: any) => [
      ...Object.values(s.resource?.alicloud_db_database ?? {}).map((r: any) => r.description),
      ...Object.values(s.resource?.alicloud_rds_account ?? {}).map((r: any) => r.account_description),
    ]);
    expect(descriptions.length).toBeGreaterThanOrEqual(6);
    for (const d of descriptions) expect(d).toMatch(RDS_DESCRIPTION);
  });

  it('every OSS bucket name fits the OSS naming rule', () => {
    const buckets = Object.values(stacks).flatMap((s: any) => Object.values(s.resource?.alicloud_oss_bucket ?? {}).map((r: any) => r.bucket));
    expect(buckets.length).toBeGreaterThan(0);
    for (const b of buckets) expect(checkName('ossBucket', b)).toBeUndefined();
  });
});
