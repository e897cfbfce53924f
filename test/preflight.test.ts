/** `npm run preflight`: the account prerequisites derived from a declaration, each with why and a link. */
import { accountPrerequisites, formatPrerequisites } from '../lib/preflight/prerequisites';
import { loadTopology } from '../stacks/topology';
import { fixtureTopology, unitIn } from './fixtures/topology';
import { modelOf } from './helpers/synth';

describe('prerequisites of the shipped declaration', () => {
  const items = accountPrerequisites(modelOf(loadTopology()));

  it('list every approval, activation and authorisation the cross-border cn/sg topology needs, in deploy order', () => {
    expect(items.map((p) => p.id)).toEqual([
      'enterprise-verification',
      'cen-cross-border-sg',
      'dts-cross-border',
      'ga-payg-cdt',
      'icp-filing',
      'rds-encryption-role',
      'service-linked-roles',
      'dingtalk-webhooks',
      'email-activation',
    ]);
  });

  it('each say why the declaration needs it and link the document that says how', () => {
    for (const p of items) {
      expect(p.because.length).toBeGreaterThan(20);
      expect(p.links.length).toBeGreaterThan(0);
      for (const l of p.links) expect(l).toMatch(/^https:\/\/(www\.)?(alibabacloud\.com|help\.aliyun\.com)\//);
    }
    expect(items.find((p) => p.id === 'dts-cross-border')!.because).toContain('DTS.Msg.LXCreateOrderError');
    expect(items.find((p) => p.id === 'icp-filing')!.because).toMatch(
      /^oa\.collab\.example\.com and reports\.collab\.example\.com are served from the mainland/,
    );
    expect(items.find((p) => p.id === 'dingtalk-webhooks')!.how).toContain('TF_VAR_dingtalk_webhook_cn_oncall, TF_VAR_dingtalk_webhook_sg_oncall');
    expect(formatPrerequisites(items)).toMatch(/^1\. Enterprise real-name verification of the account\n {3}why: {4}/);
  });
});

describe('prerequisites follow the declaration', () => {
  it('a topology that never crosses the border needs no verification, CEN, DTS or ICP for overseas units', () => {
    const t = fixtureTopology(['t4'], (d) => {
      d.hub = 't4';
      d.access.crossBorder = undefined;
      // No site is in mainland China, but the default line answers every resolver: it goes straight to t4's ALB.
      d.access.hostnames = { my: { unit: 't4', withoutAccessPoint: 'direct' } };
    });
    const ids = accountPrerequisites(modelOf(t)).map((p) => p.id);
    expect(ids).toEqual(['ga-payg-cdt', 'rds-encryption-role', 'kms-instance', 'service-linked-roles', 'dingtalk-webhooks', 'email-activation']);
  });

  it('TDE on the service key everywhere needs no RDS role; contacts without DingTalk need no robot', () => {
    const t = fixtureTopology(['t1'], (d) => {
      unitIn(d, 't1').encryption = { keyStore: 'default-key', tde: 'service-key' };
      unitIn(d, 't1').monitoring.contacts = [
        { role: 'oncall', email: 'oncall@fixture.example.net' },
        { role: 'dba', email: 'dba@fixture.example.net', dingTalk: true },
      ];
    });
    const items = accountPrerequisites(modelOf(t));
    expect(items.map((p) => p.id)).not.toContain('rds-encryption-role');
    expect(items.find((p) => p.id === 'dingtalk-webhooks')!.how).toContain('TF_VAR_dingtalk_webhook_t1_dba');
    expect(items.find((p) => p.id === 'email-activation')!.because).toContain(
      'oncall@fixture.example.net (fx_t1_oncall) and dba@fixture.example.net (fx_t1_dba)',
    );
  });
});
