/**
 * Accepting a warning (提示) needs a written reason: the dialog will not confirm
 * with an empty one. Errors (强制) never reach this dialog.
 */
import { useEffect, useId, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Text,
  Textarea,
} from '@fluentui/react-components';
import type { ShownFinding } from './findings-view';
import { locationText } from './findings-view';

export function AcceptDialog({
  finding,
  onCancel,
  onConfirm,
}: {
  /** The warning being accepted; null = closed. */
  finding: ShownFinding | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const descId = useId();
  useEffect(() => {
    setReason(finding?.accepted ?? '');
    setTried(false);
  }, [finding]);
  const empty = reason.trim() === '';
  const submit = () => {
    setTried(true);
    if (!empty) onConfirm(reason.trim());
  };
  return (
    <Dialog open={finding !== null} onOpenChange={(_, d) => (d.open ? undefined : onCancel())} modalType="modal">
      <DialogSurface aria-describedby={descId}>
        <DialogBody>
          <DialogTitle>接受提示</DialogTitle>
          <DialogContent>
            <Text block id={descId}>
              {finding ? `${finding.rule}（${locationText(finding) || '工作簿'}）：${finding.message}` : ''}
            </Text>
            <Field
              label="接受理由"
              required
              validationState={tried && empty ? 'error' : 'none'}
              validationMessage={tried && empty ? '请填写接受理由，理由会写入校验报告。' : undefined}
              style={{ marginTop: 12 }}
            >
              <Textarea
                value={reason}
                onChange={(_, d) => setReason(d.value)}
                resize="vertical"
                rows={3}
                placeholder="例如：本单位按省厅口径填报，已与财政局确认。"
              />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              取消
            </Button>
            <Button appearance="primary" onClick={submit}>
              接受
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
