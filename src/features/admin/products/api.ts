// The products screens' calls to the admin API: the only place their URLs are written.
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { useResource } from '../../../platform/use-resource';
import type { AdminProduct, ProductsAndCategories } from '../common/admin-types';

export function useAdminProducts() {
  const api = useAdminApi();
  return useResource<ProductsAndCategories>(adminKeys.products, () => api.get('/api/admin/products'), { staleMs: 10_000 });
}

export async function saveProduct(api: AdminApi, id: string | null, body: unknown) {
  const answer = id
    ? await api.send<{ product: AdminProduct }>('PATCH', `/api/admin/products/${encodeURIComponent(id)}`, body)
    : await api.send<{ product: AdminProduct }>('POST', '/api/admin/products', body);
  return answer.product;
}

export interface CategoryInput {
  title: string;
  slug: string;
  position: number;
}

export const createCategory = (api: AdminApi, input: CategoryInput) => api.send('POST', '/api/admin/categories', input);
export const updateCategory = (api: AdminApi, id: string, input: CategoryInput) => api.send('PATCH', `/api/admin/categories/${encodeURIComponent(id)}`, input);
export const deleteCategory = (api: AdminApi, id: string) => api.send('DELETE', `/api/admin/categories/${encodeURIComponent(id)}`);

export async function uploadImage(api: AdminApi, file: Blob) {
  return (await api.upload<{ url: string }>('/api/admin/images', file, file.type)).url;
}

/** Replaces a product's options and variants table (PUT …/variants); answers the product. */
export async function saveVariants(api: AdminApi, productId: string, body: unknown) {
  return (await api.send<{ product: AdminProduct & { variants: unknown[] } }>('PUT', `/api/admin/products/${encodeURIComponent(productId)}/variants`, body))
    .product;
}

export type DigitalKind = 'file' | 'license_keys' | 'text';

/** A digital product's content and key pools (GET /api/admin/products/:id/digital). */
export interface DigitalContentAnswer {
  content:
    | { kind: 'file'; file: { fileName: string; contentType: string; sizeBytes: number } | null }
    | { kind: 'license_keys' }
    | { kind: 'text'; text: string }
    | null;
  pools: { variantId: string; variantLabel: string; available: number; reserved: number; sold: number; revoked: number; low: boolean }[];
  lowThreshold: number;
}

const digitalPath = (productId: string) => `/api/admin/products/${encodeURIComponent(productId)}/digital`;

export const readDigitalContent = (api: AdminApi, productId: string) => api.get<DigitalContentAnswer>(digitalPath(productId));

export const setDigitalContent = (api: AdminApi, productId: string, body: { kind: DigitalKind; text?: string }) =>
  api.send<DigitalContentAnswer>('PUT', digitalPath(productId), body);

export const addLicenseKeys = (api: AdminApi, productId: string, keys: string, variantId: string | null) =>
  api.send<DigitalContentAnswer & { added: number; skipped: number }>('POST', `${digitalPath(productId)}/keys`, { keys, ...(variantId && { variantId }) });

/** The file as the body; its name goes in X-File-Name, percent-encoded (headers are Latin-1). */
export const uploadDigitalFile = (api: AdminApi, productId: string, file: File) =>
  api.upload<DigitalContentAnswer>(`${digitalPath(productId)}/file`, file, file.type || 'application/octet-stream', {
    'X-File-Name': encodeURIComponent(file.name),
  });
