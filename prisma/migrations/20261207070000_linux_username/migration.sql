-- Every person has a Linux user name on the machines (the agent maps processes to people with it).
-- Default: the e-mail's local part, made a valid POSIX name, with a number appended when taken.
-- A trigger fills it so that every way of creating a user (sign-in, import, seed) gets one.
CREATE FUNCTION rigshare_default_linux_username(email TEXT, except_id UUID) RETURNS TEXT
LANGUAGE plpgsql AS $$
DECLARE
  base TEXT := left(regexp_replace(lower(split_part(email, '@', 1)), '[^a-z0-9_-]', '_', 'g'), 28);
  candidate TEXT;
  n INT := 1;
BEGIN
  IF base = '' OR base !~ '^[a-z_]' THEN base := left('u' || base, 28); END IF;
  candidate := base;
  WHILE EXISTS (SELECT 1 FROM "user" WHERE linux_username = candidate AND id IS DISTINCT FROM except_id) LOOP
    n := n + 1;
    candidate := base || n::TEXT;
  END LOOP;
  RETURN candidate;
END $$;

ALTER TABLE "user" ADD COLUMN "linux_username" TEXT;
UPDATE "user" SET "linux_username" = rigshare_default_linux_username("email", "id")
  WHERE "linux_username" IS NULL;

CREATE FUNCTION rigshare_fill_linux_username() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.linux_username IS NULL THEN
    NEW.linux_username := rigshare_default_linux_username(NEW.email, NEW.id);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER user_fill_linux_username BEFORE INSERT ON "user"
  FOR EACH ROW EXECUTE FUNCTION rigshare_fill_linux_username();

ALTER TABLE "user" ALTER COLUMN "linux_username" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "user_linux_username_key" ON "user"("linux_username");
