/**
 * 校验: runs every budget and 绩效 rule over the workbook as it is now, lists the
 * findings by table with per-severity counts and a filter, jumps to the cell of a
 * finding, writes the report (BUDGET.FINDINGS) and key figures (BT.*), and lets a
 * clerk accept a warning with a written reason (BUDGET.ACCEPTED).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Dropdown,
  Field,
  Link,
  Option,
  Spinner,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { analyzeWorkbook, type WorkbookAnalysis } from '../../model/analyze';
import { SEVERITY_ZH, type Severity } from '../../model/findings';
import type { ViewProps } from './App';
import { useAction } from './hooks';
import { ErrorBar, Notice } from './Bars';
import { useViewStyles } from './styles';
import { AcceptDialog } from './AcceptDialog';
import { keyFigureValues } from './key-figures';
import {
  SEVERITIES,
  countFindings,
  filterFindings,
  groupFindings,
  locationText,
  markAccepted,
  openCount,
  reportRows,
  type ShownFinding,
} from './findings-view';
import { unitLabel } from './units';

const SEV_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
/** Enough to scan; a workbook with thousands of findings has a systemic problem the first ones show. */
const MAX_SHOWN = 500;

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  groupHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':last-child': { borderBottom: 'none' },
  },
  itemAccepted: { opacity: 0.75 },
  itemHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  reason: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteGreenForeground1 },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, marginLeft: 'auto' },
});

interface RunResult {
  analysis: WorkbookAnalysis;
  findings: ShownFinding[];
  acceptances: Record<string, string>;
  at: Date;
}

export function ChecksView({ port, request = 0 }: ViewProps) {
  const v = useViewStyles();
  const s = useStyles();
  const [res, setRes] = useState<RunResult | null>(null);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [hideAccepted, setHideAccepted] = useState(false);
  const [accepting, setAccepting] = useState<ShownFinding | null>(null);
  const [unitIndex, setUnitIndex] = useState(0);
  const [written, setWritten] = useState<string | null>(null);

  /** Writes the report and key figures; the findings are already on screen if this fails. */
  const writeBack = async (findings: ShownFinding[], analysis: WorkbookAnalysis, unit: number) => {
    await port.writeFindings(reportRows(findings));
    const u = analysis.units[unit] ?? analysis.units[0];
    const figs = u ? keyFigureValues(u.tables) : {};
    if (Object.keys(figs).length) await port.writeKeyFigures(figs);
    setWritten(
      `已写入校验报告（BUDGET.FINDINGS，${findings.length} 条）` +
        (Object.keys(figs).length ? `和关键数字（${Object.keys(figs).map((k) => `BT.${k}`).join('、')}${u ? `，取自${unitLabel(u)}` : ''}）。` : '。'),
    );
  };

  const run = useAction(async (unit: number = unitIndex) => {
    setWritten(null);
    const [sheets, acceptances] = await Promise.all([port.readSheets(), port.readAcceptances()]);
    const analysis = analyzeWorkbook({ sheets });
    const findings = markAccepted(analysis.findings, acceptances);
    const u = unit < analysis.units.length ? unit : 0;
    setUnitIndex(u);
    setRes({ analysis, findings, acceptances, at: new Date() });
    await writeBack(findings, analysis, u);
  }, '运行校验');

  // A request from WPS's ribbon (校验 pressed) runs the checks, as the 运行校验 button does.
  const latestRun = useRef(run.run);
  latestRun.current = run.run;
  useEffect(() => {
    if (request > 0) void latestRun.current();
  }, [request]);

  const accept = useAction(async (f: ShownFinding, reason: string | null) => {
    if (!res) return;
    const acceptances = { ...res.acceptances };
    if (reason === null) delete acceptances[f.key];
    else acceptances[f.key] = reason;
    await port.writeAcceptances(acceptances);
    const findings = markAccepted(res.analysis.findings, acceptances);
    setRes({ ...res, findings, acceptances });
    await port.writeFindings(reportRows(findings));
  }, '保存接受理由');

  const go = useAction(async (f: ShownFinding) => {
    if (!f.sheet) throw new Error('这条问题没有对应的单元格。');
    await port.select(f.sheet, f.cell ?? 'A1');
  }, '定位单元格');

  const counts = useMemo(() => countFindings(res?.findings ?? []), [res]);
  const shown = useMemo(() => filterFindings(res?.findings ?? [], { severities, hideAccepted }), [res, severities, hideAccepted]);
  const groups = useMemo(() => groupFindings(shown.slice(0, MAX_SHOWN)), [shown]);

  const toggle = (sev: Severity) =>
    setSeverities((cur) => {
      const next = new Set(cur);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });

  const error = run.error ?? accept.error ?? go.error;
  const clear = () => [run, accept, go].forEach((a) => a.setError(null));
  const units = res?.analysis.units ?? [];

  return (
    <div className={v.view}>
      <div className={v.row}>
        <Button appearance="primary" onClick={() => void run.run()} disabled={run.busy}>
          {res ? '重新校验' : '运行校验'}
        </Button>
        {run.busy ? <Spinner size="tiny" label="正在校验…" /> : res ? <Text className={v.subtle}>上次校验：{res.at.toLocaleTimeString('zh-CN')}</Text> : null}
      </div>
      <ErrorBar error={error} onDismiss={clear} />
      {written ? <Notice intent="success" text={written} onDismiss={() => setWritten(null)} /> : null}

      {units.length > 1 ? (
        <Field label="关键数字所属单位" hint="工作簿含多个单位；BT.收入总计 等名称只能指向一个单位的数字。">
          <Dropdown
            className={v.fill}
            value={units[unitIndex] ? unitLabel(units[unitIndex]) : ''}
            selectedOptions={[String(unitIndex)]}
            onOptionSelect={(_, d) => {
              const i = Number(d.optionValue ?? 0);
              setUnitIndex(i);
              if (res) void run.run(i);
            }}
          >
            {units.map((u, i) => (
              <Option key={i} value={String(i)}>
                {unitLabel(u)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}

      {res ? (
        <>
          <section aria-label="问题统计" className={v.section}>
            <Text weight="semibold" role="status">
              {openCount(counts) === 0
                ? counts.info
                  ? `没有待处理的问题（${counts.info} 条信息）`
                  : '没有发现问题'
                : `待处理 ${openCount(counts)} 项：强制 ${counts.error}，提示 ${counts.warning - counts.accepted}` +
                  (counts.accepted ? `（另有已接受 ${counts.accepted}）` : '')}
            </Text>
            <div className={v.row} role="group" aria-label="按级别筛选">
              {SEVERITIES.map((sev) => (
                <ToggleButton
                  key={sev}
                  size="small"
                  checked={severities.has(sev)}
                  onClick={() => toggle(sev)}
                  aria-label={`显示${SEVERITY_ZH[sev]}（${counts[sev]}）`}
                >
                  {SEVERITY_ZH[sev]} {counts[sev]}
                </ToggleButton>
              ))}
              <Checkbox label="隐藏已接受" checked={hideAccepted} onChange={(_, d) => setHideAccepted(!!d.checked)} />
            </div>
          </section>
          {shown.length > MAX_SHOWN ? <Notice intent="info" text={`共 ${shown.length} 条，只列出前 ${MAX_SHOWN} 条；完整报告见 BUDGET.FINDINGS。`} /> : null}
          {groups.map((g) => (
            <section key={g.key} className={s.group} aria-label={`${g.label} 的问题`}>
              <div className={s.groupHead}>
                <h3 className={mergeClasses(s.groupTitle, v.wrapText)}>
                  {g.label}
                  {g.sheet && !g.label.includes(g.sheet) ? <span className={v.subtle}>{`（${g.sheet}）`}</span> : null}
                </h3>
                {SEVERITIES.filter((sev) => g.counts[sev]).map((sev) => (
                  <Badge key={sev} size="small" appearance="tint" color={SEV_COLOR[sev]}>
                    {`${SEVERITY_ZH[sev]} ${g.counts[sev]}`}
                  </Badge>
                ))}
              </div>
              <ul className={s.list}>
                {g.findings.map((f, i) => (
                  <li
                    key={`${f.key}#${i}`}
                    className={mergeClasses(s.item, f.accepted ? s.itemAccepted : undefined)}
                    data-rule={f.rule}
                    data-severity={f.severity}
                    onClick={() => void go.run(f)}
                  >
                    <div className={s.itemHead}>
                      <Badge size="small" appearance={f.accepted ? 'outline' : 'filled'} color={SEV_COLOR[f.severity]}>
                        {f.accepted ? `${SEVERITY_ZH[f.severity]}·已接受` : SEVERITY_ZH[f.severity]}
                      </Badge>
                      <Link
                        as="button"
                        onClick={(e) => {
                          e.stopPropagation();
                          void go.run(f);
                        }}
                        disabled={!f.sheet}
                        aria-label={`定位到 ${locationText(f) || '工作簿'}：${f.message}`}
                      >
                        {locationText(f) || '工作簿'}
                      </Link>
                      <span className={s.rule}>{f.rule}</span>
                      {f.severity === 'warning' ? (
                        <span className={s.actions}>
                          {f.accepted ? (
                            <Button
                              size="small"
                              appearance="subtle"
                              onClick={(e) => {
                                e.stopPropagation();
                                void accept.run(f, null);
                              }}
                            >
                              撤销接受
                            </Button>
                          ) : (
                            <Button
                              size="small"
                              onClick={(e) => {
                                e.stopPropagation();
                                setAccepting(f);
                              }}
                              aria-label={`接受提示 ${f.rule} ${locationText(f)}`}
                            >
                              接受
                            </Button>
                          )}
                        </span>
                      ) : null}
                    </div>
                    <Text className={v.wrapText}>{f.message}</Text>
                    {f.accepted ? <Text className={mergeClasses(s.reason, v.wrapText)}>{`已接受，理由：${f.accepted}`}</Text> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {groups.length === 0 && res.findings.length > 0 ? <Text className={v.subtle}>当前筛选下没有问题。</Text> : null}
        </>
      ) : (
        <Text className={v.subtle}>校验读取整个工作簿，检查各表的平衡关系、表间一致性和绩效目标表，结果写入 BUDGET.FINDINGS。</Text>
      )}

      <AcceptDialog
        finding={accepting}
        onCancel={() => setAccepting(null)}
        onConfirm={(reason) => {
          const f = accepting;
          setAccepting(null);
          if (f) void accept.run(f, reason);
        }}
      />
    </div>
  );
}

export default ChecksView;
