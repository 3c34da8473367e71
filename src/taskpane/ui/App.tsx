/**
 * The task pane: four views behind a TabList. Components never touch Excel: every
 * workbook operation goes through `port` (the Office.js adapter in Excel, the test
 * double in the browser harness). The first view ships with the entry bundle; the
 * other three (and the model code only they need: rules, indicator library,
 * disclosure layout) load on first use. A view stays mounted once opened, so
 * switching tabs keeps results and half-filled forms.
 */
import { Suspense, lazy, useEffect, useState, type ComponentType } from 'react';
import { Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookPort } from '../excel/port';
import { TablesView } from './TablesView';

export interface AppProps {
  port: WorkbookPort;
  /** View shown first (WPS's ribbon buttons open the pane on 校验 or 公开). */
  initialView?: TabKey;
  /** Later requests to switch view (a ribbon button pressed while the pane is open); returns an unsubscribe. */
  viewRequests?: (listener: (view: TabKey) => void) => () => void;
}

export interface ViewProps {
  port: WorkbookPort;
  /** Bumped when WPS's ribbon asks this view to act (its 校验 button runs the checks); 0 = never asked. */
  request?: number;
}

export type TabKey = 'tables' | 'checks' | 'kpi' | 'disclose';

const ChecksView = lazy(() => import(/* webpackChunkName: "view-checks" */ './ChecksView'));
const KpiView = lazy(() => import(/* webpackChunkName: "view-kpi" */ './KpiView'));
const DisclosureView = lazy(() => import(/* webpackChunkName: "view-disclose" */ './DisclosureView'));

const TABS: { key: TabKey; label: string; view: ComponentType<ViewProps> }[] = [
  { key: 'tables', label: '表格', view: TablesView },
  { key: 'checks', label: '校验', view: ChecksView },
  { key: 'kpi', label: '绩效', view: KpiView },
  { key: 'disclose', label: '公开', view: DisclosureView },
];

/** performance.mark name set when the App has rendered (read by the browser test and the bench). */
export const APP_RENDERED_MARK = 'taskpane:app-rendered';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  tabs: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  loading: { padding: tokens.spacingVerticalXXL },
});

export function App({ port, initialView = 'tables', viewRequests }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabKey>(initialView);
  const [opened, setOpened] = useState<ReadonlySet<TabKey>>(() => new Set<TabKey>([initialView]));
  const [ready, setReady] = useState(false);
  // The ribbon's 校验 opens the pane on 校验 and runs it: at start-up and on each later press.
  const [checkRequests, setCheckRequests] = useState(initialView === 'checks' ? 1 : 0);

  useEffect(() => {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark(APP_RENDERED_MARK);
    setReady(true);
  }, []);

  const select = (key: TabKey) => {
    setTab(key);
    setOpened((s) => (s.has(key) ? s : new Set([...s, key])));
  };

  useEffect(
    () =>
      viewRequests?.((v) => {
        if (!TABS.some((t) => t.key === v)) return;
        select(v);
        if (v === 'checks') setCheckRequests((n) => n + 1);
      }),
    [viewRequests],
  );

  return (
    <div className={styles.root} data-app={ready ? 'ready' : 'starting'}>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => select(d.value as TabKey)}
        aria-label="预算公开表格助手"
      >
        {TABS.map((t) => (
          <Tab key={t.key} value={t.key} id={`tab-${t.key}`} aria-controls={`panel-${t.key}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {TABS.filter((t) => opened.has(t.key)).map((t) => {
        const View = t.view;
        return (
          <div key={t.key} id={`panel-${t.key}`} role="tabpanel" aria-labelledby={`tab-${t.key}`} hidden={tab !== t.key}>
            <Suspense fallback={<Spinner className={styles.loading} label="正在加载…" />}>
              <View port={port} request={t.key === 'checks' ? checkRequests : 0} />
            </Suspense>
          </div>
        );
      })}
    </div>
  );
}

export default App;
