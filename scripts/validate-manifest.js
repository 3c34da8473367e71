#!/usr/bin/env node
/**
 * Offline validation of the add-in only manifest (the public validation service is
 * unreachable from our machines). Checks what Office would reject or what would break
 * at run time:
 *   - well-formed XML; root OfficeApp (schema 1.1, TaskPaneApp); order of the base elements
 *   - required elements (Id GUID, Version, ProviderName, DefaultLocale, DisplayName,
 *     Description, IconUrl, HighResolutionIconUrl, SupportUrl, Hosts/Host Workbook,
 *     DefaultSettings/SourceLocation, Permissions = ReadWriteDocument)
 *   - Requirements list SharedRuntime and CustomFunctionsRuntime
 *   - VersionOverrides: Runtimes (one long-lived runtime), CustomFunctions extension point
 *     with Script/Page/Metadata, no Namespace (functions carry full names), and the shared
 *     runtime's resid used for Page, FunctionFile and the ShowTaskpane action
 *   - every resid resolves to a resource of the right kind; ids unique and ≤ 32 chars;
 *     ShortStrings ≤ 125, LongStrings ≤ 250 characters; unused resources are warnings
 *   - every URL is https; every URL under the add-in's own origin names a file the build
 *     emits (checked in dist/ when it exists, else mapped to the sources)
 *   - icons exist, are PNGs and have the pixel size the manifest states
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--dist <dir>] [--source] [--root <dir>] [--json]
 * Exit code 0 when valid (warnings allowed), 1 when not, 2 on usage errors.
 * Messages are Chinese + English.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { DOMParser } = require('@xmldom/xmldom');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** Base-manifest children of a TaskPaneApp in schema order (only the ones we may meet). */
const BASE_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
  'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements',
  'DefaultSettings', 'Permissions', 'AllowSnapshot', 'VersionOverrides', 'ExtendedOverrides',
];
const REQUIRED_BASE = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];

/** Which resource collection a resid on each element must point into. */
const RESID_KIND = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  Runtime: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};
const RESOURCE_KINDS = { Images: 'Image', Urls: 'Url', ShortStrings: 'String', LongStrings: 'String' };
const MAX_LEN = { ShortStrings: 125, LongStrings: 250 };
const MAX_RESID = 32;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i;

/** Where each file the build emits comes from (used when dist/ has not been built). */
const SOURCE_MAP = [
  { emitted: /^taskpane\.html$/, source: () => 'src/taskpane/index.html' },
  { emitted: /^functions\.js$/, source: () => 'src/functions/functions.ts' },
  { emitted: /^functions\.json$/, source: () => 'src/functions/functions.ts' },
  { emitted: /^manifest\.xml$/, source: () => 'manifest.xml' },
  { emitted: /^assets\/(.+)$/, source: (m) => `assets/${m[1]}` },
  { emitted: /^office-js\/(.+)$/, source: (m) => `node_modules/@microsoft/office-js/dist/${m[1]}` },
];

function msg(zh, en) {
  return `${zh} / ${en}`;
}

/** Pixel size of a PNG file, or null when the bytes are not a PNG. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b) || buf.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function children(el, localName) {
  const out = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (localName === undefined || n.localName === localName)) out.push(n);
  }
  return out;
}
function child(el, localName) {
  return children(el, localName)[0] || null;
}
function descendants(el, localName) {
  const out = [];
  const walk = (e) => {
    for (const c of children(e)) {
      if (localName === undefined || c.localName === localName) out.push(c);
      walk(c);
    }
  };
  if (el) walk(el);
  return out;
}
function xsiType(el) {
  return el ? el.getAttributeNS(NS.xsi, 'type') || el.getAttribute('xsi:type') || '' : '';
}
/** Element path for messages: OfficeApp/VersionOverrides/Hosts/Host/… */
function where(el) {
  const parts = [];
  for (let e = el; e && e.nodeType === 1; e = e.parentNode) {
    const t = xsiType(e);
    parts.unshift(t && e.localName !== 'OfficeApp' ? `${e.localName}[${t}]` : e.localName);
  }
  return parts.join('/');
}

/**
 * Validates manifest text. Returns { errors, warnings, info } (arrays of strings, info
 * has counters). `opts.root`: project root (sources, assets); `opts.dist`: build output
 * directory or null to map URLs to sources.
 */
function validateManifest(xml, opts = {}) {
  const root = path.resolve(opts.root || path.join(__dirname, '..'));
  const dist = opts.dist === undefined ? (fs.existsSync(path.join(root, 'dist', 'taskpane.html')) ? path.join(root, 'dist') : null) : opts.dist;
  const errors = [];
  const warnings = [];
  const info = { urls: 0, files: 0, icons: 0, resources: 0, checkedAgainst: dist ? path.relative(process.cwd(), dist) || '.' : 'sources' };
  const err = (zh, en) => errors.push(msg(zh, en));
  const warn = (zh, en) => warnings.push(msg(zh, en));

  // ---- well-formed XML -------------------------------------------------------
  let doc;
  const parseProblems = [];
  try {
    doc = new DOMParser({ onError: (level, m) => parseProblems.push(`${level}: ${String(m).split('\n')[0]}`) }).parseFromString(xml, 'text/xml');
  } catch (e) {
    if (!parseProblems.length) parseProblems.push(String(e && e.message ? e.message : e).split('\n')[0]);
  }
  if (parseProblems.length || !doc || !doc.documentElement) {
    for (const p of [...new Set(parseProblems)]) err(`XML 格式错误：${p}`, `XML is not well-formed: ${p}`);
    return { errors, warnings, info };
  }
  const app = doc.documentElement;
  if (app.localName !== 'OfficeApp' || app.namespaceURI !== NS.app) {
    err(`根元素应为 ${NS.app} 命名空间中的 OfficeApp`, `root element must be OfficeApp in namespace ${NS.app}`);
    return { errors, warnings, info };
  }
  if (xsiType(app) !== 'TaskPaneApp') err(`OfficeApp 的 xsi:type 应为 TaskPaneApp，实为“${xsiType(app)}”`, `OfficeApp xsi:type must be TaskPaneApp, got "${xsiType(app)}"`);

  // ---- base elements: presence, order, values ---------------------------------
  const base = children(app);
  for (const name of REQUIRED_BASE) {
    if (!child(app, name)) err(`缺少必需元素 <${name}>`, `missing required element <${name}>`);
  }
  let lastIdx = -1;
  for (const el of base) {
    const idx = BASE_ORDER.indexOf(el.localName);
    if (idx < 0) continue;
    if (idx < lastIdx) err(`元素 <${el.localName}> 的位置不符合清单架构的顺序（应在 <${BASE_ORDER[lastIdx]}> 之前）`, `element <${el.localName}> is out of schema order (must come before <${BASE_ORDER[lastIdx]}>)`);
    lastIdx = Math.max(lastIdx, idx);
  }
  const text = (name) => {
    const el = child(app, name);
    return el ? String(el.textContent || '').trim() : '';
  };
  const defaultValue = (el) => (el ? el.getAttribute('DefaultValue') || '' : '');
  const id = text('Id');
  if (child(app, 'Id') && !GUID.test(id)) err(`<Id> 应为 GUID，实为“${id}”`, `<Id> must be a GUID, got "${id}"`);
  const version = text('Version');
  if (child(app, 'Version') && !VERSION.test(version)) err(`<Version> 应为 1 到 4 段数字（如 1.0.0.0），实为“${version}”`, `<Version> must be 1-4 dot-separated numbers, got "${version}"`);
  if (child(app, 'ProviderName') && !text('ProviderName')) err('<ProviderName> 不能为空', '<ProviderName> must not be empty');
  const locale = text('DefaultLocale');
  if (child(app, 'DefaultLocale') && !LOCALE.test(locale)) err(`<DefaultLocale> 应为语言标记（如 zh-CN），实为“${locale}”`, `<DefaultLocale> must be a language tag, got "${locale}"`);
  for (const name of ['DisplayName', 'Description']) {
    const el = child(app, name);
    if (!el) continue;
    const v = defaultValue(el);
    const max = name === 'DisplayName' ? 125 : 2000;
    if (!v.trim()) err(`<${name}> 的 DefaultValue 不能为空`, `<${name}> DefaultValue must not be empty`);
    else if ([...v].length > max) err(`<${name}> 超过 ${max} 个字符（${[...v].length}）`, `<${name}> is longer than ${max} characters (${[...v].length})`);
  }
  const hosts = children(child(app, 'Hosts'), 'Host');
  if (child(app, 'Hosts') && !hosts.some((h) => h.getAttribute('Name') === 'Workbook')) err('<Hosts> 中缺少 <Host Name="Workbook"/>（Excel）', '<Hosts> lacks <Host Name="Workbook"/> (Excel)');
  const perm = text('Permissions');
  if (child(app, 'Permissions') && perm !== 'ReadWriteDocument') err(`<Permissions> 应为 ReadWriteDocument（最小权限），实为“${perm}”`, `<Permissions> must be ReadWriteDocument (least privilege), got "${perm}"`);
  const sets = descendants(child(app, 'Requirements'), 'Set').map((s) => s.getAttribute('Name'));
  // The task-pane variant (manifest-taskpane.xml, for Excel without shared runtime / custom
  // functions) asks for an ExcelApi set instead, and must carry neither.
  const taskpaneOnly = sets.includes('ExcelApi') && !sets.includes('SharedRuntime') && !sets.includes('CustomFunctionsRuntime');
  info.variant = taskpaneOnly ? 'taskpane' : 'shared-runtime';
  for (const s of taskpaneOnly ? [] : ['SharedRuntime', 'CustomFunctionsRuntime']) {
    if (child(app, 'Requirements') && !sets.includes(s)) err(`<Requirements> 中缺少 <Set Name="${s}">`, `<Requirements> lacks <Set Name="${s}">`);
  }
  const sourceLocation = child(child(app, 'DefaultSettings'), 'SourceLocation');
  if (child(app, 'DefaultSettings') && !sourceLocation) err('缺少 <DefaultSettings>/<SourceLocation>', 'missing <DefaultSettings>/<SourceLocation>');

  // URLs of the base manifest: [element label, url, expected icon size or null]
  const urls = [];
  const baseUrl = (name, size) => {
    const el = child(app, name);
    if (el) urls.push({ label: `<${name}>`, url: defaultValue(el), size, el });
  };
  baseUrl('IconUrl', 32);
  baseUrl('HighResolutionIconUrl', 64);
  baseUrl('SupportUrl', null);
  if (sourceLocation) urls.push({ label: '<DefaultSettings>/<SourceLocation>', url: defaultValue(sourceLocation), size: null, el: sourceLocation });
  for (const el of descendants(child(app, 'AppDomains'), 'AppDomain')) urls.push({ label: '<AppDomain>', url: String(el.textContent || '').trim(), size: null, el, domainOnly: true });

  // ---- VersionOverrides ------------------------------------------------------
  const vo = child(app, 'VersionOverrides');
  const resources = new Map(); // id -> { kind, el, value, used }
  if (vo) {
    if (vo.namespaceURI !== NS.ov) err(`<VersionOverrides> 的命名空间应为 ${NS.ov}`, `<VersionOverrides> must use namespace ${NS.ov}`);
    if (xsiType(vo) !== 'VersionOverridesV1_0') err(`TaskPaneApp 只支持 VersionOverridesV1_0，实为“${xsiType(vo)}”`, `TaskPaneApp supports VersionOverridesV1_0 only, got "${xsiType(vo)}"`);

    // Resources first, so references can be resolved.
    const res = child(vo, 'Resources');
    if (!res) err('缺少 <VersionOverrides>/<Resources>', 'missing <VersionOverrides>/<Resources>');
    for (const group of children(res)) {
      const kind = group.localName;
      if (!(kind in RESOURCE_KINDS) || group.namespaceURI !== NS.bt) {
        err(`未知的资源类别 <${group.nodeName}>（应为 bt:Images、bt:Urls、bt:ShortStrings 或 bt:LongStrings）`, `unknown resource collection <${group.nodeName}>`);
        continue;
      }
      for (const item of children(group)) {
        const rid = item.getAttribute('id') || '';
        if (item.localName !== RESOURCE_KINDS[kind]) {
          err(`<${group.nodeName}> 中出现未知的资源元素 <${item.nodeName}>`, `unknown resource element <${item.nodeName}> in <${group.nodeName}>`);
          continue;
        }
        if (!rid) {
          err(`<${group.nodeName}> 中有资源缺少 id`, `a resource in <${group.nodeName}> has no id`);
          continue;
        }
        if (rid.length > MAX_RESID) err(`资源 id “${rid}” 超过 ${MAX_RESID} 个字符`, `resource id "${rid}" is longer than ${MAX_RESID} characters`);
        if (resources.has(rid)) err(`资源 id “${rid}” 重复`, `duplicate resource id "${rid}"`);
        const value = item.getAttribute('DefaultValue');
        if (value === null || value === '') err(`资源 “${rid}” 缺少 DefaultValue`, `resource "${rid}" has no DefaultValue`);
        resources.set(rid, { kind, el: item, value: value || '', used: false });
        info.resources++;
        const values = [{ v: value || '', where: 'DefaultValue' }];
        for (const ov of children(item, 'Override')) values.push({ v: ov.getAttribute('Value') || '', where: `Override ${ov.getAttribute('Locale') || ''}` });
        for (const { v, where: w } of values) {
          if (MAX_LEN[kind] && [...v].length > MAX_LEN[kind]) {
            err(`字符串资源 “${rid}”（${w}）长 ${[...v].length} 个字符，${kind === 'ShortStrings' ? '短' : '长'}字符串最多 ${MAX_LEN[kind]} 个`, `string resource "${rid}" (${w}) has ${[...v].length} characters; ${kind} allow at most ${MAX_LEN[kind]}`);
          }
          if (kind === 'Urls' || kind === 'Images') urls.push({ label: `bt:${RESOURCE_KINDS[kind]} "${rid}"${w === 'DefaultValue' ? '' : ` (${w})`}`, url: v, size: null, el: item, rid });
        }
      }
    }

    // Every resid resolves, to the right kind of resource.
    const inResources = new Set(descendants(res));
    for (const el of descendants(vo)) {
      if (el === res || inResources.has(el)) continue;
      const rid = el.getAttribute('resid');
      const expected = RESID_KIND[el.localName];
      if (rid === null || rid === '') {
        // Inside VersionOverrides these elements take their value only through a resid.
        if (expected) err(`${where(el)} 缺少 resid 属性`, `${where(el)} has no resid attribute`);
        continue;
      }
      const r = resources.get(rid);
      if (!r) {
        err(`${where(el)} 引用的资源 “${rid}” 不存在于 <Resources>`, `${where(el)} refers to resource "${rid}" which is not defined in <Resources>`);
        continue;
      }
      r.used = true;
      if (expected && r.kind !== expected) {
        err(`${where(el)} 的 resid “${rid}” 应指向 bt:${expected}，实际是 bt:${r.kind}`, `${where(el)} resid "${rid}" must refer to bt:${expected}, found bt:${r.kind}`);
      }
      // Icons: the stated size must match the image.
      if (el.localName === 'Image' && r.kind === 'Images') {
        const size = Number(el.getAttribute('size'));
        if (Number.isFinite(size) && size > 0) urls.push({ label: `bt:Image "${rid}" size=${size}`, url: r.value, size, el, rid, iconRef: true });
      }
    }
    for (const [rid, r] of resources) {
      if (!r.used) warn(`资源 “${rid}” 未被引用`, `resource "${rid}" is never referenced`);
    }

    // Workbook host: shared runtime + custom functions.
    const voHosts = children(child(vo, 'Hosts'), 'Host');
    const wb = voHosts.find((h) => xsiType(h) === 'Workbook');
    if (!wb) err('<VersionOverrides> 中缺少 <Host xsi:type="Workbook">', '<VersionOverrides> lacks <Host xsi:type="Workbook">');
    if (wb) {
      const order = children(wb).map((c) => c.localName);
      const want = ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'].filter((n) => order.includes(n));
      if (order.filter((n) => want.includes(n)).join() !== want.join()) err('<Host> 的子元素顺序应为 Runtimes、AllFormFactors、DesktopFormFactor', '<Host> children must be in the order Runtimes, AllFormFactors, DesktopFormFactor');
      const runtimes = children(child(wb, 'Runtimes'), 'Runtime');
      if (taskpaneOnly) {
        if (runtimes.length) err('任务窗格版不应包含 <Runtimes>（共享运行时）', 'the task-pane variant must not contain <Runtimes>');
        if (child(wb, 'AllFormFactors')) err('任务窗格版不应包含 <AllFormFactors>（自定义函数）', 'the task-pane variant must not contain <AllFormFactors> (custom functions)');
      } else if (!runtimes.length) err('缺少 <Runtimes>/<Runtime>（共享运行时）', 'missing <Runtimes>/<Runtime> (shared runtime)');
      const shared = runtimes[0];
      const sharedId = shared ? shared.getAttribute('resid') : null;
      if (shared && shared.getAttribute('lifetime') !== 'long') err('<Runtime> 的 lifetime 应为 long（任务窗格关闭后函数继续运行）', '<Runtime> lifetime must be "long"');
      const cf = descendants(child(wb, 'AllFormFactors'), 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions');
      if (!cf && !taskpaneOnly) err('缺少 <AllFormFactors>/<ExtensionPoint xsi:type="CustomFunctions">', 'missing <AllFormFactors>/<ExtensionPoint xsi:type="CustomFunctions">');
      if (cf) {
        for (const part of ['Script', 'Page', 'Metadata']) {
          const sl = child(child(cf, part), 'SourceLocation');
          if (!sl || !sl.getAttribute('resid')) err(`自定义函数缺少 <${part}>/<SourceLocation resid="…">`, `custom functions lack <${part}>/<SourceLocation resid="...">`);
        }
        const pageSl = child(child(cf, 'Page'), 'SourceLocation');
        if (sharedId && pageSl && pageSl.getAttribute('resid') !== sharedId) err(`自定义函数的 <Page> 应使用共享运行时的 resid “${sharedId}”`, `custom functions <Page> must use the shared runtime resid "${sharedId}"`);
        if (child(cf, 'Namespace')) err('自定义函数不应声明 <Namespace>：函数名已是完整名称（BUDGET.CHECKSUM 等），加命名空间会改变用户输入的函数名', 'custom functions must not declare <Namespace>: names are already complete (BUDGET.CHECKSUM ...), a namespace would change them');
      }
      const ff = descendants(wb, 'FunctionFile')[0];
      if (sharedId && ff && ff.getAttribute('resid') !== sharedId) err(`<FunctionFile> 应使用共享运行时的 resid “${sharedId}”`, `<FunctionFile> must use the shared runtime resid "${sharedId}"`);
      const actions = descendants(wb, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane');
      if (!actions.length) warn('没有打开任务窗格的按钮（ShowTaskpane）', 'no ShowTaskpane button');
      for (const a of actions) {
        const sl = child(a, 'SourceLocation');
        if (sharedId && sl && sl.getAttribute('resid') !== sharedId) err(`任务窗格按钮应使用共享运行时的 resid “${sharedId}”`, `the ShowTaskpane action must use the shared runtime resid "${sharedId}"`);
      }
    }
  }

  // ---- URLs: https, own-origin files emitted, icon sizes ------------------------
  let ownOrigin = null;
  if (sourceLocation) {
    try {
      ownOrigin = new URL(defaultValue(sourceLocation));
    } catch {
      /* reported below */
    }
  }
  const ownBase = ownOrigin ? ownOrigin.href.slice(0, ownOrigin.href.lastIndexOf('/') + 1) : null;
  const checkedFiles = new Set();
  for (const u of urls) {
    info.urls++;
    const raw = (u.url || '').trim();
    if (u.domainOnly) {
      if (/^http:\/\//i.test(raw)) err(`${u.label} “${raw}” 应使用 https`, `${u.label} "${raw}" must use https`);
      continue;
    }
    let parsed;
    try {
      parsed = new URL(raw);
    } catch {
      err(`${u.label} 不是有效的网址：“${raw}”`, `${u.label} is not a valid URL: "${raw}"`);
      continue;
    }
    if (parsed.protocol !== 'https:') {
      err(`${u.label} 应使用 https：“${raw}”`, `${u.label} must use https: "${raw}"`);
      continue;
    }
    if (!ownBase || !parsed.href.startsWith(ownBase)) {
      if (u.size) warn(`${u.label} 位于其他站点，无法离线检查图标尺寸：${raw}`, `${u.label} is on another site; icon size not checked offline: ${raw}`);
      continue;
    }
    const rel = decodeURIComponent(parsed.pathname.slice(new URL(ownBase).pathname.length));
    let file = null;
    if (dist) {
      file = path.join(dist, rel);
    } else {
      for (const m of SOURCE_MAP) {
        const hit = m.emitted.exec(rel);
        if (hit) {
          file = path.join(root, m.source(hit));
          break;
        }
      }
      if (!file) {
        err(`${u.label} 指向的 ${rel} 不是构建产物（构建只生成 taskpane.html、functions.js、functions.json、manifest.xml、assets/、office-js/）`, `${u.label} points at ${rel}, which the build does not emit`);
        continue;
      }
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      err(`${u.label} 指向的文件不存在：${rel}（查找 ${path.relative(process.cwd(), file)}）`, `${u.label} points at a missing file: ${rel} (looked for ${path.relative(process.cwd(), file)})`);
      continue;
    }
    if (!checkedFiles.has(file)) {
      checkedFiles.add(file);
      info.files++;
    }
    if (u.size) {
      const dims = pngSize(fs.readFileSync(file));
      info.icons++;
      if (!dims) err(`${u.label} 不是 PNG 图片：${rel}`, `${u.label} is not a PNG image: ${rel}`);
      else if (dims.width !== u.size || dims.height !== u.size) {
        err(`${u.label} 的尺寸应为 ${u.size}×${u.size} 像素，实为 ${dims.width}×${dims.height}：${rel}`, `${u.label} must be ${u.size}x${u.size} pixels, is ${dims.width}x${dims.height}: ${rel}`);
      }
    }
  }
  return { errors, warnings, info };
}

/** Microsoft's manifest schema, kept in the repository for offline validation (see its README). */
const XSD = path.join(__dirname, '..', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');

/**
 * Validates a manifest file against Microsoft's XSD with xmllint (libxml2-utils).
 * Returns { ran, errors }: ran false when xmllint is not installed.
 */
function schemaValidate(file, xsd = XSD) {
  const { spawnSync } = require('child_process');
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  if (r.error && r.error.code === 'ENOENT') return { ran: false, errors: [] };
  if (r.status === 0) return { ran: true, errors: [] };
  const lines = `${r.stderr || ''}`.split('\n').map((l) => l.trim()).filter((l) => l && !/ fails to validate$/.test(l));
  return { ran: true, errors: lines.length ? lines : [`xmllint exit ${r.status}`] };
}

function parseArgs(argv) {
  const o = { file: 'manifest.xml', dist: undefined, root: undefined, json: false, xsd: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') o.dist = path.resolve(argv[++i] || '');
    else if (a === '--source') o.dist = null;
    else if (a === '--root') o.root = path.resolve(argv[++i] || '');
    else if (a === '--json') o.json = true;
    else if (a === '--no-xsd') o.xsd = false;
    else if (a === '-h' || a === '--help') o.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else o.file = a;
  }
  return o;
}

function main(argv) {
  let o;
  try {
    o = parseArgs(argv);
  } catch (e) {
    console.error(msg(`参数错误：${e.message}`, `usage error: ${e.message}`));
    return 2;
  }
  if (o.help) {
    console.log('usage: node scripts/validate-manifest.js [manifest.xml…] [--dist <dir> | --source] [--root <dir>] [--json] [--no-xsd]');
    return 0;
  }
  if (!fs.existsSync(o.file)) {
    console.error(msg(`找不到清单文件 ${o.file}`, `manifest not found: ${o.file}`));
    return 2;
  }
  const xml = fs.readFileSync(o.file, 'utf8');
  const r = validateManifest(xml, { root: o.root, dist: o.dist });
  // Microsoft's schema (element order, id and string lengths, types) through xmllint.
  if (o.xsd) {
    const x = schemaValidate(o.file);
    if (!x.ran) r.errors.push(msg('未找到 xmllint，无法按微软的 XSD 校验清单（apt-get install -y libxml2-utils；或用 --no-xsd 跳过）', 'xmllint not found: cannot validate against the XSD (apt-get install -y libxml2-utils, or --no-xsd)'));
    for (const e of x.errors) r.errors.push(msg(`不符合清单架构（XSD）：${e}`, 'schema (XSD) violation'));
    r.info.checkedAgainst += x.ran ? ' + XSD' : '';
  }
  if (o.json) {
    console.log(JSON.stringify({ file: o.file, valid: r.errors.length === 0, ...r }, null, 2));
    return r.errors.length ? 1 : 0;
  }
  for (const w of r.warnings) console.warn(`警告 warning: ${w}`);
  for (const e of r.errors) console.error(`错误 error: ${e}`);
  if (r.errors.length) {
    console.error(msg(`清单无效：${o.file} 有 ${r.errors.length} 个错误`, `manifest invalid: ${r.errors.length} error(s)`));
    return 1;
  }
  console.log(
    msg(
      `清单有效：${o.file}（检查了 ${r.info.urls} 个网址、${r.info.files} 个文件、${r.info.icons} 个图标、${r.info.resources} 项资源，对照 ${r.info.checkedAgainst}；${r.warnings.length} 个警告）`,
      `manifest valid: ${r.info.urls} URLs, ${r.info.files} files, ${r.info.icons} icons, ${r.info.resources} resources checked against ${r.info.checkedAgainst}; ${r.warnings.length} warning(s)`,
    ),
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { validateManifest, main, pngSize, schemaValidate, XSD };
