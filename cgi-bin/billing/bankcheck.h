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

/* A BIC of a territorial body of the Federal Treasury (ТОФК): 9 digits, 0 first, not 04. */
int treasury_bic(const char *bic);
/* A treasury account (казначейский счёт): 20 digits, 03..., roubles (643) in digits 6-8. */
int treasury_account_valid(const char *account);
/* The single treasury account (ЕКС, 40102...) at a treasury BIC, with its control key. */
int single_treasury_account_valid(const char *bic, const char *account);

/* A Kazakh IBAN: KZ, two check digits (ISO 13616 mod 97), 16 more letters and digits. */
int iban_kz_valid(const char *iban);
/* A Kazakh BIN or IIN: 12 digits, the last a weighted check digit. */
int bin_kz_valid(const char *bin);
/* A Kazakh bank's BIC (SWIFT form): four letters, KZ, two letters or digits. */
int bic_kz_valid(const char *bic);

#endif
