<?php
/*
 * The dashboard written as a PHP developer would write it: issue 22's peer
 * in make bench, served by php-fpm 8.2 behind the same nginx at /__php/.
 *
 * It runs the statements cgi-bin/home.c runs, with mysqli prepared
 * statements on a persistent connection, builds the same XML with
 * DOMDocument and transforms it with XSLTProcessor, importing site.xsl
 * without the other sections' sheets.  bench.py compares its HTML with
 * kabinet's byte for byte before it times either.  Only what the bench asks
 * is done: a signed-in GET over plain HTTP; anything else is refused.
 */
declare(strict_types=1);

const CURRENCIES = [ // code => [symbol, minor digits], as core/money.c
    'RUB' => ["\u{20bd}", 2], 'KZT' => ["\u{20b8}", 2], 'BYN' => ['Br', 2],
    'USD' => ['$', 2], 'EUR' => ["\u{20ac}", 2], 'BRL' => ['R$', 2],
];
const NAV = [
    'home' => '/', 'news' => '/news', 'inbox' => '/inbox', 'appeals' => '/appeals',
    'accounts' => '/accounts', 'services' => '/services', 'readings' => '/readings',
    'payments' => '/payments', 'receipts' => '/receipts', 'documents' => '/documents',
    'calculator' => '/calculator',
    'settings' => '/settings',
];
const RECENT_PAYMENTS = 3;
const CHART_MONTHS = 12;
const CHART_SLOT = 50;
const CHART_BAR_MAX = 190;
const SESSION_TOUCH_EVERY = 60;

function refuse(int $status, string $why): never
{
    http_response_code($status);
    header('Content-Type: text/plain; charset=UTF-8');
    echo $why, "\n";
    exit;
}

function money_text(int $v, string $code, string $lang): string
{
    [$symbol, $digits] = CURRENCIES[$code];
    $a = abs($v);
    $div = 10 ** $digits;
    $nbsp = "\u{a0}";
    $whole = number_format(intdiv($a, $div), 0, '', $lang === 'ru' ? $nbsp : ',');
    $frac = $digits > 0
        ? ($lang === 'ru' ? ',' : '.') . str_pad((string)($a % $div), $digits, '0', STR_PAD_LEFT)
        : '';
    $sign = $v < 0 ? '-' : '';
    return $lang === 'ru' ? $sign . $whole . $frac . $nbsp . $symbol
                          : $sign . $symbol . $whole . $frac;
}

function month_text(int $m): string
{
    return sprintf('%04d-%02d', intdiv($m, 12), $m % 12 + 1);
}

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

function lang_of(): string
{
    $c = $_COOKIE['lang'] ?? '';
    if ($c === 'ru' || $c === 'en') {
        return $c;
    }
    $best = 'ru';
    $bestq = 0.0;
    foreach (explode(',', $_SERVER['HTTP_ACCEPT_LANGUAGE'] ?? '') as $part) {
        $bits = explode(';', trim($part));
        $tag = strtolower(trim($bits[0]));
        $two = substr($tag, 0, 2);
        if (($two !== 'ru' && $two !== 'en') || (strlen($tag) > 2 && $tag[2] !== '-')) {
            continue;
        }
        $q = 1.0;
        if (isset($bits[1]) && preg_match('/^\s*q=([01](\.\d{0,3})?)\s*$/', $bits[1], $m)) {
            $q = (float)$m[1];
        }
        if ($q > $bestq) {
            [$best, $bestq] = [$two, $q];
        }
    }
    return $best;
}

class Page
{
    public DOMDocument $doc;
    public DOMElement $root;

    public function __construct(string $lang, string $path, string $uri)
    {
        $this->doc = new DOMDocument('1.0');
        $this->root = $this->doc->createElement('page');
        $this->doc->appendChild($this->root);
        foreach (['section' => 'home', 'name' => 'home', 'lang' => $lang, 'path' => $path,
                  'uri' => $uri] as $k => $v) {
            $this->root->setAttribute($k, $v);
        }
    }

    public function elem(DOMNode $parent, string $name, array $attrs = []): DOMElement
    {
        $e = $parent->appendChild($this->doc->createElement($name));
        foreach ($attrs as $k => $v) {
            $e->setAttribute($k, (string)$v);
        }
        return $e;
    }

    public function text(DOMNode $parent, string $name, string $text, array $attrs = []): DOMElement
    {
        $e = $this->elem($parent, $name);
        $e->appendChild($this->doc->createTextNode($text));
        foreach ($attrs as $k => $v) {
            $e->setAttribute($k, (string)$v);
        }
        return $e;
    }

    public function money(DOMNode $parent, string $name, int $v, string $cur, string $lang): void
    {
        $this->text($parent, $name, money_text($v, $cur, $lang),
                    ['minor' => $v, 'currency' => $cur]);
    }
}

function rows(mysqli $db, string $sql, string $types, array $args): array
{
    $st = $db->prepare($sql);
    $st->bind_param($types, ...$args);
    $st->execute();
    $rows = $st->get_result()->fetch_all(MYSQLI_NUM);
    $st->close();
    return $rows;
}

if (($_SERVER['REQUEST_METHOD'] ?? '') !== 'GET' || !empty($_SERVER['HTTPS'])) {
    refuse(405, 'the peer serves a signed-in GET over HTTP only');
}
/* bench.py writes the site's settings and the home program's secrets here for the pool's user. */
$ini = parse_ini_file(getenv('KABINET_PEER_INI'), true, INI_SCANNER_RAW);
$secret = sodium_hex2bin($ini['site']['secret']);
$tz = $ini['site']['time_zone'] ?? 'Europe/Moscow';
$idle = 60 * (int)($ini['session']['idle_minutes'] ?? 30);
$absolute = 3600 * (int)($ini['session']['absolute_hours'] ?? 12);
$lang = lang_of();

$raw = '';
$cookie = $_COOKIE['sid'] ?? '';
if (strlen($cookie) === 43) {
    try {
        $raw = sodium_base642bin($cookie, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING);
    } catch (SodiumException) {
        $raw = '';
    }
}
if (strlen($raw) !== 32) {
    refuse(403, 'not signed in');
}
$hash = sodium_crypto_generichash($raw, '', 32);

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$db = new mysqli('p:localhost', $ini['db']['user'], $ini['db']['password'], $ini['db']['name'],
                 0, $ini['db']['socket']);
$db->set_charset('utf8mb4');

$s = rows($db,
    "SELECT s.id, s.subscriber_id, sub.login, sub.full_name, sub.email, sub.phone, "
    . "s.prev_login_at, s.prev_login_ip, s.viewer, "
    . "TIMESTAMPDIFF(SECOND, s.last_seen, UTC_TIMESTAMP(6)), "
    . "cur.account_id, cur.rights, cur.granted_by IS NOT NULL "
    . "FROM sessions s JOIN subscribers sub ON sub.id = s.subscriber_id "
    . "LEFT JOIN account_access cur ON cur.subscriber_id = sub.id "
    . "AND cur.account_id = COALESCE((SELECT c.account_id FROM account_access c "
    . "WHERE c.subscriber_id = sub.id AND c.account_id = sub.current_account_id), "
    . "(SELECT MIN(f.account_id) FROM account_access f WHERE f.subscriber_id = sub.id)) "
    . "WHERE s.token_hash = ? AND sub.active = 1 "
    . "AND s.last_seen > UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
    . "AND s.created_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
    . "AND (s.viewer IS NULL OR s.created_at > UTC_TIMESTAMP(6) - INTERVAL 30 MINUTE)",
    'sii', [$hash, $idle, $absolute]);
if (!$s) {
    refuse(403, 'not signed in');
}
[$sid, $subscriber, $login, $full_name, $email, $phone, $prev_at, $prev_ip, $viewer, $idle_for,
 $current] = $s[0];
if ($idle_for >= SESSION_TOUCH_EVERY) {
    $st = $db->prepare('UPDATE sessions SET last_seen = UTC_TIMESTAMP(6) WHERE id = ?');
    $st->bind_param('i', $sid);
    $st->execute();
    $st->close();
}

$path = '/';
$page = new Page($lang, $path, $path);
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
    [$id, $number, $payer, $address, $org, $cur, $service_id, $service, , , , $closing,
     $month, $billed] = $row;
    if ($acc === null || $id !== array_key_last($accounts)) {
        $close();
        $accounts[$id] = [$number, $cur];
        $acc = $page->elem($list, 'account', ['id' => $id]);
        if ($id === $current) {
            $acc->setAttribute('current', '1');
        }
        $page->text($acc, 'number', $number);
        $page->text($acc, 'payer', $payer);
        $page->text($acc, 'address', $address);
        $page->text($acc, 'organization', $org);
        $services = $page->elem($acc, 'services');
        $due = $advance = 0;
        if ($service_id !== null) {
            $page->text($acc, 'month', month_text($month));
        }
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
    $at = new DateTime(substr($prev_at, 0, 19), new DateTimeZone('UTC'));
    $page->elem($home, 'previous-login', [
        'at' => $at->setTimezone(new DateTimeZone($tz))->format('Y-m-d\TH:i:sP'),
        'ip' => $prev_ip ?? '-']);
}

/* What every page carries: who is signed in, the menu with its counts, the form token. */
$user = $page->elem($root, 'user');
$page->text($user, 'name', $full_name);
$page->text($user, 'login', $login);
if ($viewer !== null) {
    $user->setAttribute('viewer', $viewer);
}
[[$appeals, $inbox, $news]] = rows($db,
    "SELECT (SELECT COUNT(*) FROM appeals WHERE subscriber_id = ? "
    . "AND updated_at > COALESCE(subscriber_seen_at, '1970-01-01')), "
    . "(SELECT COUNT(*) FROM inbox WHERE subscriber_id = ? AND read_at IS NULL AND written = 1), "
    . "(SELECT COUNT(DISTINCT nw.id) FROM subscriber_accounts sa "
    . "JOIN accounts a ON a.id = sa.account_id "
    . "JOIN news nw ON nw.organization_id = a.organization_id "
    . "AND nw.publish_at <= UTC_TIMESTAMP(6) AND nw.publish_at > UTC_TIMESTAMP(6) - INTERVAL 90 DAY "
    . "LEFT JOIN news_accounts na ON na.news_id = nw.id AND na.account_id = a.id "
    . "LEFT JOIN news_reads r ON r.subscriber_id = sa.subscriber_id AND r.news_id = nw.id "
    . "WHERE sa.subscriber_id = ? AND (nw.audience = 'all' OR na.news_id IS NOT NULL) "
    . "AND r.news_id IS NULL)",
    'iii', [$subscriber, $subscriber, $subscriber]);
$unread = ['appeals' => $appeals, 'news' => $news, 'inbox' => $inbox];
$nav = $page->elem($root, 'nav');
foreach (NAV as $id => $href) {
    $item = $page->elem($nav, 'item', ['id' => $id, 'href' => $href]);
    if ($path === $href || (strlen($href) > 1 && str_starts_with($path, $href . '/'))) {
        $item->setAttribute('current', '1');
    }
    if (($unread[$id] ?? 0) > 0) {
        $item->setAttribute('unread', (string)$unread[$id]);
    }
}
$mac = hash_hmac('sha256', "kabinet csrf session\0" . $hash, $secret, true);
$page->text($root, 'csrf', sodium_bin2base64($mac, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING));

/* site.xsl with only this section's sheets, as doc/render.c compiles it. */
$xsl = new DOMDocument();
$xsl->load($ini['site']['xsl_dir'] . '/site.xsl');
$drop = [];
foreach ($xsl->documentElement->childNodes as $n) {
    if ($n instanceof DOMElement && $n->localName === 'include'
        && $n->hasAttributeNS('urn:kabinet:site', 'section')
        && $n->getAttributeNS('urn:kabinet:site', 'section') !== 'home') {
        $drop[] = $n;
    }
}
foreach ($drop as $n) {
    $n->parentNode->removeChild($n);
}
$proc = new XSLTProcessor();
$proc->importStylesheet($xsl);
$html = $proc->transformToXML($page->doc);
if ($html === false || $html === null) {
    refuse(500, 'the transform failed');
}
header('Content-Type: text/html; charset=utf-8');
header('Content-Language: ' . $lang);
header('Cache-Control: no-store');
echo $html;
