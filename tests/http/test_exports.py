"""Statement, payment history and readings history as CSV and XLSX; the statement as PDF."""
import csv
import io
import os
import re
import subprocess
import tempfile
import zipfile

import lxml.etree
import requests

from conftest import BASE, doc, signed_in, sql

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def rows_of_csv(r):
    assert r.status_code == 200, r.status_code
    assert r.headers["Content-Type"].startswith("text/csv; charset=utf-8")
    assert r.headers["Content-Disposition"].startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(r.content.decode("utf-8"), newline="")))


def cells_of_xlsx(r):
    """Each row as [(type, value)]: 'n' for a number, 's' for text."""
    assert r.status_code == 200 and r.headers["Content-Type"] == XLSX
    z = zipfile.ZipFile(io.BytesIO(r.content))
    strings = [si.xpath("string(.)", namespaces=NS) for si in
               lxml.etree.fromstring(z.read("xl/sharedStrings.xml")).xpath("//m:si", namespaces=NS)]
    sheet = lxml.etree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    out = []
    for row in sheet.xpath("//m:sheetData/m:row", namespaces=NS):
        cells = []
        for c in row.xpath("m:c", namespaces=NS):
            v = c.xpath("string(m:v)", namespaces=NS)
            cells.append(("s", strings[int(v)]) if c.get("t") == "s" else ("n", float(v)))
        out.append(cells)
    return out


def ledger(account, service):
    return sql("SELECT DATE_FORMAT(period, '%%Y-%%m'), closing FROM ledger WHERE account_id = %d "
               "AND service_id = %d AND period >= DATE_FORMAT(UTC_DATE() - INTERVAL 12 MONTH, "
               "'%%Y-%%m-01') ORDER BY period" % (account, service))


def test_statement_as_csv_matches_the_ledger():
    s = signed_in()
    page = doc(s.get(BASE + "/services/statement?service=1"))
    href = page.xpath('//a[@id="download-csv"]/@href')[0]
    rows = rows_of_csv(s.get(BASE + href))
    assert rows[0][0] == "Месяц" and rows[0][-1] == "Исходящий остаток"
    want = ledger(1, 1)[-len(rows) + 1:]
    assert len(rows) - 1 == len(want) > 0
    for row, (_, closing) in zip(rows[1:], want):
        assert re.fullmatch(r"-?\d+\.\d\d", row[-1]), row  # a number a program can read
        assert round(float(row[-1]) * 100) == int(closing)


def test_statement_as_xlsx_has_numbers_not_text():
    s = signed_in(lang="en")
    r = s.get(BASE + "/services/statement?service=1&format=xlsx")
    assert re.fullmatch(r'attachment; filename="statement-1-1-\d{4}-\d\d-\d{4}-\d\d\.xlsx"',
                        r.headers["Content-Disposition"])
    rows = cells_of_xlsx(r)
    assert rows[0][0] == ("s", "Month") and all(t == "s" for t, _ in rows[0])
    want = ledger(1, 1)[-len(rows) + 1:]
    for row, (_, closing) in zip(rows[1:], want):
        assert row[0][0] == "s" and row[-1][0] == "n"
        assert round(row[-1][1] * 100) == int(closing)


def test_statement_as_pdf():
    s = signed_in()
    r = s.get(BASE + "/services/statement?service=1&format=pdf")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(r.content)
        f.flush()
        text = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True,
                              text=True, check=True).stdout
    assert "Выписка по услуге: Электроснабжение" in text and "1000456701" in text
    assert "Итого" in text


def test_payment_history_as_csv_has_a_row_per_service_paid():
    s = signed_in()
    rows = rows_of_csv(s.get(BASE + "/payments?format=csv"))
    x = lxml.etree.fromstring(s.get(BASE + "/payments?format=xml").content)
    lines = x.xpath("//payment/line")
    assert len(rows) - 1 == len(lines) > 0
    total = sum(round(float(r[2]) * 100) for r in rows[1:])
    assert total == sum(int(a) for a in x.xpath("//payment/line/amount/@minor"))
    rows = cells_of_xlsx(s.get(BASE + "/payments?format=xlsx"))
    assert len(rows) - 1 == len(lines)


def test_readings_history_as_csv_and_xlsx():
    s = signed_in()
    rows = rows_of_csv(s.get(BASE + "/readings/history?meter=1&format=csv"))
    (n,) = sql("SELECT COUNT(*) FROM readings WHERE meter_id = 1")[0]
    assert len(rows) - 1 == int(n)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", r[0]) for r in rows[1:])
    rows = cells_of_xlsx(s.get(BASE + "/readings/history?meter=1&format=xlsx"))
    assert len(rows) - 1 == int(n) and rows[1][2][0] == "n"


def test_no_one_downloads_what_is_not_theirs():
    s = signed_in("demo2", "demo2-password")
    for fmt in ("csv", "xlsx"):
        r = s.get(BASE + "/readings/history?meter=1&format=" + fmt, allow_redirects=False)
        assert r.status_code == 404 and "Content-Disposition" not in r.headers
    r = signed_in().get(BASE + "/services/statement?service=999&format=pdf")
    assert r.status_code == 404 and "Content-Disposition" not in r.headers


def test_an_unknown_format_shows_the_page_and_xml_stays_the_api():
    s = signed_in()
    r = s.get(BASE + "/services/statement?service=1&format=docx")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    r = s.get(BASE + "/services/statement?service=1&format=xml")
    assert r.headers["Content-Type"].startswith("application/xml")


def test_a_download_needs_a_session():
    r = requests.get(BASE + "/payments?format=csv", allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["Location"].startswith("/login")


def test_temporary_workbooks_are_removed():
    s = signed_in()
    before = set(os.listdir("/tmp"))
    for _ in range(3):
        assert s.get(BASE + "/payments?format=xlsx").status_code == 200
    assert not [f for f in set(os.listdir("/tmp")) - before if f.startswith("kabinet-xlsx-")]


def test_downloads_pass_through_nginxs_xslt_renderer_untouched():
    """In the set-up where nginx renders the HTML, a download is still the program's file."""
    from conftest import XSLT_BASE
    s = signed_in()
    for fmt, ctype in (("csv", "text/csv"), ("xlsx", XLSX), ("pdf", "application/pdf")):
        a = s.get(BASE + "/services/statement?service=1&format=" + fmt)
        b = s.get(XSLT_BASE + "/services/statement?service=1&format=" + fmt)
        assert b.status_code == 200 and b.headers["Content-Type"].startswith(ctype), fmt
        assert b.headers["Content-Disposition"] == a.headers["Content-Disposition"]
        if fmt == "csv":
            assert b.content == a.content
