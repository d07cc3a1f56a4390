<?php
/*
 * The news list written as a PHP developer would write it: issue 22's peer of
 * cgi-bin/appeals.c's GET /news in make bench, served by php-fpm 8.2 behind
 * the same nginx at /__php/news.  It runs the statement appeals.c runs
 * (db/news.c's news.of_subscriber) and builds the same XML: the organizations'
 * announcements for the subscriber's accounts, newest first, each with its
 * time in the site's zone and whether it is unread.  It takes no parameters;
 * the page's "done" note follows a POST, which the bench does not make.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';

const NEWS_SHOWN = 50;

params_only();
$peer = new Peer('appeals');
$lang = $peer->lang;
$path = '/news';
$page = new Page('appeals', 'news', $lang, $path);
$list = $page->elem($page->root, 'news');
$subscriber = $peer->subscriber;
$rows = rows($peer->db,
    "SELECT nw.id, nw.organization_id, nw.title_ru, nw.body_ru, nw.title_en, nw.body_en, "
    . "nw.audience, DATE_FORMAT(nw.publish_at, '%Y-%m-%dT%H:%i:%sZ'), "
    . "DATE_FORMAT(nw.sent_at, '%Y-%m-%dT%H:%i:%sZ'), st.login, "
    . "(SELECT COUNT(*) FROM news_accounts x WHERE x.news_id = nw.id), "
    . "(nw.publish_at > UTC_TIMESTAMP(6) - INTERVAL 90 DAY "
    . "AND NOT EXISTS (SELECT 1 FROM news_reads r WHERE r.subscriber_id = ? "
    . "AND r.news_id = nw.id)) FROM news nw "
    . "JOIN staff st ON st.id = nw.created_by "
    . "WHERE nw.publish_at <= UTC_TIMESTAMP(6) AND EXISTS (SELECT 1 FROM "
    . "subscriber_accounts sa JOIN accounts a ON a.id = sa.account_id "
    . "WHERE sa.subscriber_id = ? AND a.organization_id = nw.organization_id "
    . "AND (nw.audience = 'all' OR EXISTS (SELECT 1 FROM news_accounts na "
    . "WHERE na.news_id = nw.id AND na.account_id = a.id))) "
    . "ORDER BY nw.publish_at DESC, nw.id DESC LIMIT ?",
    'iii', [$subscriber, $subscriber, NEWS_SHOWN]);
foreach ($rows as [$id, , $title_ru, , $title_en, , , $at, , , , $unread]) {
    $n = $page->elem($list, 'item', ['at' => $peer->local($at), 'id' => $id]);
    if ($unread) {
        $n->setAttribute('unread', '1');
    }
    $page->text($n, 'title', $lang === 'en' ? $title_en : $title_ru);
}

$peer->finish($page);
