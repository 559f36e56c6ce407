// A digital product's content (#15): a file (uploaded, kept private), license keys pasted one a line
// (the pools with their keys left, a warning when one runs low), or a text revealed after payment.
import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ApiError } from '../../../platform/api-client';
import { useResourceCache } from '../../../platform/services';
import { useResource } from '../../../platform/use-resource';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { useToast } from '../common/toast';
import { addLicenseKeys, readDigitalContent, setDigitalContent, uploadDigitalFile, type DigitalContentAnswer, type DigitalKind } from './api';

export function DigitalContentEditor({ productId }: { productId: string }) {
  const api = useAdminApi();
  const cache = useResourceCache();
  const toast = useToast();
  const content = useResource<DigitalContentAnswer>(adminKeys.digital(productId), () => readDigitalContent(api, productId), { staleMs: 5_000 });
  const [chosen, setChosen] = useState<DigitalKind | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [keys, setKeys] = useState('');
  const [variantId, setVariantId] = useState<string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const answer = content.data;
  const kind: DigitalKind = chosen ?? answer?.content?.kind ?? 'license_keys';
  const savedText = answer?.content?.kind === 'text' ? answer.content.text : '';

  const run = async (work: () => Promise<DigitalContentAnswer & { added?: number }>, done: (result: DigitalContentAnswer & { added?: number }) => string) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await work();
      cache.invalidate(adminKeys.digital(productId));
      cache.invalidate(adminKeys.products);
      cache.invalidate('catalog');
      setChosen(null);
      toast(done(result));
    } catch (caught) {
      setProblem(caught instanceof ApiError && caught.status < 500 ? caught.message : tAdmin('admin.error.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  if (!answer) return null;
  const file = answer.content?.kind === 'file' ? answer.content.file : null;
  return (
    <section className="card admin-card" data-testid="digital-editor" aria-labelledby="digital-title">
      <h2 id="digital-title" className="card__title">
        {tAdmin('admin.digital.title')}
      </h2>
      <p className="hint">{tAdmin('admin.digital.about')}</p>
      <label className="field">
        <span className="field__label">{tAdmin('admin.digital.kind')}</span>
        <select className="input" data-testid="digital-kind" value={kind} onChange={(e) => setChosen(e.target.value as DigitalKind)}>
          <option value="license_keys">{tAdmin('admin.digital.kind.license_keys')}</option>
          <option value="file">{tAdmin('admin.digital.kind.file')}</option>
          <option value="text">{tAdmin('admin.digital.kind.text')}</option>
        </select>
      </label>

      {kind === 'file' && (
        <div className="admin-digital__file">
          {file ? (
            <p data-testid="digital-file">
              <bdi>{file.fileName}</bdi> · {tAdmin('admin.digital.fileSize', { size: Math.max(1, Math.round(file.sizeBytes / 1024)) })}
            </p>
          ) : (
            <p className="hint">{tAdmin('admin.digital.noFile')}</p>
          )}
          <label className="button">
            {file ? tAdmin('admin.digital.replaceFile') : tAdmin('admin.digital.uploadFile')}
            <input
              type="file"
              className="visually-hidden"
              data-testid="digital-file-input"
              disabled={busy}
              onChange={(e) => {
                const picked = e.currentTarget.files?.[0];
                if (picked)
                  void run(
                    () => uploadDigitalFile(api, productId, picked),
                    () => tAdmin('admin.digital.fileSaved'),
                  );
              }}
            />
          </label>
        </div>
      )}

      {kind === 'text' && (
        <>
          <label className="field">
            <span className="field__label">{tAdmin('admin.digital.text')}</span>
            <textarea className="input" rows={4} data-testid="digital-text" value={text ?? savedText} onChange={(e) => setText(e.target.value)} />
          </label>
          <button
            type="button"
            className="button"
            data-testid="digital-save-text"
            disabled={busy}
            onClick={() =>
              void run(
                () => setDigitalContent(api, productId, { kind: 'text', text: text ?? savedText }),
                () => tAdmin('admin.digital.textSaved'),
              )
            }
          >
            {tAdmin('admin.save')}
          </button>
        </>
      )}

      {kind === 'license_keys' && (
        <>
          {answer.pools.length > 0 && (
            <table className="admin-variants" data-testid="key-pools">
              <thead>
                <tr>
                  <th>{tAdmin('admin.variants.variant')}</th>
                  <th>{tAdmin('admin.digital.keysLeft')}</th>
                  <th>{tAdmin('admin.digital.keysReserved')}</th>
                  <th>{tAdmin('admin.digital.keysSold')}</th>
                  <th>{tAdmin('admin.digital.keysRevoked')}</th>
                </tr>
              </thead>
              <tbody>
                {answer.pools.map((pool) => (
                  <tr key={pool.variantId} data-testid="key-pool" data-low={pool.low}>
                    <td>
                      <bdi>{pool.variantLabel || tAdmin('admin.variants.default')}</bdi>
                    </td>
                    <td>
                      {pool.available}
                      {pool.low && (
                        <span className="admin-badge admin-badge--warning" data-testid="key-pool-low">
                          {' '}
                          {tAdmin('admin.digital.low')}
                        </span>
                      )}
                    </td>
                    <td>{pool.reserved}</td>
                    <td>{pool.sold}</td>
                    <td>{pool.revoked}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {answer.pools.some((pool) => pool.low) && (
            <p className="hint" role="status" data-testid="key-pool-warning">
              {tAdmin('admin.digital.lowWarning', { count: answer.lowThreshold })}
            </p>
          )}
          {answer.pools.length > 1 && (
            <label className="field">
              <span className="field__label">{tAdmin('admin.variants.variant')}</span>
              <select className="input" value={variantId} onChange={(e) => setVariantId(e.target.value)}>
                <option value="">—</option>
                {answer.pools.map((pool) => (
                  <option key={pool.variantId} value={pool.variantId}>
                    {pool.variantLabel || tAdmin('admin.variants.default')}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span className="field__label">{tAdmin('admin.digital.pasteKeys')}</span>
            <textarea className="input" dir="ltr" rows={5} data-testid="digital-keys" value={keys} onChange={(e) => setKeys(e.target.value)} />
          </label>
          <button
            type="button"
            className="button"
            data-testid="digital-add-keys"
            disabled={busy || keys.trim() === ''}
            onClick={() =>
              void run(
                () => addLicenseKeys(api, productId, keys, variantId || null),
                (result) => {
                  setKeys('');
                  return tAdmin('admin.digital.keysAdded', { count: result.added ?? 0 });
                },
              )
            }
          >
            {tAdmin('admin.digital.addKeys')}
          </button>
        </>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
