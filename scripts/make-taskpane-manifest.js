#!/usr/bin/env node
/**
 * manifest-taskpane.xml: the task-pane-only variant of manifest.xml for Excel that has no
 * shared runtime or custom functions (Excel 2019 volume-licensed; retail 2016/2019 builds
 * before 2311, which have SharedRuntime but not CustomFunctionsRuntime). Built from
 * manifest.xml so the two cannot drift; a test compares the committed file with this output.
 *
 * Microsoft's documented way: the base <Requirements> decides where an add-in is offered
 * ("If the Office application … doesn't support the requirement sets … specified in the
 * Requirements element, the add-in won't run … and it won't display in My Add-ins"), so the
 * variant asks only for the ExcelApi set that detect + check + report need (checked against
 * the generated member table by test/adapter/profiles.test.ts), drops <Runtimes> and the
 * CustomFunctions extension point, and is a separate add-in (own Id) so that both can be
 * deployed side by side: clerks with a current Excel get the full add-in, the others this one.
 *
 *   node scripts/make-taskpane-manifest.js          # writes manifest-taskpane.xml
 *   node scripts/make-taskpane-manifest.js --check  # exit 1 when stale
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'manifest-taskpane.xml');
/** Its own add-in id (a separate add-in from manifest.xml). */
const ID = '6f1d3c52-9a8e-4b7d-8c21-5e4f0a9b7d13';
/** detect + check + report: Worksheet.getRangeByIndexes and NamedItem.formula (ExcelApi 1.7). */
const EXCEL_API = '1.7';

function replaceOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`make-taskpane-manifest: expected exactly one ${JSON.stringify(from.slice(0, 60))}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function cut(text, re) {
  const m = text.match(re);
  if (!m) throw new Error(`make-taskpane-manifest: ${re} not found`);
  return text.replace(re, '');
}

function build(source) {
  let x = source;
  x = x.replace(/<!--[\s\S]*?-->\n/, `<!--
    预算公开表格助手（任务窗格版）: generated from manifest.xml by scripts/make-taskpane-manifest.js,
    do not edit. For Excel without the shared runtime or custom functions (Excel 2019
    volume-licensed; Excel 2016/2019 retail before build 2311): the task pane only, no worksheet
    functions. Requires ExcelApi ${EXCEL_API} (detect + check + report). Check with: npm run validate
  -->
`);
  x = x.replace(/<Id>[^<]+<\/Id>/, `<Id>${ID}</Id>`);
  x = replaceOnce(x, '<DisplayName DefaultValue="预算公开表格助手"/>', '<DisplayName DefaultValue="预算公开表格助手（任务窗格版）"/>');
  x = x.replace(/<Description DefaultValue="[^"]*"\/>/, '<Description DefaultValue="核对单位预算公开表格是否平衡，校验绩效目标表，并把工作簿转换为公开格式。适用于不支持工作表函数的 Excel（如 Excel 2019 批量授权版）。数据只在本机处理。"/>');
  x = x.replace(/<Requirements>[\s\S]*?<\/Requirements>/, `<Requirements>\n    <Sets DefaultMinVersion="1.1">\n      <Set Name="ExcelApi" MinVersion="${EXCEL_API}"/>\n    </Sets>\n  </Requirements>`);
  x = cut(x, /\s*<Runtimes>[\s\S]*?<\/Runtimes>/);
  x = cut(x, /\s*<AllFormFactors>[\s\S]*?<\/AllFormFactors>/);
  x = cut(x, /\s*<FunctionFile resid="[^"]+"\/>/);
  x = cut(x, /\s*<bt:Url id="Functions\.Script\.Url"[^>]*\/>/);
  x = cut(x, /\s*<bt:Url id="Functions\.Metadata\.Url"[^>]*\/>/);
  x = x.replace(/(<bt:String id="GetStarted\.Description" DefaultValue=")[^"]*"/, '$1在“开始”选项卡点击“预算助手”打开任务窗格：识别并核对预算公开表格、校验绩效目标表、生成公开格式。"');
  return x;
}

function text() {
  return build(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
}

module.exports = { build, text, OUT, ID, EXCEL_API };

if (require.main === module) {
  const t = text();
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === t;
    console.log(same ? 'manifest-taskpane.xml: up to date' : 'manifest-taskpane.xml: stale, run node scripts/make-taskpane-manifest.js');
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(OUT, t);
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
}
