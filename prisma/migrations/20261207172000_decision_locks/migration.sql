-- The row locks a slice decision takes, in one round trip (see src/server/db/decision-locks.ts):
-- every team when someone waits and the decision frees capacity (the waitlist pass needs them),
-- else the slice's or request's team, then its machine; always teams before machines. The team
-- is locked FOR SHARE when the caller says no quota that counts the team's other bookings
-- applies to it (decisions of one team on different machines then run side by side), else FOR
-- UPDATE (team quotas are counted under it). The caller re-checks the policy after the lock and
-- starts again with FOR UPDATE when it was wrong (an admin set a quota meanwhile).
CREATE FUNCTION lock_slice_decision(p_slice UUID, p_team UUID, p_machine UUID, p_shared_teams UUID[], p_all_shared BOOLEAN, p_freeing BOOLEAN)
RETURNS TABLE (requester_id UUID, team_id UUID, machine_id UUID, team_shared BOOLEAN, waiting BOOLEAN)
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_requester UUID;
  v_team UUID := p_team;
  v_machine UUID := p_machine;
  v_waiting BOOLEAN := false;
  v_shared BOOLEAN;
BEGIN
  IF p_freeing THEN
    v_waiting := EXISTS (SELECT 1 FROM waitlist_entry w WHERE w.status = 'waiting');
    IF v_waiting THEN
      PERFORM 1 FROM team t ORDER BY t.id FOR UPDATE;
    END IF;
  END IF;
  IF p_slice IS NOT NULL THEN
    SELECT s.requester_id, s.team_id, s.machine_id INTO v_requester, v_team, v_machine FROM slice s WHERE s.id = p_slice;
    IF NOT FOUND THEN
      RETURN;
    END IF;
  END IF;
  v_shared := NOT v_waiting AND (p_all_shared OR v_team = ANY(p_shared_teams));
  IF v_shared THEN
    PERFORM 1 FROM team t WHERE t.id = v_team FOR SHARE;
  ELSIF NOT v_waiting THEN
    PERFORM 1 FROM team t WHERE t.id = v_team FOR UPDATE;
  END IF;
  PERFORM 1 FROM machine m WHERE m.id = v_machine FOR UPDATE;
  RETURN QUERY SELECT v_requester, v_team, v_machine, v_shared, v_waiting;
END
$$;
