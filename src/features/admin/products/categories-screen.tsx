import { useState } from 'react';
import type { Category } from '../../../domain/types';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ApiError } from '../../../platform/api-client';
import { useResourceCache } from '../../../platform/services';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorView } from '../../../ui/error-view';
import { TrashIcon } from '../../../ui/icons';
import { EditIcon } from '../common/admin-icons';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { createCategory, deleteCategory, updateCategory, useAdminProducts } from './api';
import { ConfirmDialog } from '../common/confirm-dialog';
import { Field } from '../common/field';
import { PendingView } from '../common/pending-view';
import { slugify } from './product-draft';
import { useToast } from '../common/toast';

const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Checks a category's fields; answers the message for the first bad one. */
function checkCategory(title: string, slug: string): { field: 'title' | 'slug'; message: string } | null {
  if (!title.trim()) return { field: 'title', message: tAdmin('admin.error.required') };
  if (!SLUG_RE.test(slug.trim())) return { field: 'slug', message: tAdmin('admin.error.slugFormat') };
  return null;
}

export function CategoriesScreen() {
  const data = useAdminProducts();
  const cache = useResourceCache();
  const refresh = () => {
    cache.invalidate(adminKeys.products);
    cache.invalidate('catalog');
    data.reload();
  };
  if (!data.data) return <PendingView resource={data} label={tAdmin('admin.categories.title')} />;
  const { categories, products } = data.data;
  const sorted = [...categories].sort((a, b) => a.position - b.position || a.title.localeCompare(b.title));
  return (
    <>
      <h1 className="screen__title">{tAdmin('admin.categories.title')}</h1>
      {sorted.length === 0 ? (
        <EmptyState title={tAdmin('admin.categories.emptyTitle')} body={tAdmin('admin.categories.emptyBody')} />
      ) : (
        <ul className="admin-list" data-testid="category-list">
          {sorted.map((category) => (
            <li key={category.id} className="card">
              <CategoryRow category={category} productCount={products.filter((p) => p.categoryId === category.id).length} onChanged={refresh} />
            </li>
          ))}
        </ul>
      )}
      <NewCategory nextPosition={sorted.reduce((max, c) => Math.max(max, c.position + 1), 0)} onCreated={refresh} />
    </>
  );
}

function CategoryRow({ category, productCount, onChanged }: { category: Category; productCount: number; onChanged: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const [title, setTitle] = useState(category.title);
  const [slug, setSlug] = useState(category.slug);
  const [position, setPosition] = useState(String(category.position));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field: 'title' | 'slug' | 'position' | null; message: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [editing, setEditing] = useState(false);
  const dirty = title !== category.title || slug !== category.slug || position !== String(category.position);

  const save = async () => {
    const bad = checkCategory(title, slug);
    if (bad) return setProblem(bad);
    if (!/^\d{1,6}$/.test(position)) return setProblem({ field: 'position', message: tAdmin('admin.error.stockFormat') });
    setBusy(true);
    setProblem(null);
    try {
      await updateCategory(api, category.id, {
        title: title.trim(),
        slug: slug.trim(),
        position: Number(position),
      });
      toast(tAdmin('admin.categories.saved'));
      setEditing(false);
      onChanged();
    } catch (caught) {
      setProblem(describe(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await deleteCategory(api, category.id);
      toast(tAdmin('admin.categories.deleted', { title: category.title }));
      onChanged();
    } catch (caught) {
      setProblem(describe(caught));
      setBusy(false);
    } finally {
      setConfirmDelete(false);
    }
  };

  const deleteDialog = (
    <ConfirmDialog
      open={confirmDelete}
      title={tAdmin('admin.categories.deleteTitle', { title: category.title })}
      confirmText={tAdmin('admin.categories.deleteConfirm')}
      cancelText={tAdmin('admin.keep')}
      destructive
      busy={busy}
      onConfirm={() => void remove()}
      onClose={() => setConfirmDelete(false)}
    >
      <p>{tAdmin('admin.categories.deleteBody', { count: productCount })}</p>
    </ConfirmDialog>
  );
  const deleteButton = (
    <button
      type="button"
      className="icon-button icon-button--destructive"
      aria-label={tAdmin('admin.categories.delete', { title: category.title })}
      onClick={() => setConfirmDelete(true)}
      disabled={busy}
    >
      <TrashIcon />
    </button>
  );

  if (!editing) {
    return (
      <div className="admin-row admin-category-row" data-testid="category-row" data-slug={category.slug}>
        <span className="admin-category-row__main">
          <strong>{category.title}</strong>
          <span className="hint">
            <span dir="ltr">{category.slug}</span> · {tAdmin('admin.categories.products', { count: productCount })}
          </span>
        </span>
        <span className="admin-row__buttons">
          <button
            type="button"
            className="icon-button"
            aria-label={tAdmin('admin.categories.edit', { title: category.title })}
            onClick={() => setEditing(true)}
          >
            <EditIcon />
          </button>
          {deleteButton}
        </span>
        {problem?.field === null && (
          <p className="field__error" role="alert">
            {problem.message}
          </p>
        )}
        {deleteDialog}
      </div>
    );
  }

  return (
    <form
      className="admin-form admin-category"
      data-testid="category-row"
      data-slug={category.slug}
      onSubmit={(event) => (event.preventDefault(), void save())}
    >
      <Field label={tAdmin('admin.categories.name')} error={problem?.field === 'title' ? problem.message : null}>
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} />
      </Field>
      <div className="admin-form__row">
        <Field label={tAdmin('admin.product.slug')} error={problem?.field === 'slug' ? problem.message : null}>
          <input className="input" dir="ltr" value={slug} onChange={(e) => setSlug(e.target.value)} autoCapitalize="none" spellCheck={false} />
        </Field>
        <Field label={tAdmin('admin.categories.position')} error={problem?.field === 'position' ? problem.message : null}>
          <input className="input" dir="ltr" inputMode="numeric" value={position} onChange={(e) => setPosition(e.target.value)} />
        </Field>
      </div>
      {problem?.field === null && (
        <p className="field__error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="admin-row">
        <span className="hint">{tAdmin('admin.categories.products', { count: productCount })}</span>
        <span className="admin-row__buttons">
          {deleteButton}
          <button
            type="button"
            className="button button--small"
            onClick={() => (setEditing(false), setTitle(category.title), setSlug(category.slug), setPosition(String(category.position)), setProblem(null))}
            disabled={busy}
          >
            {tAdmin('admin.cancelEdit')}
          </button>
          <button type="submit" className="button button--small button--primary" disabled={!dirty || busy} aria-busy={busy || undefined}>
            {tAdmin('admin.save')}
          </button>
        </span>
      </div>
      {deleteDialog}
    </form>
  );
}

function describe(caught: unknown): { field: 'slug' | null; message: string } {
  if (caught instanceof ApiError && caught.code === 'SLUG_TAKEN') return { field: 'slug', message: tAdmin('admin.error.slugTaken') };
  if (caught instanceof ApiError && caught.status < 500) return { field: null, message: caught.message };
  return { field: null, message: tAdmin('admin.error.saveFailed') };
}

function NewCategory({ nextPosition, onCreated }: { nextPosition: number; onCreated: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field: 'title' | 'slug' | null; message: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(undefined);

  const create = async () => {
    const bad = checkCategory(title, slug);
    if (bad) return setProblem(bad);
    setBusy(true);
    setProblem(null);
    setFailure(undefined);
    try {
      await createCategory(api, { title: title.trim(), slug: slug.trim(), position: nextPosition });
      toast(tAdmin('admin.categories.created', { title: title.trim() }));
      setTitle('');
      setSlug('');
      setSlugTouched(false);
      onCreated();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status < 500) setProblem(describe(caught));
      else setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-form" data-testid="new-category" onSubmit={(event) => (event.preventDefault(), void create())}>
      <h2 className="card__title">{tAdmin('admin.categories.new')}</h2>
      <Field label={tAdmin('admin.categories.name')} error={problem?.field === 'title' ? problem.message : null}>
        <input className="input" value={title} maxLength={100} onChange={(e) => (setTitle(e.target.value), !slugTouched && setSlug(slugify(e.target.value)))} />
      </Field>
      <Field label={tAdmin('admin.product.slug')} hint={tAdmin('admin.product.slugHint')} error={problem?.field === 'slug' ? problem.message : null}>
        <input
          className="input"
          dir="ltr"
          value={slug}
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => (setSlugTouched(true), setSlug(e.target.value))}
        />
      </Field>
      {problem?.field === null && (
        <p className="field__error" role="alert">
          {problem.message}
        </p>
      )}
      {failure !== undefined && <ErrorView compact error={failure} onRetry={() => void create()} />}
      <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy || undefined}>
        {busy && <span className="spinner" aria-hidden="true" />}
        {tAdmin('admin.categories.add')}
      </button>
    </form>
  );
}
