<?php
/*
 * The services overview written as a PHP developer would write it: issue
 * 22's peer of cgi-bin/services.c's GET /services in make bench, served by
 * php-fpm 8.2 behind the same nginx at /__php/services.  It runs the
 * statements services.c runs (its services in the latest month billed, with
 * the account's head, the period's months of all of them, then which of
 * the parts most accounts have none of it has, and those parts) and builds
 * the same XML.  Of the page's choices it takes the period (from, to) only.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';
require __DIR__ . '/ledger.php';

$peer = new Peer('services');
$lang = $peer->lang;
params_only('from', 'to');
if ($peer->current === null) {
    refuse(404, 'the peer shows the services of an account only');
}
$account = $peer->current;
$path = '/services';
$page = new Page('services', 'overview', $lang, $path);
may_view($peer);
/* The head comes with the services' rows; an account never billed has none to give it. */
$head = $page->elem($page->root, 'account-head');
$cur = null;

/* Its services in the latest month billed, which its summary holds. */
$list = $page->elem($page->root, 'services');
$latest = 0;
foreach (rows($peer->db,
    "SELECT a.id, a.number, a.payer_name, a.address, o.name, o.currency, "
    . "sv.id, IF(? = 'en', sv.name_en, sv.name_ru), su.name, sv.unit, l.tariff, l.closing, "
    . "YEAR(l.period) * 12 + MONTH(l.period) - 1 "
    . "FROM accounts a JOIN organizations o ON o.id = a.organization_id "
    . "JOIN account_summaries s ON s.account_id = a.id "
    . "JOIN ledger l ON l.account_id = a.id AND l.period = s.latest_period "
    . "JOIN services sv ON sv.id = l.service_id JOIN suppliers su ON su.id = sv.supplier_id "
    . "WHERE a.id = ?", 'si', [$lang, $account]) as $row) {
    [$acc, $number, $payer, $address, $org, $currency, $id, $name, $supplier, $unit, $tariff,
     $closing, $month] = $row;
    if ($cur === null) {
        head_fill($page, $head, [$acc, $number, $payer, $address, $org]);
        $cur = $currency;
    }
    $n = $page->elem($list, 'service', ['id' => $id]);
    $page->text($n, 'name', $name);
    $page->text($n, 'supplier', $supplier);
    $page->text($n, 'unit', $unit);
    $page->price($n, 'tariff', $tariff, $cur, $lang);
    $page->money($n, 'balance', $closing, $cur, $lang);
    $latest = max($latest, $month);
}
if ($cur === null) {
    $cur = account_head($peer, $page, $head, $account);
}
[$from, $to] = period($peer, $page, $latest);
ledger_months($peer, $page, $account, 0, $from, $to, $cur, false);

/* Which parts it has: only those are read. */
[[$lines, $objects, $calls, $sessions]] = rows($peer->db,
    "SELECT EXISTS (SELECT 1 FROM connections WHERE account_id = ?), "
    . "EXISTS (SELECT 1 FROM guarded_objects WHERE account_id = ?), "
    . "EXISTS (SELECT 1 FROM usage_records WHERE account_id = ? AND kind = 'call'), "
    . "EXISTS (SELECT 1 FROM usage_records WHERE account_id = ? AND kind = 'session')",
    'iiii', [$account, $account, $account, $account]);

/* Its internet lines: each with its latest promise, and the organization's rule for one. */
$connections = $page->elem($page->root, 'connections');
if ($peer->rights & RIGHT_PAY) {
    $connections->setAttribute('may-ask', '1');
}
if ($lines) {
    foreach (rows($peer->db,
        "SELECT c.service_id, IF(? = 'en', sv.name_en, sv.name_ru), c.plan_name, c.speed_kbps, "
        . "c.monthly_fee, c.login, c.ip_address, c.state, "
        . "DATE_FORMAT(p.requested_at, '%Y-%m-%dT%H:%i:%sZ'), "
        . "DATE_FORMAT(p.until, '%Y-%m-%dT%H:%i:%sZ'), COALESCE(p.until > UTC_TIMESTAMP(6), 0), "
        . "o.promise_days, o.promise_limit, o.time_zone "
        . "FROM connections c JOIN services sv ON sv.id = c.service_id "
        . "JOIN accounts a ON a.id = c.account_id JOIN organizations o ON o.id = "
        . "a.organization_id "
        . "LEFT JOIN promises p ON p.id = (SELECT q.id FROM promises q WHERE q.account_id = "
        . "c.account_id AND q.service_id = c.service_id ORDER BY q.requested_at DESC LIMIT 1) "
        . "WHERE c.account_id = ? ORDER BY c.service_id", 'si', [$lang, $account]) as $row) {
        [$service, $name, $plan, $speed, $fee, $login, $ip, $state, $at, $until, $running,
         $days, $limit, $zone] = $row;
        $n = $page->elem($connections, 'connection', ['service' => $service, 'state' => $state]);
        $page->text($n, 'name', $name);
        $page->text($n, 'plan', $plan);
        $page->text($n, 'speed', (string)$speed);
        $page->money($n, 'fee', $fee, $cur, $lang);
        $page->text($n, 'login', $login);
        if ($ip !== null) {
            $page->text($n, 'ip', $ip);
        }
        if ($at !== null && $until !== null) {
            $pr = $page->elem($n, 'promise', ['at' => $peer->local($at, $zone),
                                              'until' => $peer->local($until, $zone)]);
            if ($running) {
                $pr->setAttribute('running', '1');
            }
        }
        if ($days > 0) {
            $pr = $page->elem($n, 'promise-rule', ['days' => $days]);
            $page->money($pr, 'limit', $limit, $cur, $lang);
            /* Once a month: asked this month where the organization is, it is used. */
            $today = (new DateTime('now', new DateTimeZone($zone ?? $peer->tz)))->format('Y-m');
            if ($at !== null && str_starts_with($peer->local($at, $zone), $today)) {
                $pr->setAttribute('used', '1');
            }
        }
    }
}

/* Its guarded objects. */
$list = $page->elem($page->root, 'objects');
if ($objects) {
    foreach (rows($peer->db,
        "SELECT g.service_id, IF(? = 'en', sv.name_en, sv.name_ru), g.address, g.object_type, "
        . "g.state, o.time_zone FROM guarded_objects g JOIN services sv ON sv.id = g.service_id "
        . "JOIN accounts a ON a.id = g.account_id JOIN organizations o ON o.id = a.organization_id "
        . "WHERE g.account_id = ? ORDER BY g.service_id", 'si', [$lang, $account])
        as [$service, $name, $address, $type, $state]) {
        $n = $page->elem($list, 'object', ['service' => $service, 'state' => $state]);
        $page->text($n, 'name', $name);
        $page->text($n, 'address', $address);
        $page->text($n, 'type', $type);
    }
}

/* The kinds of use recorded, calls before sessions. */
$kinds = $page->elem($page->root, 'usage-kinds');
if ($calls) {
    $page->text($kinds, 'kind', 'call');
}
if ($sessions) {
    $page->text($kinds, 'kind', 'session');
}

$peer->finish($page);
