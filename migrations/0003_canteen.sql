-- 幸福食堂: canteens, their meal services (cutoff and capacity), dishes, dated menus,
-- subsidy rules, and orders that keep the price and subsidy they were placed with.
-- Money is integer fen.

CREATE TABLE canteens (
    id INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES communities (id),
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    opening_hours TEXT NOT NULL DEFAULT ''
);

CREATE TABLE meal_services (
    id INTEGER PRIMARY KEY,
    canteen_id INTEGER NOT NULL REFERENCES canteens (id),
    meal TEXT NOT NULL CHECK (meal IN ('lunch', 'dinner')),
    -- Local time (Asia/Shanghai) on the day of the meal after which orders close, 'HH:MM'.
    cutoff_time TEXT NOT NULL,
    serve_time TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    UNIQUE (canteen_id, meal)
);

CREATE TABLE dishes (
    id INTEGER PRIMARY KEY,
    canteen_id INTEGER NOT NULL REFERENCES canteens (id),
    name TEXT NOT NULL,
    is_set_meal INTEGER NOT NULL DEFAULT 0 CHECK (is_set_meal IN (0, 1)),
    description TEXT NOT NULL DEFAULT '',
    price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
    allergens TEXT NOT NULL DEFAULT '',
    diet_tags TEXT NOT NULL DEFAULT '',
    UNIQUE (canteen_id, name)
);

CREATE TABLE menu_items (
    service_id INTEGER NOT NULL REFERENCES meal_services (id),
    date TEXT NOT NULL,
    dish_id INTEGER NOT NULL REFERENCES dishes (id),
    published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    PRIMARY KEY (service_id, date, dish_id)
);

-- The subsidy on one set meal a day per service for an elder of this age band (and, when
-- given, subsidy category). The largest matching subsidy applies.
CREATE TABLE subsidy_rules (
    id INTEGER PRIMARY KEY,
    age_band TEXT NOT NULL CHECK (age_band IN ('60_79', '80_89', '90_plus')),
    subsidy_category TEXT CHECK (subsidy_category IN ('dibao', 'tekun', 'shineng')),
    subsidy_fen INTEGER NOT NULL CHECK (subsidy_fen >= 0)
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    elder_id INTEGER NOT NULL REFERENCES elders (id),
    service_id INTEGER NOT NULL REFERENCES meal_services (id),
    date TEXT NOT NULL,
    fulfilment TEXT NOT NULL CHECK (fulfilment IN ('dine_in', 'pickup', 'delivery')),
    status TEXT NOT NULL DEFAULT 'placed' CHECK (
        status IN ('placed', 'cooking', 'ready', 'out_for_delivery', 'delivered', 'no_answer', 'cancelled')
    ),
    full_price_fen INTEGER NOT NULL,
    subsidy_fen INTEGER NOT NULL,
    pay_fen INTEGER NOT NULL,
    placed_by INTEGER NOT NULL REFERENCES users (id),
    placed_at INTEGER NOT NULL DEFAULT (unixepoch())
);
-- One live order per elder, service and day.
CREATE UNIQUE INDEX orders_one_per_meal ON orders (elder_id, service_id, date) WHERE status <> 'cancelled';
CREATE INDEX orders_service_date ON orders (service_id, date);

CREATE TABLE order_lines (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    dish_id INTEGER NOT NULL REFERENCES dishes (id),
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 5),
    unit_price_fen INTEGER NOT NULL,
    PRIMARY KEY (order_id, dish_id)
);
