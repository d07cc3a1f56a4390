<?php
/*
 * What the services section's peers share (statement.php, services.php),
 * as cgi-bin/services.c and web/period.c do it: the account's head, the
 * period asked for, and the ledger's months of it with their totals.
 */
declare(strict_types=1);

/*
 * The <account-head> element filled from an account's row (id, number,
 * payer, address, organization), as services.c's head_xml does.
 */
function head_fill(Page $page, DOMElement $h, array $row): void
{
    [$id, $number, $payer, $address, $org] = $row;
    $h->setAttribute('id', (string)$id);
    $page->text($h, 'number', $number);
    $page->text($h, 'payer', $payer);
    $page->text($h, 'address', $address);
    $page->text($h, 'organization', $org);
}

/*
 * The subscriber may see the current account's services: services.c's pages
 * need RIGHT_VIEW, which routing checks from the session's rights.
 */
function may_view(Peer $peer): void
{
    if (!($peer->rights & RIGHT_VIEW)) {
        refuse(403, 'the account\'s rights do not show its services');
    }
}

/*
 * <account-head> h of an account with no services' rows to take it from (db/account.c's
 * account.get, as services.c reads it for an account never billed): its currency, or the
 * request refused.
 */
function account_head(Peer $peer, Page $page, DOMElement $h, int $account): string
{
    $head = rows($peer->db,
        "SELECT a.id, a.number, a.payer_name, a.address, a.phone, "
        . "DATE_FORMAT(a.meters_replaced_on, '%Y-%m-%d'), a.residents, a.area_centi_m2, "
        . "a.household, o.id, o.name, o.inn, o.address, o.phones, o.email, o.bank_name, o.bic, "
        . "o.bank_account, o.corr_account, o.currency "
        . "FROM account_access sa "
        . "JOIN accounts a ON a.id = sa.account_id "
        . "JOIN organizations o ON o.id = a.organization_id "
        . "WHERE sa.subscriber_id = ? AND sa.account_id = ? AND (sa.rights & ?) = ?",
        'iiii', [$peer->subscriber, $account, RIGHT_VIEW, RIGHT_VIEW]);
    if (!$head) {
        refuse(404, 'the account is not the subscriber\'s to see');
    }
    [$id, $number, $payer, $address, , , , , , , $org, , , , , , , , , $cur] = $head[0];
    head_fill($page, $h, [$id, $number, $payer, $address, $org]);
    return $cur;
}

/*
 * The period asked for (?from, ?to), by default the twelve months up to the
 * latest billed (0: up to last month), as <period>: [from, to], or the
 * request refused when web/period.c would answer an error.
 */
function period(Peer $peer, Page $page, int $latest): array
{
    if ($latest === 0) {
        $latest = this_month($peer->tz) - 1;
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
    return [$from, $to];
}

/*
 * <months> of the period (of one service, or 0: all), each with its
 * balances, and for one service its tariff and quantity; then their totals:
 * the first opening, the sums, the last closing.
 */
function ledger_months(Peer $peer, Page $page, int $account, int $service, int $from, int $to,
                       string $cur, bool $one): void
{
    $lang = $peer->lang;
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
        if ($one) {
            $page->price($n, 'tariff', $tariff, $cur, $lang);
            $page->text($n, 'quantity', decimal_text($quantity, 3));
        }
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
}
