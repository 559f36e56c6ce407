CREATE TABLE "catalog_version" (
	"shard" smallint PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "catalog_version" ("shard", "version") SELECT s, 0 FROM generate_series(0, 15) AS s;--> statement-breakpoint
-- Once per transaction, at its commit (a deferred constraint trigger runs after every other statement, so
-- the shard's row lock is the transaction's last lock and cannot take part in a deadlock). The shard is
-- picked by transaction id: two concurrent checkouts rarely meet on one row. A NOTIFY is sent at that
-- commit, too, where the session opted in.
CREATE FUNCTION "bump_catalog_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('bazaar.catalog_bumped_in', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('bazaar.catalog_bumped_in', txid_current()::text, true);
    UPDATE "catalog_version" SET "version" = "version" + 1 WHERE "shard" = txid_current() % 16;
    -- Only where the session asked for it (PGlite, whose one client is the whole shop, adapters/db/connect.ts):
    -- on the PostgreSQL server a NOTIFY would take a database-wide lock at every checkout's commit.
    IF current_setting('bazaar.notify_catalog_changes', true) = 'on' THEN
      PERFORM pg_notify('catalog_changed', '');
    END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "categories_bump_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "categories" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_catalog_version"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "products_bump_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "products" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_catalog_version"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "product_variants_bump_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "product_variants" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_catalog_version"();--> statement-breakpoint
-- TRUNCATE fires no row triggers (and a constraint trigger cannot be a statement one).
CREATE TRIGGER "categories_truncate_bumps_catalog_version" AFTER TRUNCATE ON "categories" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();--> statement-breakpoint
CREATE TRIGGER "products_truncate_bumps_catalog_version" AFTER TRUNCATE ON "products" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();--> statement-breakpoint
CREATE TRIGGER "product_variants_truncate_bumps_catalog_version" AFTER TRUNCATE ON "product_variants" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_version"();
