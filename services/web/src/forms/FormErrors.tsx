import { Alert } from 'antd';

/** The errors of a submission no field shows, above the form's buttons. */
export function FormErrors({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="form-errors"
      title={messages[0]}
      description={messages.length > 1 ? messages.slice(1).join(' ') : undefined}
    />
  );
}
