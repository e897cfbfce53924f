import { checkName, rdsDescription } from '../lib/topology/naming';
import { synthTopology } from './helpers/synth';
import { fixtureTopology } from './fixtures/topology';

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

describe('names and descriptions in the synthesized output (four-unit fixture)', () => {
  const { stacks } = synthTopology(fixtureTopology(['t1', 't2', 't3', 't4']));

  it('every RDS database and account description is one RDS accepts', () => {
    const descriptions = Object.values(stacks).flatMap((s: any) => [
      ...Object.values(s.resource?.alicloud_db_database ?? {}).map((r: any) => r.description),
      ...Object.values(s.resource?.alicloud_rds_account ?? {}).map((r: any) => r.account_description),
    ]);
    // Per unit: the org and app databases, the app and DTS accounts, and a mirror of each of the 3 other units.
    expect(descriptions).toHaveLength(4 * (4 + 3));
    for (const d of descriptions) expect(d).toMatch(RDS_DESCRIPTION);
  });

  it('every OSS bucket name fits the OSS naming rule', () => {
    const buckets = Object.values(stacks).flatMap((s: any) => Object.values(s.resource?.alicloud_oss_bucket ?? {}).map((r: any) => r.bucket));
    expect(buckets.length).toBeGreaterThan(0);
    for (const b of buckets) expect(checkName('ossBucket', b)).toBeUndefined();
  });
});
