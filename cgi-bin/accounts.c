/*
 * accounts.c: the subscriber's personal accounts (лицевые счета).
 *
 *   GET  /accounts          every linked account with its balance
 *   POST /accounts/current  make one the current account for the other sections
 *   GET  /accounts/add      the form: organization, number, last payment's month and amount
 *   POST /accounts/add      link the account if the last payment matches (5 misses an hour)
 *   GET  /accounts/remove   ?id=: are you sure?
 *   POST /accounts/remove   id, answer=yes|no
 *   GET  /accounts/info     ?id= (default: the current account): account and organization
 *   POST /accounts/leave    id: give up access someone shared with you
 *   GET  /accounts/alert    the current account's balance alert   POST: set it, or answer=off
 *
 * Who else may use the current account (issue 24, sql/049), for its holder:
 *
 *   GET  /access            delegates, invitations out, the record, what others did
 *   POST /access/invite     contact (e-mail or phone), rights: a link for 24 hours
 *   POST /access/rights     id (the delegate), rights
 *   POST /access/revoke     id: the delegate's access ends with their next request
 *   POST /access/cancel     id (an invitation not yet taken)
 *   POST /access/company    name, tax_id, kpp, address (or answer=off): the account's company
 *   GET  /access/accept     ?token=: the invitation, for whom it was sent to
 *   POST /access/accept     token, answer=yes|no
 *   GET  /access/join       ?token=: no login yet?  Make one from the invitation
 *   POST /access/join       token, name, new, confirm: the login and the access; 303 to sign in
 *
 * An id that is not the subscriber's, made up or malformed, is the same 404
 * everywhere: the queries are scoped to the subscriber's access.
 *
 * This file holds the form's fields and the routes; the pages are files in
 * accounts/ (accounts/accounts.h lists their handlers and what they share).
 */
#include "billing/access.h"
#include "core/crypto.h"
#include "core/valid.h"
#include "web/req.h"
#include "web/serve.h"
#include "accounts/accounts.h"

static const struct field fields[K__MAX] = {
        [K_ID] = {"id", valid_int, 1, 4294967295LL},
        [K_NEXT] = {"next", valid_local_path, 1, NEXT_MAX},
        [K_ORG] = {"org", valid_int, 1, 4294967295LL},
        [K_NUMBER] = {"number", valid_code, 1, 20},
        [K_MONTH] = {"month", valid_int, 1, 12},
        [K_YEAR] = {"year", valid_int, 2000, 2099},
        [K_AMOUNT] = {"amount", valid_text, 1, 24},
        [K_ANSWER] = {"answer", valid_text, 2, 3},
        [K_DONE] = {"done", valid_token, 1, 16}, /* what the last action did: "added", ... */
        /* An e-mail address or a phone: contact_of() checks it as the one it is. */
        [K_CONTACT] = {"contact", valid_text, 1, 254},
        [K_RIGHTS] = {"rights", valid_token, 1, 16},
        [K_TOKEN] = {"token", valid_token, TOKEN_CHARS, TOKEN_CHARS},
        [K_AMOUNT_ALERT] = {"threshold", valid_text, 1, 24},
        /* The account's company (sql/052): checked as a whole by company_post(). */
        [K_NAME] = {"name", valid_text, 1, 200},
        [K_TAX_ID] = {"tax_id", valid_text, 1, 32},
        [K_KPP] = {"kpp", valid_text, 1, 32},
        [K_ADDRESS] = {"address", valid_text, 1, 300},
        /* Joining from an invitation: the new login's password (web/form_password). */
        [K_NEW] = {"new_password", valid_text, 1, 128},
        [K_CONFIRM] = {"confirm_password", valid_text, 1, 128},
};

/* ---------------------------------------------------------------- the program */

static const struct page pages[] = {
        {"/accounts", M_GET, PAGE_SESSION, "list", list},
        {"/accounts/current", M_POST, PAGE_SESSION, "current", choose},
        {"/accounts/add", M_GET | M_POST, PAGE_SESSION, "add", add_page},
        {"/accounts/remove", M_GET | M_POST, PAGE_SESSION, "remove", remove_page},
        {"/accounts/info", M_GET, PAGE_SESSION, "info", info},
        {"/accounts/leave", M_POST, PAGE_SESSION, "list", leave_post},
        {"/accounts/alert", M_GET | M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "alert",
         alert_page},
        {"/access", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", access_get},
        {"/access/invite", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", invite_post},
        {"/access/rights", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", rights_post},
        {"/access/revoke", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", revoke_post},
        {"/access/cancel", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", cancel_post},
        {"/access/company", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access",
         company_post},
        {"/access/join", M_GET | M_POST, PAGE_PUBLIC, "join", join_page},
        {"/access/accept", M_GET | M_POST, PAGE_SESSION, "accept", accept_page},
};

static const struct section section = {
	.name = "accounts", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
