-- The IANA time zone a person chose for the pages' times; NULL follows the browser's zone.
ALTER TABLE "user" ADD COLUMN "time_zone" TEXT;
