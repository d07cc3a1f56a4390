-- 060: payment QR codes kept by their text (issue 22).
--
-- libqrencode tries all eight masks of a code and scores each to choose one:
-- for a receipt's payment code (some 500 bytes, 85 modules a side) that is
-- about 1.7 ms, and a receipt with a supplier paid directly has two codes.
-- It was over half of a receipt page's machine time, and the print view and
-- the PDF encoded the same texts again.
--
-- A code depends on its text and nothing else, so it is kept under the
-- text's SHA-256 the first time it is made, and read back after: no change
-- to anything can make a kept code wrong, so nothing invalidates it.  Its
-- text is not kept (it names the payer): only who already has the text can
-- find its code.  tidy deletes codes not made within QR_KEEP_DAYS
-- (cgi-bin/tidy.c), so the table holds about a month of receipts viewed.
-- Only payment codes are kept; a code that carries a secret (the TOTP
-- enrolment's) never is.
CREATE TABLE qr_codes (
    text_sha256 BINARY(32)       NOT NULL,
    modules     TINYINT UNSIGNED NOT NULL,  -- a side, without the quiet zone
    dark        VARBINARY(3917)  NOT NULL,  -- modules^2 bits, row by row, first in the high bit
    made_at     DATETIME(6)      NOT NULL,
    PRIMARY KEY (text_sha256),
    KEY ix_qr_codes_made (made_at),
    CONSTRAINT ck_qr_codes CHECK (modules BETWEEN 21 AND 177 AND (modules - 21) % 4 = 0
        AND LENGTH(dark) = (modules * modules + 7) DIV 8)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
