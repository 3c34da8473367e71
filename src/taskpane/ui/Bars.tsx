/** MessageBars used by every view: errors (never swallowed), notices and successes. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from '@fluentui/react-components';

export function ErrorBar({ error, onDismiss }: { error: string | null; onDismiss?: () => void }) {
  if (!error) return null;
  return <Notice intent="error" title="出错了" text={error} onDismiss={onDismiss} />;
}

export function Notice({
  intent,
  title,
  text,
  onDismiss,
}: {
  intent: MessageBarIntent;
  title?: string;
  text: string;
  onDismiss?: () => void;
}) {
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {text}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            关闭
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
