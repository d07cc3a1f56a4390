<?php
/*
 * The readings form written as a PHP developer would write it: issue 22's
 * peer of cgi-bin/readings.c's GET /readings in make bench, served by
 * php-fpm 8.2 behind the same nginx at /__php/readings.  It runs the
 * statement db/reading.c's db_meters runs for the form (the meters with
 * each register's last reading and the subscriber's own one not taken yet)
 * and builds the same XML: each meter with its window, each register
 * prefilled.  The form only: no preview, no ?done=1.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';

const RIGHT_READINGS = 2;
const MAX_METERS = 32;

/* A day as days since 1970-01-01, and back. */
function day_of(string $ymd): int
{
    return intdiv((new DateTime($ymd, new DateTimeZone('UTC')))->getTimestamp(), 86400);
}

function day_text(int $day): string
{
    return gmdate('Y-m-d', $day * 86400);
}

/* The day submission opens next, when closed today, as readings.c's window_next. */
function window_next(int $today, int $from): int
{
    [$y, $m, $d] = array_map('intval', explode('-', day_text($today)));
    if ($d >= $from) {
        [$y, $m] = $m === 12 ? [$y + 1, 1] : [$y, $m + 1];
    }
    $from = min($from, (int)gmdate('t', gmmktime(0, 0, 0, $m, 1, $y)));
    return day_of(sprintf('%04d-%02d-%02d', $y, $m, max($from, 1)));
}

$peer = new Peer('readings');
$lang = $peer->lang;
params_only();
/* The meters, a row per register. */
$meters = [];
foreach (rows($peer->db,
    "SELECT m.id, m.account_id, IFNULL(m.plan_id, 0), a.number, a.address, m.kind, m.number, "
    . "DATE_FORMAT(m.verification_due, '%Y-%m-%d'), m.zones, m.digits, m.decimals, z.zone, "
    . "IFNULL(r.value, -1), IFNULL(DATEDIFF(r.taken_on, '1970-01-01'), 0), "
    . "o.readings_from, o.readings_to, a.residents, a.household, o.currency, o.id, o.time_zone, "
    . "IFNULL(w.id, 0), IFNULL(w.value, -1), IFNULL(DATEDIFF(w.taken_on, '1970-01-01'), 0) "
    . "FROM account_access sa JOIN accounts a ON a.id = sa.account_id "
    . "JOIN organizations o ON o.id = a.organization_id "
    . "JOIN meters m ON m.account_id = a.id AND m.removed_on IS NULL "
    . "JOIN (SELECT 0 zone UNION ALL SELECT 1 UNION ALL SELECT 2) z ON z.zone < m.zones "
    . "LEFT JOIN readings w ON w.id = (SELECT l.id FROM readings l WHERE l.meter_id = m.id "
    . "AND l.zone = z.zone AND l.status IN ('accepted', 'pending') "
    . "ORDER BY l.taken_on DESC, l.id DESC LIMIT 1) AND w.source = 'subscriber' "
    . "AND w.taken_at IS NULL "
    . "LEFT JOIN readings r ON r.id = (SELECT l.id FROM readings l WHERE l.meter_id = m.id "
    . "AND l.zone = z.zone AND l.status = 'accepted' AND l.id <> IFNULL(w.id, 0) "
    . "ORDER BY l.taken_on DESC, l.id DESC LIMIT 1) "
    . "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ? AND (? = 0 OR m.id = ?) "
    . "ORDER BY a.id, m.id, z.zone",
    'iiiii', [$peer->subscriber, RIGHT_READINGS, RIGHT_READINGS, 0, 0]) as $row) {
    [$id, , , $account, $address, $kind, $number, $due, $zones, , $decimals, $zone,
     $last, $last_on, $from, $to, , , , , $zone_name, $own_id, $own, $own_on] = $row;
    if (!isset($meters[$id])) {
        if (count($meters) === MAX_METERS) {
            continue; // the page shows this many
        }
        $meters[$id] = ['kind' => $kind, 'number' => $number, 'account' => $account,
                        'address' => $address, 'due' => $due, 'zones' => $zones,
                        'decimals' => $decimals, 'from' => $from, 'to' => $to,
                        'tz' => $zone_name, 'registers' => []];
    }
    /* IFNULL of an unsigned id and 0 comes back as a decimal, in text. */
    $meters[$id]['registers'][$zone] = [$last, $last_on, (int)$own_id, $own, $own_on];
}

$path = '/readings';
$page = new Page('readings', 'readings', $lang, $path);
$list = $page->elem($page->root, 'readings');
$today_in = [];
foreach ($meters as $id => &$m) { // each organization's day, where it is
    $zone = $m['tz'] ?? $peer->tz;
    $today_in[$zone] ??= day_of((new DateTime('now', new DateTimeZone($zone)))->format('Y-m-d'));
    $m['today'] = $today_in[$zone];
}
unset($m);
$first = reset($meters);
$list->setAttribute('today', day_text($first === false
    ? day_of((new DateTime('now', new DateTimeZone($peer->tz)))->format('Y-m-d'))
    : $first['today']));
foreach ($meters as $id => $m) {
    $d = (int)substr(day_text($m['today']), 8, 2);
    $open = $d >= $m['from'] && $d <= $m['to'];
    $n = $page->elem($list, 'meter', ['id' => $id, 'kind' => $m['kind'], 'zones' => $m['zones'],
                                      'decimals' => $m['decimals'], 'window-from' => $m['from'],
                                      'window-to' => $m['to']]);
    if ($open) {
        $n->setAttribute('window-open', '1');
    } else {
        $n->setAttribute('window-next', day_text(window_next($m['today'], $m['from'])));
    }
    $page->text($n, 'number', $m['number']);
    $page->text($n, 'account', $m['account']);
    $page->text($n, 'address', $m['address']);
    if ($m['due'] !== null) {
        $page->text($n, 'verification-due', $m['due']);
    }
    foreach ($m['registers'] as $zone => [$last, $last_on, $own_id, $own, $own_on]) {
        $g = $page->elem($n, 'register', ['zone' => $zone + 1]);
        if ($last >= 0) {
            $g->setAttribute('last', decimal_text($last, $m['decimals']));
            $g->setAttribute('last-on', day_text($last_on));
        }
        if ($own_id !== 0) {
            $g->setAttribute('own', decimal_text($own, $m['decimals']));
            $g->setAttribute('own-on', day_text($own_on));
        }
        $shown = $own_id !== 0 ? $own : $last;
        if ($shown >= 0) {
            $g->setAttribute('value', decimal_text($shown, $m['decimals']));
        }
    }
}

$peer->finish($page);
