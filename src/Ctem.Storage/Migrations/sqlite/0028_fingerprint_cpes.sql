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

WITH criteria (cve_id, origin, rest) AS (
    SELECT r.cve_id, r.origin, substr(t.atom, 11)
    FROM cve_records r, json_tree(json_extract(r.record_json, '$.cpeConfigurationsJson')) t
    WHERE json_extract(r.record_json, '$.cpeConfigurationsJson') IS NOT NULL
      AND t.key IN ('criteria', 'cpe23Uri') AND t.atom LIKE 'cpe:2.3:_:%' AND instr(t.atom, '\') = 0
),
vendors (cve_id, origin, vendor, rest) AS (
    SELECT cve_id, origin, substr(rest, 1, instr(rest, ':') - 1), substr(rest, instr(rest, ':') + 1) FROM criteria
)
INSERT OR IGNORE INTO cve_cpe_products (vendor, product, cve_id, origin)
SELECT lower(vendor), lower(substr(rest, 1, instr(rest, ':') - 1)), cve_id, origin
FROM vendors
WHERE instr(rest, ':') > 1 AND vendor <> '';
