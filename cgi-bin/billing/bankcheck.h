/* billing/bankcheck.h: bank details' check digits. */
#ifndef BILLING_BANKCHECK_H
#define BILLING_BANKCHECK_H

/* 9 digits. */
int bic_valid(const char *bic);
/* The Bank of Russia's control key of a settlement account (20 digits) at a BIC. */
int bank_account_valid(const char *bic, const char *account);
/* ... and of the bank's correspondent account (301...). */
int corr_account_valid(const char *bic, const char *account);
/* An INN of 10 (organization) or 12 (person) digits with its check digits. */
int inn_valid(const char *inn);

#endif
