import { createHash } from 'node:crypto';

export interface ChainedFields {
  ts: number;
  actor: string | null;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
  detail: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Hash over a row's content and its predecessor's hash: editing or deleting any row breaks every later link. */
export function chainHash(fields: ChainedFields, previousHash: string): string {
  const canonical = JSON.stringify([
    fields.ts,
    fields.actor,
    fields.action,
    fields.target,
    fields.outcome,
    fields.ip,
    fields.detail,
    previousHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainedRow extends ChainedFields {
  id: number;
  prevHash: string;
  hash: string;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  first_broken_id: number | null;
  reason: string | null;
}

/** Walks rows in id order and reports the first link that does not hold; resumable page by page via `from`. */
export function verifyChain(
  rows: Iterable<ChainedRow>,
  from: { previous: string; checked: number } = { previous: GENESIS_HASH, checked: 0 },
): ChainVerdict & { last: string } {
  let previous = from.previous;
  let checked = from.checked;
  for (const row of rows) {
    checked++;
    if (row.prevHash !== previous) {
      return {
        ok: false,
        checked,
        first_broken_id: row.id,
        reason: 'previous-hash link does not match the row before it (a row was removed or reordered)',
        last: previous,
      };
    }
    if (chainHash(row, row.prevHash) !== row.hash) {
      return {
        ok: false,
        checked,
        first_broken_id: row.id,
        reason: 'row content does not match its hash (the row was edited)',
        last: previous,
      };
    }
    previous = row.hash;
  }
  return { ok: true, checked, first_broken_id: null, reason: null, last: previous };
}
