/**
 * Task pane entry (shell only): waits for Office once, builds the workbook port over
 * `Excel.run` and renders the UI inside Fluent's provider. The UI (src/taskpane/ui)
 * receives the port as a prop and never touches Excel; the adapter
 * (src/taskpane/excel) is the only code that does.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './ui/App';
import { createWorkbookPort } from './excel';

function message(text: string): void {
  const el = document.getElementById('boot-message');
  if (el) el.textContent = text;
}

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  if (typeof Office === 'undefined') {
    message('未能加载 Office.js：请在 Excel 中通过“开始 → 预算助手”打开此加载项。');
    return;
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    message('此加载项只能在 Excel 中使用。');
    return;
  }
  const port = createWorkbookPort((batch) => Excel.run(batch));
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} />
    </FluentProvider>,
  );
}

boot().catch((e: unknown) => message(`加载失败：${e instanceof Error ? e.message : String(e)}`));
