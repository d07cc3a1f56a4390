<?php
/*
 * A month's receipt written as a PHP developer would write it: issue 22's
 * peer of cgi-bin/receipts.c's GET /receipts/view in make bench, served by
 * php-fpm 8.2 behind the same nginx at /__php/receipts/view.  It runs the
 * statements app/receipt.c's receipt_load runs (the receipt as issued, its
 * lines with what was paid since, its payees, volumes, corrections and
 * readings), checks each payee's bank details by their check digits, builds
 * each payee's GOST R 56042 payment text, and reads its QR code kept under
 * the text's SHA-256 (sql/060), or encodes it, with the library kabinet
 * uses, libqrencode, through PHP's FFI (the pool allows it, bench.py), and
 * keeps it: another encoder may choose another mask, and the page would
 * differ in its picture, not in its work.  It builds the same XML.
 * Of the page's choices it takes the month only, of a receipt in roubles.
 */
declare(strict_types=1);

require __DIR__ . '/peer.php';

const QR_SEPARATORS = '|#;:^_~{}!$%&()*+,/@';

/* UTF-8 of at most max characters (0: any), as core/utf8.c counts them. */
function utf8_fits(?string $s, int $max): bool
{
    return $s !== null && $s !== '' && preg_match('//u', $s) === 1
        && ($max === 0 || preg_match_all('/./su', $s) <= $max);
}

function digits_only(?string $s, int $min, int $max): bool
{
    return $s !== null && preg_match('/^[0-9]*$/D', $s) === 1
        && strlen($s) >= $min && strlen($s) <= $max;
}

/* The Bank of Russia's control key over 3 digits and a 20-digit account (billing/bankcheck.c). */
function key_ok(string $prefix, string $account): bool
{
    $s = $prefix . $account;
    $sum = 0;
    for ($i = 0; $i < 23; $i++) {
        $sum += ((int)$s[$i] * [7, 1, 3][$i % 3]) % 10;
    }
    return $sum % 10 === 0;
}

function inn_valid(?string $inn): bool
{
    $w10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    $w11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    $w12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    $sum = fn(array $w) => array_sum(array_map(fn($k) => (int)$inn[$k] * $w[$k], array_keys($w)));
    if (digits_only($inn, 10, 10)) {
        return $sum($w10) % 11 % 10 === (int)$inn[9];
    }
    if (digits_only($inn, 12, 12)) {
        return $sum($w11) % 11 % 10 === (int)$inn[10] && $sum($w12) % 11 % 10 === (int)$inn[11];
    }
    return false;
}

/* The payee's details as billing/receipt.c's payee_check, for roubles: null, or what fails. */
function payee_check(array $o): ?string
{
    if (!utf8_fits($o['name'], 160)) {
        return 'name';
    }
    if (!utf8_fits($o['bank_name'], 45)) {
        return 'bank-name';
    }
    $bic = $o['bic'];
    if (!digits_only($bic, 9, 9)) {
        return 'bic';
    }
    $acc = $o['bank_account'];
    $corr = $o['corr_account'];
    $rkc = fn(string $start) => digits_only($corr, 20, 20) && str_starts_with($corr, $start)
        && key_ok('0' . $bic[4] . $bic[5], $corr);
    if ($bic[0] === '0' && $bic[1] !== '4') { // the Federal Treasury
        if (!digits_only($acc, 20, 20) || !str_starts_with($acc, '03')
            || substr($acc, 5, 3) !== '643') {
            return 'bank-account';
        }
        if (!$rkc('40102')) {
            return 'corr-account';
        }
    } else {
        if (!digits_only($acc, 20, 20) || !key_ok(substr($bic, 6, 3), $acc)) {
            return 'bank-account';
        }
        if (!$rkc('301')) {
            return 'corr-account';
        }
    }
    if (!inn_valid($o['inn'])) {
        return 'inn';
    }
    if ($o['kpp'] !== null && !digits_only($o['kpp'], 9, 9)) {
        return 'kpp';
    }
    return payment_text(payee_part($o)) === null ? 'qr-name' : null;
}

/* What a payee puts in a QR code (billing/receipt.c's payee_qr). */
function payee_part(array $o): array
{
    return ['Name' => ($o['short_name'] ?? '') !== '' ? $o['short_name'] : $o['name'],
            'PersonalAcc' => $o['bank_account'], 'BankName' => $o['bank_name'],
            'BIC' => $o['bic'], 'CorrespAcc' => $o['corr_account']];
}

/*
 * The GOST R 56042-2014 text (billing/payqr.c): "ST0001", "2" for UTF-8, then
 * Key=Value pairs after the first separator no value contains, the five
 * required first.  Null when it cannot be made.
 */
function payment_text(array $q): ?string
{
    $max = ['Name' => 160, 'PersonalAcc' => 20, 'BankName' => 45, 'BIC' => 9, 'CorrespAcc' => 20,
            'PayeeINN' => 12, 'KPP' => 9, 'Sum' => 18, 'Purpose' => 210, 'TechCode' => 2];
    foreach (['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc'] as $k) {
        if (($q[$k] ?? null) === null) {
            return null;
        }
    }
    if (!digits_only($q['PersonalAcc'], 20, 20) || !digits_only($q['BIC'], 9, 9)
        || !digits_only($q['CorrespAcc'], 1, 20)
        || (isset($q['PayeeINN']) && !digits_only($q['PayeeINN'], 10, 12))
        || (isset($q['KPP']) && !digits_only($q['KPP'], 9, 9))) {
        return null;
    }
    $required = 0;
    $i = 0;
    foreach ($q as $k => $v) {
        if (!utf8_fits($v, $max[$k] ?? 0) || preg_match('/[\x00-\x1f\x7f]/', $v)) {
            return null;
        }
        if ($i++ < 5) {
            $required += 2 + strlen($k) + strlen($v);
        }
    }
    if ($required > 300) {
        return null;
    }
    foreach (str_split(QR_SEPARATORS) as $sep) {
        if (!array_filter($q, fn($v) => str_contains($v, $sep))) {
            $text = 'ST00012';
            foreach ($q as $k => $v) {
                $text .= $sep . $k . '=' . $v;
            }
            return $text;
        }
    }
    return null;
}

/* "Иванова Мария Петровна": last, first and middle name; anything else whole as the last. */
function payer_names(string $payer): array
{
    $w = array_values(array_filter(explode(' ', $payer), fn($x) => $x !== ''));
    if (count($w) === 2 || count($w) === 3) {
        return ['LastName' => $w[0], 'FirstName' => $w[1]]
            + (count($w) === 3 ? ['MiddleName' => $w[2]] : []);
    }
    return ['LastName' => $payer];
}

/* The QR code of payee o asking for sum (none if 0), as app/receipt.c's make_qr. */
function payee_qr(array $o, array $acc, int $month, int $sum): ?string
{
    [$y, $m] = [intdiv($month, 12), $month % 12 + 1];
    $q = payee_part($o) + ['PayeeINN' => $o['inn']]
        + ($o['kpp'] !== null ? ['KPP' => $o['kpp']] : [])
        + ['PersAcc' => $acc['number']] + payer_names($acc['payer'])
        + ['PayerAddress' => $acc['address']]
        + ($sum > 0 ? ['Sum' => (string)$sum] : [])
        + ['Purpose' => sprintf('Оплата за %02d.%d, лицевой счёт %s', $m, $y, $acc['number']),
           'PaymPeriod' => sprintf('%02d%04d', $m, $y)]
        + (($o['qr_category'] ?? null) !== null ? ['Category' => $o['qr_category']] : [])
        + (($o['qr_tech_code'] ?? null) !== null ? ['TechCode' => $o['qr_tech_code']] : []);
    return payment_text($q);
}

/* A code's modules, a string of width² bytes of 0 and 1, encoded by libqrencode at level M. */
function qr_encode(string $text): array
{
    static $lib = null, $module = null; // a byte of libqrencode's to '0' or '1', its low bit
    $module ??= array_combine(array_map('chr', range(0, 255)),
                              array_map(fn($b) => (string)($b & 1), range(0, 255)));
    $lib ??= FFI::cdef(
        'typedef struct { int version; int width; unsigned char *data; } QRcode;
         QRcode *QRcode_encodeData(int size, const char *data, int version, int level);
         void QRcode_free(QRcode *qrcode);', 'libqrencode.so.4');
    $code = $lib->QRcode_encodeData(strlen($text), $text, 0, 1);
    if ($code === null) {
        refuse(500, 'libqrencode refused the payload');
    }
    $w = $code->width;
    $data = FFI::string($code->data, $w * $w);
    $lib->QRcode_free($code);
    return [$w, strtr($data, $module)];
}

/*
 * A payment's code as app/payment_qr.c gets it: kept under the SHA-256 of
 * its text (sql/060), else encoded and kept, packed eight modules a byte.
 */
function payment_qr(Peer $peer, string $text): array
{
    $sha = hash('sha256', $text, true);
    $kept = rows($peer->db, 'SELECT modules, dark FROM qr_codes WHERE text_sha256 = ?', 's',
                 [$sha]);
    if ($kept) {
        [[$w, $packed]] = $kept;
        $bits = '';
        foreach (str_split(bin2hex($packed), 2) as $byte) {
            $bits .= str_pad(decbin(hexdec($byte)), 8, '0', STR_PAD_LEFT);
        }
        return [$w, substr($bits, 0, $w * $w)];
    }
    [$w, $modules] = qr_encode($text);
    $packed = '';
    foreach (str_split(str_pad($modules, intdiv($w * $w + 7, 8) * 8, '0'), 8) as $byte) {
        $packed .= chr(bindec($byte));
    }
    $st = $peer->db->prepare('INSERT IGNORE INTO qr_codes (text_sha256, modules, dark, made_at) '
                             . 'VALUES (?, ?, ?, UTC_TIMESTAMP(6))');
    $st->bind_param('sis', $sha, $w, $packed);
    $st->execute();
    $st->close();
    return [$w, $modules];
}

/* <qr>: the code's modules as an SVG path of dark runs, row by row (doc/qr.c). */
function qr_elem(Peer $peer, Page $page, DOMElement $parent, ?string $payload): void
{
    if ($payload === null) {
        return;
    }
    [$w, $modules] = payment_qr($peer, $payload);
    $path = '';
    for ($y = 0; $y < $w; $y++) {
        $row = substr($modules, $y * $w, $w);
        $x = 0;
        while ($x < $w) {
            $run = strspn($row, '1', $x);
            if ($run > 0) {
                $path .= "M$x {$y}h{$run}v1h-{$run}z";
            }
            $x += max($run, 1);
        }
    }
    $qr = $page->elem($parent, 'qr', ['modules' => $w, 'payload' => $payload]);
    $page->text($qr, 'path', $path);
}

/* Bank details every payee has: whom the money goes to, and where. */
function bank_details(Page $page, DOMElement $n, array $o): void
{
    $page->text($n, 'name', $o['name']);
    $page->text($n, 'inn', $o['inn']);
    if (($o['kpp'] ?? '') !== '') {
        $page->text($n, 'kpp', $o['kpp']);
    }
    $page->text($n, 'account', $o['bank_account']);
    $page->text($n, 'bank', $o['bank_name']);
    $page->text($n, 'bic', $o['bic']);
    $page->text($n, 'corr-account', $o['corr_account'] ?? '');
}

/* A line's or the totals' money, as app/receipt.c's money_cols. */
function money_cols(Page $page, DOMElement $n, array $l, string $cur, string $lang): void
{
    foreach (['opening' => $l['opening'], 'accrued' => $l['accrued'],
              'corrections' => $l['corrections'],
              'recalculations' => $l['corrections'] - $l['penalties'],
              'penalties' => $l['penalties'], 'paid' => $l['paid'], 'closing' => $l['closing'],
              'to-pay' => $l['to_pay']] as $k => $v) {
        $page->money($n, $k, $v, $cur, $lang);
    }
}

$peer = new Peer('receipts');
$lang = $peer->lang;
params_only('month');
if (($month = month_of($_GET['month'] ?? '')) === null || $peer->current === null) {
    refuse(400, 'the peer takes a month of the current account only');
}
$account = $peer->current;
$date = month_date($month);

/* The receipt as issued, its latest version, through what the subscriber may view. */
$head = rows($peer->db,
    "SELECT a.number, d.payer_name, d.address, d.residents, d.area_centi_m2, "
    . "d.organization_id, d.org_name, d.org_short_name, d.inn, d.kpp, d.org_address, d.phones, "
    . "d.email, d.website, d.bank_name, d.bic, d.bank_account, d.corr_account, d.currency, "
    . "d.receipt_note, d.qr_category, d.qr_tech_code, DATE_FORMAT(d.due_on, '%Y-%m-%d'), "
    . "DATE_FORMAT(d.issued_at, '%Y-%m-%d'), COALESCE(h.receipt_email, 0), d.version, d.reason, "
    . "DATE_FORMAT(d.replaced_at, '%Y-%m-%d'), (SELECT MAX(x.version) FROM receipt_documents x "
    . "WHERE x.account_id = d.account_id AND x.period = d.period) "
    . "FROM account_access sa JOIN accounts a ON a.id = sa.account_id "
    . "JOIN receipt_documents d ON d.account_id = a.id AND d.period = ? AND "
    . "d.version = IF(? > 0, ?, (SELECT MAX(x.version) FROM receipt_documents x "
    . "WHERE x.account_id = d.account_id AND x.period = d.period)) "
    . "LEFT JOIN subscriber_accounts h ON h.subscriber_id = sa.subscriber_id "
    . "AND h.account_id = sa.account_id "
    . "WHERE sa.subscriber_id = ? AND sa.account_id = ? AND (sa.rights & ?) = ?",
    'siiiiii', [$date, 0, 0, $peer->subscriber, $account, RIGHT_VIEW, RIGHT_VIEW]);
if (!$head) {
    refuse(404, 'the peer shows a receipt already stored');
}
[$number, $payer, $address, $residents, $area, , $org_name, $short_name, $inn, $kpp,
 $org_address, $phones, $email, $website, $bank_name, $bic, $bank_account, $corr_account, $cur,
 $note, $qr_category, $qr_tech_code, $due_on, $issued_on, $by_email, $version, $reason,
 $replaced_on, $latest] = $head[0];
if ($cur !== 'RUB') {
    refuse(500, 'the peer shows receipts in roubles only');
}
$acc = ['number' => $number, 'payer' => $payer, 'address' => $address];
$org = ['name' => $org_name, 'short_name' => $short_name, 'inn' => $inn, 'kpp' => $kpp,
        'bank_name' => $bank_name, 'bic' => $bic, 'bank_account' => $bank_account,
        'corr_account' => $corr_account, 'qr_category' => $qr_category,
        'qr_tech_code' => $qr_tech_code];
$args = [$account, $date, $version];

/* The lines as issued, with what was paid to each service since. */
$lines = [];
$total = ['opening' => 0, 'accrued' => 0, 'corrections' => 0, 'penalties' => 0, 'paid' => 0,
          'closing' => 0];
foreach (rows($peer->db,
    "SELECT l.service_id, IF(? = 'en', l.name_en, l.name_ru), l.supplier, l.unit, l.tariff, "
    . "l.quantity, l.opening, l.accrued, l.corrections, l.paid, l.closing, "
    . "(SELECT COALESCE(SUM(n.paid), 0) FROM ledger n WHERE n.account_id = l.account_id "
    . "AND n.period > l.period AND n.service_id = l.service_id), l.penalties, "
    . "COALESCE(l.payee_id, 0) "
    . "FROM receipt_document_lines l WHERE l.account_id = ? AND l.period = ? AND l.version = ? "
    . "ORDER BY l.service_id", 'sisi', [$lang, ...$args]) as $row) {
    $l = array_combine(['service', 'name', 'supplier', 'unit', 'tariff', 'quantity', 'opening',
                        'accrued', 'corrections', 'paid', 'closing', 'paid_since', 'penalties',
                        'payee'], $row);
    /* A sum, and an unsigned id or 0, come back as decimals, in text. */
    $l['paid_since'] = (int)$l['paid_since'];
    $l['payee'] = (int)$l['payee'];
    foreach ($total as $k => $v) {
        $total[$k] += $l[$k];
    }
    $lines[] = $l;
}
if (!$lines) {
    refuse(404, 'issued, but this account was not billed that month');
}

/* The organization first if a line is its, then the suppliers paid directly. */
$payees = [];
foreach ($lines as $l) {
    if ($l['payee'] === 0) {
        $payees[0] = $org;
        break;
    }
}
foreach (rows($peer->db,
    "SELECT p.supplier_id, p.name, p.short_name, p.inn, p.kpp, p.bank_name, p.bic, "
    . "p.bank_account, p.corr_account FROM receipt_document_payees p "
    . "WHERE p.account_id = ? AND p.period = ? AND p.version = ? ORDER BY p.supplier_id",
    'isi', $args) as [$id, $name, $short, $p_inn, $p_kpp, $bank, $p_bic, $p_acc, $p_corr]) {
    $payees[$id] = ['name' => $name, 'short_name' => $short, 'inn' => $p_inn, 'kpp' => $p_kpp,
                    'bank_name' => $bank, 'bic' => $p_bic, 'bank_account' => $p_acc,
                    'corr_account' => $p_corr];
}

/* What each line, each payee and the receipt still ask (billing/receipt.c's receipt_settle). */
$to_pay = $paid_since = 0;
foreach ($payees as $id => $p) {
    $payees[$id]['to_pay'] = $payees[$id]['paid_since'] = 0;
}
foreach ($lines as &$l) {
    if (!isset($payees[$l['payee']])) {
        refuse(500, 'a line\'s payee is not stored');
    }
    $l['to_pay'] = max($l['closing'], 0);
    $covered = min(max($l['paid_since'], 0), $l['to_pay']);
    $to_pay += $l['to_pay'];
    $paid_since += $covered;
    $payees[$l['payee']]['to_pay'] += $l['to_pay'];
    $payees[$l['payee']]['paid_since'] += $covered;
}
unset($l);
$total['to_pay'] = $to_pay;
$status = $to_pay <= 0 || $paid_since >= $to_pay ? 'paid' : ($paid_since > 0 ? 'partly' : 'unpaid');

$volumes = rows($peer->db,
    "SELECT v.service_id, v.zone, v.tier, v.tariff, v.quantity, v.amount "
    . "FROM receipt_document_volumes v WHERE v.account_id = ? AND v.period = ? AND v.version = ? "
    . "ORDER BY v.service_id, v.zone, v.tier, v.tariff", 'isi', $args);
$corrections = rows($peer->db,
    "SELECT IF(? = 'en', c.name_en, c.name_ru), c.amount, c.reason, c.kind = 'penalty' "
    . "FROM receipt_document_corrections c "
    . "WHERE c.account_id = ? AND c.period = ? AND c.version = ? ORDER BY c.service_id, c.seq",
    'sisi', [$lang, ...$args]);
$readings = rows($peer->db,
    "SELECT r.meter, r.kind, r.zone, r.zones, r.digits, r.decimals, "
    . "r.prev, DATE_FORMAT(r.prev_on, '%Y-%m-%d'), r.curr, DATE_FORMAT(r.curr_on, '%Y-%m-%d') "
    . "FROM receipt_document_readings r "
    . "WHERE r.account_id = ? AND r.period = ? AND r.version = ? ORDER BY r.seq", 'isi', $args);

/* A QR code per payee, each asking for what its own lines still ask. */
foreach ($payees as $id => $p) {
    $payees[$id]['remaining'] = $p['to_pay'] - $p['paid_since'];
    $payees[$id]['qr'] = payee_check($p) === null
        ? payee_qr($p, $acc, $month, $payees[$id]['remaining']) : null;
}
$one_payee = count($payees) === 1 && isset($payees[0]);
/* Checked when the month was issued; details changed since must not reach a payer. */
if (payee_check($org) !== null) {
    refuse(503, 'the payee\'s details fail their check');
}

$path = '/receipts/view';
$page = new Page('receipts', 'view', $lang, $path);
$rn = $page->elem($page->root, 'receipt', ['month' => month_text($month), 'status' => $status,
                                           'version' => $version, 'latest' => $latest,
                                           'account-id' => $account]);
if ($reason !== null) {
    $page->text($rn, 'reason', $reason);
}
if ($replaced_on !== null) {
    $page->text($rn, 'replaced-on', $replaced_on);
}
if ($by_email) {
    $rn->setAttribute('by-email', '1');
}
$page->text($rn, 'number', $number . '-' . str_replace('-', '', month_text($month)));
$page->text($rn, 'due-on', $due_on);
$page->text($rn, 'issued-on', $issued_on);
$n = $page->elem($rn, 'payer');
$page->text($n, 'name', $payer);
$page->text($n, 'account', $number, ['id' => $account]);
$page->text($n, 'address', $address);
$page->text($n, 'area', decimal_text($area, 2));
$page->text($n, 'residents', (string)$residents);
$n = $page->elem($rn, 'payee');
bank_details($page, $n, $org);
$page->text($n, 'address', $org_address);
$page->text($n, 'phones', $phones);
foreach (['email' => $email, 'website' => $website, 'note' => $note] as $k => $v) {
    if (($v ?? '') !== '') {
        $page->text($n, $k, $v);
    }
}
$list = $page->elem($rn, 'lines');
foreach ($lines as $l) {
    $n = $page->elem($list, 'line', ['service' => $l['service'], 'payee' => $l['payee']]);
    $page->text($n, 'name', $l['name']);
    $page->text($n, 'supplier', $l['supplier']);
    $page->text($n, 'unit', $l['unit']);
    $page->text($n, 'quantity', decimal_text($l['quantity'], 3));
    $page->price($n, 'tariff', $l['tariff'], $cur, $lang);
    money_cols($page, $n, $l, $cur, $lang);
    foreach ($volumes as [$service, $zone, $tier, $tariff, $quantity, $amount]) {
        if ($service !== $l['service']) {
            continue;
        }
        $v = $page->elem($n, 'volume');
        if ($zone > 0) {
            $v->setAttribute('zone', (string)$zone);
        }
        if ($tier > 0) {
            $v->setAttribute('tier', (string)$tier);
        }
        $page->text($v, 'quantity', decimal_text($quantity, 3));
        $page->price($v, 'tariff', $tariff, $cur, $lang);
        $page->money($v, 'amount', $amount, $cur, $lang);
    }
}
money_cols($page, $page->elem($rn, 'totals'), $total, $cur, $lang);
$page->money($rn, 'to-pay', $to_pay, $cur, $lang);
$page->money($rn, 'paid-since', $paid_since, $cur, $lang);
$page->money($rn, 'remaining', $to_pay - $paid_since, $cur, $lang);
$list = $page->elem($rn, 'corrections');
foreach ($corrections as [$service, $amount, $why, $penalty]) {
    $n = $page->elem($list, 'correction');
    if ($penalty) {
        $n->setAttribute('kind', 'penalty');
    }
    $page->text($n, 'service', $service);
    $page->money($n, 'amount', $amount, $cur, $lang);
    $page->text($n, 'reason', $why);
}
$list = $page->elem($rn, 'readings');
foreach ($readings as [$meter, $kind, $zone, $zones, $digits, $decimals, $prev, $prev_on, $curr,
                       $curr_on]) {
    /* A reading is there when its date is; below the previous one it can only have rolled over. */
    $prev = $prev_on === null ? -1 : (int)$prev;
    $curr = $curr_on === null ? -1 : (int)$curr;
    $used = -1;
    $range = $digits >= 1 && $digits <= 12 && $decimals <= 3 ? 10 ** ($digits + $decimals) : 0;
    if ($prev >= 0 && $curr >= 0 && $prev < $range && $curr < $range) {
        $used = $curr >= $prev ? $curr - $prev
            : (($range - $prev + $curr) * 2 > $range ? -1 : $range - $prev + $curr);
    }
    $n = $page->elem($list, 'reading', ['zone' => $zone + 1, 'zones' => $zones]);
    $page->text($n, 'meter', $meter);
    $page->text($n, 'kind', $kind);
    foreach (['prev' => [$prev, $prev_on], 'curr' => [$curr, $curr_on], 'used' => [$used, null]]
             as $k => [$v, $on]) {
        if ($v >= 0) {
            $e = $page->text($n, $k, decimal_text($v, $decimals));
            if ($on !== null) {
                $e->setAttribute('on', $on);
            }
        }
    }
}
if ($one_payee) {
    qr_elem($peer, $page, $rn, $payees[0]['qr']);
} elseif ($payees) {
    $list = $page->elem($rn, 'payees');
    foreach ($payees as $id => $p) {
        $n = $page->elem($list, 'payee', ['id' => $id]);
        bank_details($page, $n, $p);
        $page->money($n, 'to-pay', $p['to_pay'], $cur, $lang);
        $page->money($n, 'paid-since', $p['paid_since'], $cur, $lang);
        $page->money($n, 'remaining', $p['remaining'], $cur, $lang);
        qr_elem($peer, $page, $n, $p['qr']);
    }
}

$peer->finish($page);
