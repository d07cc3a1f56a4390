<?php
/*
 * The dashboard written as a PHP developer would write it: issue 22's peer
 * of cgi-bin/home.c in make bench, served by php-fpm 8.2 behind the same
 * nginx at /__php/.  It runs the statements home.c runs; peer.php has what
 * every peer page shares.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';

const RECENT_PAYMENTS = 3;
const CHART_MONTHS = 12;
const CHART_SLOT = 50;
const CHART_BAR_MAX = 190;

/* libxml2's XPath round(), as doc/chart.c computes the bars. */
function bar_height(int $value, int $max): int
{
    if ($value <= 0 || $max <= 0) {
        return 0;
    }
    $f = $value * (CHART_BAR_MAX / $max);
    $r = floor($f);
    return (int)($f - $r >= 0.5 ? $r + 1 : $r);
}

$peer = new Peer('home');
$db = $peer->db;
$lang = $peer->lang;
$subscriber = $peer->subscriber;
$current = $peer->current;
[$full_name, $email, $phone, $prev_at, $prev_ip] =
    [$peer->full_name, $peer->email, $peer->phone, $peer->prev_at, $peer->prev_ip];

$path = '/';
$page = new Page('home', 'home', $lang, $path);
$root = $page->root;

/* The accounts, each with its latest month's services (app/account_list.c). */
$list = $page->elem($root, 'accounts');
$accounts = []; // id => [number, currency], in order
$to_pay = [];   // currency => sum, in the order first owed
$latest = 0;
$acc = $services = null;
$due = $advance = 0;
$close = function () use (&$acc, &$accounts, &$due, &$advance, &$to_pay, $page, $lang) {
    if ($acc === null) {
        return;
    }
    $cur = end($accounts)[1];
    $page->money($acc, 'due', $due, $cur, $lang);
    $page->money($acc, 'advance', $advance, $cur, $lang);
    if ($due > 0) {
        $to_pay[$cur] = ($to_pay[$cur] ?? 0) + $due;
    }
};
$sum_cols = '';
for ($k = 0; $k < CHART_MONTHS; $k++) {
    $sum_cols .= ", s.charged_$k, s.paid_$k";
}
for ($i = 1; $i <= RECENT_PAYMENTS; $i++) {
    $sum_cols .= ", p.pay{$i}_id, p.pay{$i}_at, p.pay{$i}_amount, p.pay{$i}_channel";
}
/* The accounts with their latest month's services and their summaries (sql/048). */
$linked = rows($db,
    "SELECT a.id, a.number, a.payer_name, a.address, o.name, o.currency, "
    . "sv.id, IF(? = 'en', sv.name_en, sv.name_ru), su.name, sv.unit, l.tariff, l.closing, "
    . "YEAR(l.period) * 12 + MONTH(l.period) - 1 , s.billed" . $sum_cols . " "
    . "FROM account_access sa "
    . "JOIN accounts a ON a.id = sa.account_id "
    . "JOIN organizations o ON o.id = a.organization_id "
    . "LEFT JOIN account_summaries s ON s.account_id = a.id "
    . "LEFT JOIN ledger l ON l.account_id = a.id AND l.period = s.latest_period "
    . "LEFT JOIN account_last_payments p ON p.account_id = a.id "
    . "LEFT JOIN services sv ON sv.id = l.service_id "
    . "LEFT JOIN suppliers su ON su.id = sv.supplier_id "
    . "WHERE sa.subscriber_id = ? AND (sa.rights & 1) = 1 ORDER BY a.id, sv.id",
    'si', [$lang, $subscriber]);
$summary = []; // account id => [latest, billed, [charged, paid] by k, payments]
foreach ($linked as $row) {
    [$id, $number, , , , $cur, $service_id, $service, , , , $closing, $month, $billed] = $row;
    if ($acc === null || $id !== array_key_last($accounts)) {
        $close();
        $accounts[$id] = [$number, $cur];
        [$acc, $services] = account_elem($page, $list, $row, $current);
        $due = $advance = 0;
        $months = [];
        for ($k = 0; $k < CHART_MONTHS; $k++) {
            $months[$k] = [$row[14 + 2 * $k], $row[15 + 2 * $k]];
        }
        $pays = [];
        for ($i = 0; $i < RECENT_PAYMENTS; $i++) {
            $p = array_slice($row, 14 + 2 * CHART_MONTHS + 4 * $i, 4);
            if ($p[0] !== null) {
                $pays[] = $p;
            }
        }
        $summary[$id] = [$service_id !== null ? $month : 0, $billed ?? 0, $months, $pays];
    }
    if ($service_id === null) {
        continue;
    }
    $latest = max($latest, $month);
    $page->text($services, 'service', $service, ['id' => $service_id]);
    if ($closing > 0) {
        $due += $closing;
    } else {
        $advance -= $closing;
    }
}
$close();
foreach ($to_pay as $cur => $sum) {
    $page->money($list, 'to-pay', $sum, $cur, $lang);
}

/* The newest three payments over every account. */
$recent = [];
foreach ($summary as $id => [, , , $pays]) {
    foreach ($pays as $p) {
        $recent[] = [$p, $id, $accounts[$id][0], $accounts[$id][1]];
    }
}
usort($recent, fn($x, $y) => [$y[0][1], $y[0][0]] <=> [$x[0][1], $x[0][0]]);
$payments = $page->elem($root, 'payments');
foreach (array_slice($recent, 0, RECENT_PAYMENTS) as [$p, $id, $number, $cur]) {
    $n = $page->elem($payments, 'payment', ['account' => $id]);
    $page->text($n, 'number', $number);
    $page->text($n, 'date', substr($p[1], 0, 10));
    $page->text($n, 'channel', $p[3]);
    $page->money($n, 'amount', $p[2], $cur, $lang);
}

/* Twelve months of accruals and payments, a chart per currency. */
if ($latest > 0) {
    $charts = $page->elem($root, 'charts');
    $from = $latest - (CHART_MONTHS - 1);
    $by = [];
    foreach ($summary as $account => [$last, $billed, $months]) {
        for ($k = 0; $last > 0 && $k < CHART_MONTHS; $k++) {
            if (!($billed >> $k & 1) || $last - $k < $from) {
                continue;
            }
            $m = &$by[$accounts[$account][1]][$last - $k - $from];
            $m = [($m[0] ?? 0) + $months[$k][0], ($m[1] ?? 0) + $months[$k][1]];
            unset($m);
        }
    }
    ksort($by, SORT_STRING);
    foreach ($by as $cur => $months) {
        ksort($months);
        $max = 1;
        foreach ($months as [$a, $p]) {
            $max = max($max, $a, $p);
        }
        $chart = $page->elem($charts, 'chart', ['currency' => $cur, 'max' => $max]);
        $slot = 0;
        foreach ($months as $k => [$a, $p]) {
            $n = $page->elem($chart, 'month', [
                'm' => month_text($from + $k), 'x' => $slot++ * CHART_SLOT,
                'h-accrued' => bar_height($a, $max), 'h-paid' => bar_height($p, $max)]);
            $page->money($n, 'accrued', $a, $cur, $lang);
            $page->money($n, 'paid', $p, $cur, $lang);
        }
    }
}

$home = $page->elem($root, 'home');
$page->text($home, 'full-name', $full_name);
if ($email !== null) {
    $page->text($home, 'email', $email);
}
if ($phone !== null) {
    $page->text($home, 'phone', $phone);
}
if ($prev_at !== null) {
    $page->elem($home, 'previous-login', ['at' => $peer->local($prev_at), 'ip' => $prev_ip ?? '-']);
}

$peer->finish($page);
