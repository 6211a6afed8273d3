-- 幸福食堂 day-to-day: standing weekly orders, ratings, delivery routes with stops, and the
-- notification centre.

-- A weekly recurring order (e.g. Mon–Fri lunch). A job turns it into concrete orders for each
-- date inside the ordering window.
CREATE TABLE standing_orders (
    id INTEGER PRIMARY KEY,
    elder_id INTEGER NOT NULL REFERENCES elders (id),
    service_id INTEGER NOT NULL REFERENCES meal_services (id),
    -- ISO weekdays, Monday = 1: '1,2,3,4,5'
    weekdays TEXT NOT NULL,
    fulfilment TEXT NOT NULL CHECK (fulfilment IN ('dine_in', 'pickup', 'delivery')),
    paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    ended INTEGER NOT NULL DEFAULT 0 CHECK (ended IN (0, 1)),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL DEFAULT (unixepoch())
);

ALTER TABLE orders ADD COLUMN status_changed_at INTEGER;
ALTER TABLE orders ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE orders ADD COLUMN rating_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN standing_order_id INTEGER REFERENCES standing_orders (id);

CREATE TABLE standing_order_lines (
    standing_order_id INTEGER NOT NULL REFERENCES standing_orders (id) ON DELETE CASCADE,
    dish_id INTEGER NOT NULL REFERENCES dishes (id),
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 5),
    PRIMARY KEY (standing_order_id, dish_id)
);

-- Each (standing order, date) the job has dealt with, whatever the outcome, so a second run
-- changes nothing and a meal the family cancelled is not ordered again.
CREATE TABLE standing_order_runs (
    standing_order_id INTEGER NOT NULL REFERENCES standing_orders (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    order_id INTEGER REFERENCES orders (id),
    -- Empty when an order was placed, else why not (shown to the family).
    problem TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (standing_order_id, date)
);

-- Delivery routes of one service on one day; stops in the order they are walked.
CREATE TABLE delivery_routes (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES meal_services (id),
    date TEXT NOT NULL,
    route_no INTEGER NOT NULL,
    deliverer_id INTEGER REFERENCES users (id),
    UNIQUE (service_id, date, route_no)
);

CREATE TABLE delivery_stops (
    order_id INTEGER PRIMARY KEY REFERENCES orders (id),
    route_id INTEGER NOT NULL REFERENCES delivery_routes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    marked_at INTEGER,
    marked_by INTEGER REFERENCES users (id)
);
CREATE INDEX delivery_stops_route ON delivery_stops (route_id, position);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    message TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    read_at INTEGER
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);
