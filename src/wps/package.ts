/**
 * The text files of the WPS 加载项 package (`npm run build:wps`, webpack.wps.config.js):
 * inside the add-in folder `budget-helper_<version>/` — index.html (entry page),
 * ribbon.xml, manifest.xml (JsPlugin: functions.json and its namespace), functions.json —
 * and next to it what an administrator deploys: publish.xml (one PC, offline), jsplugins.xml
 * (an intranet server, via oem.ini's JSPluginsServer), install scripts and instructions.
 * The layouts follow WPS's wpsjs toolkit (see README.md).
 */
import { ribbonXml } from './ribbon';
import { WPS_NAMESPACE, wpsFunctionsJson, type ExcelFunctionMeta } from './functions';

export const ADDIN_NAME = 'budget-helper';
export const ADDIN_TITLE = '预算公开表格助手';
/** The first WPS version with add-in custom functions. */
export const MIN_WPS_VERSION = '12.1.0.20540';

export interface PackageOptions {
  version: string;
  /** Intranet URL of the add-in folder for jsplugins.xml (ends with `/`). */
  url: string;
  /** Excel's functions.json (the descriptions are reused). */
  excelFunctions: { functions: ExcelFunctionMeta[] };
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function folderName(version: string): string {
  return `${ADDIN_NAME}_${version}`;
}

/** Files inside the add-in folder. */
export function addinFiles(o: PackageOptions): Record<string, string> {
  return {
    'index.html': `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<title>${ADDIN_TITLE}</title>
<!-- WPS 加载项入口页：注册自定义函数，提供 ribbon.xml 的回调（window.ribbon）。 -->
<script type="text/javascript" src="main.js"></script>
</head>
<body></body>
</html>
`,
    'ribbon.xml': ribbonXml(),
    'manifest.xml': `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${ADDIN_NAME}</Name>
  <Description>${xmlEscape(`${ADDIN_TITLE}：预算公开表的识别、校验与生成（WPS 表格 ${MIN_WPS_VERSION} 及以上可用自定义函数）`)}</Description>
  <Functions>
    <Uri>/functions.json</Uri>
    <Namespace>${WPS_NAMESPACE}</Namespace>
  </Functions>
</JsPlugin>
`,
    'functions.json': JSON.stringify(wpsFunctionsJson(o.excelFunctions), null, 2) + '\n',
  };
}

/** Files next to the add-in folder (what goes into, or points at, WPS's jsaddons folder). */
export function deploymentFiles(o: PackageOptions): Record<string, string> {
  const folder = folderName(o.version);
  const v = xmlEscape(o.version);
  return {
    // One PC, offline: the folder and this file in jsaddons (the layout wpsjs's installer writes).
    'publish.xml': `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${folder}" version="${v}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`,
    // An intranet: the folder served over HTTP, this file named by oem.ini's JSPluginsServer.
    'jsplugins.xml': `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlEscape(o.url)}"/>
</jsplugins>
`,
    'install-linux.sh': `#!/bin/sh
# 为当前用户安装${ADDIN_TITLE}（WPS 表格，Linux/信创）。用法：sh install-linux.sh
set -e
here="$(cd "$(dirname "$0")" && pwd)"
dest="\${HOME}/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$dest"
rm -rf "$dest/${folder}"
cp -R "$here/${folder}" "$dest/"
if [ -f "$dest/publish.xml" ] && ! grep -q 'name="${ADDIN_NAME}"' "$dest/publish.xml"; then
  # 保留已安装的其他加载项：把本加载项的一行插到 </jsplugins> 之前。
  line=$(grep '<jsplugin ' "$here/publish.xml")
  awk -v l="$line" '/<\\/jsplugins>/{print l} {print}' "$dest/publish.xml" > "$dest/publish.xml.new" && mv "$dest/publish.xml.new" "$dest/publish.xml"
elif [ ! -f "$dest/publish.xml" ]; then
  cp "$here/publish.xml" "$dest/publish.xml"
fi
echo "已安装到 $dest/${folder}。请重新启动 WPS 表格，功能区会出现“预算助手”选项卡。"
`,
    'install-windows.bat': `@echo off
chcp 65001 >nul
rem 为当前用户安装${ADDIN_TITLE}（WPS 表格，Windows）。双击运行。
set "dest=%APPDATA%\\kingsoft\\wps\\jsaddons"
if not exist "%dest%" mkdir "%dest%"
xcopy /E /I /Y "%~dp0${folder}" "%dest%\\${folder}" >nul
if exist "%dest%\\publish.xml" (
  findstr /C:"name=\\"${ADDIN_NAME}\\"" "%dest%\\publish.xml" >nul || echo 已有 publish.xml：请把本目录 publish.xml 中的 jsplugin 一行加入 "%dest%\\publish.xml" 的 ^<jsplugins^> 内。
) else (
  copy /Y "%~dp0publish.xml" "%dest%\\publish.xml" >nul
)
echo 已安装。请重新启动 WPS 表格，功能区会出现“预算助手”选项卡。
pause
`,
    '安装说明.txt': `${ADDIN_TITLE} · WPS 表格加载项 ${o.version}

要求：WPS Office（Windows 或 Linux/信创）表格组件；自定义函数需要 ${MIN_WPS_VERSION} 或更高版本。

一台电脑（离线）：
  Windows：双击 install-windows.bat；Linux：sh install-linux.sh。
  脚本把 ${folder} 复制到 WPS 的 jsaddons 目录（Windows：%APPDATA%\\kingsoft\\wps\\jsaddons；
  Linux：~/.local/share/Kingsoft/wps/jsaddons），并登记到同目录的 publish.xml。重启 WPS 表格。

内网多台电脑：
  1. 把 ${folder} 目录放到内网 Web 服务器上，使 ${o.url}ribbon.xml 可以访问；
  2. 把 jsplugins.xml 放到内网可访问的位置（或各电脑本地）；
  3. 在各电脑 WPS 安装目录 office6/cfgs/oem.ini 中加入：
       [Support]
       JsApiPlugin=true
       [Server]
       JSPluginsServer=<jsplugins.xml 的地址>
  4. 重启 WPS 表格。构建时可用 npm run build:wps -- --env url=http://内网地址/${ADDIN_NAME}/ 写入实际地址。

在 WPS 表格中：功能区“预算助手”选项卡 → 打开任务窗格 / 校验 / 生成公开表。
单元格中输入：=BUDGET.CHECKSUM(A1:H40)、=KPI.VALIDATE(A1:F30)（若提示 #NAME?，改用 =BUDGET.KPI_VALIDATE(A1:F30)）。
`,
  };
}
