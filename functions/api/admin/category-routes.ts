import { Hono } from 'hono';
import { z } from 'zod';
import type { CategoryWriteResult } from '../../adapters/db/category-admin-repo';
import { slugField, titleField } from '../../core/admin/product-fields';
import { HttpError } from '../../http/http-error';
import { categoryId, idParam } from '../../http/id-schema';
import { readJsonBody } from '../../http/read-json-body';
import { presentCategory } from '../present';
import type { AdminContext, AdminEnv } from './admin-context';

const fields = { slug: slugField, title: titleField, position: z.number().int().min(0).max(1_000_000) };
const createBody = z.object({ ...fields, position: fields.position.optional() });
const patchBody = z.object(fields).partial();

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminCategorySchemas = { createBody, patchBody };

const notFound = () => new HttpError('not_found', 'CATEGORY_NOT_FOUND', 'No such category.');

/** Categories: list, create, rename/reorder, delete (its products stay, uncategorised). */
export function adminCategoryRoutes(deps: { admin: AdminContext }) {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => c.json({ categories: (await deps.admin.categories.listCategories()).map(presentCategory) }));

  app.post('/', async (c) => {
    const category = unwrap(await deps.admin.categories.createCategory(await readJsonBody(c, createBody)));
    return c.json({ category: presentCategory(category) }, 201);
  });

  app.patch('/:id', async (c) => {
    const id = idParam(categoryId, c.req.param('id'), notFound());
    const category = unwrap(await deps.admin.categories.updateCategory(id, await readJsonBody(c, patchBody)));
    return c.json({ category: presentCategory(category) });
  });

  app.delete('/:id', async (c) => {
    if (!(await deps.admin.categories.deleteCategory(idParam(categoryId, c.req.param('id'), notFound())))) throw notFound();
    return c.body(null, 204);
  });

  return app;
}

function unwrap(result: CategoryWriteResult) {
  if (result.kind === 'ok') return result.category;
  if (result.kind === 'slug_taken') throw new HttpError('conflict', 'SLUG_TAKEN', 'Another category already uses this slug; choose another.');
  throw notFound();
}
