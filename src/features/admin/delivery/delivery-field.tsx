// One labelled text field of the delivery editor: its id and test id come from its field path
// (`delivery-methods.0.zones.1.feeMinor`), and an error the draft or the server names at that path is shown
// under it.
import { tAdmin } from '../../../i18n/admin-i18n';
import type { Errors } from './delivery-draft';

export function DeliveryField({
  path,
  label,
  value,
  errors,
  onChange,
  ltr,
  hint,
}: {
  path: string;
  label: string;
  value: string;
  errors: Errors;
  onChange: (v: string) => void;
  ltr?: boolean;
  hint?: string;
}) {
  const error = errors[path];
  const id = `delivery-${path}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        dir={ltr ? 'ltr' : undefined}
        data-testid={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} data-testid={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} data-testid={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "was 5.00 TON" under a fee field emptied because it was saved in another currency. */
export const wasHint = (amount: string | undefined) => (amount ? tAdmin('admin.amountWas', { amount }) : undefined);
