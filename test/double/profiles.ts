/**
 * Client profiles of the Excel double: which requirement sets each Excel supports. Under a
 * profile every API member above its set fails the way Office.js fails: synchronously, at
 * the call, with `ApiNotFound` ("The method or property {0} is part of the {1} requirement
 * set, which is not available in your version of {2}." — office.js resource string; the
 * Excel host script checks each member with its set and version before queuing it). The
 * member → set table is generated from @types/office-js (scripts/gen-api-sets.js).
 *
 * Sources (see README.md in this folder): Excel requirement-set table
 * (excel-api-requirement-sets.md, office-js-docs-reference @03c1feeb: "Excel JavaScript API 1.1
 * … is the only Excel-specific requirement set supported by Excel 2016"; Office 2019
 * volume-licensed up to 1.7; Office 2021 up to 1.14), shared-runtime and custom-functions
 * requirement-set tables, and the webview table (browsers-used-by-office-web-add-ins.md).
 */
import API_SETS from './api-sets.generated.json';

export type ProfileId = 'excel2016-volume' | 'excel2019-volume' | 'excel2019-retail' | 'excel2021' | 'microsoft365' | 'web';

export interface ClientProfile {
  id: ProfileId;
  /** Chinese name for the README support matrix. */
  label: string;
  /** Highest supported version of each requirement set; a set not listed is not supported. */
  sets: Record<string, string>;
  /** The webview the task pane runs in. */
  webview: 'IE11' | 'WebView2' | 'WebKit' | 'browser';
  /** Per request/response bytes (Excel on the web: 5 MB); desktop documents no limit. */
  payloadByteLimit: number;
}

const MB5 = 5 * 1024 * 1024;

export const PROFILES: Record<ProfileId, ClientProfile> = {
  'excel2016-volume': { id: 'excel2016-volume', label: 'Excel 2016 批量授权版（MSI）', sets: { ExcelApi: '1.1' }, webview: 'IE11', payloadByteLimit: Infinity },
  'excel2019-volume': { id: 'excel2019-volume', label: 'Excel 2019 批量授权版', sets: { ExcelApi: '1.7' }, webview: 'IE11', payloadByteLimit: Infinity },
  // Retail perpetual follows the Microsoft 365 builds: build 2101 has ExcelApi 1.12 and the
  // shared runtime (2002+), custom functions only from 2311; WebView2 when its runtime is installed.
  'excel2019-retail': {
    id: 'excel2019-retail',
    label: 'Excel 2016/2019 零售版（2101–2310，已装 WebView2）',
    sets: { ExcelApi: '1.12', SharedRuntime: '1.1' },
    webview: 'WebView2',
    payloadByteLimit: Infinity,
  },
  excel2021: {
    id: 'excel2021',
    label: 'Excel 2021（零售或批量授权）',
    sets: { ExcelApi: '1.14', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3' },
    webview: 'WebView2',
    payloadByteLimit: Infinity,
  },
  microsoft365: {
    id: 'microsoft365',
    label: 'Microsoft 365（Windows，2101 及以后）',
    sets: { ExcelApi: '1.20', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.4' },
    webview: 'WebView2',
    payloadByteLimit: Infinity,
  },
  web: {
    id: 'web',
    label: 'Excel 网页版',
    sets: { ExcelApi: '1.20', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.4' },
    webview: 'browser',
    payloadByteLimit: MB5,
  },
};

export interface MemberSet {
  set: string;
  read: string;
  write: string;
}

export const MEMBER_SETS: Record<string, MemberSet> = (API_SETS as { members: Record<string, MemberSet> }).members;

/** -1, 0, 1 comparing versions numerically ("1.10" > "1.9"). */
export function cmpVersion(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** Office.context.requirements.isSetSupported under a profile. */
export function isSetSupported(profile: ClientProfile, name: string, minVersion = '1.1'): boolean {
  const have = profile.sets[name];
  return have !== undefined && cmpVersion(have, minVersion) >= 0;
}

/** The set and version a use of `Type.member` needs (`set` for property writes), if annotated. */
export function needs(member: string, write: boolean): { set: string; version: string } | null {
  const m = MEMBER_SETS[member];
  return m ? { set: m.set, version: write ? m.write : m.read } : null;
}
