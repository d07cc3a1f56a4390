-- 022: VAT by date, as the law sets it, not as each tariff version copies it.
--
-- A regulated household tariff is published with VAT included, and keeps its
-- price when the rate changes; what changes is the VAT within it.  A version
-- marked vat_by_date takes the rate of its organization's country in force on
-- each day (app/tariff_period.c splits it there), so a version valid across
-- 1 January 2026 is charged 20 % VAT before and 22 % after in Russia.

CREATE TABLE vat_rates (
    country    CHAR(2)           NOT NULL,  -- ISO 3166-1 alpha-2
    valid_from DATE              NOT NULL,  -- in force until the next row's date
    rate_bp    SMALLINT UNSIGNED NOT NULL,  -- 2200 = 22 %
    source     VARCHAR(200)      NOT NULL,  -- the law that set it
    PRIMARY KEY (country, valid_from),
    CONSTRAINT ck_vat_rates CHECK (rate_bp <= 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO vat_rates (country, valid_from, rate_bp, source) VALUES
    ('RU', '2019-01-01', 2000, 'Tax Code of the Russian Federation, art. 164 p. 3 (Federal Law 303-FZ of 03.08.2018)'),
    ('RU', '2026-01-01', 2200, 'Tax Code of the Russian Federation, art. 164 p. 3, as amended in 2025: 22 % from 01.01.2026'),
    ('KZ', '2009-01-01', 1200, 'Tax Code of the Republic of Kazakhstan: 12 %'),
    ('KZ', '2026-01-01', 1600, 'Tax Code of the Republic of Kazakhstan of 18.07.2025: 16 % from 01.01.2026');

-- Whose law's VAT an organization charges; NULL: only the tariffs' own rates.
ALTER TABLE organizations ADD COLUMN vat_country CHAR(2) NULL;

-- 1: the version's VAT is the law's on each day (vat_bp is then unused).
ALTER TABLE tariffs ADD COLUMN vat_by_date TINYINT(1) NOT NULL DEFAULT 0;
