import type { Category } from '../../domain/types';
import { t } from '../../i18n/i18n';

export function CategoryChips({
  categories,
  selected,
  onSelect,
}: {
  categories: readonly Category[];
  selected: string | null;
  onSelect: (slug: string | null) => void;
}) {
  const chips = [{ slug: null, title: t('catalog.all') }, ...categories];
  return (
    <nav className="chips" aria-label={t('catalog.categories')}>
      {chips.map(({ slug, title }) => (
        <button
          key={slug ?? 'all'}
          type="button"
          data-testid="category-chip"
          data-slug={slug ?? 'all'}
          className="chip"
          aria-pressed={selected === slug}
          onClick={() => onSelect(slug)}
        >
          {title}
        </button>
      ))}
    </nav>
  );
}
