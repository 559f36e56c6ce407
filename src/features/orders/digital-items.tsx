import { useCallback, useEffect, useState } from 'react';
import type { DigitalItemJson, DownloadLinkJson } from '../../../contract/order-json';
import { formatDateTime } from '../../i18n/format-date';
import { tOrder } from '../../i18n/orders-i18n';
import { useApi } from '../../platform/services';

/**
 * What a paid order's digital products hand over (#15): each license key and text as it is (selectable,
 * left to right inside any language), each file as a signed download link the shop makes on request and
 * that works for 24 hours; "Get a new link" makes another.
 */
export function DigitalItems({ orderId, items }: { orderId: string; items: readonly DigitalItemJson[] }) {
  const api = useApi();
  const hasFiles = items.some((item) => item.kind === 'file');
  const [links, setLinks] = useState<DownloadLinkJson[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const fetchLinks = useCallback(async () => {
    setBusy(true);
    setFailed(false);
    try {
      setLinks(
        (await api.call<{ links: DownloadLinkJson[] }>(`/api/orders/${encodeURIComponent(orderId)}/download-links`, { method: 'POST', auth: true })).links,
      );
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }, [api, orderId]);

  useEffect(() => {
    if (hasFiles) void fetchLinks();
  }, [hasFiles, fetchLinks]);

  if (items.length === 0) return null;
  return (
    <section className="card digital-items" data-testid="digital-items" aria-label={tOrder('digital.title')}>
      <h2 className="digital-items__title">{tOrder('digital.title')}</h2>
      {items.map((item) => (
        <div key={item.productId} className="digital-item" data-testid="digital-item" data-kind={item.kind}>
          <h3 className="digital-item__name">
            <bdi>{item.title}</bdi>
          </h3>
          {item.kind === 'license_keys' && (
            <>
              <p className="hint">{tOrder('digital.keys', { count: item.keys.length })}</p>
              <ul className="digital-item__keys">
                {item.keys.map((key) => (
                  <li key={key}>
                    <code dir="ltr" data-testid="license-key">
                      {key}
                    </code>
                  </li>
                ))}
              </ul>
            </>
          )}
          {item.kind === 'text' && (
            <p className="digital-item__text" data-testid="digital-text">
              <bdi>{item.text}</bdi>
            </p>
          )}
          {item.kind === 'file' && <FileLink fileName={item.fileName} link={links?.find((link) => link.productId === item.productId) ?? null} />}
        </div>
      ))}
      {hasFiles && (
        <>
          {failed && (
            <p className="hint" role="alert">
              {tOrder('digital.linkFailed')}
            </p>
          )}
          <button type="button" className="button button--small" data-testid="new-download-link" disabled={busy} onClick={() => void fetchLinks()}>
            {tOrder('digital.newLink')}
          </button>
        </>
      )}
    </section>
  );
}

function FileLink({ fileName, link }: { fileName: string; link: DownloadLinkJson | null }) {
  if (!link) return <p className="hint">{tOrder('digital.linkLoading')}</p>;
  return (
    <p>
      {/* A real link the person taps: Telegram opens it (a scripted navigation can be dropped on Android). */}
      <a href={link.url} target="_blank" rel="noopener noreferrer" download={fileName} data-testid="download-link">
        {tOrder('digital.download', { name: fileName })}
      </a>
      <br />
      <span className="hint">{tOrder('digital.linkUntil', { date: formatDateTime(link.expiresAt) })}</span>
    </p>
  );
}
