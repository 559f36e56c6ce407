import type { Resource } from '../../../platform/use-resource';
import { ErrorView } from '../../../ui/error-view';
import { Skeleton, SkeletonBlock } from '../../../ui/skeleton';

/** What a screen shows before its data is there: the skeleton while loading, the error with a retry after. */
export function PendingView({ resource, label, rows = 3 }: { resource: Resource<unknown>; label: string; rows?: number }) {
  if (resource.error !== undefined) return <ErrorView error={resource.error} onRetry={resource.reload} />;
  return (
    <Skeleton label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <SkeletonBlock key={i} className="skeleton-block--line" />
      ))}
    </Skeleton>
  );
}
