<?php
/*
 * What every page of issue 22's PHP peer shares (make bench; each page's
 * script in tests/bench/php/ includes it): the settings, the session with
 * the menu's counts (one statement, as db/session.c), the menu, the form
 * token, the formatting of amounts, months and decimals, and the transform,
 * as a PHP developer would write them.  Statements are cgi-bin's, through
 * mysqli prepared statements on a persistent connection; the XML is built
 * with DOMDocument and transformed with XSLTProcessor, importing site.xsl
 * without the other sections' sheets.  bench.py compares each peer page's
 * HTML with kabinet's byte for byte before it times either.  Only what the
 * bench asks is done: a signed-in GET over plain HTTP; anything else is
 * refused.
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
const SESSION_TOUCH_EVERY = 60;
const RIGHT_VIEW = 1; // billing/access.h
const RIGHT_PAY = 4;
const PERIOD_MAX_MONTHS = 36; // web/period.c
const MONTH_MIN = 2000 * 12; // core/month.h

function refuse(int $status, string $why): never
{
    http_response_code($status);
    header('Content-Type: text/plain; charset=UTF-8');
    echo $why, "\n";
    exit;
}

/*
 * An amount kept in units of 10^-digits of the currency, as core/money.c's
 * format_scaled writes it: past the currency's minor digits, trailing zeros
 * dropped (a price of 7.2000 is 7,20 ₽; of 5.4137, 5,4137 ₽).
 */
function scaled_text(int $v, int $digits, string $code, string $lang): string
{
    [$symbol, $minor] = CURRENCIES[$code];
    $a = abs($v);
    $div = 10 ** $digits;
    $units = intdiv($a, $div);
    $frac = $a % $div;
    for (; $digits > $minor && $frac % 10 === 0; $digits--) {
        $frac = intdiv($frac, 10);
    }
    $nbsp = "\u{a0}";
    $whole = number_format($units, 0, '', $lang === 'ru' ? $nbsp : ',');
    $frac = $digits > 0
        ? ($lang === 'ru' ? ',' : '.') . str_pad((string)$frac, $digits, '0', STR_PAD_LEFT)
        : '';
    $sign = $v < 0 ? '-' : '';
    return $lang === 'ru' ? $sign . $whole . $frac . $nbsp . $symbol
                          : $sign . $symbol . $whole . $frac;
}

function money_text(int $v, string $code, string $lang): string
{
    return scaled_text($v, CURRENCIES[$code][1], $code, $lang);
}

function month_text(int $m): string
{
    return sprintf('%04d-%02d', intdiv($m, 12), $m % 12 + 1);
}

/* A value kept in 10^-decimals units, as core/decimal.c writes it. */
function decimal_text(int $v, int $decimals): string
{
    if ($decimals === 0) {
        return (string)$v;
    }
    $div = 10 ** $decimals;
    $a = abs($v);
    return ($v < 0 ? '-' : '') . intdiv($a, $div) . '.'
        . str_pad((string)($a % $div), $decimals, '0', STR_PAD_LEFT);
}

/* ?from=YYYY-MM: the month as a count of months since year 0, as core/month.c. */
function month_of(string $s): ?int
{
    if (!preg_match('/^(\d{4})-(\d{2})$/D', $s, $m) || $m[2] < 1 || $m[2] > 12) {
        return null;
    }
    return (int)$m[1] * 12 + (int)$m[2] - 1;
}

/* This month where tz is, as a count of months since year 0. */
function this_month(string $tz): int
{
    $now = new DateTime('now', new DateTimeZone($tz));
    return (int)$now->format('Y') * 12 + (int)$now->format('n') - 1;
}

/* The month's first day, as the statements take a month. */
function month_date(int $m): string
{
    return month_text($m) . '-01';
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
    public string $section;
    public string $path;

    /* The page at path, its uri the path with the request's query, as web/request.c has it. */
    public function __construct(string $section, string $name, string $lang, string $path)
    {
        $query = $_SERVER['QUERY_STRING'] ?? '';
        $uri = $query === '' ? $path : $path . '?' . $query;
        $this->section = $section;
        $this->path = $path;
        $this->doc = new DOMDocument('1.0');
        $this->root = $this->doc->createElement('page');
        $this->doc->appendChild($this->root);
        foreach (['section' => $section, 'name' => $name, 'lang' => $lang, 'path' => $path,
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

    /* A tariff's price per unit: PRICE_DIGITS (2) decimals past the currency's, as doc/xml.c. */
    public function price(DOMNode $parent, string $name, int $v, string $cur, string $lang): void
    {
        $scale = CURRENCIES[$cur][1] + 2;
        $this->text($parent, $name, scaled_text($v, $scale, $cur, $lang),
                    ['units' => $v, 'scale' => $scale, 'currency' => $cur]);
    }
}

/*
 * An account from the first of its rows of account.linked's columns (id,
 * number, payer, address, organization, currency, then its latest month's
 * service and month), as app/account_list.c starts one: its head, and its
 * services' list to fill.
 */
function account_elem(Page $page, DOMElement $list, array $row, ?int $current): array
{
    [$id, $number, $payer, $address, $org, , $service_id, , , , , , $month] = $row;
    $acc = $page->elem($list, 'account', ['id' => $id]);
    if ($id === $current) {
        $acc->setAttribute('current', '1');
    }
    $page->text($acc, 'number', $number);
    $page->text($acc, 'payer', $payer);
    $page->text($acc, 'address', $address);
    $page->text($acc, 'organization', $org);
    $services = $page->elem($acc, 'services');
    if ($service_id !== null) {
        $page->text($acc, 'month', month_text($month));
    }
    return [$acc, $services];
}

/* The request refused unless each of its parameters is one of names (none: it takes none). */
function params_only(string ...$names): void
{
    foreach (array_keys($_GET) as $k) {
        if (!in_array($k, $names, true)) {
            refuse(400, $names ? 'the peer takes ' . implode(', ', $names) . ' only'
                               : 'the peer takes no parameters');
        }
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

/*
 * The signed-in subscriber behind the request's cookie, as web/session.c
 * finds it, with a connection as the given program's database account.
 * Refuses the request when there is none.
 */
class Peer
{
    public array $ini;
    public mysqli $db;
    public string $lang;
    public string $tz;
    public string $hash;
    public int $subscriber;
    public string $login;
    public string $full_name;
    public ?string $email;
    public ?string $phone;
    public ?string $prev_at;
    public ?string $prev_ip;
    public ?string $viewer;
    public ?int $current;
    public int $rights = 0; /* the subscriber's rights on the current account (billing/access.h) */
    /* The menu's counts, read with the session as db/session.c reads them. */
    public int $appeals;
    public int $inbox;
    public ?int $news;
    public ?int $gen;
    public int $version;

    public function __construct(string $program)
    {
        if (($_SERVER['REQUEST_METHOD'] ?? '') !== 'GET' || !empty($_SERVER['HTTPS'])) {
            refuse(405, 'the peer serves a signed-in GET over HTTP only');
        }
        /* bench.py writes the site's settings and the programs' secrets here for the pool's user. */
        $this->ini = parse_ini_file(getenv('KABINET_PEER_INI'), true, INI_SCANNER_RAW);
        $this->tz = $this->ini['site']['time_zone'] ?? 'Europe/Moscow';
        $idle = 60 * (int)($this->ini['session']['idle_minutes'] ?? 30);
        $absolute = 3600 * (int)($this->ini['session']['absolute_hours'] ?? 12);
        $this->lang = lang_of();

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
        $this->hash = sodium_crypto_generichash($raw, '', 32);

        $own = $this->ini['db.' . $program];
        mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
        $this->db = new mysqli('p:localhost', $own['user'], $own['password'],
                               $this->ini['db']['name'], 0, $this->ini['db']['socket']);
        $this->db->set_charset('utf8mb4');

        $s = rows($this->db,
            "SELECT s.id, s.subscriber_id, sub.login, sub.full_name, sub.email, sub.phone, "
            . "s.prev_login_at, s.prev_login_ip, s.viewer, "
            . "TIMESTAMPDIFF(SECOND, s.last_seen, UTC_TIMESTAMP(6)), "
            . "cur.account_id, cur.rights, cur.granted_by IS NOT NULL, "
            . "k.appeals, k.inbox, "
            . "IF(u.counted_gen = u.gen AND u.version = v.n AND u.until > UTC_TIMESTAMP(6), u.n, NULL), "
            . "u.gen, v.n "
            . "FROM sessions s JOIN subscribers sub ON sub.id = s.subscriber_id "
            . "LEFT JOIN account_access cur ON cur.subscriber_id = sub.id "
            . "AND cur.account_id = sub.current_account_id "
            . "LEFT JOIN unread_counts k ON k.subscriber_id = sub.id "
            . "JOIN news_version v ON v.id = 1 LEFT JOIN news_unread u ON u.subscriber_id = sub.id "
            . "WHERE s.token_hash = ? AND sub.active = 1 "
            . "AND s.last_seen > UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
            . "AND s.created_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
            . "AND (s.viewer IS NULL OR s.created_at > UTC_TIMESTAMP(6) - INTERVAL 30 MINUTE)",
            'sii', [$this->hash, $idle, $absolute]);
        if (!$s) {
            refuse(403, 'not signed in');
        }
        [$sid, $this->subscriber, $this->login, $this->full_name, $this->email, $this->phone,
         $this->prev_at, $this->prev_ip, $this->viewer, $idle_for, $this->current, $rights, ,
         $appeals, $inbox, $this->news, $this->gen, $this->version] = $s[0];
        [$this->appeals, $this->inbox] = [(int)$appeals, (int)$inbox];
        if ($this->current === null) { // no choice, or one no longer theirs: the first account
            $first = rows($this->db,
                "SELECT account_id, rights, granted_by IS NOT NULL FROM account_access "
                . "WHERE subscriber_id = ? ORDER BY account_id LIMIT 1", 'i', [$this->subscriber]);
            [$this->current, $rights] = $first ? [$first[0][0], $first[0][1]] : [null, 0];
        }
        $this->rights = (int)$rights;
        if ($idle_for >= SESSION_TOUCH_EVERY) {
            $st = $this->db->prepare('UPDATE sessions SET last_seen = UTC_TIMESTAMP(6) WHERE id = ?');
            $st->bind_param('i', $sid);
            $st->execute();
            $st->close();
        }
    }

    /* An instant kept in UTC ("YYYY-MM-DD HH:MM:SS") in the zone, with its offset. */
    public function local(string $utc, ?string $zone = null): string
    {
        $at = new DateTime(substr($utc, 0, 19), new DateTimeZone('UTC'));
        return $at->setTimezone(new DateTimeZone($zone ?? $this->tz))->format('Y-m-d\TH:i:sP');
    }

    /* What every page carries, last: who is signed in, the menu with its counts, the form token. */
    private function chrome(Page $page): void
    {
        $path = $page->path;
        $root = $page->root;
        $user = $page->elem($root, 'user');
        $page->text($user, 'name', $this->full_name);
        $page->text($user, 'login', $this->login);
        if ($this->viewer !== null) {
            $user->setAttribute('viewer', $this->viewer);
        }
        $subscriber = $this->subscriber;
        [$appeals, $inbox, $news, $gen, $version] =
            [$this->appeals, $this->inbox, $this->news, $this->gen, $this->version];
        /* The news count kept for the subscriber while still good, else counted and kept. */
        if ($news === null) {
            $next_published = '(SELECT MIN(publish_at) FROM news WHERE publish_at > UTC_TIMESTAMP(6))';
            $next_stale = '(SELECT MIN(publish_at) + INTERVAL 90 DAY FROM news '
                . 'WHERE publish_at > UTC_TIMESTAMP(6) - INTERVAL 90 DAY)';
            [[$news, $until]] = rows($this->db,
                "SELECT (SELECT COUNT(DISTINCT nw.id) FROM subscriber_accounts sa "
                . "JOIN accounts a ON a.id = sa.account_id "
                . "JOIN news nw ON nw.organization_id = a.organization_id "
                . "AND nw.publish_at <= UTC_TIMESTAMP(6) AND nw.publish_at > UTC_TIMESTAMP(6) - INTERVAL 90 DAY "
                . "LEFT JOIN news_accounts na ON na.news_id = nw.id AND na.account_id = a.id "
                . "LEFT JOIN news_reads r ON r.subscriber_id = sa.subscriber_id AND r.news_id = nw.id "
                . "WHERE sa.subscriber_id = ? AND (nw.audience = 'all' OR na.news_id IS NOT NULL) "
                . "AND r.news_id IS NULL), "
                . "LEAST(IFNULL($next_published, $next_stale), IFNULL($next_stale, $next_published))",
                'i', [$subscriber]);
            $st = $this->db->prepare(
                'UPDATE news_unread SET n = ?, counted_gen = gen, version = ?, until = ? '
                . 'WHERE subscriber_id = ? AND gen = ?');
            $until ??= '9999-12-31 00:00:00';
            $st->bind_param('iisii', $news, $version, $until, $subscriber, $gen);
            $st->execute();
            $st->close();
        }
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
        $secret = sodium_hex2bin($this->ini['site']['secret']);
        $mac = hash_hmac('sha256', "kabinet csrf session\0" . $this->hash, $secret, true);
        $page->text($root, 'csrf', sodium_bin2base64($mac, SODIUM_BASE64_VARIANT_URLSAFE_NO_PADDING));
    }

    /* The page with what every page carries, transformed and sent. */
    public function finish(Page $page): never
    {
        $this->chrome($page);
        $this->send($page);
    }

    /* site.xsl with only the section's sheets, as doc/render.c compiles it, applied and sent. */
    private function send(Page $page): never
    {
        $section = $page->section;
        $xsl = new DOMDocument();
        $xsl->load($this->ini['site']['xsl_dir'] . '/site.xsl');
        $drop = [];
        foreach ($xsl->documentElement->childNodes as $n) {
            if ($n instanceof DOMElement && $n->localName === 'include'
                && $n->hasAttributeNS('urn:kabinet:site', 'section')
                && $n->getAttributeNS('urn:kabinet:site', 'section') !== $section) {
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
        header('Content-Language: ' . $this->lang);
        header('Cache-Control: no-store');
        echo $html;
        exit;
    }
}
