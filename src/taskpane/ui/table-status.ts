/**
 * Binding status of a detected table: the workbook name `BT.<kindName>` points at
 * it (已绑定), at an overlapping but different range on the same sheet — rows were
 * inserted or removed since binding, or the name is broken (范围已变) — or not at
 * it at all (未绑定; the name may point at another table of the same kind).
 */
import { parseRange } from '../../model/address';
import type { DetectedTable } from '../../model/detect';

export type BindStatus = 'bound' | 'changed' | 'unbound';

export const STATUS_ZH: Record<BindStatus, string> = { bound: '已绑定', changed: '范围已变', unbound: '未绑定' };

export function bindingName(kindName: string): string {
  return `BT.${kindName}`;
}

/** The bound address for a kind, accepting maps keyed with or without the `BT.` prefix. */
export function boundAddress(bindings: Record<string, string>, kindName: string): string | undefined {
  return bindings[bindingName(kindName)] ?? bindings[kindName];
}

export function bindStatus(t: Pick<DetectedTable, 'kindName' | 'sheet' | 'range'>, bindings: Record<string, string>): BindStatus {
  const addr = boundAddress(bindings, t.kindName);
  if (!addr) return 'unbound';
  if (/#REF!/i.test(addr)) return 'changed';
  const b = parseRange(addr);
  const d = parseRange(t.range);
  if (!b || !d) return 'changed';
  if (b.sheet !== undefined && b.sheet !== t.sheet) return 'unbound';
  const same = b.start.row === d.start.row && b.start.col === d.start.col && b.end.row === d.end.row && b.end.col === d.end.col;
  if (same) return 'bound';
  const overlap = b.start.row <= d.end.row && d.start.row <= b.end.row && b.start.col <= d.end.col && d.start.col <= b.end.col;
  return overlap ? 'changed' : 'unbound';
}
