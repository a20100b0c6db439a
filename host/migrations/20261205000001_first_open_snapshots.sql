-- The snapshot of an offer accepted as first opened used to record the
-- action `open`, and the current offer was then planned again as if the
-- customer had posted `open`: a plugin that offers no such action refused
-- it. Such a snapshot now records no action (''). Rows recorded before are
-- told apart by their empty selections; a plugin's own `open` action posted
-- with no inputs onto an unchanged offer would look the same, and is read
-- as the first open from now on.
UPDATE offer_snapshots SET action = '' WHERE action = 'open' AND selections = '{}';
