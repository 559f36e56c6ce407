import type { InputHTMLAttributes, ReactNode } from 'react';
import { tCheckout } from '../../i18n/checkout-i18n';
import type { CheckoutMessageKey } from '../../i18n/en-checkout';

/** A field's problem in the customer's language; a code this build does not know reads as "check this". */
export function fieldErrorText(code: string): string {
  const key = `field.error.${code}` as CheckoutMessageKey;
  return tCheckout(key) === key ? tCheckout('field.error.invalid') : tCheckout(key);
}

export function FieldProblem({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <span id={id} className="field__error" data-testid="field-error" role="alert">
      {text}
    </span>
  );
}

/** A labelled input with its error under it, named by aria-describedby (and marked aria-invalid). */
export function TextField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  after,
  ...input
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  after?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'name'>) {
  const id = `field-${name.replace('.', '-')}`;
  const described = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-field={name}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...input}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint field__hint">
          {hint}
        </span>
      )}
      {after}
      <FieldProblem id={`${id}-error`} text={error} />
    </div>
  );
}
