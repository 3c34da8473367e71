/**
 * 表格: the tables found in the workbook (kind, sheet, range, binding status),
 * binding them to `BT.<kind>` names, and inserting blank templates.
 */
import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Link,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { DetectResult } from '../excel/port';
import type { DetectedTable } from '../../model/detect';
import type { ViewProps } from './App';
import { useAction } from './hooks';
import { ErrorBar, Notice } from './Bars';
import { useViewStyles } from './styles';
import { STATUS_ZH, bindStatus, boundAddress, type BindStatus } from './table-status';
import { TEMPLATE_CHOICES, loadTemplateBuilder } from './templates';

const BADGE: Record<BindStatus, 'success' | 'warning' | 'informative'> = { bound: 'success', changed: 'warning', unbound: 'informative' };

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  kind: { fontWeight: tokens.fontWeightSemibold },
  where: { fontSize: tokens.fontSizeBase200 },
  nowrap: { whiteSpace: 'nowrap' },
});

export function TablesView({ port }: ViewProps) {
  const v = useViewStyles();
  const s = useStyles();
  const [result, setResult] = useState<DetectResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [template, setTemplate] = useState<string>(TEMPLATE_CHOICES[0]?.key ?? '');

  const detect = useAction(async () => {
    const r = await port.detect();
    setResult(r);
    return r;
  }, '检测表格');

  const bind = useAction(async (t: DetectedTable) => {
    await port.bind(t.kindName, t.sheet, t.range);
    const bindings = await port.bindings();
    setResult((r) => (r ? { ...r, bindings } : r));
    setNotice(`已将 BT.${t.kindName} 绑定到 ${t.sheet}!${t.range}`);
  }, '绑定表格');

  /** The first table of each kind that is not bound yet (a workbook with two units binds the first unit's). */
  const toBind = (r: DetectResult | null): DetectedTable[] => {
    if (!r) return [];
    const seen = new Set<string>();
    const out: DetectedTable[] = [];
    for (const t of r.tables) {
      if (seen.has(t.kindName)) continue;
      seen.add(t.kindName);
      if (bindStatus(t, r.bindings) !== 'bound' && !r.tables.some((o) => o.kindName === t.kindName && bindStatus(o, r.bindings) === 'bound')) out.push(t);
    }
    return out;
  };

  const bindAll = useAction(async () => {
    const list = toBind(result);
    for (const t of list) await port.bind(t.kindName, t.sheet, t.range);
    const bindings = await port.bindings();
    setResult((r) => (r ? { ...r, bindings } : r));
    setNotice(`已绑定 ${list.length} 张表：${list.map((t) => `BT.${t.kindName}`).join('、')}`);
  }, '绑定表格');

  const insert = useAction(async (key: string) => {
    const choice = TEMPLATE_CHOICES.find((c) => c.key === key);
    if (!choice) throw new Error('请先选择要插入的表格。');
    const bound = result ? Object.keys(result.bindings) : [];
    const buildTemplate = await loadTemplateBuilder();
    const plan = buildTemplate(key, bound);
    const out = await port.applyPlan(plan);
    const name = out.created[0]?.name ?? choice.label;
    setNotice(`已插入空白的${choice.label}（工作表“${name}”）${out.names.length ? `，并创建名称 ${out.names.join('、')}` : ''}。${(out.notes ?? []).join(' ')}`);
    await detect.run();
  }, '插入空白表');

  const go = useAction((t: DetectedTable) => port.select(t.sheet, t.range), '定位表格');

  useEffect(() => {
    void detect.run();
    // Detect once when the view opens; the button re-runs it.
  }, []);

  const error = detect.error ?? bind.error ?? bindAll.error ?? insert.error ?? go.error;
  const clearErrors = () => [detect, bind, bindAll, insert, go].forEach((a) => a.setError(null));
  const busy = detect.busy || bind.busy || bindAll.busy || insert.busy;
  const pending = toBind(result);

  return (
    <div className={v.view}>
      <div className={v.row}>
        <Button appearance="primary" onClick={() => void detect.run()} disabled={busy}>
          {result ? '重新检测' : '检测表格'}
        </Button>
        {pending.length ? (
          <Button onClick={() => void bindAll.run()} disabled={busy}>
            {`全部绑定（${pending.length}）`}
          </Button>
        ) : null}
        {detect.busy ? <Spinner size="tiny" label="正在读取工作簿…" /> : null}
      </div>
      <ErrorBar error={error} onDismiss={clearErrors} />
      {notice ? <Notice intent="success" text={notice} onDismiss={() => setNotice(null)} /> : null}
      {result?.notes.map((n, i) => <Notice key={i} intent="warning" text={n} />)}

      {result ? (
        result.tables.length ? (
          <section className={v.section} aria-label="检测到的表格">
            <Text className={v.subtle}>共检测到 {result.tables.length} 张表</Text>
            <Table size="small" className={s.table} aria-label="检测到的表格">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={s.nowrap}>表格</TableHeaderCell>
                  <TableHeaderCell className={s.nowrap}>位置</TableHeaderCell>
                  <TableHeaderCell className={s.nowrap}>状态</TableHeaderCell>
                  <TableHeaderCell className={s.nowrap}>操作</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.tables.map((t, i) => {
                  const st = bindStatus(t, result.bindings);
                  const elsewhere = st === 'unbound' ? boundAddress(result.bindings, t.kindName) : undefined;
                  return (
                    <TableRow key={`${t.sheet}!${t.range}#${i}`} data-kind={t.kind}>
                      <TableCell>
                        <span className={mergeClasses(s.kind, v.wrapText)} title={t.title || undefined}>
                          {t.kindName}
                        </span>
                      </TableCell>
                      <TableCell>
                        <Link as="button" className={`${s.where} ${v.wrapText}`} onClick={() => void go.run(t)} title="在工作表中选中此表">
                          {`${t.sheet}!${t.range}`}
                        </Link>
                      </TableCell>
                      <TableCell>
                        <Badge appearance="tint" color={BADGE[st]} className={s.nowrap} title={elsewhere ? `BT.${t.kindName} 已指向 ${elsewhere}` : undefined}>
                          {STATUS_ZH[st]}
                        </Badge>
                      </TableCell>
                      <TableCell>
                        {st === 'bound' ? null : (
                          <Button size="small" disabled={busy} onClick={() => void bind.run(t)} aria-label={`${st === 'changed' ? '重新绑定' : '绑定'} ${t.kindName} ${t.sheet}!${t.range}`}>
                            {st === 'changed' ? '重新绑定' : '绑定'}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </section>
        ) : (
          <Notice intent="info" text="没有在工作簿中找到预算公开表或绩效目标表。可以在下方插入空白表。" />
        )
      ) : null}

      <section className={v.section} aria-labelledby="tpl-heading">
        <h2 id="tpl-heading" className={v.heading}>
          插入空白表
        </h2>
        <Text className={v.subtle}>新建一个工作表，含标题、表头、栏次、数字格式和下拉选项。</Text>
        <div className={v.row}>
          <Field label="表格" className={v.grow}>
            <Dropdown
              value={TEMPLATE_CHOICES.find((c) => c.key === template)?.label ?? ''}
              selectedOptions={[template]}
              onOptionSelect={(_, d) => setTemplate(d.optionValue ?? '')}
            >
              {TEMPLATE_CHOICES.map((c) => (
                <Option key={c.key} value={c.key}>
                  {c.label}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button onClick={() => void insert.run(template)} disabled={busy || !template}>
            插入
          </Button>
        </div>
      </section>
    </div>
  );
}

export default TablesView;
