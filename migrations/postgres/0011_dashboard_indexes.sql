-- The 街道 dashboard (/dashboard): its figures are read through these indexes rather than by
-- scanning orders, attendance or the points ledger; and each delivery that met 无人应答 is
-- remembered, so that how it was resolved can be shown after the stop is marked again.
-- PostgreSQL twin of ../0011_dashboard_indexes.sql.

CREATE INDEX orders_service_date_status ON orders (service_id, date, status, fulfilment);
CREATE INDEX orders_elder_date ON orders (elder_id, date);
CREATE INDEX points_ledger_community_time ON points_ledger (community_id, created_at, user_id, minutes);
CREATE INDEX service_requests_posted ON service_requests (community_id, posted_at);
CREATE INDEX classes_semester_community ON classes (semester_id, community_id);

CREATE TABLE delivery_no_answers (
    order_id BIGINT PRIMARY KEY REFERENCES orders (id),
    noted_at BIGINT NOT NULL
);

INSERT INTO delivery_no_answers (order_id, noted_at)
    SELECT id, coalesce(status_changed_at, placed_at) FROM orders WHERE status = 'no_answer';

-- One function for both triggers: on an update the time the status changed, on an insert
-- that time or else when the order was placed.
CREATE FUNCTION note_no_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO delivery_no_answers (order_id, noted_at)
        VALUES (NEW.id, coalesce(NEW.status_changed_at,
                                 CASE WHEN TG_OP = 'INSERT' THEN NEW.placed_at
                                      ELSE unixepoch() END))
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER orders_no_answer_marked AFTER UPDATE OF status ON orders
    FOR EACH ROW WHEN (NEW.status = 'no_answer') EXECUTE FUNCTION note_no_answer();

CREATE TRIGGER orders_no_answer_inserted AFTER INSERT ON orders
    FOR EACH ROW WHEN (NEW.status = 'no_answer') EXECUTE FUNCTION note_no_answer();
