-- Who a session or an API token belongs to is cached by each portal process (src/server/db/change-cache.ts).
-- Every change that could change that answer (a session or token revoked or re-scoped, a person
-- deactivated or given other roles or another team, a team renamed) NOTIFYs rigshare_identity at
-- commit, and every process forgets what it cached. Touching last_seen_at / last_used_at does not.
CREATE FUNCTION "rigshare_notify_identity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rigshare_identity', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "user_session_identity" AFTER UPDATE OF "revoked_at", "expires_at", "user_id" OR DELETE OR TRUNCATE ON "user_session"
  FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_identity"();
CREATE TRIGGER "api_token_identity" AFTER UPDATE OF "revoked_at", "expires_at", "scope", "user_id" OR DELETE OR TRUNCATE ON "api_token"
  FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_identity"();
CREATE TRIGGER "user_identity" AFTER UPDATE OR DELETE OR TRUNCATE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_identity"();
CREATE TRIGGER "team_identity" AFTER UPDATE OR DELETE OR TRUNCATE ON "team"
  FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_identity"();

-- The savings figures are computed from these tables and cached by each process (services/savings.ts)
-- until one of them changes: rigshare_costs is NOTIFYed at commit, once per transaction.
CREATE FUNCTION "rigshare_notify_costs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rigshare_costs', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "slice_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "slice" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();
CREATE TRIGGER "slice_gpu_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "slice_gpu" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();
CREATE TRIGGER "price_entry_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "price_entry" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();
CREATE TRIGGER "machine_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "machine" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();
CREATE TRIGGER "gpu_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gpu" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();
CREATE TRIGGER "gpu_model_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gpu_model" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();
CREATE TRIGGER "build_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "build" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();
CREATE TRIGGER "build_part_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "build_part" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();
CREATE TRIGGER "vendor_quote_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "vendor_quote" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();
CREATE TRIGGER "team_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "team" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_costs"();

-- The machines with their GPUs, models and builds are cached by each process (services/fleet.ts).
CREATE FUNCTION "rigshare_notify_fleet"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rigshare_fleet', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "machine_fleet" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "machine" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_fleet"();
CREATE TRIGGER "gpu_fleet" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gpu" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_fleet"();
CREATE TRIGGER "gpu_model_fleet" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gpu_model" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_fleet"();
CREATE TRIGGER "build_fleet" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "build" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_fleet"();
