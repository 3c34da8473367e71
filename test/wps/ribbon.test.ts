/** The WPS entry page: ribbon.xml, the ribbon callbacks opening the task pane, the pane's view link, host choice. */
import { DOMParser } from '@xmldom/xmldom';
import { chooseHost } from '../../src/taskpane/host';
import { PANE_KEY, viewFromSearch, viewRequests } from '../../src/wps/pane-link';
import { RIBBON_BUTTONS, createRibbon, ribbonXml } from '../../src/wps/ribbon';
import { WpsDouble } from '../wps-double';

describe('ribbon.xml', () => {
  it('is well-formed CustomUI with a 预算助手 tab of three buttons wired to window.ribbon', () => {
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level: string, msg: string) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(ribbonXml(), 'text/xml');
    expect(errors).toEqual([]);
    const root = doc.documentElement!;
    expect(root.getAttribute('xmlns')).toBe('http://schemas.microsoft.com/office/2006/01/customui');
    expect(root.getAttribute('onLoad')).toBe('ribbon.OnAddinLoad');
    const tab = doc.getElementsByTagName('tab')[0];
    expect(tab.getAttribute('label')).toBe('预算助手');
    const buttons = Array.from({ length: doc.getElementsByTagName('button').length }, (_, i) => doc.getElementsByTagName('button')[i]);
    expect(buttons.map((b) => b.getAttribute('label'))).toEqual(['打开任务窗格', '校验', '生成公开表']);
    for (const b of buttons) {
      expect(b.getAttribute('onAction')).toBe('ribbon.OnAction');
      expect(b.getAttribute('getImage')).toBe('ribbon.GetImage');
    }
  });
});

describe('ribbon callbacks', () => {
  function env() {
    const w = new WpsDouble();
    w.addSheet('Sheet1');
    const said: string[] = [];
    const ribbon = createRibbon({ wps: w.wpsGlobal(), app: w.Application, baseUrl: 'file:///jsaddons/budget-helper_0.1.0/', say: (t) => said.push(t) });
    return { w, ribbon, said };
  }

  it('opens one task pane on the button’s view, then asks the open pane to switch', () => {
    const { w, ribbon, said } = env();
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.OnAction({ Id: 'btnBudgetCheck' })).toBe(true);
    expect(w.taskPanes).toEqual([{ ID: 1, url: 'file:///jsaddons/budget-helper_0.1.0/taskpane.html?view=checks', Visible: true, DockPosition: 2 }]);
    expect(w.pluginStorage.get(PANE_KEY)).toBe(1);
    w.taskPanes[0].Visible = false;
    expect(ribbon.OnAction({ Id: 'btnBudgetDisclose' })).toBe(true);
    expect(w.taskPanes).toHaveLength(1);
    expect(w.taskPanes[0].Visible).toBe(true);
    expect(String(w.pluginStorage.get('budget-helper.view'))).toMatch(/^disclose@\d+$/);
    expect(ribbon.OnAction({ Id: 'unknown' })).toBe(false);
    expect(said).toEqual([]);
  });

  it('gives every button an icon and a tip, and says in Chinese when panes are unsupported', () => {
    const { ribbon } = env();
    for (const b of RIBBON_BUTTONS) {
      expect(ribbon.GetImage({ Id: b.id })).toMatch(/^images\/\w+\.png$/);
      expect(ribbon.OnGetScreentip({ Id: b.id })).toMatch(/[\u4e00-\u9fff]/);
    }
    const w = new WpsDouble();
    const said: string[] = [];
    const g = { ...w.wpsGlobal(), CreateTaskPane: undefined, GetTaskPane: undefined };
    const r = createRibbon({ wps: g, app: w.Application, baseUrl: '', say: (t) => said.push(t) });
    expect(r.OnAction({ Id: 'btnBudgetPane' })).toBe(false);
    expect(said).toEqual([expect.stringMatching(/^无法打开预算公开表格助手：.*CreateTaskPane/)]);
  });

  it('the pane reads its first view from the URL and later ones from PluginStorage', async () => {
    const { w, ribbon } = env();
    expect(viewFromSearch('?view=checks')).toBe('checks');
    expect(viewFromSearch('?view=evil')).toBeUndefined();
    ribbon.OnAction({ Id: 'btnBudgetPane' });
    const seen: string[] = [];
    const stop = viewRequests(w.Application.PluginStorage, 5)((v) => seen.push(v));
    ribbon.OnAction({ Id: 'btnBudgetDisclose' });
    await new Promise((r) => setTimeout(r, 30));
    ribbon.OnAction({ Id: 'btnBudgetCheck' });
    await new Promise((r) => setTimeout(r, 30));
    stop();
    expect(seen).toEqual(['disclose', 'checks']);
  });
});

describe('the task pane chooses its port at start-up', () => {
  it('WPS when `wps` is present (even with office.js), Excel with Office.js, else neither', () => {
    expect(chooseHost({ wps: {}, Office: {} })).toBe('wps');
    expect(chooseHost({ Office: {} })).toBe('office');
    expect(chooseHost({})).toBe('none');
    expect(chooseHost({ wps: 'x' })).toBe('none');
  });
});
