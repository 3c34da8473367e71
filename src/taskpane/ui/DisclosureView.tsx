/**
 * 公开: what only a person knows (year, unit, last year's figures, duties,
 * organisation, reasons for changes) plus the workbook's tables → one click makes
 * the disclosure sheets. Progress comes from the adapter per sheet; 取消 aborts and
 * the adapter removes everything it created, so a cancelled run leaves nothing.
 */
import { useEffect, useRef, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Input,
  Link,
  Option,
  ProgressBar,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApplyPlanResult } from '../excel/port';
import type { ViewProps } from './App';
import { useAction } from './hooks';
import { ErrorBar, Notice } from './Bars';
import { useViewStyles } from './styles';
import {
  INPUTS_SHEET,
  PRIOR_FIELDS,
  REASON_FIELDS,
  defaultUnit,
  departmentPlanFromWorkbook,
  emptyForm,
  formFromSheet,
  hasInputs,
  inputsBlock,
  planFromWorkbook,
  priorChoices,
  priorFromWorkbook,
  unitChoices,
  type DisclosureForm,
  type UnitChoice,
} from './disclosure-input';
import { inputsSheetPlan } from '../../model/narrative';
import { norm } from '../../model/text';

const useStyles = makeStyles({
  created: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

interface Progress {
  done: number;
  total: number;
  sheet: string;
}

export function DisclosureView({ port }: ViewProps) {
  const v = useViewStyles();
  const s = useStyles();
  const [form, setForm] = useState<DisclosureForm>(emptyForm);
  const [units, setUnits] = useState<UnitChoice[] | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ApplyPlanResult | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [priorUnits, setPriorUnits] = useState<UnitChoice[]>([]);
  const [priorKey, setPriorKey] = useState('');
  const [carried, setCarried] = useState(false);
  const [savedInputs, setSavedInputs] = useState<string | null>(null);
  const [deptName, setDeptName] = useState('');
  const [deptResult, setDeptResult] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  const set = (patch: Partial<DisclosureForm>) => setForm((f) => ({ ...f, ...patch }));

  const readUnits = useAction(async () => {
    const sheets = await port.readSheets();
    const list = unitChoices(sheets);
    setUnits(list);
    // This year's package by default; older units are last year's tables pasted in.
    const newest = defaultUnit(list);
    const year = form.year || newest?.year || '';
    setPriorUnits(priorChoices(sheets, year));
    // Answers kept in the 说明输入 sheet fill the fields the form leaves empty.
    setForm((f) =>
      formFromSheet(sheets, {
        ...f,
        unitKey: f.unitKey && list.some((u) => u.key === f.unitKey) ? f.unitKey : (newest?.key ?? ''),
        year: f.year || year,
      }),
    );
  }, '读取单位');

  const readPrior = useAction(async () => {
    const sheets = await port.readSheets();
    const p = priorFromWorkbook(sheets, priorKey);
    setForm((f) => ({
      ...f,
      prior: { ...f.prior, ...p.prior },
      duties: f.duties.trim() ? f.duties : (p.duties ?? ''),
      organisation: f.organisation.trim() ? f.organisation : (p.organisation ?? ''),
    }));
    setCarried(!!(p.duties || p.organisation));
  }, '读取上年数');

  const generate = useAction(async () => {
    setResult(null);
    setCancelled(false);
    setMissing([]);
    const controller = new AbortController();
    abortRef.current = controller;
    setProgress({ done: 0, total: 0, sheet: '' });
    try {
      const sheets = await port.readSheets();
      if (controller.signal.aborted) throw new DOMException('aborted', 'AbortError');
      const { plan, pending } = planFromWorkbook(sheets, form);
      const todo = pending.map((p) => p.key ?? p.text);
      setProgress({ done: 0, total: plan.sheets.length, sheet: '' });
      const out = await port.applyPlan(plan, {
        signal: controller.signal,
        onProgress: (done, total, sheet) => setProgress({ done, total, sheet }),
      });
      setResult(out);
      setMissing(todo);
      // The answers typed here go to the 说明输入 sheet, so the CLI and the next run read them.
      if (hasInputs(form)) {
        const existing = sheets.find((x) => norm(x.name) === INPUTS_SHEET);
        const block = inputsBlock(form, existing);
        if (existing) await port.writeBlock({ sheet: existing.name, cell: 'A1' }, block, { overwrite: true });
        else await port.insertSheet(inputsSheetPlan(block.values.slice(1).map((r) => r.map((v) => (v === null ? '' : String(v))))), { activate: false });
        setSavedInputs(existing?.name ?? INPUTS_SHEET);
      }
    } catch (e) {
      if (controller.signal.aborted) {
        setCancelled(true);
        return;
      }
      throw e;
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  }, '生成公开表');

  const makeDepartment = useAction(async () => {
    setDeptResult(null);
    const sheets = await port.readSheets();
    const { plan, pending, units: n } = departmentPlanFromWorkbook(sheets, form, deptName);
    const out = await port.applyPlan(plan, { onProgress: (done, total, sheet) => setProgress({ done, total, sheet }) });
    setProgress(null);
    setDeptResult(`已由 ${n} 个单位汇总生成部门公开表（${out.created.length} 个工作表），各表平衡且等于各单位之和。${pending.length ? `还需填写：${pending.map((p) => p.key ?? p.text).join('；')}` : ''}`);
  }, '汇总部门公开表');

  const go = useAction((sheet: string) => port.select(sheet, 'A1'), '打开工作表');

  useEffect(() => {
    void readUnits.run();
    // Read the units once when the view opens; the button re-reads.
  }, []);

  const error = readUnits.error ?? generate.error ?? go.error ?? readPrior.error ?? makeDepartment.error;
  const clear = () => [readUnits, generate, go, readPrior, makeDepartment].forEach((a) => a.setError(null));
  const thisYearUnits = (units ?? []).filter((u) => !u.year || u.year === form.year.trim());
  const selectedUnit = units?.find((u) => u.key === form.unitKey);

  return (
    <div className={v.view}>
      <section className={v.section} aria-labelledby="dis-unit">
        <h2 id="dis-unit" className={v.heading}>
          单位与年度
        </h2>
        <div className={v.row}>
          <Button onClick={() => void readUnits.run()} disabled={readUnits.busy || generate.busy}>
            {units ? '重新读取单位' : '从工作簿读取单位'}
          </Button>
        </div>
        {units && !units.length ? <Notice intent="warning" text="工作簿中没有找到预算公开表（收支总表等）。请先在“表格”页检查表格，或插入空白表填写。" /> : null}
        <div className={v.grid2}>
          <Field label="预算年度" required>
            <Input value={form.year} onChange={(_, d) => set({ year: d.value })} inputMode="numeric" placeholder="如 2023" />
          </Field>
          <Field label="单位">
            {units && units.length ? (
              <Dropdown
                className={v.fill}
                value={selectedUnit?.label ?? ''}
                selectedOptions={form.unitKey ? [form.unitKey] : []}
                onOptionSelect={(_, d) => set({ unitKey: d.optionValue ?? '' })}
              >
                {units.map((u) => (
                  <Option key={u.key} value={u.key}>
                    {u.label}
                  </Option>
                ))}
              </Dropdown>
            ) : (
              <Input value={form.unitName} onChange={(_, d) => set({ unitName: d.value })} placeholder="先读取单位，或直接填写" />
            )}
          </Field>
        </div>
      </section>

      <Accordion multiple collapsible aria-label="选填内容">
        <AccordionItem value="prior">
          <AccordionHeader>上年数（选填，万元）</AccordionHeader>
          <AccordionPanel>
            <div className={v.section}>
              <Text className={v.subtle}>用于说明中的“比上年增减”；不填的项在说明中留“【待填写】”标记。上年公开表可复制到本工作簿后在此选择。</Text>
              {priorUnits.length ? (
                <div className={v.row}>
                  <Field label="选择上年公开表" size="small">
                    <Dropdown
                      value={priorUnits.find((u) => u.key === priorKey) ? `${priorUnits.find((u) => u.key === priorKey)!.label}（${priorUnits.find((u) => u.key === priorKey)!.year}年）` : ''}
                      selectedOptions={priorKey ? [priorKey] : []}
                      onOptionSelect={(_, d) => setPriorKey(d.optionValue ?? '')}
                    >
                      {priorUnits.map((u) => (
                        <Option key={u.key} value={u.key} text={`${u.label}（${u.year}年）`}>
                          {`${u.label}（${u.year}年）`}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                  <Button onClick={() => void readPrior.run()} disabled={!priorKey || readPrior.busy}>
                    读取上年数
                  </Button>
                </div>
              ) : null}
              {carried ? <Notice intent="info" text="单位职责、机构设置已沿用上年说明，请核对后再生成。" onDismiss={() => setCarried(false)} /> : null}
              <div className={v.grid2}>
                {PRIOR_FIELDS.map((k) => (
                  <Field key={k} label={k} size="small">
                    <Input inputMode="decimal" value={form.prior[k] ?? ''} onChange={(_, d) => set({ prior: { ...form.prior, [k]: d.value } })} />
                  </Field>
                ))}
              </div>
            </div>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="text">
          <AccordionHeader>说明文字（选填）</AccordionHeader>
          <AccordionPanel>
            <div className={v.section}>
              <Field label="单位职责" hint="每段一行">
                <Textarea value={form.duties} onChange={(_, d) => set({ duties: d.value })} rows={3} resize="vertical" />
              </Field>
              <Field label="机构设置">
                <Textarea value={form.organisation} onChange={(_, d) => set({ organisation: d.value })} rows={2} resize="vertical" />
              </Field>
              {REASON_FIELDS.map((k) => (
                <Field key={k} label={`${k}增减原因`}>
                  <Textarea value={form.reasons[k] ?? ''} onChange={(_, d) => set({ reasons: { ...form.reasons, [k]: d.value } })} rows={2} resize="vertical" />
                </Field>
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <section className={v.section} aria-labelledby="dis-go">
        <h2 id="dis-go" className={v.heading}>
          生成
        </h2>
        <div className={v.row}>
          <Button appearance="primary" onClick={() => void generate.run()} disabled={generate.busy || !form.year.trim()}>
            生成公开表
          </Button>
          {generate.busy ? (
            <Button onClick={() => abortRef.current?.abort()} disabled={!abortRef.current}>
              取消
            </Button>
          ) : null}
        </div>
        {progress ? (
          <div className={s.progress}>
            <ProgressBar
              value={progress.total ? progress.done / progress.total : undefined}
              max={1}
              thickness="large"
              aria-label="生成进度"
              aria-valuetext={progress.total ? `${progress.done} / ${progress.total}` : '正在准备'}
            />
            <Text className={v.subtle} role="status">
              {progress.total ? `已生成 ${progress.done} / ${progress.total} 张${progress.sheet ? `：${progress.sheet}` : ''}` : '正在读取工作簿…'}
            </Text>
          </div>
        ) : null}
        <ErrorBar error={error} onDismiss={clear} />
        {cancelled ? <Notice intent="warning" title="已取消" text="已停止生成，并撤销了已创建的工作表，工作簿保持原样。" onDismiss={() => setCancelled(false)} /> : null}
        {result ? (
          <section className={v.section} aria-label="生成结果">
            <Notice intent="success" title="已生成公开表" text={`新建 ${result.created.length} 个工作表${result.names.length ? `，名称 ${result.names.length} 个` : ''}。`} />
            <ul className={s.created}>
              {result.created.map((c) => (
                <li key={c.key}>
                  <Link as="button" onClick={() => void go.run(c.name)}>
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
            {savedInputs ? <Notice intent="info" text={`填写的内容已保存到“${savedInputs}”工作表，重新生成或用命令行生成时会沿用。`} /> : null}
            {missing.length ? (
              <Notice intent="warning" title="公开表中还需填写（说明输入中的项目）" text={missing.join('；')} />
            ) : null}
          </section>
        ) : null}
      </section>
      {thisYearUnits.length > 1 ? (
        <section className={v.section} aria-labelledby="dis-dept">
          <h2 id="dis-dept" className={v.heading}>
            部门公开表
          </h2>
          <Text className={v.subtle}>{`工作簿中有 ${thisYearUnits.length} 个单位：可汇总为部门公开表（各单位须先通过校验）。`}</Text>
          <div className={v.row}>
            <Field label="部门名称" size="small">
              <Input value={deptName} onChange={(_, d) => setDeptName(d.value)} placeholder="如 某某县人力资源和社会保障局" />
            </Field>
            <Button onClick={() => void makeDepartment.run()} disabled={makeDepartment.busy || generate.busy || !deptName.trim() || !form.year.trim()}>
              汇总为部门公开表
            </Button>
          </div>
          {deptResult ? <Notice intent="success" text={deptResult} onDismiss={() => setDeptResult(null)} /> : null}
        </section>
      ) : null}
    </div>
  );
}

export default DisclosureView;
