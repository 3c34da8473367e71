/**
 * The blank templates the 表格 view offers. Only this list ships with the first
 * view; the builders (src/model/templates.ts and the disclosure layouts behind it)
 * load when a template is inserted.
 */
import { KIND_NAMES, type TableKind } from '../../model/budget/types';

export interface TemplateChoice {
  key: string;
  label: string;
}

export const TEMPLATE_CHOICES: readonly TemplateChoice[] = [
  ...(Object.keys(KIND_NAMES) as TableKind[]).map((k) => ({ key: k, label: KIND_NAMES[k] })),
  { key: 'KPI', label: '项目绩效目标表' },
  { key: 'KPI-UNIT', label: '单位整体支出绩效指标表' },
];

/** Loads the builders on demand (keeps the rules and layouts out of the first bundle). */
export async function loadTemplateBuilder(): Promise<typeof import('../../model/templates').buildTemplate> {
  const m = await import(/* webpackChunkName: "templates" */ '../../model/templates');
  return m.buildTemplate;
}
