<?php
/*
 * The settings page written as a PHP developer would write it: issue 22's
 * peer of cgi-bin/settings.c's GET /settings in make bench, served by
 * php-fpm 8.2 behind the same nginx at /__php/settings.  It runs the two
 * statements settings.c runs (db/subscriber.c's subscriber.profile and
 * db/receipt.c's receipt.email_list) and builds the same XML: the profile
 * with any change of number or address still pending, the notification
 * topics by channel, and each linked account's receipts by e-mail.  It takes
 * no parameters; the page's "done" note follows a POST, which the bench
 * does not make.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';

/* In the order of the SET columns and of the form, as settings.c lists them. */
const TOPICS = ['receipt', 'payment', 'autopay', 'news', 'appeal', 'reminder'];

params_only();
$peer = new Peer('settings');
$lang = $peer->lang;
$path = '/settings';
$page = new Page('settings', 'main', $lang, $path);
$subscriber = $peer->subscriber;

$rows = rows($peer->db,
    "SELECT s.login, s.full_name, s.email, s.phone, s.landline, s.lang, s.notify_email, "
    . "s.notify_sms, cr.value, DATE_FORMAT(cr.created_at, '%Y-%m-%dT%H:%i:%sZ'), t.value, "
    . "DATE_FORMAT(t.expires_at, '%Y-%m-%dT%H:%i:%sZ') "
    . "FROM subscribers s "
    . "LEFT JOIN contact_requests cr ON cr.id = (SELECT MAX(c.id) FROM contact_requests c "
    . "WHERE c.subscriber_id = s.id AND c.field = 'mobile' AND c.status = 'pending') "
    . "LEFT JOIN subscriber_tokens t ON t.id = (SELECT MAX(k.id) FROM subscriber_tokens k "
    . "WHERE k.subscriber_id = s.id AND k.purpose = 'email' AND k.used_at IS NULL "
    . "AND k.expires_at > UTC_TIMESTAMP(6)) "
    . "WHERE s.id = ? AND s.active = 1",
    'i', [$subscriber]);
if (!$rows) {
    refuse(404, 'no such subscriber');
}
[$login, $full_name, $email, $phone, $landline, $own_lang, $by_email, $by_sms, $pending_mobile,
 $pending_since, $pending_email, $pending_until] = $rows[0];

$profile = $page->elem($page->root, 'profile');
$page->text($profile, 'login', $login);
$page->text($profile, 'full-name', $full_name);
foreach (['email' => $email, 'phone' => $phone, 'landline' => $landline] as $name => $v) {
    if ($v !== null) {
        $page->text($profile, $name, $v);
    }
}
$page->text($profile, 'lang', $own_lang === 'en' ? 'en' : 'ru');
if ($pending_mobile !== null) {
    $page->text($profile, 'pending-mobile', $pending_mobile, ['since' => $pending_since]);
}
if ($pending_email !== null) {
    $page->text($profile, 'pending-email', $pending_email, ['until' => $pending_until]);
}

$list = $page->elem($page->root, 'notifications');
$email_on = explode(',', $by_email ?? '');
$sms_on = explode(',', $by_sms ?? '');
foreach (TOPICS as $topic) {
    $page->elem($list, 'topic', ['name' => $topic,
        'email' => in_array($topic, $email_on, true) ? '1' : '0',
        'sms' => in_array($topic, $sms_on, true) ? '1' : '0']);
}

$list = $page->elem($page->root, 'ereceipts');
foreach (rows($peer->db,
    "SELECT a.id, a.number, a.address, sa.receipt_email FROM subscriber_accounts sa "
    . "JOIN accounts a ON a.id = sa.account_id WHERE sa.subscriber_id = ? ORDER BY a.number",
    'i', [$subscriber]) as [$id, $number, $address, $on]) {
    $acc = $page->elem($list, 'account', ['id' => $id, 'on' => $on ? '1' : '0']);
    $page->text($acc, 'number', $number);
    $page->text($acc, 'address', $address);
}

$peer->finish($page);
