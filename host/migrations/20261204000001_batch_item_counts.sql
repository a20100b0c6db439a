-- A run's counts per state (`GET /v1/batches/{id}`, polled while it runs)
-- and the check that it is finished read this index alone, instead of every
-- item's row with its request.
CREATE INDEX batch_items_by_batch_state ON batch_items (batch_id, state);
