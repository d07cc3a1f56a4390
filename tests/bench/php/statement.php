<?php
/*
 * The statement of one service written as a PHP developer would write it:
 * issue 22's peer of cgi-bin/services.c's GET /services/statement in make
 * bench, served by php-fpm 8.2 behind the same nginx at
 * /__php/services/statement.  It runs the statements services.c runs (the
 * service in its latest month, the account's head, the period's months and
 * its corrections) and builds the same XML: each month's balances, tariff
 * and quantity, their totals, the corrections.  Of the page's choices it
 * takes the service and the period (from, to); no download.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';

const RIGHT_VIEW = 1;
const PERIOD_MAX_MONTHS = 36;
const MONTH_MIN = 2000 * 12;

$peer = new Peer('services');
$lang = $peer->lang;
foreach (array_keys($_GET) as $k) {
    if ($k !== 'service' && $k !== 'from' && $k !== 'to') {
        refuse(400, 'the peer takes a service and a period only');
    }
}
$service = (int)($_GET['service'] ?? 0);
if ((string)$service !== ($_GET['service'] ?? '') || $service < 1 || $peer->current === null) {
    refuse(404, 'the peer shows a service of the current account only');
}
$account = $peer->current;

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
[, , , , , , $service, $name, $supplier, $unit, , , $latest] = $svc[0];

/* The account as the subscriber may see it: its head. */
$head = rows($peer->db,
    "SELECT a.id, a.number, a.payer_name, a.address, a.phone, "
    . "DATE_FORMAT(a.meters_replaced_on, '%Y-%m-%d'), a.residents, a.area_centi_m2, a.household, "
    . "o.id, o.name, o.inn, o.address, o.phones, o.email, o.bank_name, o.bic, o.bank_account, "
    . "o.corr_account, o.currency "
    . "FROM account_access sa "
    . "JOIN accounts a ON a.id = sa.account_id "
    . "JOIN organizations o ON o.id = a.organization_id "
    . "WHERE sa.subscriber_id = ? AND sa.account_id = ? AND (sa.rights & ?) = ?",
    'iiii', [$peer->subscriber, $account, RIGHT_VIEW, RIGHT_VIEW]);
if (!$head) {
    refuse(404, 'the account is not the subscriber\'s to see');
}
[$id, $number, $payer, $address, , , , , , , $org, , , , , , , , , $cur] = $head[0];

$path = '/services/statement';
$query = $_SERVER['QUERY_STRING'] ?? '';
$page = new Page('services', 'statement', $lang, $path, $path . '?' . $query);
$h = $page->elem($page->root, 'account-head', ['id' => $id]);
$page->text($h, 'number', $number);
$page->text($h, 'payer', $payer);
$page->text($h, 'address', $address);
$page->text($h, 'organization', $org);
$st = $page->elem($page->root, 'statement', ['service' => $service]);
$page->text($st, 'name', $name);
$page->text($st, 'supplier', $supplier);
$page->text($st, 'unit', $unit);

/* The period: up to the latest month billed, the twelve before it unless asked. */
if ($latest === 0) {
    $now = new DateTime('now', new DateTimeZone($peer->tz));
    $latest = (int)$now->format('Y') * 12 + (int)$now->format('n') - 2;
}
$to = isset($_GET['to']) ? month_of($_GET['to']) : $latest;
$from = isset($_GET['from']) ? month_of($_GET['from']) : ($to === null ? null : $to - 11);
if ($from === null || $to === null || $from > $to || $to - $from >= PERIOD_MAX_MONTHS) {
    refuse(400, 'the peer takes a period it can show only');
}
$from = max($from, MONTH_MIN);
$period = $page->elem($page->root, 'period');
$page->text($period, 'from', month_text($from));
$page->text($period, 'to', month_text($to));

/* The months, and their totals: the first opening, the sums, the last closing. */
$months = $page->elem($page->root, 'months');
$total = null;
foreach (rows($peer->db,
    "SELECT YEAR(period) * 12 + MONTH(period) - 1, MAX(tariff), SUM(quantity), SUM(opening), "
    . "SUM(accrued), SUM(corrections), SUM(paid), SUM(closing) "
    . "FROM ledger WHERE account_id = ? AND (? = 0 OR service_id = ?) "
    . "AND period BETWEEN ? AND ? GROUP BY period ORDER BY period",
    'iiiss', [$account, $service, $service, month_date($from), month_date($to)]) as $row) {
    /* A sum comes back as a decimal, in text. */
    [$m, $tariff, $quantity, $opening, $accrued, $corrections, $paid, $closing] =
        array_map('intval', $row);
    $n = $page->elem($months, 'month', ['m' => month_text($m)]);
    $sums = ['opening' => $opening, 'accrued' => $accrued, 'corrections' => $corrections,
             'paid' => $paid, 'closing' => $closing];
    foreach ($sums as $k => $v) {
        $page->money($n, $k, $v, $cur, $lang);
    }
    $page->price($n, 'tariff', $tariff, $cur, $lang);
    $page->text($n, 'quantity', decimal_text($quantity, 3));
    if ($total === null) {
        $total = $sums;
    } else {
        foreach (['accrued', 'corrections', 'paid'] as $k) {
            $total[$k] += $sums[$k];
        }
        $total['closing'] = $closing;
    }
}
if ($total !== null) {
    $t = $page->elem($months, 'totals');
    foreach ($total as $k => $v) {
        $page->money($t, $k, $v, $cur, $lang);
    }
}

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
