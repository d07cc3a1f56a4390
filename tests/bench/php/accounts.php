<?php
/*
 * The accounts list written as a PHP developer would write it: issue 22's
 * peer of cgi-bin/accounts.c's GET /accounts in make bench, served by
 * php-fpm 8.2 behind the same nginx at /__php/accounts.  It runs the
 * statements accounts.c runs (db/account.c's account.linked, db/access.c's
 * access.shared) and builds the same XML: each account with its latest
 * month's services, what it owes and holds, what there is to pay per
 * currency, and the accounts others shared.  It takes no parameters; the
 * page's "done" note follows a POST, which the bench does not make.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';

const CHOICES = [1 => 'view', 2 => 'readings', 5 => 'pay', 7 => 'full']; // billing/access.c

params_only();
$peer = new Peer('accounts');
$lang = $peer->lang;
$path = '/accounts';
$page = new Page('accounts', 'list', $lang, $path);

/* Each account the subscriber may see, one row per service of its latest month billed. */
$rows = rows($peer->db,
    "SELECT a.id, a.number, a.payer_name, a.address, o.name, o.currency, "
    . "sv.id, IF(? = 'en', sv.name_en, sv.name_ru), su.name, sv.unit, l.tariff, l.closing, "
    . "YEAR(l.period) * 12 + MONTH(l.period) - 1 "
    . "FROM account_access sa "
    . "JOIN accounts a ON a.id = sa.account_id "
    . "JOIN organizations o ON o.id = a.organization_id "
    . "LEFT JOIN account_summaries s ON s.account_id = a.id "
    . "LEFT JOIN ledger l ON l.account_id = a.id AND l.period = s.latest_period "
    . "LEFT JOIN services sv ON sv.id = l.service_id "
    . "LEFT JOIN suppliers su ON su.id = sv.supplier_id "
    . "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ? ORDER BY a.id, sv.id",
    'siii', [$lang, $peer->subscriber, RIGHT_VIEW, RIGHT_VIEW]);

/* Grouped by account: its services, and its debts and advances summed service by service. */
$list = $page->elem($page->root, 'accounts');
$by = [];
foreach ($rows as $row) {
    $by[$row[0]][] = $row;
}
$to_pay = []; // currency => sum, in the order first owed
foreach ($by as $id => $services) {
    $cur = $services[0][5];
    [$acc, $sv] = account_elem($page, $list, $services[0], $peer->current);
    $due = $advance = 0;
    foreach ($services as [, , , , , , $service_id, $service, , , , $closing]) {
        if ($service_id === null) {
            continue; // linked, but no history yet
        }
        $page->text($sv, 'service', $service, ['id' => $service_id]);
        if ($closing > 0) {
            $due += $closing;
        } else {
            $advance -= $closing;
        }
    }
    $page->money($acc, 'due', $due, $cur, $lang);
    $page->money($acc, 'advance', $advance, $cur, $lang);
    if ($due > 0) {
        $to_pay[$cur] = ($to_pay[$cur] ?? 0) + $due;
    }
}
foreach ($to_pay as $cur => $sum) {
    $page->money($list, 'to-pay', $sum, $cur, $lang);
}

/* The accounts others shared with the subscriber: what each is, who shared it, what it allows. */
$shared = $page->elem($page->root, 'shared');
foreach (rows($peer->db,
    "SELECT a.id, a.number, a.address, o.name, sa.rights, h.full_name "
    . "FROM account_access sa JOIN accounts a ON a.id = sa.account_id "
    . "JOIN organizations o ON o.id = a.organization_id "
    . "JOIN subscribers h ON h.id = sa.granted_by "
    . "WHERE sa.subscriber_id = ? AND sa.granted_by IS NOT NULL ORDER BY sa.account_id",
    'i', [$peer->subscriber]) as [$id, $number, $address, $org, $rights, $holder]) {
    $n = $page->elem($shared, 'account', ['id' => $id]);
    if ($id === $peer->current) {
        $n->setAttribute('current', '1');
    }
    $n->setAttribute('rights', CHOICES[$rights] ?? '');
    $page->text($n, 'number', $number);
    $page->text($n, 'address', $address);
    $page->text($n, 'organization', $org);
    $page->text($n, 'holder', $holder);
}

$peer->finish($page);
