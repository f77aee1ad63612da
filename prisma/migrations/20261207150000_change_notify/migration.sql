-- Each portal process caches answers read from tables that rarely change (src/server/db/change-cache.ts)
-- and forgets them when one of these channels is NOTIFYed. NOTIFY is sent at commit (never for a
-- rollback) and PostgreSQL folds identical notifications of one transaction into one.
CREATE FUNCTION "rigshare_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

-- rigshare_identity: who a session or an API token belongs to. A session or token revoked or
-- re-scoped, a person deactivated or given other roles or another team, a team renamed. Touching
-- last_seen_at / last_used_at does not count.
CREATE TRIGGER "user_session_identity" AFTER UPDATE OF "revoked_at", "expires_at", "user_id" OR DELETE OR TRUNCATE ON "user_session"
  FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_identity');
CREATE TRIGGER "api_token_identity" AFTER UPDATE OF "revoked_at", "expires_at", "scope", "user_id" OR DELETE OR TRUNCATE ON "api_token"
  FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_identity');
CREATE TRIGGER "user_identity" AFTER UPDATE OR DELETE OR TRUNCATE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_identity');
CREATE TRIGGER "team_identity" AFTER UPDATE OR DELETE OR TRUNCATE ON "team"
  FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_identity');

-- rigshare_costs: what the savings figures are computed from (services/savings.ts).
CREATE TRIGGER "slice_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "slice" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');
CREATE TRIGGER "slice_gpu_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "slice_gpu" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');
CREATE TRIGGER "price_entry_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "price_entry" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');
CREATE TRIGGER "machine_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "machine" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');
CREATE TRIGGER "gpu_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gpu" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');
CREATE TRIGGER "gpu_model_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gpu_model" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');
CREATE TRIGGER "build_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "build" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');
CREATE TRIGGER "build_part_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "build_part" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');
CREATE TRIGGER "vendor_quote_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "vendor_quote" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');
CREATE TRIGGER "team_costs" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "team" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_costs');

-- rigshare_fleet: the machines with their GPUs, models and builds (services/fleet.ts).
CREATE TRIGGER "machine_fleet" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "machine" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_fleet');
CREATE TRIGGER "gpu_fleet" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gpu" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_fleet');
CREATE TRIGGER "gpu_model_fleet" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gpu_model" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_fleet');
CREATE TRIGGER "build_fleet" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "build" FOR EACH STATEMENT EXECUTE FUNCTION "rigshare_notify_change"('rigshare_fleet');
