/**
 * Task pane entry (shell only): finds out where it runs (src/taskpane/host.ts), builds
 * the workbook port for that host — Office.js's `Excel.run` in Excel, the ET object
 * model in WPS 表格 — and renders the UI inside Fluent's provider. The UI
 * (src/taskpane/ui) receives the port as a prop and never touches the spreadsheet; the
 * adapters (src/taskpane/excel, src/wps) are the only code that does.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App, type AppProps } from './ui/App';
import { createWorkbookPort } from './excel';
import { NOT_EXCEL_MESSAGE, NO_HOST_MESSAGE, NO_WPS_WORKBOOK_MESSAGE, chooseHost } from './host';
import { createWpsWorkbookPort, etApplication, wpsGlobal } from '../wps';
import { viewFromSearch, viewRequests, type PluginStorage } from '../wps/pane-link';

function message(text: string): void {
  const el = document.getElementById('boot-message');
  if (el) el.textContent = text;
}

async function props(): Promise<AppProps | string> {
  switch (chooseHost()) {
    case 'wps': {
      const w = wpsGlobal()!;
      const app = etApplication(w);
      if (!app) return NO_WPS_WORKBOOK_MESSAGE;
      const storage = (app as { PluginStorage?: PluginStorage }).PluginStorage;
      return {
        port: createWpsWorkbookPort(() => etApplication(w)!),
        initialView: viewFromSearch(location.search),
        viewRequests: storage ? viewRequests(storage) : undefined,
      };
    }
    case 'office': {
      const info = await Office.onReady();
      if (info.host !== Office.HostType.Excel) return NOT_EXCEL_MESSAGE;
      return { port: createWorkbookPort((batch) => Excel.run(batch)) };
    }
    default:
      return NO_HOST_MESSAGE;
  }
}

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const p = await props();
  if (typeof p === 'string') {
    message(p);
    return;
  }
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App {...p} />
    </FluentProvider>,
  );
}

boot().catch((e: unknown) => message(`加载失败：${e instanceof Error ? e.message : String(e)}`));
