/**
 * Table bindings: the workbook-scoped name `BT.<kindName>` points at a detected
 * table. Excel moves the name when rows are inserted above or inside the table;
 * re-detection finds the table's new extent and `staleBindings` says which names
 * to re-point.
 */
import type { DetectedTable } from '../../model/detect';
import { WorkbookError, fail } from './errors';
import type { NameInfo } from './read';
import { OWNED_SHEET } from './owned-sheet';
import { display, parseRef, refFormula, splitAddress } from './refs';
import { definedName } from './sheet-names';

export const BINDING_PREFIX = 'BT.';

export function bindingName(kindName: string): string {
  return definedName(BINDING_PREFIX + kindName);
}

/** `BT.<kind>` → display address, from loaded names; key figures (on the add-in's sheet) excluded. */
export function bindingsFrom(names: NameInfo[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    if (!n.name.startsWith(BINDING_PREFIX)) continue;
    const ref = parseRef(n.formula);
    if (ref && ref.sheet === OWNED_SHEET) continue;
    out[n.name] = ref ? display(ref) : '#REF!';
  }
  return out;
}

export interface StaleBinding {
  kindName: string;
  name: string;
  /** Current reference of the name (or `#REF!`). */
  bound: string;
  /** Where detection found the table now. */
  detected: string;
  sheet: string;
  range: string;
}

/** Bound tables whose name no longer covers what detection found (rows added, table moved). */
export function staleBindings(tables: DetectedTable[], bindings: Record<string, string>): StaleBinding[] {
  const out: StaleBinding[] = [];
  for (const t of tables) {
    const name = bindingName(t.kindName);
    const bound = bindings[name];
    if (bound === undefined) continue;
    const detected = display({ ...rectOf(t.range), sheet: t.sheet });
    if (bound !== detected) out.push({ kindName: t.kindName, name, bound, detected, sheet: t.sheet, range: t.range });
  }
  return out;
}

function rectOf(range: string): { r0: number; c0: number; r1: number; c1: number } {
  const ref = parseRef(`'_'!${range}`);
  return ref ? { r0: ref.r0, c0: ref.c0, r1: ref.r1, c1: ref.c1 } : { r0: 0, c0: 0, r1: 0, c1: 0 };
}

export async function bind(ctx: Excel.RequestContext, kindName: string, sheet: string, range: string): Promise<void> {
  const local = splitAddress(range);
  if (!local) throw new WorkbookError(`绑定失败：“${range}”不是有效的单元格区域`);
  const name = bindingName(kindName);
  const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  const item = ctx.workbook.names.getItemOrNullObject(name);
  await ctx.sync();
  if (ws.isNullObject) throw new WorkbookError(`绑定失败：找不到工作表“${sheet}”`);
  const ref = parseRef(`'x'!${local.local}`)!;
  try {
    if (item.isNullObject) ctx.workbook.names.add(name, ws.getRange(local.local), `预算公开表格助手：${kindName}`);
    else item.formula = refFormula({ ...ref, sheet });
    await ctx.sync();
  } catch (e) {
    throw fail(`绑定 ${name} 失败`, e);
  }
}

export async function unbind(ctx: Excel.RequestContext, kindName: string): Promise<void> {
  const item = ctx.workbook.names.getItemOrNullObject(bindingName(kindName));
  await ctx.sync();
  if (item.isNullObject) return;
  item.delete();
  await ctx.sync();
}

export async function loadNames(ctx: Excel.RequestContext): Promise<NameInfo[]> {
  const names = ctx.workbook.names;
  names.load('items/name,items/formula');
  await ctx.sync();
  return names.items.map((n) => ({ name: n.name, formula: String(n.formula) }));
}
