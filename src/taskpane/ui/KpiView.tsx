/**
 * 绩效: author or edit one project's 绩效目标表. The header block and indicators are
 * edited in a form; indicators come from the library with 二级, unit and direction
 * pre-set; every keystroke re-checks the draft with the KPI rules (the draft is laid
 * out exactly as it will be written). Writing puts the table in the standard layout
 * (kpi.md layout 2) on the sheet and refreshes KPI.DATA.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import {
  Button,
  Combobox,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { analyzeKpi, kpiDataRows } from '../../model/kpi';
import type { KpiProject } from '../../model/kpi/types';
import type { SheetGrid } from '../../model/workbook';
import { PLAN_LABELS, emptyDraft, emptyIndicator, kpiProjectBlock, type KpiDraft, type KpiDraftIndicator } from '../../model/templates';
import { summarize, summaryText } from '../../model/findings';
import type { ViewProps } from './App';
import { useAction } from './hooks';
import { ErrorBar, Notice } from './Bars';
import { useViewStyles } from './styles';
import { FindingList } from './FindingList';
import { IndicatorEditor } from './IndicatorEditor';
import { checkDraft, draftFromProject, overwriteBlock, projectExtent } from './kpi-draft';
import { indicatorFromLibrary, searchLibrary, type LibraryIndicator } from './library';

type Target = 'sheet' | 'selection' | 'replace';

const useStyles = makeStyles({
  plan: { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalS },
  write: {
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  libOption: { display: 'flex', flexDirection: 'column' },
});

interface Loaded {
  project: KpiProject;
  grids: SheetGrid[];
}

export function KpiView({ port }: ViewProps) {
  const v = useViewStyles();
  const s = useStyles();
  const [draft, setDraft] = useState<KpiDraft>(emptyDraft);
  const [projects, setProjects] = useState<{ list: KpiProject[]; grids: SheetGrid[] } | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [target, setTarget] = useState<Target>('sheet');
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  // Checking runs on the deferred draft so typing never waits for the rules.
  const deferred = useDeferredValue(draft);
  const check = useMemo(() => checkDraft(deferred), [deferred]);
  const matches = useMemo(() => searchLibrary(query, 30), [query]);

  const set = (patch: Partial<KpiDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setIndicator = useCallback(
    (i: number, next: KpiDraftIndicator) => setDraft((d) => ({ ...d, indicators: d.indicators.map((x, j) => (j === i ? next : x)) })),
    [],
  );
  const removeIndicator = useCallback((i: number) => setDraft((d) => ({ ...d, indicators: d.indicators.filter((_, j) => j !== i) })), []);
  const addIndicator = (ind: KpiDraftIndicator) => setDraft((d) => ({ ...d, indicators: [...d.indicators, ind] }));

  const read = useAction(async () => {
    const grids = await port.readSheets();
    const list = analyzeKpi(grids).projects.filter((p) => p.sheet);
    setProjects({ list, grids });
    if (!list.length) setNotice('工作簿中没有找到绩效目标表。');
  }, '读取绩效目标表');

  const load = (i: number) => {
    if (!projects) return;
    const p = projects.list[i];
    if (!p) return;
    setDraft(draftFromProject(p));
    setLoaded({ project: p, grids: projects.grids });
    setTarget('replace');
    setNotice(`已载入“${p.name || p.title}”（${p.sheet}）。修改后可覆盖原表。`);
  };

  const write = useAction(async () => {
    if (!draft.name.trim()) throw new Error('请先填写项目名称。');
    if (!draft.indicators.length) throw new Error('请至少添加一个绩效指标。');
    const block = kpiProjectBlock(draft);
    let where: string;
    if (target === 'sheet') {
      const out = await port.insertSheet(
        {
          key: 'KPI-项目',
          name: `${draft.name.trim()}绩效目标表`,
          values: block.values,
          styles: block.styles,
          merges: block.merges,
          validations: block.validations,
          columnWidths: [14, 14, 18, 22, 12, 16],
          rowHeights: {},
          page: { orientation: 'portrait', paper: 'A4', fitToWidth: true, printTitleRows: `$${block.headerRow + 1}:$${block.headerRow + 1}` },
        },
        { activate: true },
      );
      where = `新工作表“${out.name}”`;
    } else if (target === 'selection') {
      const sel = await port.getSelection();
      const cell = sel.address.split(':')[0];
      const out = await port.writeBlock({ sheet: sel.sheet, cell }, block, { select: true });
      where = out.range;
    } else {
      if (!loaded) throw new Error('没有载入的绩效目标表可覆盖。');
      const ext = projectExtent(loaded.project, loaded.grids);
      if (!ext) throw new Error('找不到原绩效目标表的位置，请重新读取工作簿。');
      const ob = overwriteBlock(block, ext, loaded.grids);
      const out = await port.writeBlock({ sheet: ext.sheet, cell: ob.target }, { values: ob.values, styles: block.styles, merges: block.merges, validations: block.validations }, { overwrite: true, select: true });
      where = out.range;
    }
    // KPI.DATA holds every indicator of the workbook: re-read so it includes what was just written.
    const grids = await port.readSheets();
    const kpi = analyzeKpi(grids);
    await port.writeKpiData(kpiDataRows(kpi.projects, undefined, kpi.findings));
    const open = summarize(check.project.concat(...check.byIndicator));
    setNotice(`已写入${where}，并更新 KPI.DATA（${kpi.projects.length} 个项目）。当前草稿：${summaryText(open)}。`);
    setProjects(null);
    setLoaded(null);
    if (target === 'replace') setTarget('sheet');
  }, '写入绩效目标表');

  const error = read.error ?? write.error;
  const clear = () => [read, write].forEach((a) => a.setError(null));
  const allFindings = check.project.concat(...check.byIndicator);
  const sum = summarize(allFindings);

  return (
    <div className={v.view}>
      <section className={v.section} aria-labelledby="kpi-load">
        <h2 id="kpi-load" className={v.heading}>
          项目
        </h2>
        <div className={v.row}>
          <Button onClick={() => void read.run()} disabled={read.busy}>
            读取工作簿中的绩效目标表
          </Button>
          <Button
            appearance="subtle"
            onClick={() => {
              setDraft(emptyDraft());
              setLoaded(null);
              setTarget('sheet');
              setNotice(null);
            }}
          >
            新建项目
          </Button>
          {read.busy ? <Spinner size="tiny" /> : null}
        </div>
        {projects && projects.list.length ? (
          <Field label="编辑已有项目">
            <Dropdown
              className={v.fill}
              placeholder={`共 ${projects.list.length} 个项目，选择一个载入`}
              onOptionSelect={(_, d) => load(Number(d.optionValue))}
              value={loaded ? loaded.project.name || loaded.project.title : ''}
            >
              {projects.list.map((p, i) => (
                <Option key={i} value={String(i)} text={`${p.name || p.title}（${p.sheet}）`}>
                  {`${p.name || p.title || `项目 ${i + 1}`}（${p.sheet}）`}
                </Option>
              ))}
            </Dropdown>
          </Field>
        ) : null}
      </section>
      <ErrorBar error={error} onDismiss={clear} />
      {notice ? <Notice intent="info" text={notice} onDismiss={() => setNotice(null)} /> : null}

      <section className={v.section} aria-labelledby="kpi-head">
        <h2 id="kpi-head" className={v.heading}>
          项目信息
        </h2>
        <Field label="单位（编码 名称）">
          <Input value={draft.unit} onChange={(_, d) => set({ unit: d.value })} placeholder="如 323001 某某县人力资源和社会保障局本级" />
        </Field>
        <div className={v.grid2}>
          <Field label="项目编码">
            <Input value={draft.code} onChange={(_, d) => set({ code: d.value })} />
          </Field>
          <Field label="项目名称" required>
            <Input value={draft.name} onChange={(_, d) => set({ name: d.value })} />
          </Field>
          <Field label="预算数（万元）">
            <Input inputMode="decimal" value={draft.budget} onChange={(_, d) => set({ budget: d.value })} />
          </Field>
          <Field label="其中：财政资金">
            <Input inputMode="decimal" value={draft.fiscal} onChange={(_, d) => set({ fiscal: d.value })} />
          </Field>
          <Field label="其他资金">
            <Input inputMode="decimal" value={draft.other} onChange={(_, d) => set({ other: d.value })} />
          </Field>
        </div>
        <Field label="资金用途">
          <Textarea value={draft.use} onChange={(_, d) => set({ use: d.value })} rows={2} resize="vertical" />
        </Field>
        <Field label="资金支出计划（%，累计）">
          <div className={s.plan} role="group" aria-label="资金支出计划">
            {PLAN_LABELS.map((label, i) => (
              <Field key={label} label={label} size="small" className={v.fill}>
                <Input
                  className={v.fill}
                  inputMode="decimal"
                  value={draft.plan[i]}
                  onChange={(_, d) => {
                    const plan = [...draft.plan] as KpiDraft['plan'];
                    plan[i] = d.value;
                    set({ plan });
                  }}
                />
              </Field>
            ))}
          </div>
        </Field>
        <Field label="绩效目标" hint="分条目时每条一行：1.… 2.…">
          <Textarea value={draft.goals} onChange={(_, d) => set({ goals: d.value })} rows={3} resize="vertical" />
        </Field>
        <FindingList findings={check.project} label="项目信息的问题" />
      </section>

      <section className={v.section} aria-labelledby="kpi-ind">
        <h2 id="kpi-ind" className={v.heading}>
          绩效指标
        </h2>
        <div className={v.row}>
          <Field label="从指标库添加" className={v.grow} hint="输入关键字（如 发放率、满意度），选中即添加，二级、单位和符号已按指标预填。">
            <Combobox
              className={v.fill}
              freeform
              placeholder="搜索指标库"
              value={query}
              selectedOptions={[]}
              onChange={(e) => setQuery(e.target.value)}
              onOptionSelect={(_, d) => {
                const e = matches[Number(d.optionValue)];
                if (e) addIndicator(indicatorFromLibrary(e));
                setQuery('');
              }}
            >
              {matches.map((e: LibraryIndicator, i: number) => (
                <Option key={`${e.name}#${i}`} value={String(i)} text={e.name}>
                  <div className={s.libOption}>
                    <span>{e.name}</span>
                    <span className={v.subtle}>{`${e.level1} · ${e.level2}${e.unit ? ` · ${e.unit}` : ''}`}</span>
                  </div>
                </Option>
              ))}
            </Combobox>
          </Field>
          <Button onClick={() => addIndicator(emptyIndicator())}>添加空白指标</Button>
        </div>
        {draft.indicators.length === 0 ? <Text className={v.subtle}>还没有指标。</Text> : null}
        {draft.indicators.map((ind, i) => (
          <IndicatorEditor key={i} index={i} value={ind} findings={check.byIndicator[i] ?? []} onChange={setIndicator} onRemove={removeIndicator} />
        ))}
      </section>

      <section className={`${v.section} ${s.write}`} aria-labelledby="kpi-write">
        <h2 id="kpi-write" className={v.heading}>
          写入
        </h2>
        <Text className={v.subtle} role="status">
          {`草稿校验：${summaryText(sum)}`}
        </Text>
        <RadioGroup layout="horizontal" value={target} onChange={(_, d) => setTarget(d.value as Target)} aria-label="写入位置">
          <Radio value="sheet" label="新工作表" />
          <Radio value="selection" label="当前选中的空白位置" />
          {loaded ? <Radio value="replace" label="覆盖原表" /> : null}
        </RadioGroup>
        <div className={v.row}>
          <Button appearance="primary" onClick={() => void write.run()} disabled={write.busy}>
            写入工作表
          </Button>
          {write.busy ? <Spinner size="tiny" label="正在写入…" /> : null}
        </div>
      </section>
    </div>
  );
}

export default KpiView;
