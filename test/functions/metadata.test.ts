/**
 * functions.json as the build generates it (custom-functions-metadata's generator run
 * on src/functions/functions.ts): exact names, Chinese descriptions, dimensionality and
 * optional flags; and the declarative function table agrees with it both ways.
 */
import * as path from 'path';
import { FUNCTION_EXPORTS, associateAll } from '../../src/functions/functions';
import { FUNCTION_TABLE } from '../../src/functions/table';
import type { AnyFunctionDef } from '../../src/functions/define';

interface MetaParam {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  options?: Record<string, boolean>;
  parameters: MetaParam[];
  result?: { type?: string; dimensionality?: string };
}
interface Generated {
  metadataJson: string;
  associate: { functionName: string; id: string }[];
  errors: string[];
}

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = path.join(ROOT, 'src/functions/functions.ts');
const NAMES = ['BUDGET.CHECKSUM', 'BUDGET.SUBJECT', 'BUDGET.FINGERPRINT', 'KPI.VALIDATE', 'KPI.PARSE'];
const CJK = /[\u4e00-\u9fff]/;

/** The generator the build uses (a dependency of custom-functions-metadata-plugin). */
function generator(): (input: string[], log?: boolean) => Promise<Generated> {
  const pluginDir = path.dirname(require.resolve('custom-functions-metadata-plugin/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve('custom-functions-metadata', { paths: [pluginDir] })).generateCustomFunctionsMetadata;
}

let generated: Generated;
let meta: MetaFunction[];
const byId = (id: string) => {
  const f = meta.find((m) => m.id === id);
  if (!f) throw new Error(`${id} missing from functions.json`);
  return f;
};

beforeAll(async () => {
  generated = await generator()([SOURCE], false);
  meta = generated.metadataJson ? (JSON.parse(generated.metadataJson).functions as MetaFunction[]) : [];
});

describe('top-level flags the build adds', () => {
  test('allowErrorForDataTypeAny is set (error cells reach the functions), functions kept in order', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { withTopLevelFlags } = require('../../scripts/functions-metadata-plugin') as { withTopLevelFlags: (j: string) => string };
    const out = JSON.parse(withTopLevelFlags(generated.metadataJson));
    expect(out.allowErrorForDataTypeAny).toBe(true);
    expect(Object.keys(out).pop()).toBe('functions');
    expect(out.functions).toEqual(JSON.parse(generated.metadataJson).functions);
  });

  test('every parameter that can hold a range or an error cell is of type any', () => {
    // allowErrorForDataTypeAny only applies to `any` parameters (custom-functions-json.md).
    for (const f of meta) for (const p of f.parameters) if (p.dimensionality === 'matrix') expect(`${f.id}.${p.name}:${p.type}`).toBe(`${f.id}.${p.name}:any`);
  });
});

describe('generated functions.json', () => {
  test('generates without errors', () => {
    expect(generated.errors).toEqual([]);
  });

  test('declares exactly the five functions, id = name, no namespace prefix', () => {
    expect(meta.map((f) => f.id)).toEqual(NAMES);
    for (const f of meta) expect(f.name).toBe(f.id);
  });

  test('every function and parameter has a Chinese description and the help page', () => {
    for (const f of meta) {
      expect(f.description).toMatch(CJK);
      expect(f.helpUrl).toBe('https://localhost:3000/assets/help.html');
      for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.description}`).toMatch(CJK);
    }
  });

  test('BUDGET.CHECKSUM(table, [kind], [detail]) → matrix (text mode is [[text]])', () => {
    const f = byId('BUDGET.CHECKSUM');
    expect(f.parameters.map((p) => [p.name, p.type, p.dimensionality ?? 'scalar', p.optional ?? false])).toEqual([
      ['table', 'any', 'matrix', false],
      ['kind', 'string', 'scalar', true],
      ['detail', 'any', 'scalar', true],
    ]);
    expect(f.result).toEqual({ dimensionality: 'matrix' });
    expect(f.options).toEqual({ requiresParameterAddresses: true });
  });

  test('BUDGET.SUBJECT(code) → text; BUDGET.FINGERPRINT(range) → text', () => {
    expect(byId('BUDGET.SUBJECT').parameters).toMatchObject([{ name: 'code', type: 'any' }]);
    expect(byId('BUDGET.SUBJECT').parameters[0].dimensionality).toBeUndefined();
    expect(byId('BUDGET.SUBJECT').result).toEqual({ type: 'string' });
    expect(byId('BUDGET.FINGERPRINT').parameters).toMatchObject([{ name: 'range', dimensionality: 'matrix' }]);
    expect(byId('BUDGET.FINGERPRINT').result).toEqual({ type: 'string' });
  });

  test('KPI.VALIDATE(rows, [mode]) → matrix; KPI.PARSE(value) → matrix', () => {
    const v = byId('KPI.VALIDATE');
    expect(v.parameters.map((p) => [p.name, p.dimensionality ?? 'scalar', p.optional ?? false])).toEqual([
      ['rows', 'matrix', false],
      ['mode', 'scalar', true],
    ]);
    expect(v.result).toEqual({ dimensionality: 'matrix' });
    expect(v.options).toEqual({ requiresParameterAddresses: true });
    const p = byId('KPI.PARSE');
    expect(p.parameters).toMatchObject([{ name: 'value', type: 'any' }]);
    expect(p.result).toEqual({ dimensionality: 'matrix' });
  });

  test('the invocation parameter is not exposed to the user', () => {
    for (const f of meta) expect(f.parameters.map((p) => p.name)).not.toContain('invocation');
  });
});

describe('function table ↔ metadata', () => {
  // Ranges are `any`; so are the runner's booleans: a JSDoc `boolean` makes Excel convert
  // first and answer "明细"/"是" with its own #VALUE! before the runner's words are read (D1).
  const metaType = (p: AnyFunctionDef['params'][number]) => (p.type === 'matrix' || p.type === 'boolean' ? 'any' : p.type);

  test('every table entry has exactly one exported function', () => {
    expect(FUNCTION_EXPORTS.map((e) => e.def)).toEqual([...FUNCTION_TABLE]);
    expect(new Set(FUNCTION_EXPORTS.map((e) => e.fn)).size).toBe(FUNCTION_TABLE.length);
  });

  test('every table entry is in the metadata with the same parameters, and vice versa', () => {
    const tableNames = FUNCTION_EXPORTS.map((e) => e.def.name);
    expect([...tableNames].sort()).toEqual(meta.map((f) => f.id).sort());
    for (const { def } of FUNCTION_EXPORTS) {
      const f = byId(def.name);
      expect(f.parameters.map((p) => p.name)).toEqual(def.params.map((p) => p.name));
      def.params.forEach((p, i) => {
        const m = f.parameters[i];
        expect([def.name, p.name, m.type, m.dimensionality === 'matrix', m.optional === true]).toEqual([
          def.name,
          p.name,
          metaType(p),
          p.type === 'matrix',
          p.optional === true,
        ]);
      });
      expect([def.name, f.result?.dimensionality === 'matrix']).toEqual([def.name, def.result === 'matrix']);
      if (def.result === 'string') expect(f.result?.type).toBe('string');
    }
  });

  test('each exported JavaScript function is registered under its own @customfunction id', () => {
    // The generator's associate list maps id → the function the JSDoc is attached to.
    const fromJsDoc = Object.fromEntries(generated.associate.map((a) => [a.id, a.functionName]));
    const fromTable = Object.fromEntries(FUNCTION_EXPORTS.map((e) => [e.def.name, e.fn.name]));
    expect(fromTable).toEqual(fromJsDoc);
  });

  test('associateAll registers every function with the runtime when it is present', () => {
    expect(associateAll()).toBe(0); // Node: no CustomFunctions, nothing happens
    const registered = new Map<string, unknown>();
    const g = globalThis as { CustomFunctions?: unknown };
    // As office.js defines it on load: associate only (Error/ErrorCode come later with the host script).
    g.CustomFunctions = { associate: (id: string, fn: unknown) => registered.set(id, fn) };
    try {
      expect(associateAll()).toBe(5);
    } finally {
      delete g.CustomFunctions;
    }
    expect([...registered.keys()]).toEqual(NAMES);
    for (const { def, fn } of FUNCTION_EXPORTS) expect(registered.get(def.name)).toBe(fn);
  });
});
