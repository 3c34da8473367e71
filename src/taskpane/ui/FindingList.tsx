/** A short inline list of findings (used under the 绩效 form fields). Messages render as text. */
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_ZH, type Finding, type Severity } from '../../model/findings';

const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  badge: { flexShrink: 0 },
});

export function FindingList({ findings, label }: { findings: Finding[]; label: string }) {
  const s = useStyles();
  if (!findings.length) return null;
  return (
    <ul className={s.list} aria-label={label} aria-live="polite">
      {findings.map((f, i) => (
        <li key={`${f.rule}#${i}`} className={s.item} data-rule={f.rule} data-severity={f.severity}>
          <Badge className={s.badge} size="small" appearance="tint" color={COLOR[f.severity]}>
            {SEVERITY_ZH[f.severity]}
          </Badge>
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}
