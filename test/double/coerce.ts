/**
 * What Excel does with a value written through `range.values` / `range.formulas`:
 * it parses strings as if typed (en-US). Modelled pessimistically so the adapter's
 * text guards are exercised: `=…`, `+…`, `-…`, `@…` become formulas, numeric text
 * becomes numbers, `95%` becomes 0.95, ISO dates become serials, TRUE/FALSE booleans.
 * A leading apostrophe keeps the rest as text; a cell formatted `@` keeps text as typed.
 */
export type Scalar = string | number | boolean;

export interface Parsed {
  value: Scalar;
  formula?: string;
  /** Number format Excel picks for the input when the cell is `General`. */
  autoFormat?: string;
  /** Entered with a leading apostrophe (Excel's prefix character). */
  prefixed?: boolean;
}

const NUM = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const ZH_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** Days since 1899-12-30 (Excel's 1900 date system, after the 1900 leap-year bug). */
export function dateSerial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCMonth() !== m - 1) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

export function parseInput(input: Scalar, cellFormat: string): Parsed {
  if (typeof input !== 'string') return { value: input };
  if (input === '') return { value: '' };
  if (input.startsWith("'")) return { value: input.slice(1), prefixed: true };
  if (cellFormat === '@') return { value: input };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const s = input.trim();
  if (NUM.test(s)) return { value: Number(s) };
  if (THOUSANDS.test(s)) return { value: Number(s.replace(/,/g, '')), autoFormat: '#,##0' };
  const neg = /^\((\d+(\.\d+)?)\)$/.exec(s);
  if (neg) return { value: -Number(neg[1]) };
  const cur = /^\$(\d+(\.\d+)?)$/.exec(s);
  if (cur) return { value: Number(cur[1]), autoFormat: '$#,##0.00' };
  const pm = PERCENT.exec(s);
  if (pm) return { value: Number(pm[1]) / 100, autoFormat: pm[1].includes('.') ? '0.00%' : '0%' };
  const dm = ISO_DATE.exec(s) ?? ZH_DATE.exec(s);
  if (dm) {
    const serial = dateSerial(+dm[1], +dm[2], +dm[3]);
    if (serial !== null) return { value: serial, autoFormat: 'yyyy/m/d' };
  }
  if (/^(true|false)$/i.test(s)) return { value: s.toUpperCase() === 'TRUE' };
  if ((input.startsWith('+') || input.startsWith('-') || input.startsWith('@')) && input.length > 1) {
    return { value: '', formula: '=' + input.replace(/^[@]/, '') };
  }
  return { value: input };
}

/** The cell's text as Excel displays it, for the few formats the double knows. */
export function displayText(value: Scalar, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const pct = /^0(\.(0+))?%$/.exec(format);
  if (pct) return (value * 100).toFixed(pct[2]?.length ?? 0) + '%';
  const fixed = /^(#,##)?0(\.(0+))?$/.exec(format);
  if (fixed) {
    const s = value.toFixed(fixed[3]?.length ?? 0);
    if (!fixed[1]) return s;
    const [i, f] = s.split('.');
    const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return f === undefined ? grouped : `${grouped}.${f}`;
  }
  return String(value);
}
