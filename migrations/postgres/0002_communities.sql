-- The sub-districts and communities this service starts in (from the field visits).
-- PostgreSQL twin of ../0002_communities.sql.

INSERT INTO subdistricts (id, city, district, name) VALUES
    (1, '十堰市', '张湾区', '红卫街道'),
    (2, '武汉市', '青山区', '红钢城街道');

INSERT INTO communities (id, subdistrict_id, name) VALUES
    (1, 1, '红河社区'),
    (2, 1, '界牌社区'),
    (3, 1, '动力新村社区'),
    (4, 1, '王湾社区'),
    (5, 1, '红卫社区'),
    (6, 1, '凯旋社区'),
    (7, 2, '十九街社区'),
    (8, 2, '二街社区');

-- Rows given their id explicitly do not move an identity's counter on; the next new row
-- must start after them.
SELECT setval(pg_get_serial_sequence('subdistricts', 'id'), (SELECT max(id) FROM subdistricts));
SELECT setval(pg_get_serial_sequence('communities', 'id'), (SELECT max(id) FROM communities));
