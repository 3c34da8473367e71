/** Layout styles shared by the views (a task pane is ~320–450 px wide). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useViewStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  grow: { flexGrow: 1, minWidth: '120px' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
  subtle: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // Cell text may be long (titles, sheet names): wrap anywhere instead of widening the pane.
  wrapText: { overflowWrap: 'anywhere', wordBreak: 'break-word' },
  // Inputs size to their cell, not to the <input>'s intrinsic 20 characters.
  fill: { width: '100%', minWidth: 0 },
  grid2: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
    '& > *': { minWidth: 0 },
    '& input': { width: '100%' },
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});
