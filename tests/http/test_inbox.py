"""News with unread marks and the inbox (issue 21): what the organization and
the portal told a subscriber, counted on every page's menu until opened."""
import itertools
import os
import subprocess
import time

from lxml import etree

from conftest import (BASE, ENV, RELEASE, csrf_of, doc, make_subscriber, signed_in, sql,
                      staff_signed_in)

PASSWORD = "inbox-password-1"
_seq = itertools.count(1)


def uniq(prefix):
    return "%s%d%d" % (prefix, os.getpid() % 1000, next(_seq))


def deliver():
    env = dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini"))
    subprocess.run([os.path.join(RELEASE, "deliver")], env=env, capture_output=True, timeout=120,
                   check=False)


def reader(account=3, lang="ru"):
    login = uniq("inbox")
    sid = make_subscriber(login, PASSWORD, [account], email=login + "@example.org")
    return sid, signed_in(login, PASSWORD, lang)


def menu_count(s, entry, path="/"):
    """The unread count on the menu's entry, 0 when it has none."""
    got = doc(s.get(BASE + path)).xpath('//ul[@class="nav-wide"]//span[@data-for="%s"]/text()'
                                        % entry)
    return int(got[0]) if got else 0


def publish(title, body="Текст объявления.", targets=None):
    """News of organization 1 for all its subscribers, or for those of the accounts
    numbered in targets."""
    s = staff_signed_in("operator")
    token = csrf_of(s.get(BASE + "/admin/news/new"))
    r = s.post(BASE + "/admin/news/new", data={
        "csrf": token, "org": "1", "title_ru": title, "body_ru": body, "title_en": title,
        "body_en": body, "audience": "accounts" if targets else "all",
        "targets": "\r\n".join(targets or []), "publish_at": ""},
        allow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    return sql("SELECT id FROM news WHERE title_ru = '%s'" % title)[0][0]


def test_news_is_unread_on_every_session_until_opened_in_one():
    sid, a = reader()
    login = sql("SELECT login FROM subscribers WHERE id = %d" % sid)[0][0]
    b = signed_in(login, PASSWORD)
    before = menu_count(a, "news")
    nid = publish(uniq("Объявление "), "Плановое отключение <b>воды</b> & света.")
    assert menu_count(a, "news") == before + 1
    assert menu_count(b, "news", "/accounts") == before + 1  # every page's header, both sessions
    listed = doc(b.get(BASE + "/news"))
    assert listed.xpath('//li[@id="news-%s"][@class="unread"]' % nid)
    assert not listed.xpath('//li[@id="news-%s"]//*[contains(@class, "news-body")]' % nid)
    r = a.get(BASE + "/news/item?id=%s" % nid)
    assert r.status_code == 200
    assert doc(r).xpath('//p[@class="news-body"]/text()') == \
        ["Плановое отключение <b>воды</b> & света."]  # text, never markup
    assert menu_count(b, "news") == before
    assert not doc(b.get(BASE + "/news")).xpath('//li[@id="news-%s"][@class="unread"]' % nid)
    x = etree.fromstring(b.get(BASE + "/news?format=xml").content)
    assert x.xpath('//news/item[@id="%s"]/@unread' % nid) == []
    assert sql("SELECT COUNT(*) FROM news_reads WHERE subscriber_id = %d AND news_id = %s"
               % (sid, nid)) == [("1",)]
    a.get(BASE + "/news/item?id=%s" % nid)  # opened again: still one mark
    assert sql("SELECT COUNT(*) FROM news_reads WHERE subscriber_id = %d" % sid) == [("1",)]


def test_news_of_another_organization_is_not_found_and_read_all_clears_the_count():
    nid = publish(uniq("Для первой "))
    outsider_login = uniq("outsider")
    sql("INSERT INTO accounts (organization_id, number, payer_name, address, residents, "
        "area_centi_m2) VALUES (2, '%s', 'Плательщик', 'г. Алматы, ул. Абая, д. 2', 1, 4000)"
        % outsider_login)
    acc = int(sql("SELECT id FROM accounts WHERE number = '%s'" % outsider_login)[0][0])
    make_subscriber(outsider_login, PASSWORD, [acc])
    o = signed_in(outsider_login, PASSWORD)
    assert o.get(BASE + "/news/item?id=%s" % nid).status_code == 404
    assert o.get(BASE + "/news/item?id=abc").status_code in (400, 404)
    sid, s = reader()
    publish(uniq("Второе "))
    assert menu_count(s, "news") >= 2
    token = csrf_of(s.get(BASE + "/news"))
    assert s.post(BASE + "/news/read-all", data={"csrf": "x"},
                  allow_redirects=False).status_code == 403
    r = s.post(BASE + "/news/read-all", data={"csrf": token}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/news?done=read"
    assert menu_count(s, "news") == 0
    assert doc(s.get(BASE + "/news?done=read")).xpath('//p[@id="done"]')


def test_news_for_some_accounts_is_counted_for_their_subscribers_alone():
    """The menu's count (db/unread.c, outer joins on news_accounts and news_reads) takes
    news addressed to accounts for the subscribers of those accounts only, once however
    many of their accounts it names, and not once it is read."""
    three, four = (sql("SELECT number FROM accounts WHERE id = %d" % i)[0][0] for i in (3, 4))
    login = uniq("both")
    make_subscriber(login, PASSWORD, [3, 4], email=login + "@example.org")
    both = signed_in(login, PASSWORD)
    _, only3 = reader(account=3)
    _, only4 = reader(account=4)
    before = [menu_count(s, "news") for s in (both, only3, only4)]
    # The form's textareas as a browser sends them: lines ended by CR LF.
    nid = publish(uniq("Адресное "), body="Первый абзац.\r\nВторой абзац.",
                  targets=[three, four])
    assert [menu_count(s, "news") for s in (both, only3, only4)] == [n + 1 for n in before]
    publish(uniq("Только третьему "), targets=[three])
    assert [menu_count(s, "news") for s in (both, only3, only4)] == \
        [before[0] + 2, before[1] + 2, before[2] + 1]
    body = etree.fromstring(both.get(BASE + "/news/item?id=%s&format=xml" % nid).content).xpath(
        "//news/item/body/text()")
    assert body == ["Первый абзац.\nВторой абзац."], body
    assert menu_count(both, "news") == before[0] + 1  # opened above
    assert menu_count(only3, "news") == before[1] + 2  # read by another subscriber


def news_at(org, at, title):
    """News of an organization for all its subscribers, published at an SQL time, written
    straight into the table as an import or a script would: no page of the console."""
    sql("INSERT INTO news (organization_id, title_ru, body_ru, title_en, body_en, audience, "
        "publish_at, created_by, created_at) VALUES (%d, '%s', 'x', '%s', 'x', 'all', %s, 1, "
        "UTC_TIMESTAMP(6))" % (org, title, title, at))
    return sql("SELECT id FROM news WHERE title_ru = '%s'" % title)[0][0]


def kept(sid):
    """The news count kept for the subscriber, if it is still good (sql/059), else None."""
    got = sql("SELECT IF(counted_gen = gen AND version = (SELECT n FROM news_version) AND "
              "until > UTC_TIMESTAMP(6), n, NULL) FROM news_unread WHERE subscriber_id = %d"
              % sid)[0][0]
    return None if got == "NULL" else got


def test_the_kept_news_count_is_taken_while_good_and_counted_again_after_each_change():
    """The menu's news count is kept for each subscriber (issue 22, sql/059) and taken
    while nothing it depends on changed: each kind of change below, made in the database
    as any program or import would make it, shows at the next page."""
    sid, s = reader()
    n = menu_count(s, "news")
    assert kept(sid) == str(n)
    # Taken, not counted: a page shows what is kept while it is good.
    sql("UPDATE news_unread SET n = 42 WHERE subscriber_id = %d" % sid)
    assert menu_count(s, "news") == 42
    sql("UPDATE news_unread SET n = %d WHERE subscriber_id = %d" % (n, sid))
    # Any organization's news added: counted again (this one is theirs).
    news_at(1, "UTC_TIMESTAMP(6)", uniq("Сразу "))
    assert kept(sid) is None
    assert menu_count(s, "news") == n + 1
    # A news item's publication time reached: time alone, nothing written.
    news_at(1, "UTC_TIMESTAMP(6) + INTERVAL 2 SECOND", uniq("Скоро "))
    assert menu_count(s, "news") == n + 1
    time.sleep(2.2)
    assert menu_count(s, "news") == n + 2
    # One going stale after NEWS_FRESH_DAYS (90), likewise.
    news_at(1, "UTC_TIMESTAMP(6) - INTERVAL 90 DAY + INTERVAL 2 SECOND", uniq("Старое "))
    assert menu_count(s, "news") == n + 3
    time.sleep(2.2)
    assert menu_count(s, "news") == n + 2
    # Read: the subscriber's own change.
    nid = news_at(1, "UTC_TIMESTAMP(6)", uniq("Прочитанное "))
    assert menu_count(s, "news") == n + 3
    sql("INSERT INTO news_reads (subscriber_id, news_id, read_at) VALUES (%d, %s, "
        "UTC_TIMESTAMP(6))" % (sid, nid))
    assert menu_count(s, "news") == n + 2
    sql("DELETE FROM news_reads WHERE subscriber_id = %d AND news_id = %s" % (sid, nid))
    assert menu_count(s, "news") == n + 3
    # An edit of its words or its sending changes nothing kept; its time does.
    assert kept(sid) == str(n + 3)
    sql("UPDATE news SET title_en = 'edited', sent_at = UTC_TIMESTAMP(6) WHERE id = %s" % nid)
    assert kept(sid) == str(n + 3)
    sql("UPDATE news SET publish_at = UTC_TIMESTAMP(6) + INTERVAL 1 DAY WHERE id = %s" % nid)
    assert menu_count(s, "news") == n + 2
    # An account unlinked, and linked: the news of its organization go and come.
    sql("DELETE FROM subscriber_accounts WHERE subscriber_id = %d" % sid)
    assert menu_count(s, "news") == 0
    sql("INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at) VALUES "
        "(%d, 3, NOW())" % sid)
    assert menu_count(s, "news") == n + 2
    # An account moved to another organization takes its news along.
    number = uniq("moved")
    sql("INSERT INTO accounts (organization_id, number, payer_name, address, residents, "
        "area_centi_m2) VALUES (2, '%s', 'Плательщик', 'г. Алматы, ул. Абая, д. 3', 1, 4000)"
        % number)
    acc = int(sql("SELECT id FROM accounts WHERE number = '%s'" % number)[0][0])
    sid2, moved = reader(account=acc)

    def fresh_for_all(org):
        return int(sql("SELECT COUNT(*) FROM news WHERE organization_id = %d AND audience = "
                       "'all' AND publish_at <= UTC_TIMESTAMP(6) AND publish_at > "
                       "UTC_TIMESTAMP(6) - INTERVAL 90 DAY" % org)[0][0])
    if fresh_for_all(1) == fresh_for_all(2):  # so that the move shows
        news_at(1, "UTC_TIMESTAMP(6)", uniq("Ещё "))
    assert menu_count(moved, "news") == fresh_for_all(2)
    sql("UPDATE accounts SET organization_id = 1 WHERE id = %d" % acc)
    assert menu_count(moved, "news") == fresh_for_all(1)
    assert kept(sid2) == str(fresh_for_all(1))


def test_the_inbox_keeps_what_was_sent_unread_until_opened_and_never_a_secret():
    sid, s = reader(lang="en")
    login = sql("SELECT login FROM subscribers WHERE id = %d" % sid)[0][0]
    token = csrf_of(s.get(BASE + "/settings"))
    new = "another long passphrase 42"
    r = s.post(BASE + "/settings/password", data={
        "csrf": token, "current_password": PASSWORD, "new_password": new,
        "confirm_password": new}, allow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    # A link to set a password is a secret: sent, never kept.
    sql("UPDATE subscribers SET notify_email = '' WHERE id = %d" % sid)  # the copy is kept anyway
    anon = signed_in(login, new)
    assert sql("SELECT kind, written FROM inbox WHERE subscriber_id = %d AND kind = "
               "'password-changed'" % sid) == [("password-changed", "0")]
    sql("DELETE FROM inbox WHERE subscriber_id = %d AND kind <> 'password-changed'" % sid)
    assert menu_count(anon, "inbox") == 0  # not shown before it is written
    deliver()
    assert sql("SELECT kind, written FROM inbox WHERE subscriber_id = %d" % sid) == \
        [("password-changed", "1")]
    assert menu_count(anon, "inbox") == 1
    page = doc(anon.get(BASE + "/inbox"))
    mid = sql("SELECT id FROM inbox WHERE subscriber_id = %d" % sid)[0][0]
    link = page.xpath('//li[@id="message-%s"][@class="unread"]/a' % mid)
    assert link and link[0].get("href") == "/inbox/message?id=%s" % mid
    subject = link[0].text_content()
    assert subject == "Пароль изменён"  # in the language on file, as the e-mail was
    r = anon.get(BASE + "/inbox/message?id=%s" % mid)
    assert r.status_code == 200
    assert doc(r).xpath('//h1/text()') == [subject]
    assert doc(r).xpath('//p[@class="message-body"]/text()')[0].strip()
    assert menu_count(anon, "inbox") == 0
    assert sql("SELECT read_at IS NOT NULL FROM inbox WHERE id = %s" % mid) == [("1",)]
    other_sid, other = reader()
    assert other.get(BASE + "/inbox/message?id=%s" % mid).status_code == 404
    x = etree.fromstring(other.get(BASE + "/inbox?format=xml").content)
    assert x.xpath('//inbox/message') == []
    for kind in ("registered", "confirm-email", "recover-link", "recover-code", "signin-code"):
        assert sql("SELECT COUNT(*) FROM inbox WHERE kind = '%s'" % kind) == [("0",)]


def test_the_inbox_pages_back_and_marks_all_read():
    sid, s = reader()
    for i in range(35):
        sql("INSERT INTO inbox (subscriber_id, kind, params, written, subject, body, created_at) "
            "VALUES (%d, 'password-changed', '<note/>', 1, 'Сообщение %02d', 'Текст', "
            "UTC_TIMESTAMP(6))" % (sid, i))
    assert menu_count(s, "inbox") == 35
    first = doc(s.get(BASE + "/inbox"))
    assert len(first.xpath('//ul[contains(@class, "inbox-list")]/li')) == 30
    assert first.xpath('//ul[contains(@class, "inbox-list")]/li[1]/a/text()') == ["Сообщение 34"]
    older = first.xpath('//a[@id="older"]/@href')[0]
    second = doc(s.get(BASE + older))
    assert second.xpath('//ul[contains(@class, "inbox-list")]/li/a/text()') == \
        ["Сообщение %02d" % i for i in range(4, -1, -1)]
    assert not second.xpath('//a[@id="older"]')
    assert s.get(BASE + "/inbox?before=-1").status_code in (400, 422)
    token = csrf_of(s.get(BASE + "/inbox"))
    r = s.post(BASE + "/inbox/read-all", data={"csrf": token}, allow_redirects=False)
    assert r.headers["location"] == "/inbox?done=read"
    assert menu_count(s, "inbox") == 0


def test_the_menus_kept_counts_follow_every_change_to_appeals_and_messages():
    """The appeals' and messages' counts on the menu are kept by triggers (sql/061):
    each change that makes a row count or stop counting moves them, in either
    subscriber when a row changes hands, and the menu shows what is kept."""
    sid, s = reader()
    other_sid, other = reader()

    def kept(who):
        return tuple(int(v) for v in sql("SELECT appeals, inbox FROM unread_counts "
                                         "WHERE subscriber_id = %d" % who)[0])
    assert kept(sid) == (0, 0)  # a new subscriber has a row, and nothing unread
    topic = sql("SELECT id FROM appeal_topics WHERE organization_id = 1 LIMIT 1")[0][0]
    sql("INSERT INTO appeals (organization_id, subscriber_id, account_id, topic_id, created_at, "
        "updated_at, subscriber_seen_at) VALUES (1, %d, 3, %s, UTC_TIMESTAMP(6) - INTERVAL 1 DAY, "
        "UTC_TIMESTAMP(6) - INTERVAL 1 DAY, UTC_TIMESTAMP(6) - INTERVAL 1 DAY)" % (sid, topic))
    aid = sql("SELECT MAX(id) FROM appeals WHERE subscriber_id = %d" % sid)[0][0]
    assert kept(sid) == (0, 0)  # written by them, seen when written
    sql("UPDATE appeals SET updated_at = UTC_TIMESTAMP(6) WHERE id = %s" % aid)  # answered
    assert kept(sid) == (1, 0) and menu_count(s, "appeals") == 1
    sql("UPDATE appeals SET updated_at = UTC_TIMESTAMP(6) WHERE id = %s" % aid)  # again: still one
    assert kept(sid) == (1, 0)
    sql("UPDATE appeals SET subscriber_id = %d WHERE id = %s" % (other_sid, aid))
    assert kept(sid) == (0, 0) and kept(other_sid) == (1, 0)
    assert menu_count(other, "appeals") == 1 and menu_count(s, "appeals") == 0
    sql("UPDATE appeals SET subscriber_seen_at = UTC_TIMESTAMP(6) WHERE id = %s" % aid)  # seen
    assert kept(other_sid) == (0, 0)
    sql("UPDATE appeals SET updated_at = UTC_TIMESTAMP(6) + INTERVAL 1 SECOND WHERE id = %s" % aid)
    assert kept(other_sid) == (1, 0)
    sql("DELETE FROM appeals WHERE id = %s" % aid)
    assert kept(other_sid) == (0, 0)

    sql("DELETE FROM inbox WHERE subscriber_id IN (%d, %d)" % (sid, other_sid))
    assert kept(sid) == (0, 0)
    sql("INSERT INTO inbox (subscriber_id, kind, params, created_at) VALUES "
        "(%d, 'receipt-ready', '', UTC_TIMESTAMP(6)), (%d, 'receipt-ready', '', UTC_TIMESTAMP(6))"
        % (sid, sid))
    assert kept(sid) == (0, 0)  # not written yet: not shown
    sql("UPDATE inbox SET written = 1 WHERE subscriber_id = %d" % sid)
    assert kept(sid) == (0, 2) and menu_count(s, "inbox") == 2
    first, second = (r[0] for r in sql("SELECT id FROM inbox WHERE subscriber_id = %d "
                                       "ORDER BY id" % sid))
    sql("UPDATE inbox SET read_at = UTC_TIMESTAMP(6) WHERE id = %s" % first)
    assert kept(sid) == (0, 1)
    sql("UPDATE inbox SET read_at = UTC_TIMESTAMP(6) WHERE id = %s" % first)  # again: no change
    assert kept(sid) == (0, 1)
    sql("UPDATE inbox SET subscriber_id = %d WHERE id = %s" % (other_sid, second))
    assert kept(sid) == (0, 0) and kept(other_sid) == (0, 1)
    sql("INSERT INTO inbox (subscriber_id, kind, params, created_at, written) VALUES "
        "(%d, 'receipt-ready', '', UTC_TIMESTAMP(6), 1)" % other_sid)
    assert kept(other_sid) == (0, 2) and menu_count(other, "inbox") == 2
    sql("DELETE FROM inbox WHERE subscriber_id = %d" % other_sid)
    assert kept(other_sid) == (0, 0) and menu_count(other, "inbox") == 0
    # A subscriber deleted takes their row along.
    sql("DELETE FROM sessions WHERE subscriber_id = %d" % sid)
    sql("DELETE FROM subscribers WHERE id = %d" % sid)
    assert sql("SELECT COUNT(*) FROM unread_counts WHERE subscriber_id = %d" % sid) == [("0",)]
