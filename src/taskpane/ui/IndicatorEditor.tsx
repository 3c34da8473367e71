/**
 * One indicator of the draft: 一级/二级 from the taxonomy, 三级 and 描述 free text,
 * the value as 符号 / 数值 / 单位, 依据; the findings of this row show underneath as
 * the clerk types.
 */
import { memo, useId } from 'react';
import { Button, Combobox, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../model/findings';
import { KPI_LEVEL1, KPI_LEVEL2, KPI_OPS, KPI_TAXONOMY, composeValue, type KpiDraftIndicator } from '../../model/templates';
import { FindingList } from './FindingList';
import { exampleNumber } from './library';

/** Units offered in the 单位 box (free text is allowed too). */
const UNITS = ['%', '人', '人次', '万人', '户', '家', '次', '件', '个', '台', '份', '元', '万元', '元/人', '天', '个月', '小时', '年'];

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  two: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  value: { display: 'grid', gridTemplateColumns: '72px 1fr 96px', columnGap: tokens.spacingHorizontalS },
  full: { minWidth: 0 },
  // Fluent's Dropdown/Combobox default to min-width 250px: too wide for half a task pane.
  narrow: { minWidth: 0, width: '100%' },
  preview: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface IndicatorEditorProps {
  index: number;
  value: KpiDraftIndicator;
  findings: Finding[];
  onChange: (index: number, next: KpiDraftIndicator) => void;
  onRemove: (index: number) => void;
}

export const IndicatorEditor = memo(function IndicatorEditor({ index, value, findings, onChange, onRemove }: IndicatorEditorProps) {
  const s = useStyles();
  const id = useId();
  const set = (patch: Partial<KpiDraftIndicator>) => onChange(index, { ...value, ...patch });
  const level2Options = KPI_TAXONOMY[value.level1] ?? KPI_LEVEL2;
  const composed = composeValue(value.op, value.number, value.unit);
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'none';
  return (
    <section className={s.card} aria-labelledby={`${id}-t`} data-indicator={index}>
      <div className={s.head}>
        <span id={`${id}-t`} className={s.title}>
          {`指标 ${index + 1}${value.level3 ? `：${value.level3}` : ''}`}
        </span>
        <Button size="small" appearance="subtle" onClick={() => onRemove(index)} aria-label={`删除指标 ${index + 1}`}>
          删除
        </Button>
      </div>
      <div className={s.two}>
        <Field label="一级指标" className={s.full}>
          <Dropdown
            value={value.level1}
            selectedOptions={value.level1 ? [value.level1] : []}
            onOptionSelect={(_, d) => {
              const l1 = d.optionValue ?? '';
              const keep = (KPI_TAXONOMY[l1] ?? []).includes(value.level2);
              set({ level1: l1, level2: keep ? value.level2 : '' });
            }}
            placeholder="选择"
            className={s.narrow}
          >
            {KPI_LEVEL1.map((l) => (
              <Option key={l}>{l}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="二级指标" className={s.full}>
          <Dropdown
            value={value.level2}
            selectedOptions={value.level2 ? [value.level2] : []}
            onOptionSelect={(_, d) => set({ level2: d.optionValue ?? '' })}
            placeholder="选择"
            className={s.narrow}
          >
            {level2Options.map((l) => (
              <Option key={l}>{l}</Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label="三级指标">
        <Input value={value.level3} onChange={(_, d) => set({ level3: d.value })} />
      </Field>
      <Field label="绩效指标描述">
        <Input value={value.description} onChange={(_, d) => set({ description: d.value })} />
      </Field>
      <Field
        label="指标值"
        validationState={worst}
        validationMessage={composed ? `写入为：${composed}` : '符号、数值、单位；定性指标只填数值一栏（如“按时完成”）。'}
        validationMessageIcon={worst === 'none' ? null : undefined}
      >
        <div className={s.value} role="group" aria-label="指标值">
          <Dropdown
            aria-label="符号"
            value={value.op || '无'}
            selectedOptions={[value.op || '无']}
            onOptionSelect={(_, d) => set({ op: d.optionValue === '无' ? '' : ((d.optionValue ?? '') as KpiDraftIndicator['op']) })}
            className={s.narrow}
          >
            {['无', ...KPI_OPS].map((o) => (
              <Option key={o}>{o}</Option>
            ))}
          </Dropdown>
          <Input aria-label="数值" placeholder={exampleNumber(value.level3)} value={value.number} onChange={(_, d) => set({ number: d.value })} className={s.narrow} />
          <Combobox
            aria-label="单位"
            freeform
            value={value.unit}
            selectedOptions={UNITS.includes(value.unit) ? [value.unit] : []}
            onChange={(e) => set({ unit: e.target.value })}
            onOptionSelect={(_, d) => set({ unit: d.optionValue ?? d.optionText ?? '' })}
            className={s.narrow}
            input={{ style: { width: '100%', minWidth: 0 } }}
          >
            {UNITS.map((u) => (
              <Option key={u}>{u}</Option>
            ))}
          </Combobox>
        </div>
      </Field>
      <Field label="指标值确定依据">
        <Input value={value.basis} onChange={(_, d) => set({ basis: d.value })} />
      </Field>
      <FindingList findings={findings} label={`指标 ${index + 1} 的问题`} />
      {findings.length === 0 && value.level3 && composed ? <Text className={s.preview}>未发现问题</Text> : null}
    </section>
  );
});
