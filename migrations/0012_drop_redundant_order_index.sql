-- orders_service_date_status (0011) begins with the same columns as orders_service_date, so
-- every read the older index served is served by the newer one; keeping both only made each
-- order write update one more index.
DROP INDEX orders_service_date;
