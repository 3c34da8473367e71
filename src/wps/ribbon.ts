/**
 * The 预算助手 tab of ribbon.xml and its callbacks. WPS calls `ribbon.OnAddinLoad` when
 * it loads the tab, `ribbon.OnAction(control)` when a button is pressed (control.Id is
 * the button's id) and `ribbon.GetImage(control)` for its icon; the entry page puts this
 * object on `window.ribbon`.
 */
import type { TabKey } from '../taskpane/ui/App';
import type { EtApplication, WpsGlobal } from './et';
import { PANE_KEY, requestView, type PluginStorage } from './pane-link';

/** Button id → label, icon and the task pane view it opens. */
export const RIBBON_BUTTONS: readonly { id: string; label: string; view: TabKey; image: string; tip: string }[] = [
  { id: 'btnBudgetPane', label: '打开任务窗格', view: 'tables', image: 'images/pane.png', tip: '打开预算公开表格助手任务窗格：识别本工作簿中的公开表。' },
  { id: 'btnBudgetCheck', label: '校验', view: 'checks', image: 'images/check.png', tip: '打开“校验”并立即运行：核对各表是否平衡、表间是否一致，写入校验报告。' },
  { id: 'btnBudgetDisclose', label: '生成公开表', view: 'disclose', image: 'images/disclose.png', tip: '打开“公开”：按规定格式生成公开表和情况说明。' },
];

export const TAB_ID = 'tabBudgetHelper';
export const TAB_LABEL = '预算助手';

export interface RibbonEnv {
  wps: WpsGlobal;
  /** Application of the add-in page (PluginStorage, and CreateTaskPane in builds that put it there). */
  app: EtApplication & {
    PluginStorage?: PluginStorage;
    CreateTaskPane?: WpsGlobal['CreateTaskPane'];
    GetTaskPane?: WpsGlobal['GetTaskPane'];
  };
  /** Folder URL of the add-in (ends with `/`). */
  baseUrl: string;
  /** Shown to the user when something cannot be done (alert in WPS). */
  say(text: string): void;
}

export interface Ribbon {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: { Id: string }): boolean;
  GetImage(control: { Id: string }): string;
  OnGetEnabled(control: { Id: string }): boolean;
  OnGetVisible(control: { Id: string }): boolean;
  OnGetScreentip(control: { Id: string }): string;
}

export function createRibbon(env: RibbonEnv): Ribbon {
  const create = env.wps.CreateTaskPane ?? env.app.CreateTaskPane;
  const get = env.wps.GetTaskPane ?? env.app.GetTaskPane;
  const storage = (): PluginStorage | undefined => env.app.PluginStorage;

  const openPane = (view: TabKey): void => {
    const st = storage();
    const id = Number(st?.getItem(PANE_KEY));
    let pane = id && get ? get(id) : null;
    if (pane) {
      if (st) requestView(st, view);
    } else {
      if (!create) throw new Error('此版本的 WPS 不支持任务窗格（缺少 CreateTaskPane）');
      pane = create(`${env.baseUrl}taskpane.html?view=${view}`, '预算公开表格助手');
      st?.setItem(PANE_KEY, pane.ID);
    }
    pane.Visible = true;
  };

  return {
    OnAddinLoad: () => true,
    OnAction: (control) => {
      const b = RIBBON_BUTTONS.find((x) => x.id === control.Id);
      if (!b) return false;
      try {
        openPane(b.view);
      } catch (e) {
        env.say(`无法打开预算公开表格助手：${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
      return true;
    },
    GetImage: (control) => RIBBON_BUTTONS.find((x) => x.id === control.Id)?.image ?? 'images/pane.png',
    OnGetEnabled: () => true,
    OnGetVisible: () => true,
    OnGetScreentip: (control) => RIBBON_BUTTONS.find((x) => x.id === control.Id)?.tip ?? '',
  };
}

/** ribbon.xml: the 预算助手 tab (CustomUI 2006 schema, callbacks on `window.ribbon`). */
export function ribbonXml(): string {
  const buttons = RIBBON_BUTTONS.map(
    (b) => `        <button id="${b.id}" label="${b.label}" size="large" onAction="ribbon.OnAction" getImage="ribbon.GetImage" getEnabled="ribbon.OnGetEnabled" getVisible="ribbon.OnGetVisible" getScreentip="ribbon.OnGetScreentip"/>`,
  ).join('\n');
  return `<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="ribbon.OnAddinLoad">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="${TAB_ID}" label="${TAB_LABEL}">
        <group id="grpBudgetHelper" label="预算公开表格助手">
${buttons}
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`;
}
