<?php
/*
 * The payment history written as a PHP developer would write it: issue 22's
 * peer of cgi-bin/payments.c's GET /payments in make bench, served by
 * php-fpm 8.2 behind the same nginx at /__php/payments.  It runs the
 * statement payments.c runs (db/payment.c's payment.history) and builds the
 * same XML: one row per line of a payment, gathered into payments, with the
 * services and channels the period holds.  Of the page's choices it takes
 * the period (from, to) only; the bench asks no other.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';

const HISTORY_ROWS = 5000;

$peer = new Peer('payments');
$lang = $peer->lang;
params_only('from', 'to');
$to = isset($_GET['to']) ? month_of($_GET['to']) : this_month($peer->tz);
$from = isset($_GET['from']) ? month_of($_GET['from']) : $to - 11;
if ($from === null || $to === null || $from > $to || $to - $from >= PERIOD_MAX_MONTHS) {
    refuse(400, 'the peer takes a period it can show only');
}

$path = '/payments';
$page = new Page('payments', 'history', $lang, $path);
$account = $peer->current ?? 0;
$list = $page->elem($page->root, 'payments');
if ($account === 0) {
    $list->setAttribute('all', '1');
}
$list->setAttribute('current', (string)$account);
$list->setAttribute('sort', 'newest');

$rows = rows($peer->db,
    "SELECT pm.id, pm.account_id, a.number, o.currency, "
    . "DATE_FORMAT(pm.paid_at, '%Y-%m-%dT%H:%i:%sZ'), pm.amount, pm.channel, pm.bank, pm.status, "
    . "pl.service_id, IF(? = 'en', sv.name_en, sv.name_ru), su.name, pl.amount, o.time_zone, "
    . "fr.storage_number, fr.document_number, fr.fiscal_sign "
    . "FROM account_access sa JOIN accounts a ON a.id = sa.account_id "
    . "JOIN organizations o ON o.id = a.organization_id "
    . "JOIN payments pm ON pm.account_id = a.id AND pm.paid_at >= ? AND pm.paid_at < ? "
    . "LEFT JOIN fiscal_receipts fr ON fr.online_id = pm.online_id "
    . "LEFT JOIN payment_lines pl ON pl.payment_id = pm.id "
    . "LEFT JOIN services sv ON sv.id = pl.service_id "
    . "LEFT JOIN suppliers su ON su.id = sv.supplier_id "
    . "WHERE sa.subscriber_id = ? AND (? = 0 OR sa.account_id = ?) AND (sa.rights & ?) = ? "
    . "ORDER BY pm.paid_at DESC, pm.id DESC, pl.service_id LIMIT ?",
    'sssiiiiii', [$lang, month_date($from), month_date($to + 1), $peer->subscriber, $account,
                  $account, RIGHT_VIEW, RIGHT_VIEW, HISTORY_ROWS]);

/* The rows gathered into payments; the choices are what the period holds, newest seen first. */
$payments = [];
$services = [];
$channels = [];
foreach ($rows as $row) {
    [$id, , , , , , $channel, , , $service_id, $service, $supplier, $line] = $row;
    if (!isset($payments[$id])) {
        $payments[$id] = [$row, []];
        $channels = [$channel => true] + $channels;
    }
    if ($service_id !== null) {
        $payments[$id][1][] = [$service_id, $service ?? '', $supplier ?? '', $line];
        if (!isset($services[$service_id])) {
            $services = [$service_id => $service ?? ''] + $services;
        }
    }
}
$sv = $page->elem($list, 'services');
foreach ($services as $service_id => $name) {
    $page->text($sv, 'service', $name, ['id' => $service_id]);
}
$ch = $page->elem($list, 'channels');
foreach (array_keys($channels) as $channel) {
    $page->text($ch, 'channel', (string)$channel);
}
foreach ($payments as [$p, $lines]) {
    [$id, $account_id, $number, $cur, $paid_at, $amount, $channel, $bank, $status, , , , ,
     $zone, $fn, $fd, $fp] = $p;
    $n = $page->elem($list, 'payment', ['id' => $id, 'account-id' => $account_id,
                                        'status' => $status, 'channel' => $channel]);
    $page->text($n, 'at', $peer->local($paid_at, $zone));
    $page->text($n, 'account', $number);
    if ($bank !== null) {
        $page->text($n, 'bank', $bank);
    }
    $page->money($n, 'amount', $amount, $cur, $lang);
    if ($fn !== null && $fd !== null && $fp !== null) {
        refuse(500, 'the peer does not show fiscal receipts'); // the bench's subscriber has none
    }
    foreach ($lines as [$service_id, $service, $supplier, $line]) {
        $l = $page->elem($n, 'line', ['service' => $service_id]);
        $page->text($l, 'service', $service);
        $page->text($l, 'supplier', $supplier);
        $page->money($l, 'amount', $line, $cur, $lang);
    }
}
if (count($rows) === HISTORY_ROWS) {
    $list->setAttribute('truncated', '1');
}
$period = $page->elem($page->root, 'period');
$page->text($period, 'from', month_text($from));
$page->text($period, 'to', month_text($to));

$peer->finish($page);
