import { chainHash, GENESIS_HASH, verifyChain, type ChainedRow } from './hash-chain';

function chain(n: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields = { ts: i, actor: 'ann', action: 'login', target: null, outcome: 'ok', ip: '127.0.0.1', detail: '{}' };
    const hash = chainHash(fields, prev);
    rows.push({ id: i, ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ ok: true, checked: 5, first_broken_id: null, reason: null });
  });

  it('finds an edited row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, actor: 'mallory' };
    expect(verifyChain(rows)).toMatchObject({ ok: false, first_broken_id: 3 });
  });

  it('verifies page by page with the same result', () => {
    const rows = chain(6);
    const first = verifyChain(rows.slice(0, 3));
    expect(verifyChain(rows.slice(3), { previous: first.last, checked: first.checked })).toMatchObject({ ok: true, checked: 6 });
  });

  it('finds a deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ ok: false, first_broken_id: 3 });
  });
});
