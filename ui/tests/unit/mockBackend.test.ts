import { describe, expect, it } from 'vitest';
import { createMockBackend, mockOptionsFromQuery } from '../../src/lib/mockBackend';

describe('mock backend', () => {
  it('answers appInfo with the generated AppInfo shape and the overrides given', async () => {
    const res = await createMockBackend({ appInfo: { version: '9.9.9' } }).appInfo();
    expect(res.status).toBe('ok');
    if (res.status === 'ok') {
      expect(res.data.version).toBe('9.9.9');
      expect(res.data.data_dir).toBe('/mock/data');
      expect(res.data.data_dir_writable).toBe(true);
    }
  });

  it('returns errors as {code, message, remedy} for the error scenario', async () => {
    const res = await createMockBackend(mockOptionsFromQuery('?mock=appInfoError')).appInfo();
    expect(res.status).toBe('error');
    if (res.status === 'error') {
      expect(res.error.code).toBe('io');
      expect(res.error.remedy).toMatch(/access/);
    }
  });

  it('ignores unknown scenarios', () => {
    expect(mockOptionsFromQuery('?mock=whatever')).toEqual({});
  });

  it('walks first run, sign-in and Parts 1–2 with the rules the screens rely on', async () => {
    const b = createMockBackend();
    expect((await b.workspaceStatus()).status === 'ok').toBe(true);
    const short = await b.initWorkspace({ kind: 'distributor', name: 'D', domain: 'd.example', admin_email: 'a@d.example', admin_name: 'A', password: 'short' });
    expect(short.status === 'error' && short.error.code).toBe('invalid_input');
    const made = await b.initWorkspace({ kind: 'reseller', name: 'R1', domain: 'r1.example', admin_email: 'a@r1.example', admin_name: 'A', password: 'long enough password' });
    expect(made.status).toBe('ok');
    await b.signOut();
    expect((await b.customerProgress()).status).toBe('error');
    const wrong = await b.signIn('a@r1.example', 'nope');
    expect(wrong.status === 'error' && wrong.error.code).toBe('not_signed_in');
    expect((await b.signIn('a@r1.example', 'long enough password')).status).toBe('ok');

    const parents = await b.customerParents();
    if (parents.status !== 'ok') throw new Error('parents');
    const noParent = await b.addCustomer({ parent_id: '', name: 'Acme', domain: 'acme.example', contact_name: 'Ann', contact_email: 'ann@acme.example', complete_later: false });
    expect(noParent.status).toBe('error');
    const added = await b.addCustomer({ parent_id: parents.data[0].id, name: 'Acme', domain: 'acme.example', contact_name: 'Ann', contact_email: 'ann@acme.example', complete_later: false });
    if (added.status !== 'ok') throw new Error('add');
    let rows = await b.customerProgress();
    expect(rows.status === 'ok' && rows.data[0].step).toBe('contract');
    const contract = { customer_id: added.data.customer_id, start_date: '2026-12-01', end_date: null, plan: 'Standard', notes: '' };
    expect((await b.addContract(contract)).status).toBe('ok');
    const twice = await b.addContract(contract);
    expect(twice.status === 'error' && twice.error.code).toBe('conflict');
    rows = await b.customerProgress();
    expect(rows.status === 'ok' && rows.data[0].part).toBe(3);
  });

  it('reports validation progress to listeners and can be cancelled', async () => {
    const b = createMockBackend({ demo: true });
    const seen: number[] = [];
    const stop = await b.onValidationProgress((p) => seen.push(p.files_done));
    const done = await b.validatePath('/data/copy', null);
    expect(done.status).toBe('ok');
    expect(seen.at(-1)).toBe(6);
    const running = b.validatePath('/data/slow-copy', null);
    await b.cancelValidation();
    const res = await running;
    expect(res.status === 'error' && res.error.code).toBe('cancelled');
    stop();
  });

  it('records Part 3 as the core does: forward only, one valid CUR confirmed, Complete after Confirm', async () => {
    const b = createMockBackend({ customer: true });
    const added = await b.addAccount('customer-acme', '1111-2222-3333');
    expect(added.status).toBe('ok');
    if (added.status !== 'ok') return;
    const id = added.data.id;
    const eu = await b.checkBucket(null, id, 'acme-eu', '');
    expect(eu.status === 'ok' && [eu.data.status.ok, eu.data.account.state]).toEqual([false, 'entered']);
    const ok = await b.checkBucket(null, id, 'acme-cur', '/cur/');
    expect(ok.status === 'ok' && [ok.data.account.state, ok.data.account.prefix]).toEqual(['bucket_set', 'cur']);
    expect((await b.completeAccount(id, [])).status).toBe('error');
    expect((await b.watchStack(null, id)).status).toBe('ok');
    const listed = await b.listCurs(null, id);
    expect(listed.status === 'ok' && listed.data.account.state).toBe('cur_validated');
    const bad = await b.confirmCur(id, 'no-rid');
    expect(bad.status === 'error' && bad.error.code).toBe('invalid_input');
    expect((await b.confirmCur(id, 'hourly-cur')).status).toBe('ok');
    // Checking the bucket again does not move the account back.
    const again = await b.checkBucket(null, id, 'acme-cur', '');
    expect(again.status === 'ok' && again.data.account.state).toBe('confirmed');
    const done = await b.completeAccount(id, ['security_hub', 'trusted_advisor', 'security_hub']);
    expect(done.status === 'ok' && [done.data.state, done.data.insights]).toEqual(['completed', ['security_hub', 'trusted_advisor']]);
  });
});
