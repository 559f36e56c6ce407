// The list of delivery methods being edited, saved as a whole with PUT /api/admin/delivery; a wrong
// field (found here or by the server) is named where it is.
import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ApiError } from '../../../platform/api-client';
import { useResourceCache } from '../../../platform/services';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { DELIVERY_KINDS, type DeliveryKind } from '../common/admin-types';
import type { MoneyCurrency } from '../../../domain/format-money';
import { useToast } from '../common/toast';
import { fieldErrorsFromMessage, saveDeliveryMethods } from './api';
import { emptyMethod, feeCurrencyOf, toDraft, toMethods, type Errors, type MethodDraft, type SavedDelivery } from './delivery-draft';
import { DeliveryMethodCard } from './delivery-method-card';
import { OtherCurrencyWarning } from './other-currency-warning';

export function DeliveryEditor({ initial, currency }: { initial: SavedDelivery; currency: MoneyCurrency }) {
  const api = useAdminApi();
  const cache = useResourceCache();
  const toast = useToast();
  // What the server holds: its `currency` says whether the fees still count the shop's.
  const [saved, setSaved] = useState<SavedDelivery>(initial);
  const [drafts, setDrafts] = useState<MethodDraft[]>(() => initial.methods.map((m) => toDraft(m, currency, feeCurrencyOf(initial))));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (i: number, patch: Partial<MethodDraft>) => setDrafts((all) => all.map((d, k) => (k === i ? { ...d, ...patch } : d)));

  const save = async () => {
    const { methods, errors: found } = toMethods(drafts, currency);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      // The server stamps the fees with the shop's currency: the warning goes once they are saved.
      const answer = await saveDeliveryMethods(api, methods);
      cache.set(adminKeys.delivery, answer);
      setSaved(answer.delivery);
      setDrafts(answer.delivery.methods.map((m) => toDraft(m, currency, feeCurrencyOf(answer.delivery))));
      toast(tAdmin('admin.delivery.saved'));
    } catch (caught) {
      const fields = caught instanceof ApiError && caught.code === 'VALIDATION_FAILED' ? fieldErrorsFromMessage(caught.message) : {};
      setErrors(fields);
      setFailure(caught instanceof ApiError && caught.status < 500 ? caught.message : tAdmin('admin.error.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  const add = (kind: DeliveryKind) => setDrafts((all) => [...all, emptyMethod(kind)]);

  return (
    <div data-testid="delivery-editor">
      <h1 className="screen__title">{tAdmin('admin.delivery.title')}</h1>
      <OtherCurrencyWarning saved={saved} currency={currency} />
      {drafts.length === 0 && <p className="hint">{tAdmin('admin.delivery.empty')}</p>}
      {drafts.map((d, i) => (
        <DeliveryMethodCard
          key={i}
          index={i}
          method={d}
          errors={errors}
          currency={currency}
          onChange={(patch) => update(i, patch)}
          onRemove={() => setDrafts((all) => all.filter((_, k) => k !== i))}
        />
      ))}
      <div className="admin-actions__buttons">
        {DELIVERY_KINDS.map((kind) => (
          <button key={kind} type="button" className="button" data-testid={`add-delivery-${kind}`} onClick={() => add(kind)}>
            {tAdmin('admin.delivery.add', { kind: tAdmin(`admin.delivery.kind.${kind}`) })}
          </button>
        ))}
      </div>
      {failure && (
        <p className="field__error" role="alert" data-testid="delivery-error">
          {failure}
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        data-testid="save-delivery"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => void save()}
      >
        {tAdmin('admin.save')}
      </button>
    </div>
  );
}
