"""Every form sent back with errors keeps what was typed and ties each error to its field.

The forms are the POST pages of pages.py.  For each field posted, the page
shown again holds the same value (a password excepted: it is never echoed).
Each field marked invalid is described by a message that exists on the page,
and the error summary, when there is one, is what opens focused.
"""
import pytest

from conftest import doc
from pages import every_page, visit

FIELD = '//form//*[self::input or self::select or self::textarea][@name="%s"][not(@type="hidden")]'
NOT_ECHOED = {"csrf", "action", "key", "password", "current_password", "new_password",
              "confirm_password"}


def post_pages():
    return [p for p in every_page() if p[1] == "POST"]


def shown_value(d, name):
    """What the page shows in the field called name; None if it has no such field."""
    fields = d.xpath(FIELD % name)
    if not fields:
        return None
    f = fields[0]
    if f.tag == "select":
        chosen = f.xpath('option[@selected]/@value') or f.xpath('option[1]/@value')
        return chosen[0] if chosen else ""
    if f.get("type") in ("radio", "checkbox"):
        checked = [x.get("value") for x in fields if x.get("checked") is not None]
        return checked[0] if checked else ""
    if f.tag == "textarea":
        return f.text or ""
    return f.get("value", "")


@pytest.mark.parametrize("path,method,data,needs_session,lang", post_pages(),
                         ids=lambda v: v if isinstance(v, str) else None)
def test_refused_form_keeps_input_and_ties_errors(path, method, data, needs_session, lang):
    (r,) = visit((path, method, data, needs_session, lang))
    if r.status_code in (200, 303) and "error" not in r.text:
        pytest.skip("accepted, not refused")
    d = doc(r)
    for name, value in data.items():
        if name in NOT_ECHOED:
            continue
        shown = shown_value(d, name)
        if shown is None:
            continue  # a field of another form (a preview's hidden copy, say)
        options = d.xpath('//form//select[@name="%s"]/option/@value' % name)
        if options and value not in options:
            continue  # a list cannot show what it does not offer; its message says so
        assert shown == value, "%s: typed %r, shown %r" % (name, value, shown)
    invalid = d.xpath('//*[@aria-invalid="true"]')
    for f in invalid:
        ids = f.get("aria-describedby", "").split()
        assert ids, "%s is invalid but says nowhere why" % f.get("name")
        for i in ids:
            assert d.xpath('//*[@id="%s"]' % i), "%s points at no #%s" % (f.get("name"), i)
    for e in d.xpath('//p[starts-with(@id, "error-")]'):
        name = e.get("id")[len("error-"):]
        fields = d.xpath(FIELD % name)
        if fields:
            assert fields[0].get("aria-invalid") == "true", name + " has a message, not the mark"
    summary = d.xpath('//*[@id="form-error"]')
    if summary:
        assert summary[0].get("autofocus") is not None and summary[0].get("tabindex") == "-1"
        assert len(d.xpath("//*[@autofocus]")) == 1
