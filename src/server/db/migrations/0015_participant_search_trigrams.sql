-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it; PGlite bundles it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "participants_search_trgm_idx" ON "participants" USING gin ("search_text" gin_trgm_ops);
