/**
 * The WPS 加载项 entry page (index.html → main.js), loaded by WPS when it starts: registers
 * the worksheet functions and puts the ribbon callbacks on `window.ribbon`. The task pane
 * is a separate page (taskpane.html) opened by the ribbon buttons.
 */
import { etApplication, wpsGlobal } from './et';
import { registerWpsFunctions } from './functions';
import { createRibbon, type RibbonEnv } from './ribbon';

function boot(): void {
  const w = wpsGlobal();
  const g = globalThis as unknown as { ribbon?: unknown; Application?: RibbonEnv['app']; alert?: (s: string) => void; location?: Location };
  if (!w) return; // opened outside WPS: nothing to register
  registerWpsFunctions(w);
  const app = (g.Application ?? etApplication(w)) as RibbonEnv['app'];
  const href = g.location?.href ?? '';
  g.ribbon = createRibbon({ wps: w, app, baseUrl: href.slice(0, href.lastIndexOf('/') + 1), say: (t) => g.alert?.(t) });
}

boot();
