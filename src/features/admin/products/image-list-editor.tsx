import { uploadImage } from './api';
import { useId, useState, type ChangeEvent } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ApiError } from '../../../platform/api-client';
import { PlusIcon, TrashIcon } from '../../../ui/icons';
import { useAdminApi } from '../common/admin-api';
import { DownIcon, UpIcon } from '../common/admin-icons';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_IMAGES = 10;

/** Moves the item at `from` one place towards the start (-1) or the end (+1). */
export function moveItem<T>(items: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/**
 * A product's pictures: upload a file (the server stores it and answers its URL), reorder, remove.
 * The first picture is the one on the catalog card.
 */
export function ImageListEditor({ images, onChange }: { images: string[]; onChange: (images: string[]) => void }) {
  const api = useAdminApi();
  const inputId = useId();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    // Checked here too for a quick answer; the server checks the bytes themselves.
    if (!ACCEPTED.includes(file.type)) return setError(tAdmin('admin.images.wrongType'));
    if (file.size > MAX_BYTES) return setError(tAdmin('admin.images.tooLarge'));
    setUploading(true);
    try {
      const url = await uploadImage(api, file);
      onChange([...images, url]);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status < 500 ? caught.message : tAdmin('admin.images.failed'));
    } finally {
      setUploading(false);
    }
  };

  return (
    <fieldset className="field admin-images" data-testid="image-editor">
      <legend className="field__label">{tAdmin('admin.product.images')}</legend>
      {images.length === 0 ? (
        <p className="hint">{tAdmin('admin.images.none')}</p>
      ) : (
        <ol className="admin-images__list">
          {images.map((url, index) => (
            <li key={`${url}-${index}`} className="admin-images__item">
              <img src={url} alt={tAdmin('admin.images.alt', { n: index + 1 })} width={72} height={72} />
              <div className="admin-images__buttons">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={tAdmin('admin.images.moveEarlier', { n: index + 1 })}
                  disabled={index === 0}
                  onClick={() => onChange(moveItem(images, index, -1))}
                >
                  <UpIcon />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={tAdmin('admin.images.moveLater', { n: index + 1 })}
                  disabled={index === images.length - 1}
                  onClick={() => onChange(moveItem(images, index, 1))}
                >
                  <DownIcon />
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--destructive"
                  aria-label={tAdmin('admin.images.remove', { n: index + 1 })}
                  onClick={() => onChange(images.filter((_, i) => i !== index))}
                >
                  <TrashIcon />
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {images.length < MAX_IMAGES && (
        <div className="admin-images__upload">
          {/* The real file input stays keyboard-focusable; the label is what it looks like. */}
          <input
            id={inputId}
            type="file"
            className="visually-hidden admin-file-input"
            data-testid="image-upload"
            accept={ACCEPTED.join(',')}
            onChange={(event) => void upload(event)}
            disabled={uploading}
          />
          <label htmlFor={inputId} className="button button--small" aria-busy={uploading || undefined}>
            {uploading ? <span className="spinner" aria-hidden="true" /> : <PlusIcon />}
            {uploading ? tAdmin('admin.images.uploading') : tAdmin('admin.images.add')}
          </label>
          <span className="hint">{tAdmin('admin.images.hint')}</span>
        </div>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
