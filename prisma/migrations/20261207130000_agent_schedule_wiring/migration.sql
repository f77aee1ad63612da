-- What each machine's agent last applied, and the portal's minute idle sweep mark; a NOTIFY on every
-- change of a machine's schedule, so the agents' long-polls wake within moments of a decision.
-- CreateTable
CREATE TABLE "agent_applied_state" (
    "machine_id" UUID NOT NULL,
    "mode" "EnforcementMode" NOT NULL,
    "schedule_etag" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "from_cache" BOOLEAN NOT NULL DEFAULT false,
    "commands" JSONB NOT NULL DEFAULT '[]',
    "errors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "problems" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "grants" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "agent_applied_state_pkey" PRIMARY KEY ("machine_id")
);

-- CreateTable
CREATE TABLE "idle_sweep_mark" (
    "machine_id" UUID NOT NULL,
    "judged_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idle_sweep_mark_pkey" PRIMARY KEY ("machine_id")
);

-- AddForeignKey
ALTER TABLE "agent_applied_state" ADD CONSTRAINT "agent_applied_state_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idle_sweep_mark" ADD CONSTRAINT "idle_sweep_mark_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Wake the long-polls: every change of a slice, of a GPU (its UUID) or of a machine's enforcement
-- settings names the machine on channel rigshare_schedule. NOTIFY is sent at commit (never for a
-- rollback), and PostgreSQL folds identical notifications of one transaction into one.
CREATE FUNCTION "rigshare_notify_schedule"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'machine' THEN
    PERFORM pg_notify('rigshare_schedule', COALESCE(NEW."id", OLD."id")::text);
  ELSE
    PERFORM pg_notify('rigshare_schedule', COALESCE(NEW."machine_id", OLD."machine_id")::text);
    IF TG_OP = 'UPDATE' AND NEW."machine_id" IS DISTINCT FROM OLD."machine_id" THEN
      PERFORM pg_notify('rigshare_schedule', OLD."machine_id"::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "slice_notify_schedule" AFTER INSERT OR UPDATE OR DELETE ON "slice"
  FOR EACH ROW EXECUTE FUNCTION "rigshare_notify_schedule"();
CREATE TRIGGER "gpu_notify_schedule" AFTER INSERT OR UPDATE OF "uuid", "index" OR DELETE ON "gpu"
  FOR EACH ROW EXECUTE FUNCTION "rigshare_notify_schedule"();
CREATE TRIGGER "machine_notify_schedule" AFTER UPDATE OF "enforcement_mode", "login_threads", "login_ram_gb", "cores", "threads", "ram_gb", "reserved_threads", "reserved_ram_gb" ON "machine"
  FOR EACH ROW EXECUTE FUNCTION "rigshare_notify_schedule"();
