/**
 * The worksheet functions in WPS 表格, registered from the same declarative table as in
 * Excel (src/functions/table.ts through FUNCTION_EXPORTS) with `wps.AddCustomFunction
 * (命名空间, 函数名, 函数)` — WPS's JS custom functions (since 12.1.0.20540) are called
 * as `命名空间.函数名(…)` and take synchronous functions only, which ours are.
 *
 * Names: the table's `BUDGET.CHECKSUM` is namespace `BUDGET`, name `CHECKSUM`, so a
 * clerk types exactly what she types in Excel. The add-in's manifest.xml names one
 * namespace (BUDGET) for functions.json, the metadata WPS shows in 插入函数; the KPI
 * functions are registered under `KPI` as well and, in case a WPS build honours only the
 * manifest's namespace, also as `BUDGET.KPI_VALIDATE` / `BUDGET.KPI_PARSE` (listed in
 * functions.json, so they always appear in 插入函数).
 *
 * WPS hands no argument addresses (no `parameterAddresses`), so positions in results
 * are counted from the range's top-left cell (A1 = first cell of the range).
 */
import { invoke, type AnyFunctionDef, type ParamType } from '../functions/define';
import { FUNCTION_EXPORTS } from '../functions/functions';
import type { WpsGlobal } from './et';

/** The namespace of manifest.xml / functions.json. */
export const WPS_NAMESPACE = 'BUDGET';

export interface WpsFunction {
  namespace: string;
  name: string;
  /** What the clerk types: `BUDGET.CHECKSUM`. */
  formula: string;
  def: AnyFunctionDef;
  /** Listed in functions.json (the manifest's namespace only). */
  listed: boolean;
}

/** Every registration: the table's own name, plus a BUDGET.* alias for other namespaces. */
export const WPS_FUNCTIONS: readonly WpsFunction[] = FUNCTION_EXPORTS.flatMap(({ def }) => {
  const [namespace, name] = def.name.split('.');
  const own: WpsFunction = { namespace, name, formula: def.name, def, listed: namespace === WPS_NAMESPACE };
  if (namespace === WPS_NAMESPACE) return [own];
  const alias = `${namespace}_${name}`;
  return [own, { namespace: WPS_NAMESPACE, name: alias, formula: `${WPS_NAMESPACE}.${alias}`, def, listed: true }];
});

/** An error a WPS function throws: the cell shows an error value; the message is the Chinese explanation. */
export class WpsFunctionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WpsFunctionError';
  }
}

/**
 * The function WPS calls: arguments as WPS passes them (ranges as 2-D arrays, missing
 * optionals as undefined), through the same runner as Excel; a failure becomes a thrown
 * WpsFunctionError carrying the same code text (`#VALUE!`) and message as Excel's error.
 */
export function wpsImplementation(def: AnyFunctionDef): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    try {
      return invoke(def, args.slice(0, def.params.length));
    } catch (e) {
      const err = e as { code?: unknown; message?: unknown };
      throw new WpsFunctionError(typeof err?.code === 'string' ? err.code : '#VALUE!', typeof err?.message === 'string' ? err.message : String(e));
    }
  };
}

/** Registers every function with WPS; returns how many were registered (0 outside WPS). */
export function registerWpsFunctions(w: WpsGlobal | undefined): number {
  if (!w || typeof w.AddCustomFunction !== 'function') return 0;
  for (const f of WPS_FUNCTIONS) w.AddCustomFunction(f.namespace, f.name, wpsImplementation(f.def));
  return WPS_FUNCTIONS.length;
}

const WPS_TYPE: Record<ParamType, string> = { matrix: 'any[][]', string: 'string', boolean: 'bool', number: 'number', any: 'any' };
const RESULT_TYPE: Record<string, string> = { matrix: 'any[][]', string: 'string', number: 'number', any: 'any' };

/** Excel's functions.json entry (the parts used): descriptions come from the same JSDoc. */
export interface ExcelFunctionMeta {
  id: string;
  description?: string;
  parameters: { name: string; description?: string }[];
}

/**
 * functions.json for WPS, in the format the wpsjs toolkit generates:
 * `{ functions: [{ name, description, parameters: [{ name, description, type }], result: { type } }] }`,
 * types `any[][]`, `string`, `bool`, `number`, `any`, a trailing `?` for optional ones.
 * Descriptions are Excel's (generated from the JSDoc of src/functions/functions.ts).
 */
export function wpsFunctionsJson(excel: { functions: ExcelFunctionMeta[] }): { functions: unknown[] } {
  const byId = new Map(excel.functions.map((f) => [f.id, f]));
  return {
    functions: WPS_FUNCTIONS.filter((f) => f.listed).map((f) => {
      const meta = byId.get(f.def.name);
      const alias = f.formula !== f.def.name ? `（同 ${f.def.name}）` : '';
      return {
        name: f.name,
        description: (meta?.description ?? f.def.name) + alias,
        parameters: f.def.params.map((p, i) => ({
          name: p.name,
          description: meta?.parameters[i]?.description ?? p.label ?? p.name,
          type: WPS_TYPE[p.type] + (p.optional ? '?' : ''),
        })),
        result: { type: RESULT_TYPE[f.def.result] },
      };
    }),
  };
}
