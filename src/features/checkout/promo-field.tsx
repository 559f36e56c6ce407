import { useState } from 'react';
import { tCheckout } from '../../i18n/checkout-i18n';
import type { CheckoutMessageKey } from '../../i18n/en-checkout';
import { formatPrice, type MoneyCurrency } from '../../ui/format-price';
import { FieldProblem } from './form-fields';

/** Why the server did not apply a code (its `code`, and the minimum when that is the reason). */
export interface PromoProblem {
  code: string;
  minSubtotalMinor?: string;
}

function reasonText(problem: PromoProblem, currency: MoneyCurrency | undefined): string {
  const key = `promo.reason.${problem.code}` as CheckoutMessageKey;
  if (tCheckout(key) === key) return tCheckout('promo.reason.PROMO_NOT_FOUND');
  return tCheckout(key, problem.minSubtotalMinor ? { amount: formatPrice(problem.minSubtotalMinor, currency) } : undefined);
}

/**
 * The code field: applied with its button (or Enter), then the server decides. `applied` is the code the
 * last quote accepted; `problem` why it refused the last one.
 */
export function PromoField({
  applied,
  problem,
  onApply,
  currency,
}: {
  applied: string | null;
  problem: PromoProblem | null;
  onApply: (code: string) => void;
  /** What a minimum subtotal counts: the shop's pricing currency. */
  currency: MoneyCurrency | undefined;
}) {
  const [typed, setTyped] = useState('');
  const apply = () => typed.trim() && onApply(typed.trim().toUpperCase());
  return (
    <section className="card checkout-section" data-testid="promo-section">
      <div className="field" data-field="promoCode">
        {applied ? (
          <span className="field__label">{tCheckout('promo.label')}</span>
        ) : (
          <label htmlFor="field-promoCode" className="field__label">
            {tCheckout('promo.label')}
          </label>
        )}
        {applied ? (
          <span className="promo-applied" data-testid="promo-applied">
            {tCheckout('promo.applied', { code: applied })}
            <button type="button" className="link-button" onClick={() => onApply('')}>
              {tCheckout('promo.remove')}
            </button>
          </span>
        ) : (
          <span className="field__row">
            <input
              id="field-promoCode"
              className="field__input"
              value={typed}
              dir="ltr"
              autoCapitalize="characters"
              autoComplete="off"
              enterKeyHint="done"
              onChange={(event) => setTyped(event.target.value)}
              onKeyDown={(event) => event.key === 'Enter' && (event.preventDefault(), apply())}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'field-promoCode-error' : undefined}
            />
            <button type="button" className="button" data-testid="promo-apply" onClick={apply} disabled={!typed.trim()}>
              {tCheckout('promo.apply')}
            </button>
          </span>
        )}
        <FieldProblem id="field-promoCode-error" text={problem ? reasonText(problem, currency) : undefined} />
      </div>
    </section>
  );
}
