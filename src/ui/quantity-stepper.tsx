import { formatNumber } from '../i18n/i18n';
import { MinusIcon, PlusIcon, TrashIcon } from './icons';

interface StepperProps {
  quantity: number;
  onIncrease: () => void;
  onDecrease: () => void;
  canIncrease: boolean;
  increaseLabel: string;
  decreaseLabel: string;
  /** Shown instead of "decrease" at quantity 1, where decreasing removes the line. */
  removeLabel: string;
  testIds?: { inc: string; dec: string };
}

export function QuantityStepper(props: StepperProps) {
  const { quantity, onIncrease, onDecrease, canIncrease, testIds } = props;
  const removes = quantity <= 1;
  return (
    <div className="stepper" role="group">
      <button
        type="button"
        className="stepper__button"
        data-testid={testIds?.dec}
        aria-label={removes ? props.removeLabel : props.decreaseLabel}
        onClick={onDecrease}
      >
        {removes ? <TrashIcon /> : <MinusIcon />}
      </button>
      <output className="stepper__value" aria-live="polite">
        {formatNumber(quantity)}
      </output>
      <button
        type="button"
        className="stepper__button"
        data-testid={testIds?.inc}
        aria-label={props.increaseLabel}
        onClick={onIncrease}
        disabled={!canIncrease}
      >
        <PlusIcon />
      </button>
    </div>
  );
}
