-- Which NVD records name which CPE product (vendor, product) in their configurations, so that a fingerprint
-- (`ctem discover`'s "OpenSSH_8.2p1") finds its candidate CVEs by index instead of reading every record. Written with
-- each record; records stored before this migration are indexed here from their JSON (criteria with a quoted colon in
-- vendor or product are left to the next import of the record).
CREATE TABLE cve_cpe_products (
    vendor  TEXT NOT NULL,
    product TEXT NOT NULL,
    cve_id  TEXT NOT NULL,
    origin  TEXT NOT NULL,
    PRIMARY KEY (vendor, product, cve_id, origin)
);

CREATE INDEX cve_cpe_products_by_record ON cve_cpe_products (cve_id, origin);

INSERT INTO cve_cpe_products (vendor, product, cve_id, origin)
SELECT DISTINCT lower(split_part(c.text, ':', 4)), lower(split_part(c.text, ':', 5)), c.cve_id, c.origin
FROM (
    SELECT r.cve_id, r.origin, n.value #>> '{}' AS text
    FROM cve_records r,
         LATERAL jsonb_path_query((r.record_json::jsonb ->> 'cpeConfigurationsJson')::jsonb, 'lax $.**.criteria ? (@.type() == "string")') AS n (value)
    WHERE r.record_json::jsonb ->> 'cpeConfigurationsJson' IS NOT NULL
    UNION ALL
    SELECT r.cve_id, r.origin, n.value #>> '{}'
    FROM cve_records r,
         LATERAL jsonb_path_query((r.record_json::jsonb ->> 'cpeConfigurationsJson')::jsonb, 'lax $.**.cpe23Uri ? (@.type() == "string")') AS n (value)
    WHERE r.record_json::jsonb ->> 'cpeConfigurationsJson' IS NOT NULL
) c
WHERE c.text LIKE 'cpe:2.3:_:%' AND strpos(c.text, '\') = 0
  AND split_part(c.text, ':', 4) <> '' AND split_part(c.text, ':', 5) <> ''
ON CONFLICT DO NOTHING;
