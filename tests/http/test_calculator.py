"""The charge calculator: domain.md's examples through the whole stack, every bad input.

Demo tariffs (sql/demo/003-tariffs.sql): Энск's electricity with the social
norm (plans 1-3, versions changing on 1 July 2026), and Almaty's volume
levels (plan 4: 12 % VAT included until 2025, 16 % added from 2026).
"""
import lxml.etree
import pytest

from conftest import BASE, csrf_of, doc, new_client, signed_in, sql


def calc(s, **form):
    token = csrf_of(s.get(BASE + "/calculator"))
    return s.post(BASE + "/calculator", data=dict(form, csrf=token), allow_redirects=False)


def calc_xml(s, **form):
    token = csrf_of(s.get(BASE + "/calculator"))
    r = s.post(BASE + "/calculator?format=xml", data=dict(form, csrf=token), allow_redirects=False)
    return r.status_code, lxml.etree.fromstring(r.content)


ALMATY = dict(org="2", plan="4")


def test_visitors_see_public_tariffs_of_the_first_organization():
    s = new_client()
    r = s.get(BASE + "/calculator")
    assert r.status_code == 200
    d = doc(r)
    assert d.xpath('//select[@id="org"]/option/@value') == ["2", "1"]  # by name
    assert d.xpath('//select[@id="plan"]/option/@value') == ["4"]
    d = doc(s.get(BASE + "/calculator", params={"org": "1", "plan": "3"}))
    assert d.xpath('//select[@id="plan"]/option/@value') == ["1", "2", "3"]
    assert [i.get("name") for i in d.xpath('//table[contains(@class, "readings-table")]//input')] == \
        ["prev1", "curr1", "prev2", "curr2", "prev3", "curr3"]
    # The sign-in page links here.
    assert doc(s.get(BASE + "/login")).get_element_by_id("calculator-link").get("href") == "/calculator"


def test_example_b_almaty_levels_whole_month_and_prorated():
    s = new_client()
    form = dict(ALMATY, residents="2", household="gas", prev1="1000", curr1="1400")
    st, x = calc_xml(s, **dict(form, **{"from": "2025-03-01", "to": "2025-04-01"}))
    assert st == 200
    assert x.find("result/total").get("minor") == "678720"  # 6 787.20 KZT
    assert x.find("result").get("currency") == "KZT"
    assert [l.findtext("quantity") for l in x.iter("line")] == ["180.000", "140.000", "80.000"]
    # 33 days: limits x 33 / 30.5, kept exact.
    st, x = calc_xml(s, **dict(form, **{"from": "2025-03-01", "to": "2025-04-03"}))
    assert x.find("result/total").get("minor") == "659763"  # 6 597.63 KZT
    # Electric stove: 115 / 190 per person.
    st, x = calc_xml(s, **dict(form, household="estove", **{"from": "2025-03-01", "to": "2025-04-01"}))
    assert x.find("result/total").get("minor") == "627620"  # 6 276.20 KZT


def test_example_d_two_zones_social_norm():
    s = new_client()
    st, x = calc_xml(s, org="1", plan="2", residents="3", household="gas", prev1="5000",
                     curr1="5102", prev2="3000", curr2="3068",
                     **{"from": "2026-03-01", "to": "2026-04-01"})
    assert st == 200
    assert x.find("result/total").get("minor") == "63548"  # 635.48 RUB
    # Prices include VAT, which is 22 % from 1 January 2026 (Tax Code of the Russian
    # Federation, art. 164 p. 3, as amended in 2025; sql/022): the price stays, and
    # the VAT shown is 22/122 of each line.
    assert [t.get("vat-bp") for t in x.iter("tariff")] == ["2200"]
    for line in x.iter("line"):
        amount, vat = int(line.find("amount").get("minor")), int(line.find("vat").get("minor"))
        assert abs(vat - amount * 22 / 122) <= 0.5
        # A price in ten-thousandths, written with the decimals it has (sql/042).
        units = int(line.find("price").get("units"))
        assert line.find("price").get("scale") == "4" and units % 100 == 0
        assert line.findtext("price") == "%d,%02d\u00a0₽" % (units // 10000, units // 100 % 100)


def test_a_period_across_the_july_tariff_change_is_split_by_days():
    s = new_client()
    st, x = calc_xml(s, org="1", plan="1", residents="1", household="gas", prev1="0", curr1="310",
                     **{"from": "2026-06-16", "to": "2026-07-17"})  # 15 + 16 days
    assert st == 200
    # The first version's days of 2026 (its VAT 22 %, sql/022), then the July one's.
    assert [t.get("from") for t in x.iter("tariff")] == ["2026-01-01", "2026-07-01"]
    assert {l.get("tariff-from") for l in x.iter("line")} == {"2026-01-01", "2026-07-01"}
    qty = sum(int(l.findtext("quantity").replace(".", "")) for l in x.iter("line"))
    assert abs(qty - 310000) <= 2  # display rounding of each line only
    html = doc(calc(s, org="1", plan="1", residents="1", household="gas", prev1="0", curr1="310",
                    **{"from": "2026-06-16", "to": "2026-07-17"}))
    assert len(html.xpath('//table[@id="calc-lines"]/tbody/tr')) == 4


def test_rollover_when_confirmed():
    s = new_client()
    form = dict(org="1", plan="1", residents="1", household="gas", prev1="99950", curr1="30",
                **{"from": "2026-03-01", "to": "2026-04-01"})
    r = calc(s, **form)
    assert r.status_code == 400
    assert doc(r).get_element_by_id("error-curr1").text_content().startswith(
        "Текущие показания меньше предыдущих")
    st, x = calc_xml(s, **dict(form, rollover="1"))
    assert st == 200 and x.findtext("result/consumption/quantity") == "80.000"


def test_signed_in_defaults_come_from_the_current_account():
    s = signed_in()
    x = lxml.etree.fromstring(s.get(BASE + "/calculator?format=xml").content)
    assert x.xpath("//organization[@selected]/@id") == ["1"]
    assert x.findtext("calculator/form/residents") == "3"
    assert x.findtext("calculator/form/household") == "gas"
    sql("UPDATE subscribers SET current_account_id = 2 WHERE login = 'demo'")
    try:
        x = lxml.etree.fromstring(s.get(BASE + "/calculator?format=xml").content)
        assert x.findtext("calculator/form/household") == "estove-alone"
        assert x.findtext("calculator/form/residents") == "1"
    finally:
        sql("UPDATE subscribers SET current_account_id = NULL WHERE login = 'demo'")
    assert "/calculator" in doc(s.get(BASE + "/")).xpath("//nav//a/@href")


GOOD = dict(org="1", plan="1", residents="2", household="gas", prev1="100", curr1="250",
            **{"from": "2026-03-01", "to": "2026-04-01"})

BAD = [
    ({"to": "2026-02-01"}, "to", "Дата текущих показаний должна быть позже даты предыдущих."),
    ({"to": "2026-03-01"}, "to", "Дата текущих показаний должна быть позже даты предыдущих."),
    ({"to": "2099-01-01"}, "to", "Дата показаний не может быть в будущем."),
    ({"from": "2024-01-01"}, "to", "Между показаниями может быть не больше 366 дней."),
    ({"from": "01.03.2026"}, "from", "Дата указывается как ГГГГ-ММ-ДД, например 2026-03-01."),
    ({"from": "2026-02-30"}, "from", "Дата указывается как ГГГГ-ММ-ДД, например 2026-03-01."),
    ({"from": ""}, "from", "Заполните поле."),
    ({"prev1": "abc"}, "prev1", "Показания — число без знака, не больше трёх знаков после запятой."),
    ({"curr1": "-5"}, "curr1", "Показания — число без знака, не больше трёх знаков после запятой."),
    ({"curr1": "1.2345"}, "curr1", "Показания — число без знака, не больше трёх знаков после запятой."),
    ({"curr1": "9999999999999"}, "curr1",
     "Таких больших показаний счётчик показать не может: проверьте число цифр."),
    ({"curr1": "<script>"}, "curr1", "Показания — число без знака, не больше трёх знаков после запятой."),
    ({"curr1": ""}, "curr1", "Заполните поле."),
    ({"curr1": "50"}, "curr1",
     "Текущие показания меньше предыдущих. Если счётчик прошёл через ноль, отметьте это ниже."),
    ({"curr1": "5", "prev1": "60000", "rollover": "1"}, "curr1", None),  # wraps at 100 000: fine
    ({"curr1": "5", "prev1": "40000", "rollover": "1"}, "curr1",
     "Даже с переходом через ноль такой расход неправдоподобен. Проверьте показания."),
    ({"residents": "0"}, "residents", "Число жильцов — от 1 до 20."),
    ({"residents": "21"}, "residents", "Число жильцов — от 1 до 20."),
    ({"residents": "x"}, "residents", "Число жильцов — от 1 до 20."),
    ({"household": "castle"}, "household", "Выберите значение из списка."),
    ({"plan": "4"}, "plan", "Выберите значение из списка."),  # Almaty's plan with Энск
    ({"org": "999"}, "org", "Выберите значение из списка."),
]


@pytest.mark.parametrize("change,field,message", BAD)
def test_every_bad_input_gets_its_message_next_to_the_field(change, field, message):
    r = calc(new_client(), **dict(GOOD, **change))
    if message is None:
        assert r.status_code == 200
        return
    assert r.status_code == 400, (change, r.status_code)
    d = doc(r)
    assert d.get_element_by_id("error-" + field).text_content() == message
    assert d.get_element_by_id("result", None) is None
    assert b"<script>" not in r.content


def test_dates_without_a_tariff_and_a_period_across_several_versions():
    s = new_client()
    r = calc(s, **dict(GOOD, **{"from": "2025-01-01", "to": "2025-02-01"}))
    assert r.status_code == 422
    assert doc(r).get_element_by_id("error-to").text_content() == \
        "На эти даты у выбранного тарифа нет цен. Выберите другие даты."
    try:
        sql("UPDATE tariffs SET valid_to = '2025-12-31' WHERE id = 1")
        sql("INSERT INTO tariffs (id, plan_id, valid_from, valid_to, tiers, month_days_x10, "
            "vat_bp, vat_included, vat_by_date) VALUES (99, 1, '2026-01-01', '2026-06-30', 2, 0, "
            "0, 1, 1)")
        sql("INSERT INTO tariff_prices (tariff_id, tier, zone, price) SELECT 99, tier, zone, "
            "price + 10 FROM tariff_prices WHERE tariff_id = 1")
        sql("INSERT INTO tariff_limits (tariff_id, household, tier, limit_milli) SELECT 99, "
            "household, tier, limit_milli FROM tariff_limits WHERE tariff_id = 1")
        # Three versions over the period, each charged for its own days, with the VAT of its days.
        st, x = calc_xml(s, **dict(GOOD, **{"from": "2025-12-15", "to": "2026-07-15"}))
        assert st == 200
        assert [(t.get("from"), t.get("vat-bp")) for t in x.iter("tariff")] == [
            ("2025-07-01", "2000"), ("2026-01-01", "2200"), ("2026-07-01", "2200")]
        assert {l.get("tariff-from") for l in x.iter("line")} == {
            "2025-07-01", "2026-01-01", "2026-07-01"}
        qty = sum(int(l.findtext("quantity").replace(".", "")) for l in x.iter("line"))
        assert abs(qty - 150000) <= 3  # display rounding of each line only
        total = sum(int(l.find("amount").get("minor")) for l in x.iter("line"))
        assert x.find("result/total").get("minor") == str(total)
    finally:
        sql("DELETE FROM tariffs WHERE id = 99")
        sql("UPDATE tariffs SET valid_to = '2026-06-30' WHERE id = 1")


def test_in_english():
    s = new_client("en")
    r = calc(s, **dict(GOOD, curr1="50"))
    assert r.status_code == 400
    assert doc(r).get_element_by_id("error-curr1").text_content().startswith(
        "The current reading is below the previous one")
    d = doc(calc(s, **GOOD))
    assert d.xpath("//h1")[0].text_content() == "Charge calculator"
    assert "₽" in d.get_element_by_id("calc-total").text_content()
    assert "within the social norm" in d.get_element_by_id("calc-lines").text_content()


def test_unknown_or_malformed_organization_is_404():
    s = new_client()
    for v in ("999", "abc", "0"):
        assert s.get(BASE + "/calculator", params={"org": v}).status_code == 404


def test_a_visitors_form_never_expires_and_a_subscribers_post_needs_its_token():
    # A visitor: no pre-session cookie (it ran out, or the page was opened long ago).
    r = new_client().post(BASE + "/calculator", data=GOOD, allow_redirects=False)
    assert r.status_code == 200
    assert doc(r).get_element_by_id("calc-lines") is not None
    r = new_client().post(BASE + "/calculator", data=dict(GOOD, csrf="A" * 43),
                          allow_redirects=False)
    assert r.status_code == 200
    # Signed in, the computation may read the subscriber's own plans: checked as any POST.
    s = signed_in()
    assert s.post(BASE + "/calculator", data=GOOD, allow_redirects=False).status_code == 403


def test_a_subscriber_picks_a_meter_and_its_last_reading_fills_the_form():
    s = signed_in()
    x = lxml.etree.fromstring(s.get(BASE + "/calculator?format=xml").content)
    assert x.xpath("//meters/meter/@id") == ["1", "3"]  # the water meter has no tariff
    x = lxml.etree.fromstring(s.get(BASE + "/calculator?format=xml&meter=1").content)
    assert x.xpath("//organization[@selected]/@id") == ["1"]
    assert x.xpath("//calculator/form/@plan") == ["3"]
    last = [sql("SELECT value, taken_on FROM readings WHERE meter_id = 1 AND zone = %d AND "
                "status = 'accepted' ORDER BY taken_on DESC, id DESC LIMIT 1" % z)[0]
            for z in range(3)]
    f = x.find("calculator/form")
    assert [f.findtext("prev%d" % (z + 1)) for z in range(3)] == [v for v, _ in last]
    assert f.findtext("from") == max(d for _, d in last)
    assert f.findtext("residents") == "3" and f.findtext("household") == "gas"
    # Then a calculation from there.
    form = {"org": "1", "plan": "3", "residents": "3", "household": "gas",
            "from": f.findtext("from"), "to": f.findtext("to")}
    for z in range(3):
        form["prev%d" % (z + 1)] = last[z][0]
        form["curr%d" % (z + 1)] = str(int(last[z][0]) + 50)
    st, res = calc_xml(s, **form)
    assert st == 200 and int(res.find("result/total").get("minor")) > 0
    # Someone else's meter, a made-up one, a malformed one: the same 404.
    for v in ("4", "999", "abc"):
        assert s.get(BASE + "/calculator", params={"meter": v}).status_code == 404


def test_messages_say_what_is_wrong_with_a_date_or_a_reading():
    """A 1990 date is out of range, not badly written; a huge reading is too large."""
    s = new_client()
    r = calc(s, **dict(GOOD, **{"from": "1990-03-01"}))
    assert r.status_code == 400
    d = doc(r)
    assert d.get_element_by_id("error-from").text_content().strip() == \
        "Дата должна быть не раньше 01.01.2000 и не позже 31.12.2099."
    assert d.xpath('string(//input[@name="from"]/@value)') == "1990-03-01"  # kept as typed
    r = calc(s, **dict(GOOD, **{"from": "01.03.2026"}))
    assert doc(r).get_element_by_id("error-from").text_content().strip().startswith(
        "Дата указывается как ГГГГ-ММ-ДД")
    r = calc(s, **dict(GOOD, curr1="99999999999999999999"))
    assert r.status_code == 400
    assert doc(r).get_element_by_id("error-curr1").text_content().strip().startswith(
        "Таких больших показаний счётчик показать не может")
    r = calc(s, **dict(GOOD, curr1="1.2345"))
    assert doc(r).get_element_by_id("error-curr1").text_content().strip().startswith(
        "Показания — число без знака")


def test_a_chosen_meter_sets_where_its_register_rolls_over():
    s = signed_in()
    # Meter 3 has five digits: 99 950 -> 30, through zero, is 80 kWh.
    base = dict(org="1", plan="1", residents="1", household="gas", meter="3",
                **{"from": "2026-03-01", "to": "2026-04-01"})
    st, x = calc_xml(s, **dict(base, prev1="99950", curr1="30", rollover="1"))
    assert st == 200 and x.findtext("result/consumption/quantity") == "80.000"
    # A number the meter cannot show is too large, not "below the previous".
    r = calc(s, **dict(base, prev1="99950", curr1="123456", rollover="1"))
    assert r.status_code == 400
    assert doc(r).get_element_by_id("error-curr1").text_content().startswith(
        "Таких больших показаний")
    # Meter 1 has six digits: 99 950 -> 30 is no rollover of it (it would mean 900 080 kWh),
    # though a five-digit guess from the numbers alone would have taken it for one.
    st, x = calc_xml(s, org="1", plan="3", residents="1", household="gas", meter="1",
                     prev1="99950", curr1="30", prev2="0", curr2="0", prev3="0", curr3="0",
                     rollover="1", **{"from": "2026-03-01", "to": "2026-04-01"})
    assert st == 400 and "curr1" in x.xpath("//error/@field")


def test_readings_over_a_million():
    s = new_client()
    st, x = calc_xml(s, **dict(GOOD, prev1="1500000", curr1="1500120"))
    assert st == 200 and x.findtext("result/consumption/quantity") == "120.000"


def test_volume_ranges_per_household_and_a_heating_season_limit():
    """Plan 5 (sql/demo/003): Russia's household ranges from 2025, 3 900 and 6 000 kWh a
    month for the home, at the demo's 5,00 / 7,00 / 9,00; homes heated by electricity
    have 6 000 and 9 000 in the heating season (1 October to 30 April)."""
    s = signed_in()
    base = dict(org="1", plan="5", residents="4", household="gas", prev1="0", curr1="7000",
                **{"from": "2026-03-01", "to": "2026-04-01"})
    st, x = calc_xml(s, **base)
    assert st == 200, lxml.etree.tostring(x)[:300]
    # 3 900 x 5 + 2 100 x 7 + 1 000 x 9: four residents do not make the ranges larger.
    assert x.find("result/total").get("minor") == "4320000"
    assert [l.findtext("quantity") for l in x.iter("line")] == ["3900.000", "2100.000",
                                                               "1000.000"]
    st, x = calc_xml(s, **dict(base, household="eheating"))
    assert st == 200 and x.find("result/total").get("minor") == "3700000"  # 6 000 x 5 + 1 000 x 7
    st, x = calc_xml(s, **dict(base, household="eheating",
                               **{"from": "2026-07-01", "to": "2026-08-01"}))
    assert st == 200 and x.find("result/total").get("minor") == "4320000"  # summer: the plain ranges
    page = doc(calc(s, **dict(base, household="eheating")))
    assert page.xpath('//select[@id="household"]/option[@value="eheating"][@selected]')
