<?php
/*
 * The statement of one service written as a PHP developer would write it:
 * issue 22's peer of cgi-bin/services.c's GET /services/statement in make
 * bench, served by php-fpm 8.2 behind the same nginx at
 * /__php/services/statement.  It runs the statements services.c runs (the
 * service in its latest month, with the account's head, the period's months
 * and its corrections) and builds the same XML: each month's balances, tariff
 * and quantity, their totals, the corrections.  Of the page's choices it
 * takes the service and the period (from, to); no download.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';
require __DIR__ . '/ledger.php';

$peer = new Peer('services');
$lang = $peer->lang;
params_only('service', 'from', 'to');
$service = (int)($_GET['service'] ?? 0);
if ((string)$service !== ($_GET['service'] ?? '') || $service < 1 || $peer->current === null) {
    refuse(404, 'the peer shows a service of the current account only');
}
$account = $peer->current;
may_view($peer);

/* The service in the latest month it was billed, with its account. */
$svc = rows($peer->db,
    "SELECT a.id, a.number, a.payer_name, a.address, o.name, o.currency, "
    . "sv.id, IF(? = 'en', sv.name_en, sv.name_ru), su.name, sv.unit, l.tariff, l.closing, "
    . "YEAR(l.period) * 12 + MONTH(l.period) - 1 "
    . "FROM accounts a JOIN organizations o ON o.id = a.organization_id "
    . "JOIN ledger l ON l.account_id = a.id AND l.service_id = ? "
    . "AND l.period = (SELECT p.period FROM ledger p WHERE p.account_id = a.id "
    . "AND p.service_id = l.service_id ORDER BY p.period DESC LIMIT 1) "
    . "JOIN services sv ON sv.id = l.service_id JOIN suppliers su ON su.id = sv.supplier_id "
    . "WHERE a.id = ?", 'sii', [$lang, $service, $account]);
if (!$svc) {
    refuse(404, 'no such service on the account');
}
[$acc, $number, $payer, $address, $org, $cur, $service, $name, $supplier, $unit, , , $latest] =
    $svc[0];

$path = '/services/statement';
$page = new Page('services', 'statement', $lang, $path);
head_fill($page, $page->elem($page->root, 'account-head'), [$acc, $number, $payer, $address, $org]);
$st = $page->elem($page->root, 'statement', ['service' => $service]);
$page->text($st, 'name', $name);
$page->text($st, 'supplier', $supplier);
$page->text($st, 'unit', $unit);

[$from, $to] = period($peer, $page, $latest);
ledger_months($peer, $page, $account, $service, $from, $to, $cur, true);

$corrections = $page->elem($page->root, 'corrections');
foreach (rows($peer->db,
    "SELECT YEAR(period) * 12 + MONTH(period) - 1, amount, reason FROM corrections "
    . "WHERE account_id = ? AND service_id = ? AND period BETWEEN ? AND ? ORDER BY period, id",
    'iiss', [$account, $service, month_date($from), month_date($to)]) as [$m, $amount, $reason]) {
    $c = $page->elem($corrections, 'correction', ['m' => month_text((int)$m)]);
    $page->money($c, 'amount', $amount, $cur, $lang);
    $page->text($c, 'reason', $reason);
}

$peer->finish($page);
