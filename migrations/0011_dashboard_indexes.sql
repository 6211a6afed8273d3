-- The 街道 dashboard (/dashboard): its figures over a year of data for 50 communities are read
-- through these indexes rather than by scanning orders, attendance or the points ledger; and
-- each delivery that met 无人应答 is remembered, so that how it was resolved can be shown
-- after the stop is marked again.

-- Meals per day by status and way of eating, per meal service: the meal chart, the subsidy
-- figures and today's strip read orders through it.
CREATE INDEX orders_service_date_status ON orders (service_id, date, status, fulfilment);

-- An elder's orders by date: who ordered last month but not this month.
CREATE INDEX orders_elder_date ON orders (elder_id, date);

-- Volunteer hours and active volunteers per community and period.
CREATE INDEX points_ledger_community_time ON points_ledger (community_id, created_at, user_id, minutes);

-- Service requests per community by the time they were posted (点单).
CREATE INDEX service_requests_posted ON service_requests (community_id, posted_at);

-- A semester's classes per community.
CREATE INDEX classes_semester_community ON classes (semester_id, community_id);

-- Every delivery that met 无人应答, and when; the order's status says how it ended (delivered
-- on a later knock, or still not answered).
CREATE TABLE delivery_no_answers (
    order_id INTEGER PRIMARY KEY REFERENCES orders (id),
    noted_at INTEGER NOT NULL
);

INSERT INTO delivery_no_answers (order_id, noted_at)
    SELECT id, coalesce(status_changed_at, placed_at) FROM orders WHERE status = 'no_answer';

CREATE TRIGGER orders_no_answer_marked AFTER UPDATE OF status ON orders
WHEN NEW.status = 'no_answer'
BEGIN
    INSERT OR IGNORE INTO delivery_no_answers (order_id, noted_at)
        VALUES (NEW.id, coalesce(NEW.status_changed_at, unixepoch()));
END;

CREATE TRIGGER orders_no_answer_inserted AFTER INSERT ON orders
WHEN NEW.status = 'no_answer'
BEGIN
    INSERT OR IGNORE INTO delivery_no_answers (order_id, noted_at)
        VALUES (NEW.id, coalesce(NEW.status_changed_at, NEW.placed_at));
END;
