-- Revocable sessions, teams from IdP groups (with pinning), recent sign-ins for the admin's
-- Sign-in page, and reference-default prices loaded on a first start.
-- AlterTable
ALTER TABLE "price_entry" ADD COLUMN     "reference_default" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "team_pinned" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "user_session" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "user_agent" TEXT NOT NULL DEFAULT '',
    "id_token" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_event" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID,
    "email" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "claim_names" TEXT[],
    "groups_claim_present" BOOLEAN NOT NULL,
    "groups" TEXT[],
    "roles" "Role"[],
    "team" TEXT,
    "warnings" TEXT[],

    CONSTRAINT "sign_in_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "user_session_user_id_idx" ON "user_session"("user_id");

-- CreateIndex
CREATE INDEX "sign_in_event_at_idx" ON "sign_in_event"("at");

-- AddForeignKey
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

