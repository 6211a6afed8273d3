-- orders_service_date_status (0011) begins with the same columns as orders_service_date.
-- PostgreSQL twin of ../0012_drop_redundant_order_index.sql.
DROP INDEX orders_service_date;
