-- Who a session or an API token belongs to is cached by each portal process (src/server/db/identity-cache.ts).
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
