import type { OptionSelection, ValueState } from '../../domain/variants';
import type { ProductOption } from '../../domain/types';
import { tCheckout } from '../../i18n/checkout-i18n';

/**
 * One row of choices per option. A value that leads to nothing sold, or only to sold-out variants, given
 * the other options as chosen, is disabled (and says why); tapping the chosen value again unchooses it,
 * which frees the other rows.
 */
export function OptionPickers({
  options,
  selection,
  states,
  onChange,
}: {
  options: readonly ProductOption[];
  selection: OptionSelection;
  states: ValueState[][];
  onChange: (selection: OptionSelection) => void;
}) {
  return (
    <div className="option-pickers" data-testid="option-pickers">
      {options.map((option, i) => (
        <fieldset key={option.name} className="option-picker" data-option={option.name}>
          <legend className="option-picker__name">
            <bdi>{option.name}</bdi>
            {selection[i] != null && (
              <span className="option-picker__chosen">
                : <bdi>{selection[i]}</bdi>
              </span>
            )}
          </legend>
          <div className="option-picker__values">
            {option.values.map((value, j) => {
              const state = states[i]?.[j] ?? 'unavailable';
              const chosen = selection[i] === value;
              return (
                <button
                  key={value}
                  type="button"
                  className={`chip option-value option-value--${state}`}
                  data-testid="option-value"
                  data-value={value}
                  data-state={state}
                  aria-pressed={chosen}
                  disabled={!chosen && state !== 'available'}
                  title={state === 'available' ? undefined : tCheckout(state === 'sold_out' ? 'options.soldOut' : 'options.unavailable')}
                  onClick={() => onChange(selection.map((v, k) => (k === i ? (chosen ? null : value) : v)))}
                >
                  <bdi>{value}</bdi>
                  {state !== 'available' && (
                    <span className="visually-hidden">{` (${tCheckout(state === 'sold_out' ? 'options.soldOut' : 'options.unavailable')})`}</span>
                  )}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
