<?xml version="1.0" encoding="UTF-8"?>
<!-- messages.en.xsl: the English catalog.  Messages are elements named by their key; same keys as messages.ru.xsl (a test checks).
     One template for what every page uses, one per section: a page builds only the two it needs. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="messages-en">
    <nav.admin-exchange>Exchange</nav.admin-exchange>
    <view.banner>You are viewing this subscriber's pages as staff member</view.banner>
    <view.read-only>View only: nothing can be changed. To stop, sign out.</view.read-only>
    <nav.admin-readings>Readings</nav.admin-readings>
    <nav.admin-payments>Payments</nav.admin-payments>
    <rq.f.action>SMS informing</rq.f.action>
    <rq.f.phone>Mobile phone</rq.f.phone>
    <rq.f.start_on>From</rq.f.start_on>
    <rq.f.day>Pay by this day of the month (1–28)</rq.f.day>
    <rq.f.from_on>Away from</rq.f.from_on>
    <rq.f.to_on>Away until</rq.f.to_on>
    <rq.f.meter>Meter</rq.f.meter>
    <rq.f.work>Work</rq.f.work>
    <rq.f.preferred_on>Preferred date</rq.f.preferred_on>
    <rq.f.change>What changes</rq.f.change>
    <rq.f.new_owner>New owner (full name)</rq.f.new_owner>
    <rq.f.residents>Residents now</rq.f.residents>
    <rq.v.action.on>Switch on</rq.v.action.on>
    <rq.v.action.off>Switch off</rq.v.action.off>
    <rq.v.work.verification>Verification</rq.v.work.verification>
    <rq.v.work.replacement>Replacement</rq.v.work.replacement>
    <rq.v.change.owner>The owner</rq.v.change.owner>
    <rq.v.change.residents>The number of residents</rq.v.change.residents>
    <nav.news>News</nav.news>
    <nav.inbox>Messages</nav.inbox>
    <nav.contacts>Contacts and help</nav.contacts>
    <nav.admin-overview>Overview</nav.admin-overview>
    <nav.admin-subscribers>Subscribers</nav.admin-subscribers>
    <nav.admin-appeals>Appeals</nav.admin-appeals>
    <nav.admin-requests>Requests</nav.admin-requests>
    <nav.admin-news>News</nav.admin-news>
    <nav.admin-organization>Organization</nav.admin-organization>
    <nav.admin-staff>Staff</nav.admin-staff>
    <nav.admin-help>Help</nav.admin-help>
    <nav.admin-audit>Audit log</nav.admin-audit>
    <kind.electricity>Electricity</kind.electricity>
    <kind.cold-water>Cold water</kind.cold-water>
    <kind.hot-water>Hot water</kind.hot-water>
    <kind.gas>Gas</kind.gas>
    <kind.heat>Heat</kind.heat>
    <months><m>January</m><m>February</m><m>March</m><m>April</m><m>May</m><m>June</m><m>July</m><m>August</m><m>September</m><m>October</m><m>November</m><m>December</m></months>
    <site.name>Customer portal</site.name>
    <site.footer>Customer self-service portal. For questions about charges and payments, contact your provider's customer service.</site.footer>
    <nav.label>Sections</nav.label>
    <nav.menu>Menu</nav.menu>
    <nav.skip>Skip to content</nav.skip>
    <nav.pay>Pay</nav.pay>
    <dl.label>Download</dl.label>
    <error.reading-too-large>A meter cannot show a number that large: check the digits.</error.reading-too-large>
    <error.date-out-of-range>The date must be from 2000-01-01 to 2099-12-31.</error.date-out-of-range>
    <nav.home>Home</nav.home>
    <nav.logout>Sign out</nav.logout>
    <lang.label>Language</lang.label>
    <nav.accounts>Accounts</nav.accounts>
    <nav.readings>Readings</nav.readings>
    <nav.calculator>Calculator</nav.calculator>
    <nav.services>Services</nav.services>
    <nav.payments>Payments</nav.payments>
    <nav.receipts>Receipts</nav.receipts>
    <nav.documents>Documents</nav.documents>
    <nav.settings>Settings</nav.settings>
    <unit.kWh>kWh</unit.kWh>
    <unit.m3>m³</unit.m3>
    <unit.Gcal>Gcal</unit.Gcal>
    <channel.bank>bank</channel.bank>
    <channel.card>card online</channel.card>
    <channel.autopay>autopay</channel.autopay>
    <channel.cash>cash desk</channel.cash>
    <channel.kabinet>this portal</channel.kabinet>
    <col.month>Month</col.month>
    <col.opening>Opening balance</col.opening>
    <col.accrued>Charged</col.accrued>
    <col.corrections>Adjustments</col.corrections>
    <col.paid>Paid</col.paid>
    <col.closing>Closing balance</col.closing>
    <col.tariff>Rate</col.tariff>
    <col.quantity>Quantity</col.quantity>
    <col.total>Total</col.total>
    <balance.debt>due</balance.debt>
    <balance.advance>in credit</balance.advance>
    <balance.hint>Debt and credit are kept per service: credit on one service does not reduce what another is owed.</balance.hint>
    <accounts.title>Accounts</accounts.title>
    <accounts.none>No account is linked to your portal yet.</accounts.none>
    <accounts.done.added>The account is added and is now the current one</accounts.done.added>
    <accounts.done.removed>The account is removed from your portal</accounts.done.removed>
    <accounts.done.current>The current account is changed</accounts.done.current>
    <accounts.add>Add an account</accounts.add>
    <accounts.number>Account</accounts.number>
    <accounts.payer>Payer</accounts.payer>
    <accounts.address>Address</accounts.address>
    <accounts.organization>Provider</accounts.organization>
    <accounts.balance>Balance</accounts.balance>
    <accounts.as-of>at the end of</accounts.as-of>
    <accounts.current>Current account</accounts.current>
    <accounts.choose>Make current</accounts.choose>
    <accounts.info>Details</accounts.info>
    <accounts.remove>Remove</accounts.remove>
    <accounts.services>Services</accounts.services>
    <accounts.no-history>No charges on this account yet.</accounts.no-history>
    <sms.sent>The code is sent. It is good for 10 minutes.</sms.sent>
    <sms.too-soon>A new code can be asked for a minute after the last; the code sent is good for 10 minutes.</sms.too-soon>
    <sms.too-many>Too many codes were sent today. Use a recovery code, or try again tomorrow.</sms.too-many>
    <sms.no-phone>Your profile has no mobile number. Use a recovery code.</sms.no-phone>
    <nav.unread>new</nav.unread>
    <nav.appeals>Appeals</nav.appeals>
    <ap.status.new>new</ap.status.new>
    <ap.status.in-progress>in progress</ap.status.in-progress>
    <ap.status.waiting>waiting for your answer</ap.status.waiting>
    <ap.status.resolved>resolved</ap.status.resolved>
    <ap.status.closed>closed</ap.status.closed>
  </xsl:template>
  <xsl:template name="messages-en-error">
    <error.read-only.title>View only</error.read-only.title>
    <error.read-only>A staff member viewing a subscriber's pages cannot change anything in them.</error.read-only>
    <error.forbidden.title>Not allowed</error.forbidden.title>
    <error.forbidden>Your role does not allow this action.</error.forbidden>
    <error.incident>Incident number:</error.incident>
    <error.home>Go to the home page</error.home>
    <error.generic.title>Error</error.generic.title>
    <error.generic>The request could not be completed.</error.generic>
    <error.not-found.title>Page not found</error.not-found.title>
    <error.not-found>This page does not exist or is not available to you. Check the address.</error.not-found>
    <error.method-not-allowed.title>Action not available</error.method-not-allowed.title>
    <error.method-not-allowed>This page does not accept that kind of request.</error.method-not-allowed>
    <error.csrf.title>The form has expired</error.csrf.title>
    <error.csrf>The form has expired or was sent from another site. Open the page again and repeat the action.</error.csrf>
    <error.bad-request.title>Bad request</error.bad-request.title>
    <error.bad-request>The request contains data we cannot accept. Check what you entered and try again.</error.bad-request>
    <error.too-large.title>Request too large</error.too-large.title>
    <error.too-large>Too much data was sent. Shorten what you entered and try again.</error.too-large>
    <error.uri-too-long.title>Address too long</error.uri-too-long.title>
    <error.uri-too-long>The page address is too long.</error.uri-too-long>
    <error.unsupported-media-type.title>Unsupported format</error.unsupported-media-type.title>
    <error.unsupported-media-type>The form was sent in a format this site does not accept.</error.unsupported-media-type>
    <error.db-down.title>Service temporarily unavailable</error.db-down.title>
    <error.db-down>We cannot process your request right now. Please try again in a few minutes.</error.db-down>
    <error.internal.title>Internal error</error.internal.title>
    <error.internal>Something went wrong on our side. Please try again later.</error.internal>
    <error.busy.title>Busy</error.busy.title>
    <error.busy>Too many operations at once. Please try again in a minute.</error.busy>
    <error.provider-down.title>Payment service unavailable</error.provider-down.title>
    <error.provider-down>The payment service is not answering. Nothing was charged; please try again in a few minutes.</error.provider-down>
    <error.mismatch.title>Payment mismatch</error.mismatch.title>
    <error.mismatch>The payment does not match our records.</error.mismatch>
    <error.bad-month.title>Wrong month</error.bad-month.title>
    <error.bad-month>A month is written as YYYY-MM, for example 2026-03.</error.bad-month>
    <error.payee-details.title>Receipt temporarily unavailable</error.payee-details.title>
    <error.payee-details>The organization is correcting its bank details, so the receipt cannot be shown yet. You can still pay under Payments or at the organization's cash desk.</error.payee-details>
    <error.no-email.title>No e-mail address</error.no-email.title>
    <error.no-email>To get receipts by e-mail, first add an e-mail address in your settings.</error.no-email>
    <error.link-invalid.title>The link is no longer valid</error.link-invalid.title>
    <error.link-invalid>The link has expired or has been used already. Please ask for a new one.</error.link-invalid>
    <error.invoice-paid.title>Paid already</error.invoice-paid.title>
    <error.invoice-paid>This invoice is paid already.</error.invoice-paid>
    <error.invoice-not-online.title>Not online</error.invoice-not-online.title>
    <error.invoice-not-online>This organization does not take payments online: pay the invoice at a bank by its details or QR code.</error.invoice-not-online>
  </xsl:template>
  <xsl:template name="messages-en-login">
    <login-code.title>Sign-in code</login-code.title>
    <login-code.intro>Enter the code from your authenticator app, or one of your recovery codes.</login-code.intro>
    <login-code.code>Code</login-code.code>
    <login-code.remember>Remember this browser for 30 days</login-code.remember>
    <login-code.intro-sms>We sent a code by SMS to the number ending in {end}. Enter it, or one of your recovery codes.</login-code.intro-sms>
    <login-code.resend>Send the code again</login-code.resend>
    <login.calculator>Work out a charge at the tariffs without signing in</login.calculator>
    <login.title>Sign in</login.title>
    <login.login>Login</login.login>
    <login.password>Password</login.password>
    <login.submit>Sign in</login.submit>
    <login.hint>Your provider gives you your login and password. Never tell anyone your password: staff will never ask for it.</login.hint>
    <error.login-required>Enter your login and password.</error.login-required>
    <error.bad-credentials>Invalid login or password</error.bad-credentials>
    <error.locked>Too many failed sign-in attempts. Try again in 15 minutes.</error.locked>
    <login.forgot>Forgot your password?</login.forgot>
    <login.register>No login yet? Register with your account number</login.register>
    <login.done.out>You have signed out.</login.done.out>
    <login.done.out-all>You have signed out on every device.</login.done.out-all>
    <login.done.joined>Your login is ready: sign in with the password you have just chosen to see the account shared with you.</login.done.joined>
    <back.login>Back to sign-in</back.login>
    <register.title>Registration</register.title>
    <register.intro>If you have an account but no login, register: a password is sent by SMS to the phone in your contract with the organization, and a confirmation link to your e-mail.</register.intro>
    <register.org>Organization</register.org>
    <register.choose>— choose —</register.choose>
    <register.number>Account number</register.number>
    <register.email>E-mail</register.email>
    <register.phone>Mobile phone</register.phone>
    <register.phone-hint>The one in your contract, e.g. +7 912 345-67-89.</register.phone-hint>
    <register.submit>Register</register.submit>
    <register.call>The organization's phone:</register.call>
    <register-sent.title>Almost there</register-sent.title>
    <register-sent.text>Your password was sent by SMS; your login is your account number. A link to confirm your e-mail address was sent to it; it is valid for 24 hours.</register-sent.text>
    <recover.title>Password recovery</recover.title>
    <recover.intro>Enter your login or e-mail address. We will send a link to change the password by e-mail, or a code by SMS to the phone the organization has on file.</recover.intro>
    <recover.who>Login or e-mail</recover.who>
    <recover.how>How to receive it</recover.how>
    <recover.by-email>A link by e-mail (valid for 1 hour)</recover.by-email>
    <recover.by-sms>A code by SMS (6 digits)</recover.by-sms>
    <recover.submit>Continue</recover.submit>
    <recover.save>Save the password</recover.save>
    <recover-sent.title>Check your e-mail</recover-sent.title>
    <recover-sent.text>If that login or address exists, a link to change the password has been sent. It is valid for 1 hour and works once.</recover-sent.text>
    <recover-link.title>New password</recover-link.title>
    <recover-code.title>The code from the SMS</recover-code.title>
    <recover-code.intro>If that login or address exists, a 6-digit code has been sent to the phone. It is valid for 10 minutes; you have 5 tries.</recover-code.intro>
    <recover-code.code>Code from the SMS</recover-code.code>
    <recover-code.tries-left>Tries left:</recover-code.tries-left>
    <recover-code.again>Get a new code</recover-code.again>
    <recover-done.title>Password changed</recover-done.title>
    <recover-done.text>Your new password is saved. Every open session has ended: please sign in again.</recover-done.text>
    <email-confirm.title>Confirm your e-mail address</email-confirm.title>
    <email-confirm.text>Press the button to have mail sent to</email-confirm.text>
    <email-confirm.submit>Confirm the address</email-confirm.submit>
    <email-confirmed.title>Address confirmed</email-confirmed.title>
    <email-confirmed.text>Mail will now go to</email-confirmed.text>
    <pw.new>New password</pw.new>
    <pw.confirm>New password again</pw.confirm>
    <pw.rules>At least 12 characters, hard to guess: not your login, name or address, not common words, repeats or keyboard rows. A few words with spaces work well.</pw.rules>
    <field.org>Choose an organization from the list.</field.org>
    <field.number>An account number is 1 to 20 digits and Latin letters.</field.number>
    <field.email>An e-mail address like name@example.com.</field.email>
    <field.phone>A mobile phone number, e.g. +7 912 345-67-89.</field.phone>
    <field.who>Enter your login or e-mail address.</field.who>
    <field.method>Choose how to receive the link or code.</field.method>
    <field.code>Enter the 6-digit code from the SMS.</field.code>
    <field.new_password>Enter a new password.</field.new_password>
    <field.confirm_password>Repeat the new password.</field.confirm_password>
    <error.form-invalid>Please check the marked fields.</error.form-invalid>
    <error.too-many>Too many requests. Please try again in an hour.</error.too-many>
    <error.phone-mismatch>We cannot send the SMS: this phone is not the one in your contract. Please update your phone number with the organization, by phone or at its office.</error.phone-mismatch>
    <error.already-registered>This account already has a login. If you forgot the password, recover it.</error.already-registered>
    <error.code-wrong>The code is wrong or has expired.</error.code-wrong>
    <error.password-short>The password must be at least 12 characters long.</error.password-short>
    <error.password-login>The password must not be your login.</error.password-login>
    <error.password-common>This password is too common: it is the first one guessed. Please choose another.</error.password-common>
    <error.password-personal>This password is easy to guess: it holds your login, name, phone or e-mail address. Please choose another.</error.password-personal>
    <error.password-words>This password is easy to guess: it is made of common words or passwords. Add more words or use a longer phrase.</error.password-words>
    <error.password-repeats>This password is easy to guess: it repeats the same thing. Please choose another.</error.password-repeats>
    <error.password-sequence>This password is easy to guess: it holds a sequence like 12345 or abcde. Please choose another.</error.password-sequence>
    <error.password-keyboard>This password is easy to guess: it is keys next to each other, like qwerty. Please choose another.</error.password-keyboard>
    <error.password-date>This password is easy to guess: it holds a date or a year. Please choose another.</error.password-date>
    <error.password-guessable>This password is easy to guess. Try a few words with spaces between them.</error.password-guessable>
    <error.password-mismatch>The passwords do not match.</error.password-mismatch>
  </xsl:template>
  <xsl:template name="messages-en-home">
    <home.to-pay>To pay</home.to-pay>
    <home.nothing-to-pay>Nothing is due</home.nothing-to-pay>
    <home.accounts>Your accounts</home.accounts>
    <home.payments>Recent payments</home.payments>
    <home.no-payments>No payments yet.</home.no-payments>
    <home.chart>Charges and payments, last 12 months</home.chart>
    <home.no-accounts>No account is linked yet. Add one to see its charges and payments.</home.no-accounts>
    <home.profile>Profile</home.profile>
    <home.chart-table>Figures</home.chart-table>
    <home.title>Home</home.title>
    <home.greeting>Hello</home.greeting>
    <home.login>Login</home.login>
    <home.email>E-mail</home.email>
    <home.phone>Phone</home.phone>
    <home.previous-login>Previous sign-in</home.previous-login>
    <home.from-address>from address</home.from-address>
    <home.first-login>This is your first sign-in</home.first-login>
    <home.not-you>If the previous sign-in was not you, change your password and tell your provider.</home.not-you>
  </xsl:template>
  <xsl:template name="messages-en-accounts">
    <info.offices>Offices</info.offices>
    <add.title>Add an account</add.title>
    <add.intro>To confirm the account is yours, give the month and the amount of its most recent payment: they are on the receipt or your bank statement.</add.intro>
    <add.org>Provider</add.org>
    <add.number>Account number</add.number>
    <add.month>Month of the last payment</add.month>
    <add.year>Year</add.year>
    <add.amount>Amount of the last payment</add.amount>
    <add.choose>— choose —</add.choose>
    <add.submit>Add account</add.submit>
    <add.cancel>Cancel</add.cancel>
    <field.org>Choose a provider from the list.</field.org>
    <field.number>An account number has 1 to 20 digits and Latin letters.</field.number>
    <field.month>Choose a month.</field.month>
    <field.year>The year has four digits, 2000 to 2099.</field.year>
    <field.amount>The amount is a number above zero with at most two decimals, e.g. 1,234.56.</field.amount>
    <error.form-invalid>Please check the marked fields.</error.form-invalid>
    <error.link-mismatch>These details do not match the last payment on that account. Check the account number, the month and the amount.</error.link-mismatch>
    <error.link-locked>Too many failed attempts to add an account. Try again in an hour.</error.link-locked>
    <error.already-linked>This account is already in your portal.</error.already-linked>
    <remove.title>Remove an account</remove.title>
    <remove.question>Remove this account from your portal?</remove.question>
    <remove.hint>The account itself and its history do not change. You can add it again at any time.</remove.hint>
    <remove.yes>Yes, remove it</remove.yes>
    <remove.no>No, keep it</remove.no>
    <info.title>Account details</info.title>
    <info.residents>Registered residents</info.residents>
    <info.area>Area, m²</info.area>
    <info.phone>Phone</info.phone>
    <info.meters>Meters replaced on</info.meters>
    <info.none>not on file</info.none>
    <info.org>Provider</info.org>
    <info.org-address>Address</info.org-address>
    <info.phones>Phones</info.phones>
    <info.email>E-mail</info.email>
    <info.inn>Tax number (INN)</info.inn>
    <info.bank>Bank</info.bank>
    <info.bic>BIC</info.bic>
    <info.bank-account>Bank account</info.bank-account>
    <info.corr-account>Correspondent account</info.corr-account>
    <access.rights.view>View only: balances, statements, receipts, payments</access.rights.view>
    <access.rights.readings>Submit meter readings only</access.rights.readings>
    <access.rights.pay>View and pay</access.rights.pay>
    <access.rights.full>Everything but inviting others</access.rights.full>
    <access.rights.holder>Holder</access.rights.holder>
    <access.title>Who else may use this account</access.title>
    <access.link>Access for others</access.link>
    <access.intro>Give a relative, a tenant or an accountant access to this account with only the rights they need. They sign in with their own login; you can change or take back their access at any time, and it ends at once.</access.intro>
    <access.done.invited>The invitation is sent. The link works once, for 24 hours.</access.done.invited>
    <access.done.changed>The rights are changed.</access.done.changed>
    <access.done.revoked>The access is taken back.</access.done.revoked>
    <access.done.cancelled>The invitation is cancelled.</access.done.cancelled>
    <access.delegates>People with access</access.delegates>
    <access.none>Nobody else has access to this account.</access.none>
    <access.since>since</access.since>
    <access.rights>Rights</access.rights>
    <access.change>Change</access.change>
    <access.revoke>Take access back</access.revoke>
    <access.invitations>Invitations not yet accepted</access.invitations>
    <access.until>valid until</access.until>
    <access.cancel>Cancel</access.cancel>
    <access.invite.title>Invite someone</access.invite.title>
    <access.invite.hint>We send a link to this e-mail address or phone. Only a person signed in with that address or phone can accept it.</access.invite.hint>
    <access.contact>E-mail or mobile phone</access.contact>
    <access.invite.submit>Send the invitation</access.invite.submit>
    <access.others>What others did on this account</access.others>
    <access.others.reading>reading of meter</access.others.reading>
    <access.others.payment>payment</access.others.payment>
    <access.record>Access record</access.record>
    <access.event.invited>invited</access.event.invited>
    <access.event.accepted>accepted the invitation</access.event.accepted>
    <access.event.changed>changed the rights of</access.event.changed>
    <access.event.revoked>took back the access of</access.event.revoked>
    <access.event.left>gave up their access</access.event.left>
    <access.event.cancelled>cancelled the invitation to</access.event.cancelled>
    <access.shared.title>Shared with you</access.shared.title>
    <access.shared.by>shared by</access.shared.by>
    <access.shared.badge>Shared with you</access.shared.badge>
    <access.leave>Give up access</access.leave>
    <access.accept.title>Invitation to an account</access.accept.title>
    <access.accept.offers>gives you access to this account:</access.accept.offers>
    <access.accept.yes>Accept</access.accept.yes>
    <access.accept.no>Decline</access.accept.no>
    <accounts.done.shared>You have access to the account now; it is the current one</accounts.done.shared>
    <accounts.done.declined>The invitation is declined</accounts.done.declined>
    <accounts.done.left>You no longer have access to that account</accounts.done.left>
    <field.contact>An e-mail address like name@example.com, or a mobile phone such as +7 912 345-67-89.</field.contact>
    <field.rights>Choose what they may do.</field.rights>
    <error.access-self>That is your own address or phone: invite someone else.</error.access-self>
    <error.access-too-many>This account has 20 people and invitations already: take back or cancel one first.</error.access-too-many>
    <error.access-invite-limit>You have sent 20 invitations today, the most a day. Try again tomorrow.</error.access-invite-limit>
    <error.invitation-unknown>This invitation link is not valid. Check that it was copied whole.</error.invitation-unknown>
    <error.invitation-used>This invitation has been used already. Ask the account holder for a new one.</error.invitation-used>
    <error.invitation-cancelled>The account holder cancelled this invitation.</error.invitation-cancelled>
    <error.invitation-expired>This invitation has expired: it works for 24 hours. Ask the account holder for a new one.</error.invitation-expired>
    <error.invitation-not-yours>This invitation was sent to someone else. Sign in with the login whose e-mail address or phone it was sent to.</error.invitation-not-yours>
    <error.invitation-own-account>This account is already yours.</error.invitation-own-account>
    <alert.title>Balance alert</alert.title>
    <alert.intro>Be told, by your choices for reminders, when this account's balance (what it holds in advance, less what it owes) falls under an amount. Once, and again after it has come back up. A debt is a balance under zero: 0 tells you of any debt.</alert.intro>
    <alert.done.alert-set>The alert is set.</alert.done.alert-set>
    <alert.done.alert-off>The alert is off.</alert.done.alert-off>
    <alert.now>You are told when the balance falls under</alert.now>
    <alert.none>No alert is set for this account.</alert.none>
    <alert.threshold>Tell me when the balance falls under</alert.threshold>
    <alert.set>Set the alert</alert.set>
    <alert.off>Turn the alert off</alert.off>
    <field.threshold>An amount with at most two decimals, e.g. 500 or -1000 (a debt over 1 000).</field.threshold>
    <access.role.view>Viewer: view only</access.role.view>
    <access.role.full>Accountant: everything but inviting</access.role.full>
    <access.company.title>The company this account belongs to</access.company.title>
    <access.company.hint>If the account is a company's, name it: invoices name it as the payer, and the people you invite are its viewers and accountants. Leave it empty for a person's account.</access.company.hint>
    <access.company.name>Company name</access.company.name>
    <access.company.tax-id>INN (or BIN in Kazakhstan)</access.company.tax-id>
    <access.company.kpp>KPP, if it has one</access.company.kpp>
    <access.company.address>Legal address</access.company.address>
    <access.company.save>Save the company</access.company.save>
    <access.company.off>The account is a person's</access.company.off>
    <access.done.company>The company is saved.</access.done.company>
    <access.done.company-off>The account is a person's again.</access.done.company-off>
    <field.name>The company's name, up to 200 characters.</field.name>
    <field.tax_id>An INN of 10 or 12 digits, or a BIN of 12, with its check digit right.</field.tax_id>
    <field.kpp>A KPP is 9 digits; leave it empty if there is none.</field.kpp>
    <field.address>The legal address, up to 300 characters.</field.address>
    <pw.new>New password</pw.new>
    <pw.confirm>New password again</pw.confirm>
    <pw.rules>At least 12 characters, hard to guess: not your login, name or address, not common words, repeats or keyboard rows. A few words with spaces work well.</pw.rules>
    <field.new_password>Enter a new password.</field.new_password>
    <field.confirm_password>Repeat the new password.</field.confirm_password>
    <error.password-short>The password must be at least 12 characters long.</error.password-short>
    <error.password-login>The password must not be your login.</error.password-login>
    <error.password-common>This password is too common: it is the first one guessed. Please choose another.</error.password-common>
    <error.password-personal>This password is easy to guess: it holds your login, name, phone or e-mail address. Please choose another.</error.password-personal>
    <error.password-words>This password is easy to guess: it is made of common words or passwords. Add more words or use a longer phrase.</error.password-words>
    <error.password-repeats>This password is easy to guess: it repeats the same thing. Please choose another.</error.password-repeats>
    <error.password-sequence>This password is easy to guess: it holds a sequence like 12345 or abcde. Please choose another.</error.password-sequence>
    <error.password-keyboard>This password is easy to guess: it is keys next to each other, like qwerty. Please choose another.</error.password-keyboard>
    <error.password-date>This password is easy to guess: it holds a date or a year. Please choose another.</error.password-date>
    <error.password-guessable>This password is easy to guess. Try a few words with spaces between them.</error.password-guessable>
    <error.password-mismatch>The passwords do not match.</error.password-mismatch>
    <join.title>Make a login to accept the invitation</join.title>
    <join.offers>gives you access to this account. Make a login to take it: it will be the address or phone the invitation came to.</join.offers>
    <join.login>Your login</join.login>
    <join.name>Your name</join.name>
    <join.submit>Make the login and accept</join.submit>
    <join.have-login>Have a login already? Sign in and open the invitation again.</join.have-login>
    <error.name-join>Your name, as the account holder will see it.</error.name-join>
    <error.join-login-taken>There is a login with this address or phone already: sign in with it and open the invitation again.</error.join-login-taken>
  </xsl:template>
  <xsl:template name="messages-en-services">
    <services.title>Services</services.title>
    <services.change>Change account</services.change>
    <services.service>Service</services.service>
    <services.supplier>Supplier</services.supplier>
    <services.tariff>Rate</services.tariff>
    <services.balance>Balance</services.balance>
    <services.statement>Statement</services.statement>
    <services.history>Charges and payments</services.history>
    <services.filter>Period and service</services.filter>
    <services.from>From month</services.from>
    <services.to>To month</services.to>
    <services.month-format>YYYY-MM</services.month-format>
    <services.which>Service</services.which>
    <services.all>All services</services.all>
    <services.show>Show</services.show>
    <services.empty>Nothing was charged in this period.</services.empty>
    <services.no-account>Add an account first; its services will show here.</services.no-account>
    <error.bad-month>Give a month as YYYY-MM, for example 2026-03.</error.bad-month>
    <error.period-reversed>The period starts after it ends. Swap the months.</error.period-reversed>
    <error.period-too-long>A period can be at most 60 months long.</error.period-too-long>
    <statement.title>Service statement</statement.title>
    <act.title>Reconciliation statement</act.title>
    <rendered.title>Act of services rendered</rendered.title>
    <rendered.by>Rendered by</rendered.by>
    <rendered.to>Rendered to</rendered.to>
    <rendered.month>Month</rendered.month>
    <rendered.amount>Amount</rendered.amount>
    <rendered.note>The services above were rendered in full and on time; the customer has no claims as to their volume, quality or timing.</rendered.note>
    <act.between>Of the settlements between</act.between>
    <act.and>and</act.and>
    <act.entry>Entry</act.entry>
    <act.debit>Debit</act.debit>
    <act.credit>Credit</act.credit>
    <act.opening>Balance at the start of the period</act.opening>
    <act.charged>Charged for</act.charged>
    <act.corrected>Recalculated for</act.corrected>
    <act.paid>Paid in</act.paid>
    <act.turnover>Turnover for the period</act.turnover>
    <act.closing>Balance at the end of the period</act.closing>
    <act.owes>At the end of the period the payer owes:</act.owes>
    <act.ahead>At the end of the period the payer has paid ahead:</act.ahead>
    <act.settled>At the end of the period nothing is owed either way.</act.settled>
    <statement.account>Account</statement.account>
    <statement.period>Period</statement.period>
    <statement.unit>Unit</statement.unit>
    <statement.corrections>Adjustments</statement.corrections>
    <statement.reason>Reason</statement.reason>
    <statement.amount>Amount</statement.amount>
    <statement.print>To print, use your browser's Print command (Ctrl+P): the page is laid out for A4.</statement.print>
    <statement.back>Back to services</statement.back>
    <docs.title>Documents</docs.title>
    <docs.months>Receipts and acts by month</docs.months>
    <docs.receipt>Receipt</docs.receipt>
    <docs.invoices>Invoices</docs.invoices>
    <docs.no-invoices>No invoices were made in this period.</docs.no-invoices>
    <inv.title>Invoice</inv.title>
    <inv.of>of</inv.of>
    <inv.paid>Paid</inv.paid>
    <inv.unpaid>Not paid yet</inv.unpaid>
    <inv.new>Ask for an invoice</inv.new>
    <inv.new-hint>An invoice (счёт на оплату) to print, to hand to an accountant or to pay online: for one service or for the account as a whole. It is numbered by the organization.</inv.new-hint>
    <inv.service>For</inv.service>
    <inv.all-services>All the account's services</inv.all-services>
    <inv.amount>Amount</inv.amount>
    <inv.make>Make the invoice</inv.make>
    <inv.payee>Payee</inv.payee>
    <inv.inn>INN</inv.inn>
    <inv.payee-address>Address</inv.payee-address>
    <inv.bank>Bank</inv.bank>
    <inv.bic>BIC</inv.bic>
    <inv.bank-account>Account</inv.bank-account>
    <inv.corr-account>Correspondent account</inv.corr-account>
    <inv.payer>Payer</inv.payer>
    <inv.what>What for</inv.what>
    <inv.for-account>Services to account</inv.for-account>
    <inv.qr>QR code to pay this invoice in a banking app</inv.qr>
    <inv.pay>Pay online</inv.pay>
    <field.amount>The amount is a number above zero with at most two decimals, e.g. 1,234.56.</field.amount>
    <field.service>Choose one of the account's services, or all of them.</field.service>
    <inv.tax-id>INN / BIN</inv.tax-id>
    <inv.kpp>KPP</inv.kpp>
    <inv.legal-address>Legal address</inv.legal-address>
    <inv.quantity>Or a quantity, at the service's tariff</inv.quantity>
    <inv.quantity-hint>Choose the service above and leave the amount empty: the invoice asks for this many units at the latest month's rate.</inv.quantity-hint>
    <field.quantity>A quantity above zero with at most three decimals, e.g. 1000 or 12.5.</field.quantity>
    <error.one-of>Give an amount or a quantity, not both.</error.one-of>
    <error.needs-tariff>Choose a service billed by a tariff to ask for a quantity of it.</error.needs-tariff>
    <services.lines>Internet connections</services.lines>
    <services.line.plan>Plan</services.line.plan>
    <services.line.speed>Speed</services.line.speed>
    <services.line.mbps>Mbit/s</services.line.mbps>
    <services.line.fee>Monthly fee</services.line.fee>
    <services.line.login>Connection login</services.line.login>
    <services.line.ip>IP address</services.line.ip>
    <services.line.state>State</services.line.state>
    <services.line.active>Active</services.line.active>
    <services.line.suspended>Suspended for debt</services.line.suspended>
    <services.promise.running>Enabled on a promised payment until</services.promise.running>
    <services.promise.used>The promised payment has been used this month; it can be asked for again next month.</services.promise.used>
    <services.promise.offer1>A promised payment enables the line for</services.promise.offer1>
    <services.promise.offer2>days while you pay, once a month, when the debt is at most</services.promise.offer2>
    <services.promise.ask>Enable on a promised payment</services.promise.ask>
    <services.promise.done>The line is enabled on a promised payment. Please pay before it ends.</services.promise.done>
    <error.promise-over-limit>The debt is above the limit for a promised payment: please pay it, or part of it, first.</error.promise-over-limit>
    <error.promise-used>The promised payment has been used this month already.</error.promise-used>
    <error.promise-running>A promised payment is running already.</error.promise-running>
    <error.promise-active>The line is not suspended: there is nothing to enable.</error.promise-active>
    <error.promise-off>Your organization does not offer a promised payment.</error.promise-off>
    <events.title>Alarm events</events.title>
    <events.objects>Protected objects</events.objects>
    <events.address>Address</events.address>
    <events.type>Type</events.type>
    <events.state>State</events.state>
    <events.state.armed>Armed</events.state.armed>
    <events.state.disarmed>Disarmed</events.state.disarmed>
    <events.state.alarm>Alarm</events.state.alarm>
    <events.state.fault>Fault</events.state.fault>
    <events.log>Event log</events.log>
    <events.no-objects>No protected object is monitored on this account.</events.no-objects>
    <events.none>No events in this period.</events.none>
    <events.when>When</events.when>
    <events.what>Event</events.what>
    <events.zone>Zone</events.zone>
    <events.who>Who</events.who>
    <events.kind.armed>Armed</events.kind.armed>
    <events.kind.disarmed>Disarmed</events.kind.disarmed>
    <events.kind.alarm>Alarm</events.kind.alarm>
    <events.kind.fault>Fault</events.kind.fault>
    <events.kind.restored>Restored</events.kind.restored>
    <events.truncated>Only the latest 500 events of the period are shown: choose a shorter period to see the others.</events.truncated>
    <usage.title>Calls and sessions</usage.title>
    <usage.of.call>Call statement</usage.of.call>
    <usage.of.session>Internet sessions</usage.of.session>
    <usage.one.call>Call</usage.one.call>
    <usage.one.session>Session</usage.one.session>
    <usage.kind>Show</usage.kind>
    <usage.start>Start</usage.start>
    <usage.end>End</usage.end>
    <usage.service>Service</usage.service>
    <usage.what>What</usage.what>
    <usage.number>Number</usage.number>
    <usage.duration>Duration</usage.duration>
    <usage.seconds>Duration, s</usage.seconds>
    <usage.traffic>Traffic</usage.traffic>
    <usage.in>Received</usage.in>
    <usage.out>Sent</usage.out>
    <usage.bytes-in>Received, bytes</usage.bytes-in>
    <usage.bytes-out>Sent, bytes</usage.bytes-out>
    <usage.mb>MB</usage.mb>
    <usage.cost>Cost</usage.cost>
    <usage.in-plan>in the plan</usage.in-plan>
    <usage.count>Records</usage.count>
    <usage.none>No calls or sessions in this period.</usage.none>
    <usage.nothing>No calls or internet sessions are recorded for this account.</usage.nothing>
    <usage.truncated>Only the latest 500 records of the period are shown; the totals above are of all of them. Download the file, or choose a shorter period, to see the others.</usage.truncated>
    <usage.download>Download the period:</usage.download>
    <error.bad-kind>Choose calls, sessions, or both.</error.bad-kind>
    <error.usage-too-many>The period has more than 50 000 records, too many for one file: choose a shorter period.</error.usage-too-many>
  </xsl:template>
  <xsl:template name="messages-en-calculator">
    <calc.meter>Meter</calc.meter>
    <calc.no-meter>— by tariff, no meter —</calc.no-meter>
    <calc.title>Charge calculator</calc.title>
    <calc.intro>Enter your meter's readings on two dates: the calculator shows the consumption and what it costs at the current tariffs. Nothing is stored.</calc.intro>
    <calc.org>Provider</calc.org>
    <calc.show-plans>Show tariffs</calc.show-plans>
    <calc.plan>Tariff</calc.plan>
    <calc.no-plans>This provider publishes no tariffs.</calc.no-plans>
    <calc.residents>Registered residents</calc.residents>
    <calc.household>Stove and household</calc.household>
    <hh.gas>gas stove</hh.gas>
    <hh.gas-alone>gas stove, living alone</hh.gas-alone>
    <hh.estove>electric stove</hh.estove>
    <hh.estove-alone>electric stove, living alone</hh.estove-alone>
    <hh.eheating>home heated by electricity</hh.eheating>
    <calc.from>Date of the previous reading</calc.from>
    <calc.to>Date of the current reading</calc.to>
    <calc.date-format>YYYY-MM-DD</calc.date-format>
    <calc.prev>Previous reading</calc.prev>
    <calc.curr>Current reading</calc.curr>
    <calc.zones>Readings by zone</calc.zones>
    <zone.1-of-1>Meter</zone.1-of-1>
    <zone.1-of-2>T1, day (07–23)</zone.1-of-2>
    <zone.2-of-2>T2, night (23–07)</zone.2-of-2>
    <zone.1-of-3>T1, peak (07–10, 17–21)</zone.1-of-3>
    <zone.2-of-3>T2, night (23–07)</zone.2-of-3>
    <zone.3-of-3>T3, semi-peak (10–17, 21–23)</zone.3-of-3>
    <tier.1-of-1>all of it</tier.1-of-1>
    <tier.1-of-2>within the social norm</tier.1-of-2>
    <tier.2-of-2>above the social norm</tier.2-of-2>
    <tier.1-of-3>level 1</tier.1-of-3>
    <tier.2-of-3>level 2</tier.2-of-3>
    <tier.3-of-3>level 3</tier.3-of-3>
    <calc.rollover>The meter passed zero (the current reading is below the previous one)</calc.rollover>
    <calc.submit>Calculate</calc.submit>
    <calc.result>Calculation</calc.result>
    <calc.consumption>Consumption</calc.consumption>
    <calc.zone>Zone</calc.zone>
    <calc.tier>Volume</calc.tier>
    <calc.quantity>Quantity</calc.quantity>
    <calc.rate>Rate</calc.rate>
    <calc.amount>Amount</calc.amount>
    <calc.vat>VAT</calc.vat>
    <calc.vat-included>of which VAT</calc.vat-included>
    <calc.vat-added>VAT is added to the rate</calc.vat-added>
    <calc.total>Total</calc.total>
    <calc.valid>Tariff valid from</calc.valid>
    <calc.from-to>to</calc.from-to>
    <calc.hint>An estimate: the bill also reflects recalculations and the readings your provider accepted.</calc.hint>
    <error.form-invalid>Please check the marked fields.</error.form-invalid>
    <error.choose>Choose a value from the list.</error.choose>
    <error.residents>Residents: 1 to 20.</error.residents>
    <error.required>Fill this in.</error.required>
    <error.bad-date>Give a date as YYYY-MM-DD, for example 2026-03-01.</error.bad-date>
    <error.bad-number>A reading is a number without a sign and with at most three decimals.</error.bad-number>
    <error.dates-reversed>The current reading's date must be after the previous one's.</error.dates-reversed>
    <error.date-future>A reading cannot be dated in the future.</error.date-future>
    <error.period-too-long>At most 366 days between the readings.</error.period-too-long>
    <error.below-previous>The current reading is below the previous one. If the meter passed zero, tick the box below.</error.below-previous>
    <error.rollover-implausible>Even past zero, that consumption is implausible. Check the readings.</error.rollover-implausible>
    <error.no-tariff>The chosen tariff has no prices for these dates. Choose other dates.</error.no-tariff>
    <error.too-many-tariffs>The tariff or the VAT rate changed too many times in this period. Split the period.</error.too-many-tariffs>
  </xsl:template>
  <xsl:template name="messages-en-readings">
    <rd.title>Meter readings</rd.title>
    <rd.intro>Enter each meter's current reading. The fields hold the last accepted readings: change the ones you have read.</rd.intro>
    <rd.window>Readings are accepted from day</rd.window>
    <rd.window-to>to</rd.window-to>
    <rd.window-day>of the month</rd.window-day>
    <rd.window-closed>Submission is closed now.</rd.window-closed>
    <rd.window-opens>It opens on</rd.window-opens>
    <rd.all-closed>You can check readings now but not send them: they can be sent on the days they are accepted.</rd.all-closed>
    <rd.meter>Meter</rd.meter>
    <rd.account>Account</rd.account>
    <rd.verification>Verification due</rd.verification>
    <rd.last>Last reading</rd.last>
    <rd.new>Current reading</rd.new>
    <rd.consumed>Consumption</rd.consumed>
    <rd.own-before>You sent </rd.own-before>
    <rd.own-after> already; until the organization takes it, you can correct it: type the right reading and send it.</rd.own-after>
    <error.reading-taken>The organization has taken this reading already; it can no longer be corrected. If it is wrong, call the organization.</error.reading-taken>
    <rd.unusual>More than three times the usual consumption. Check the reading: you can still send it.</rd.unusual>
    <rd.estimate>Estimated charge</rd.estimate>
    <rd.rollover>The meter passed zero</rd.rollover>
    <rd.preview>Check</rd.preview>
    <rd.submit>Send readings</rd.submit>
    <rd.preview-title>Check before sending</rd.preview-title>
    <rd.done>Readings accepted. Thank you!</rd.done>
    <rd.history>Reading history</rd.history>
    <rd.none>No meter is registered on your accounts.</rd.none>
    <rd.date>Date</rd.date>
    <rd.value>Reading</rd.value>
    <rd.source>Source</rd.source>
    <rd.status>Status</rd.status>
    <rd.back>Back to readings</rd.back>
    <src.subscriber>subscriber</src.subscriber>
    <src.staff>staff</src.staff>
    <src.import>import</src.import>
    <st.accepted>accepted</st.accepted>
    <st.rejected>rejected</st.rejected>
    <st.replaced>corrected</st.replaced>
    <st.pending>pending</st.pending>
    <zone.1-of-1>Meter</zone.1-of-1>
    <zone.1-of-2>T1, day (07–23)</zone.1-of-2>
    <zone.2-of-2>T2, night (23–07)</zone.2-of-2>
    <zone.1-of-3>T1, peak (07–10, 17–21)</zone.1-of-3>
    <zone.2-of-3>T2, night (23–07)</zone.2-of-3>
    <zone.3-of-3>T3, semi-peak (10–17, 21–23)</zone.3-of-3>
    <error.form-invalid>Please check the marked fields.</error.form-invalid>
    <error.required>Fill this in.</error.required>
    <error.bad-reading>A reading is a number without a sign and with at most three decimals.</error.bad-reading>
    <error.whole-reading>This meter's reading is a whole number, without decimals.</error.whole-reading>
    <error.below-previous>Below the previous reading. If the meter passed zero, tick the box.</error.below-previous>
    <error.rollover-implausible>Even past zero, that consumption is implausible. Check the reading.</error.rollover-implausible>
    <error.window-closed>This account's readings are not accepted now: see the days above.</error.window-closed>
    <error.nothing-new>Nothing new: change at least one meter's reading.</error.nothing-new>
  </xsl:template>
  <xsl:template name="messages-en-payments">
    <pay.history>Payments</pay.history>
    <pay.title>Pay</pay.title>
    <pay.pay>Pay</pay.pay>
    <pay.result>Payment result</pay.result>
    <pay.autopay>Autopay</pay.autopay>
    <pay.filter>Period and accounts</pay.filter>
    <pay.from>From</pay.from>
    <pay.to>To</pay.to>
    <pay.month-format>YYYY-MM</pay.month-format>
    <pay.which>Accounts</pay.which>
    <pay.current-account>Current account</pay.current-account>
    <pay.all-accounts>All accounts</pay.all-accounts>
    <pay.show>Show</pay.show>
    <pay.by-service>Service</pay.by-service>
    <pay.any-service>Every service</pay.any-service>
    <pay.by-channel>Paid by</pay.by-channel>
    <pay.any-channel>Any way</pay.any-channel>
    <pay.sort>Order</pay.sort>
    <pay.sort.newest>Newest first</pay.sort.newest>
    <pay.sort.oldest>Oldest first</pay.sort.oldest>
    <pay.sort.largest>Largest first</pay.sort.largest>
    <pay.sort.smallest>Smallest first</pay.sort.smallest>
    <pay.none>No payments in this period.</pay.none>
    <pay.when>Date and time</pay.when>
    <pay.account>Account</pay.account>
    <pay.amount>Amount</pay.amount>
    <pay.source>Paid by</pay.source>
    <pay.status>Status</pay.status>
    <pay.split>Split over services</pay.split>
    <pay.truncated>Not every payment is shown: choose a shorter period.</pay.truncated>
    <status.pending>awaiting confirmation</status.pending>
    <status.succeeded>credited</status.succeeded>
    <status.canceled>failed</status.canceled>
    <pay.no-account>No account is linked to your profile yet.</pay.no-account>
    <pay.add-account>Add an account</pay.add-account>
    <pay.off>Paying by card through this portal is not available now. You can pay at a bank or at the organization's cash desk.</pay.off>
    <pay.intro>Enter an amount for one or more accounts. The next step shows how it is split over services; the card is entered on the payment service's secure page.</pay.intro>
    <pay.due>Due</pay.due>
    <pay.advance>paid ahead</pay.advance>
    <pay.amount-label>Amount, ₽</pay.amount-label>
    <pay.not-payable>This account cannot be paid by card here: the organization takes payments at banks or at its own cash desk.</pay.not-payable>
    <pay.limits>One payment may be</pay.limits>
    <pay.save>Remember the card for autopay (the payment service keeps the card, not us)</pay.save>
    <pay.next>Next</pay.next>
    <pay.preview>Check the payment. This is how it will be split over services.</pay.preview>
    <pay.service>Service</pay.service>
    <pay.supplier>Supplier</pay.supplier>
    <pay.balance>Owed (+) or ahead (−)</pay.balance>
    <pay.share>From this payment</pay.share>
    <pay.after>Still to pay after the payment:</pay.after>
    <pay.rule>A payment short of what is due is shared between the services in proportion to what each asks (Rules 354 of the Russian Government, p. 118); anything beyond is an advance on the services. You can change the split in the “From this payment” fields and recalculate.</pay.rule>
    <pay.total>Total to pay:</pay.total>
    <pay.card-note>You enter the card on YooKassa's page; this portal never receives or stores it.</pay.card-note>
    <pay.back>Change</pay.back>
    <pay.go>Pay</pay.go>
    <pay.succeeded>The payment went through and has been credited:</pay.succeeded>
    <pay.canceled>The payment did not go through.</pay.canceled>
    <pay.try-again>Try again</pay.try-again>
    <pay.pending>The payment is waiting for the bank's confirmation. We will credit it as soon as the bank confirms, and e-mail you.</pay.pending>
    <pay.refresh>Check again</pay.refresh>
    <pay.unchecked>The payment service could not be asked just now; this is the last status we know.</pay.unchecked>
    <pay.fiscal>Fiscal receipt</pay.fiscal>
    <pay.fiscal.fn>Fiscal storage number (FN)</pay.fiscal.fn>
    <pay.fiscal.fd>Fiscal document number (FD)</pay.fiscal.fd>
    <pay.fiscal.fp>Fiscal sign (FP)</pay.fiscal.fp>
    <pay.fiscal.at>Registered</pay.fiscal.at>
    <pay.fiscal.check>Check the receipt at the fiscal data operator</pay.fiscal.check>
    <pay.fiscal.waiting>The fiscal receipt has not been registered yet; it will be shown here and sent to you when it is.</pay.fiscal.waiting>
    <pay.fiscal.short>Receipt:</pay.fiscal.short>
    <pay.fiscal.fn-short>FN</pay.fiscal.fn-short>
    <pay.fiscal.fd-short>FD</pay.fiscal.fd-short>
    <pay.fiscal.fp-short>FP</pay.fiscal.fp-short>
    <pay.autopay-offer>Turn on autopay</pay.autopay-offer>
    <pay.autopay-intro>Every month on the day you choose we charge what is due, up to your limit, to the card</pay.autopay-intro>
    <pay.day>Day of the month</pay.day>
    <pay.choose-day>Choose</pay.choose-day>
    <pay.max>At most, ₽</pay.max>
    <pay.enable>Turn on</pay.enable>
    <pay.card>Card</pay.card>
    <pay.disable>Turn off</pay.disable>
    <pay.autopay-saved>Autopay settings saved.</pay.autopay-saved>
    <pay.autopay-how>Turning autopay off deletes the saved card.</pay.autopay-how>
    <pay.no-autopay>No autopay yet. You can turn it on after paying by card with "Remember the card for autopay" ticked.</pay.no-autopay>
    <reason.insufficient_funds>Not enough money on the card.</reason.insufficient_funds>
    <reason.expired_on_confirmation>The payment was cancelled or not confirmed in time.</reason.expired_on_confirmation>
    <reason.card_expired>The card has expired.</reason.card_expired>
    <reason.3d_secure_failed>3-D Secure confirmation failed.</reason.3d_secure_failed>
    <reason.call_issuer>The bank declined the payment; contact the bank that issued the card.</reason.call_issuer>
    <reason.fraud_suspected>The bank suspected fraud and declined the payment.</reason.fraud_suspected>
    <reason.payment_method_restricted>Payments with this card are not allowed.</reason.payment_method_restricted>
    <reason.permission_revoked>Permission to charge without confirmation was withdrawn.</reason.permission_revoked>
    <reason.not-sent>The payment could not be passed to the payment service; nothing was charged.</reason.not-sent>
    <reason.provider-unavailable>The payment service was unavailable; nothing was charged.</reason.provider-unavailable>
    <reason.other>The bank declined the payment.</reason.other>
    <error.form-invalid>Check the marked fields.</error.form-invalid>
    <error.required>Fill this in.</error.required>
    <error.bad-amount>An amount is a number of roubles with at most two decimals, like 1500 or 1,234.56.</error.bad-amount>
    <error.amount-too-small>The amount is below the smallest allowed for one payment.</error.amount-too-small>
    <error.amount-too-large>The amount is above the largest allowed for one payment.</error.amount-too-large>
    <error.not-payable>This account cannot be paid by card here.</error.not-payable>
    <error.one-currency>Accounts in different currencies are paid separately.</error.one-currency>
    <error.nothing-to-pay>Enter an amount for at least one account.</error.nothing-to-pay>
    <error.bad-day>Choose a day from 1 to 28.</error.bad-day>
    <error.bad-month>A month is written YYYY-MM, like 2026-03.</error.bad-month>
    <error.period-reversed>The period starts after it ends. Swap the months.</error.period-reversed>
    <error.period-too-long>A period can be at most 60 months long.</error.period-too-long>
    <pay.share-label>From this payment, for the service</pay.share-label>
    <pay.recalc>Recalculate</pay.recalc>
  </xsl:template>
  <xsl:template name="messages-en-receipts">
    <rc.title>Receipts</rc.title>
    <rc.change>Change account</rc.change>
    <rc.no-account>Add a personal account first; its receipts will appear here.</rc.no-account>
    <rc.filter>Period</rc.filter>
    <rc.from>From month</rc.from>
    <rc.to>To month</rc.to>
    <rc.month-format>YYYY-MM</rc.month-format>
    <rc.show>Show</rc.show>
    <rc.empty>No receipts in the chosen period.</rc.empty>
    <rc.month>Month</rc.month>
    <rc.due>Pay by</rc.due>
    <rc.to-pay>To pay</rc.to-pay>
    <rc.paid-since>Paid since</rc.paid-since>
    <rc.status>Status</rc.status>
    <rc.actions>Receipt</rc.actions>
    <rc.status.paid>paid</rc.status.paid>
    <rc.status.partly>partly paid</rc.status.partly>
    <rc.status.unpaid>unpaid</rc.status.unpaid>
    <rc.view>Open</rc.view>
    <rc.print>Print</rc.print>
    <rc.pdf>PDF</rc.pdf>
    <rc.email.title>Receipts by e-mail</rc.email.title>
    <rc.done.email-on>Done: this account's receipts will come by e-mail.</rc.done.email-on>
    <rc.done.email-off>Done: this account's receipts will come on paper again.</rc.done.email-off>
    <rc.email.on>This account's receipts are sent to</rc.email.on>
    <rc.email.off>Each new receipt can be e-mailed to you as a PDF instead of on paper.</rc.email.off>
    <rc.email.enable>Send me receipts by e-mail</rc.email.enable>
    <rc.email.disable>Stop sending</rc.email.disable>
    <rc.email.none>To get receipts by e-mail, add an e-mail address in your settings.</rc.email.none>
    <rc.doc>Payment document</rc.doc>
    <rc.for>for</rc.for>
    <rc.number>Document no.</rc.number>
    <rc.issued>issued</rc.issued>
    <rc.front>Charges</rc.front>
    <rc.payer>Payer</rc.payer>
    <rc.payer-name>Full name</rc.payer-name>
    <rc.account>Personal account</rc.account>
    <rc.address>Address</rc.address>
    <rc.area>Area, m²</rc.area>
    <rc.residents>Registered residents</rc.residents>
    <rc.payee>Payee</rc.payee>
    <rc.inn>INN</rc.inn>
    <rc.kpp>KPP</rc.kpp>
    <rc.bank-account>Settlement account</rc.bank-account>
    <rc.bank>Bank</rc.bank>
    <rc.bic>BIC</rc.bic>
    <rc.corr-account>Corr. account</rc.corr-account>
    <rc.qr>Scan the code in your banking app: the details and the amount fill in themselves.</rc.qr>
    <rc.qr-label>Payment QR code</rc.qr-label>
    <rc.no-qr>This organization cannot be paid by QR code.</rc.no-qr>
    <rc.issuer>Issued by</rc.issuer>
    <rc.qr-per-payee>Each payee has a QR code of its own: they are below, after the calculation.</rc.qr-per-payee>
    <rc.payees>Payees</rc.payees>
    <rc.payees-note>Some services are paid to their suppliers directly: each with a payment of its own, for its services.</rc.payees-note>
    <rc.payee-services>Services</rc.payee-services>
    <rc.payee-to-pay>To pay to this payee</rc.payee-to-pay>
    <rc.service>Service</rc.service>
    <rc.unit>Unit</rc.unit>
    <rc.volume>Volume</rc.volume>
    <rc.tariff>Tariff</rc.tariff>
    <rc.accrued>Accrued</rc.accrued>
    <rc.recalc>Recalculation</rc.recalc>
    <rc.paid>Paid</rc.paid>
    <rc.to-pay-col>To pay</rc.to-pay-col>
    <rc.debt-col>Debt at start</rc.debt-col>
    <rc.total>Total</rc.total>
    <rc.opening>Debt at the start of the period</rc.opening>
    <rc.opening-advance>Overpaid at the start of the period</rc.opening-advance>
    <rc.grand-total>Total to pay</rc.grand-total>
    <rc.version>version</rc.version>
    <rc.replaced>A new version replaced this receipt on</rc.replaced>
    <rc.see-latest>See the current one</rc.see-latest>
    <rc.earlier>Earlier versions:</rc.earlier>
    <rc.penalties>Penalties</rc.penalties>
    <rc.penalty>penalty</rc.penalty>
    <rc.advance>advance</rc.advance>
    <rc.paid-after-issue>Paid since it was issued</rc.paid-after-issue>
    <rc.remaining>Left to pay</rc.remaining>
    <rc.nothing-due>Nothing to pay: no service is owed</rc.nothing-due>
    <rc.corrections>Recalculations</rc.corrections>
    <rc.reason>Reason</rc.reason>
    <rc.amount>Amount</rc.amount>
    <rc.back>Reference information</rc.back>
    <rc.readings>Meter readings</rc.readings>
    <rc.meter>Meter</rc.meter>
    <rc.zone>Zone</rc.zone>
    <rc.prev>Previous</rc.prev>
    <rc.curr>Current</rc.curr>
    <rc.used>Used</rc.used>
    <rc.no-reading>not submitted</rc.no-reading>
    <rc.no-meters>The account has no meters.</rc.no-meters>
    <rc.note>From the organization</rc.note>
    <rc.contacts>Contacts</rc.contacts>
    <rc.phones>Phones</rc.phones>
    <rc.email>E-mail</rc.email>
    <rc.website>Website</rc.website>
    <rc.how>How to pay</rc.how>
    <rc.how.portal>in your account, under Payments, by card with no fee; autopay can be turned on there;</rc.how.portal>
    <rc.how.qr>in your bank's app or ATM, by the QR code on this receipt;</rc.how.qr>
    <rc.how.bank>at a bank branch or the organization's cash desk, with this receipt.</rc.how.bank>
    <rc.how.due>Pay by</rc.how.due>
    <rc.to-list>All receipts</rc.to-list>
    <rc.print-hint>Your browser's Print command (Ctrl+P) prints the receipt on one A4 sheet.</rc.print-hint>
    <rc.back-to-view>Back to the receipt</rc.back-to-view>
    <rc.zone.1>T1</rc.zone.1>
    <rc.zone.2>T2</rc.zone.2>
    <rc.zone.3>T3</rc.zone.3>
    <rc.zone.single>—</rc.zone.single>
    <rc.of-which>of which</rc.of-which>
    <rc.calculation>The calculation of the charges</rc.calculation>
    <rc.tier>tier</rc.tier>
    <rc.volume-all>all of it</rc.volume-all>
    <rc.people>people</rc.people>
    <rc.side.front>Front</rc.side.front>
    <rc.side.back>Back</rc.side.back>
    <error.bad-month>A month is written as YYYY-MM, for example 2026-03.</error.bad-month>
    <error.period-reversed>The period starts after it ends. Swap the months.</error.period-reversed>
    <error.period-too-long>A period can be at most 60 months long.</error.period-too-long>
  </xsl:template>

  <xsl:template name="messages-en-mail">
    <mail.remind-readings.subject>Time to send your meter readings</mail.remind-readings.subject>
    <mail.remind-due.subject>The payment is due soon</mail.remind-due.subject>
    <mail.remind-verification.subject>A meter is due for verification</mail.remind-verification.subject>
    <mail.remind.readings>Readings are being taken now; no reading yet for account</mail.remind.readings>
    <mail.remind.until>Send them by</mail.remind.until>
    <mail.remind.due>Payment due (something is unpaid) for account</mail.remind.due>
    <mail.remind.verification>Verification is due for meter</mail.remind.verification>
    <mail.remind.go>Go to:</mail.remind.go>
    <mail.remind.stop>To stop reminders, see Settings in your account.</mail.remind.stop>
    <mail.reading-accepted.sms>Customer portal: reading {value} of meter {meter} accepted.</mail.reading-accepted.sms>
    <mail.reading-rejected.sms>Customer portal: reading {value} of meter {meter} rejected. Reason: {reason}</mail.reading-rejected.sms>
    <mail.reading-accepted.subject>Reading accepted</mail.reading-accepted.subject>
    <mail.reading-rejected.subject>Reading rejected</mail.reading-rejected.subject>
    <mail.registered.subject>Your customer portal login</mail.registered.subject>
    <mail.registered.email>A customer portal login was made for you: login {login}, password {password}. Change the password after signing in.</mail.registered.email>
    <mail.refund.subject>Payment refunded</mail.refund.subject>
    <mail.refund.intro>Of your payment no. {payment}, refunded:</mail.refund.intro>
    <mail.refund.sms>Customer portal: refunded of payment no. {payment}:</mail.refund.sms>
    <mail.phone-changed.sms>Customer portal: your mobile number is now {phone}.</mail.phone-changed.sms>
    <mail.phone-rejected.sms>Customer portal: your request to change the number to {phone} was rejected. Reason: {reason}</mail.phone-rejected.sms>
    <mail.appeal-answer.subject>An answer to appeal No. {id}</mail.appeal-answer.subject>
    <mail.appeal-answer.intro>The organization answered your appeal No. {id}.</mail.appeal-answer.intro>
    <mail.appeal-answer.read>Read the answer:</mail.appeal-answer.read>
    <mail.appeal-answer.sms>An answer to appeal No. {id}:</mail.appeal-answer.sms>
    <mail.news.more>All announcements:</mail.news.more>
    <mail.news.stop>To stop news, see Settings in your account.</mail.news.stop>
    <mail.account>account</mail.account>
    <mail.hello>Hello,</mail.hello>
    <mail.signature>Customer self-service portal. This message was sent automatically; there is no need to reply.</mail.signature>
    <mail.receipt.subject>Receipt for</mail.receipt.subject>
    <mail.receipt.intro>Your receipt is ready for</mail.receipt.intro>
    <mail.receipt.attached>The receipt, with its QR code for paying, is attached (PDF).</mail.receipt.attached>
    <mail.receipt.online>You can also open it in your account:</mail.receipt.online>
    <mail.receipt.stop>To get receipts on paper instead, see Receipts in your account.</mail.receipt.stop>
    <mail.payment-succeeded.subject>Payment received</mail.payment-succeeded.subject>
    <mail.payment-succeeded.intro>Your payment has been received:</mail.payment-succeeded.intro>
    <mail.payment-failed.subject>Payment failed</mail.payment-failed.subject>
    <mail.payment-failed.intro>Your payment did not go through:</mail.payment-failed.intro>
    <mail.autopay-succeeded.subject>Autopay made</mail.autopay-succeeded.subject>
    <mail.autopay-succeeded.intro>Autopay has paid:</mail.autopay-succeeded.intro>
    <mail.autopay-failed.subject>Autopay failed</mail.autopay-failed.subject>
    <mail.autopay-failed.intro>Autopay could not pay:</mail.autopay-failed.intro>
    <mail.payment.not-taken>No money was taken. You can pay under Payments in your account.</mail.payment.not-taken>
    <mail.payment-fiscal.subject>Fiscal receipt of your payment</mail.payment-fiscal.subject>
    <mail.payment-fiscal.intro>The fiscal receipt of your payment has been registered.</mail.payment-fiscal.intro>
    <mail.sms.payment-fiscal>Payment receipt:</mail.sms.payment-fiscal>
    <mail.fiscal>Fiscal receipt</mail.fiscal>
    <mail.fiscal.fn>Fiscal storage number (FN)</mail.fiscal.fn>
    <mail.fiscal.fd>Fiscal document number (FD)</mail.fiscal.fd>
    <mail.fiscal.fp>Fiscal sign (FP)</mail.fiscal.fp>
    <mail.fiscal.check>Check it at the fiscal data operator</mail.fiscal.check>
    <mail.fiscal.fn-short>FN</mail.fiscal.fn-short>
    <mail.fiscal.fd-short>FD</mail.fiscal.fd-short>
    <mail.fiscal.fp-short>FP</mail.fiscal.fp-short>
    <mail.payment.history>Payment history:</mail.payment.history>
    <mail.receipt-ready.subject>New receipt for</mail.receipt-ready.subject>
    <mail.receipt-ready.view>Open the receipt:</mail.receipt-ready.view>
    <mail.sms.receipt-ready>Receipt for</mail.sms.receipt-ready>
    <mail.sms.to-pay>to pay</mail.sms.to-pay>
    <mail.sms.payment-succeeded>Payment credited:</mail.sms.payment-succeeded>
    <mail.sms.payment-failed>Payment failed:</mail.sms.payment-failed>
    <mail.sms.autopay-succeeded>Autopay done:</mail.sms.autopay-succeeded>
    <mail.sms.autopay-failed>Autopay failed:</mail.sms.autopay-failed>
    <mail.registered.sms>Customer portal: login {login}, password {password}. Change the password after signing in.</mail.registered.sms>
    <mail.recover-code.sms>Password change code: {code}. Do not tell it to anyone.</mail.recover-code.sms>
    <mail.signin-code.sms>Customer portal sign-in code: {code}. Do not tell it to anyone.</mail.signin-code.sms>
    <mail.confirm-email.subject>Confirm your e-mail address</mail.confirm-email.subject>
    <mail.confirm-email.intro>To receive the customer portal's mail (login {login}) at this address, open the link; it is valid for 24 hours:</mail.confirm-email.intro>
    <mail.confirm-email.ignore>If you did not give this address, just delete this message.</mail.confirm-email.ignore>
    <mail.email-changed.subject>Your e-mail address changed</mail.email-changed.subject>
    <mail.email-changed.intro>The e-mail address of your customer portal account (login {login}) was changed to</mail.email-changed.intro>
    <mail.password-changed.subject>Your password changed</mail.password-changed.subject>
    <mail.password-changed.intro>The password of your customer portal account (login {login}) was changed and your other sessions ended.</mail.password-changed.intro>
    <mail.new-sign-in.subject>Sign-in from a new browser</mail.new-sign-in.subject>
    <mail.new-sign-in.intro>Someone signed in to your customer portal account (login {login}) from a browser not seen before: {browser}; address {ip}.</mail.new-sign-in.intro>
    <mail.two-factor-on.subject>Two-step sign-in turned on</mail.two-factor-on.subject>
    <mail.two-factor-on.intro>Two-step sign-in is now on for your customer portal account (login {login}): signing in takes a code from the app.</mail.two-factor-on.intro>
    <mail.two-factor-off.subject>Two-step sign-in turned off</mail.two-factor-off.subject>
    <mail.two-factor-off.intro>Two-step sign-in is now off for your customer portal account (login {login}): the password alone signs in again.</mail.two-factor-off.intro>
    <mail.not-you>If this was not you, recover your password and tell the organization:</mail.not-you>
    <mail.recover-link.subject>Password change</mail.recover-link.subject>
    <mail.recover-link.intro>To set a new password for your customer portal account (login {login}), open the link; it is valid for 1 hour and works once:</mail.recover-link.intro>
    <mail.recover-link.ignore>If you did not ask to change your password, just delete this message: the password stays as it is.</mail.recover-link.ignore>
    <access.rights.view>View only: balances, statements, receipts, payments</access.rights.view>
    <access.rights.readings>Submit meter readings only</access.rights.readings>
    <access.rights.pay>View and pay</access.rights.pay>
    <access.rights.full>Everything but inviting others</access.rights.full>
    <access.rights.holder>Holder</access.rights.holder>
    <mail.access-invite.subject>Access to a utility account</mail.access-invite.subject>
    <mail.access-invite.intro>{holder} gives you access to account {number} in the customer portal. To accept, sign in (or register) and open the link; it is valid for 24 hours and works once:</mail.access-invite.intro>
    <mail.access-invite.sms>{holder} gives you access to account {number}:</mail.access-invite.sms>
    <mail.access-invite.ignore>If you do not know who sent it, just delete this message: nothing happens without you.</mail.access-invite.ignore>
    <mail.access-invite.rights>Rights:</mail.access-invite.rights>
    <mail.remind-balance.subject>The balance is low</mail.remind-balance.subject>
    <mail.remind.balance>The balance of account</mail.remind.balance>
    <mail.remind.under>under the alert you set at</mail.remind.under>
    <mail.access-invite.join>No login yet? Make one from the invitation:</mail.access-invite.join>
  </xsl:template>

  <xsl:template name="messages-en-appeals">
    <ap.requests>Service requests</ap.requests>
    <ap.request>The request</ap.request>
    <ap.absence-hint>Attach a document that shows the absence (a ticket, a certificate from where you stayed).</ap.absence-hint>
    <rq.choices>
      <c of="action" v="on">Switch on</c><c of="action" v="off">Switch off</c>
      <c of="work" v="verification">Verification</c><c of="work" v="replacement">Replacement</c>
      <c of="change" v="owner">The owner</c><c of="change" v="residents">The number of residents</c>
    </rq.choices>
    <error.request-fields>Fill in the request's fields.</error.request-fields>
    <error.date-past>The date cannot be in the past.</error.date-past>
    <error.date-old>An absence that began over three years ago cannot be recalculated.</error.date-old>
    <error.absence-period>The end must be after the start, within a year.</error.absence-period>
    <error.document-required>Attach the document that shows the absence.</error.document-required>
    <error.meter-account>Choose a meter of the chosen account.</error.meter-account>
    <error.date-window>Choose a date within the next three months.</error.date-window>
    <field.action>Choose on or off.</field.action>
    <field.phone>A mobile phone number, e.g. +7 912 345-67-89.</field.phone>
    <field.start_on>A date, e.g. 2026-12-15.</field.start_on>
    <field.day>A day from 1 to 28.</field.day>
    <field.from_on>A date, e.g. 2026-12-15.</field.from_on>
    <field.to_on>A date, e.g. 2026-12-15.</field.to_on>
    <field.meter>Choose the meter.</field.meter>
    <field.work>Choose verification or replacement.</field.work>
    <field.preferred_on>A date, e.g. 2026-12-15.</field.preferred_on>
    <field.change>Choose what changes.</field.change>
    <field.new_owner>The new owner's full name.</field.new_owner>
    <field.residents>A number from 0 to 50.</field.residents>
    <ct.phone>Phone</ct.phone>
    <ct.email>E-mail</ct.email>
    <ct.offices>Offices</ct.offices>
    <ct.no-offices>No offices are listed.</ct.no-offices>
    <ct.hours>Hours</ct.hours>
    <ct.yours>Your office</ct.yours>
    <ct.yours-for>For your account</ct.yours-for>
    <ct.questions>Questions and answers</ct.questions>
    <ct.forms>Blank forms</ct.forms>
    <ct.kb>KB</ct.kb>
    <ct.rules>Rules of service</ct.rules>
    <ct.none>No organization is listed.</ct.none>
    <ct.site-map>Site map</ct.site-map>
    <ct.map>
      <i href="/">Home</i><i href="/accounts">Accounts</i><i href="/services">Services</i>
      <i href="/readings">Readings</i><i href="/payments">Payments</i><i href="/receipts">Receipts</i>
      <i href="/calculator">Calculator</i><i href="/appeals">Appeals</i><i href="/news">News</i>
      <i href="/inbox">Messages</i><i href="/settings">Settings</i><i href="/contacts">Contacts and help</i>
      <i href="/login">Sign in</i><i href="/register">Register</i><i href="/recover">Forgot your password?</i>
    </ct.map>
    <news.all>All announcements</news.all>
    <inbox.title>Messages</inbox.title>
    <inbox.intro>Everything we have sent you by e-mail or SMS is also here, newest first.</inbox.intro>
    <inbox.none>No messages yet.</inbox.none>
    <inbox.news>Announcements of the organization are under News</inbox.news>
    <inbox.older>Older messages</inbox.older>
    <inbox.all>All messages</inbox.all>
    <ap.read-all>Mark all as read</ap.read-all>
    <ap.done.read>All marked as read.</ap.done.read>
    <news.title>News</news.title>
    <news.none>No announcements yet.</news.none>
    <news.intro>Announcements of the organizations your accounts are with.</news.intro>
    <cancel>Cancel</cancel>
    <ap.title>Appeals</ap.title>
    <ap.new>New appeal</ap.new>
    <ap.one>Appeal</ap.one>
    <ap.intro>Write to the organization about your account: a question, a complaint or a request. You may attach photos or documents.</ap.intro>
    <ap.number>Number</ap.number>
    <ap.topic>Topic</ap.topic>
    <ap.account>Account</ap.account>
    <ap.status>State</ap.status>
    <ap.updated>Changed</ap.updated>
    <ap.unread>new</ap.unread>
    <ap.none>No appeals yet.</ap.none>
    <ap.no-accounts>To write an appeal, add an account first.</ap.no-accounts>
    <ap.choose>Choose a topic</ap.choose>
    <ap.text>Your appeal</ap.text>
    <ap.files>Files</ap.files>
    <ap.files-hint>Up to 5 JPEG, PNG or PDF files, each at most 10 MB.</ap.files-hint>
    <ap.file-named>File:</ap.file-named>
    <ap.send>Send</ap.send>
    <ap.you>You</ap.you>
    <ap.organization>The organization</ap.organization>
    <ap.kb>KB</ap.kb>
    <ap.reply>Your answer</ap.reply>
    <ap.close>Close the appeal</ap.close>
    <ap.reopen>Open it again</ap.reopen>
    <ap.closed-note>The appeal is closed. It can be opened again within 14 days.</ap.closed-note>
    <ap.unsent>Your text, not sent</ap.unsent>
    <ap.all>All appeals</ap.all>
    <ap.done.sent>The appeal is sent. The answer will come here, and a notice by e-mail.</ap.done.sent>
    <ap.done.replied>Your answer is sent.</ap.done.replied>
    <ap.done.closed>The appeal is closed.</ap.done.closed>
    <ap.done.reopened>The appeal is open again.</ap.done.reopened>
    <error.appeals-per-day>You have sent 5 appeals today. A new one can be sent tomorrow.</error.appeals-per-day>
    <error.topic-account>This topic is not one of the chosen account's organization.</error.topic-account>
    <error.files-many>At most 5 files can be attached.</error.files-many>
    <error.file-large>The file is over 10 MB.</error.file-large>
    <error.file-empty>The file is empty.</error.file-empty>
    <error.file-type>Only JPEG, PNG and PDF are taken; this file is none of them, whatever its name.</error.file-type>
    <error.file-dimensions>The image is too large (over 10,000 pixels a side or 40 megapixels) or damaged.</error.file-dimensions>
    <error.file-twice>This file is attached already.</error.file-twice>
    <error.appeal-closed>The appeal is closed: open it again to write.</error.appeal-closed>
    <error.appeal-not-reopenable>It was closed more than 14 days ago: write a new appeal.</error.appeal-not-reopenable>
  </xsl:template>
  <xsl:template name="messages-en-settings">
    <error.tf-no-phone>SMS codes need a mobile number in your profile.</error.tf-no-phone>
    <tf.title>Two-step sign-in</tf.title>
    <tf.intro>Signing in will take a code from an authenticator app on your phone (Google Authenticator, FreeOTP and others) or from an SMS as well as the password.</tf.intro>
    <tf.is-on>Two-step sign-in is on.</tf.is-on>
    <tf.is-off>Two-step sign-in is off.</tf.is-off>
    <tf.codes-left>Unused recovery codes:</tf.codes-left>
    <tf.turn-on>Turn on</tf.turn-on>
    <tf.turn-off>Turn off</tf.turn-off>
    <tf.code-or-recovery>Code from the app, or a recovery code</tf.code-or-recovery>
    <tf.scan>Scan the QR code with your authenticator app, or type the key into it, then enter the code the app shows.</tf.scan>
    <tf.qr>QR code for the authenticator app</tf.qr>
    <tf.secret>Key:</tf.secret>
    <tf.first-code>Code from the app</tf.first-code>
    <tf.confirm>Confirm</tf.confirm>
    <tf.done-on>Two-step sign-in is on.</tf.done-on>
    <tf.done-off>Two-step sign-in is off.</tf.done-off>
    <tf.codes>Recovery codes</tf.codes>
    <tf.codes-hint>Keep them: each can be used once instead of a code from the app when your phone is not at hand. They will not be shown again.</tf.codes-hint>
    <tf.continue>Done</tf.continue>
    <tf.method>How to get the code</tf.method>
    <tf.method-app>An authenticator app: works offline, safer than SMS</tf.method-app>
    <tf.method-sms>SMS to the number ending in {end}</tf.method-sms>
    <tf.no-phone>To get codes by SMS, add your mobile number to your profile.</tf.no-phone>
    <tf.by-sms>Codes come by SMS to the number ending in {end}.</tf.by-sms>
    <tf.sms-or-recovery>Code from the SMS, or a recovery code</tf.sms-or-recovery>
    <tf.send-code>Send a code by SMS</tf.send-code>
    <tf.sms-enter>We sent a code by SMS to the number ending in {end}. Enter it to turn two-step sign-in on.</tf.sms-enter>
    <tf.sms-code>Code from the SMS</tf.sms-code>
    <tf.resend>Send the code again</tf.resend>
    <settings.title>Settings</settings.title>
    <settings.profile>Personal data</settings.profile>
    <settings.login>Login</settings.login>
    <settings.full-name>Full name</settings.full-name>
    <settings.email>E-mail</settings.email>
    <settings.no-email>none</settings.no-email>
    <settings.change-email>Change the address</settings.change-email>
    <settings.pending-email>Waiting for confirmation:</settings.pending-email>
    <settings.mobile>Mobile phone</settings.mobile>
    <settings.mobile-hint>Passwords and codes go to it. A new number takes effect once the organization confirms it.</settings.mobile-hint>
    <settings.pending-mobile>Your request to change the number is waiting to be processed:</settings.pending-mobile>
    <settings.landline>Landline</settings.landline>
    <settings.landline-hint>Optional.</settings.landline-hint>
    <settings.save>Save</settings.save>
    <settings.security>Security</settings.security>
    <settings.change-password>Change password</settings.change-password>
    <settings.sessions>Active sessions</settings.sessions>
    <settings.notifications>Notifications</settings.notifications>
    <settings.topic>About</settings.topic>
    <settings.by-email>E-mail</settings.by-email>
    <settings.by-sms>SMS</settings.by-sms>
    <settings.topic.receipt>New receipt</settings.topic.receipt>
    <settings.topic.payment>Payment result</settings.topic.payment>
    <settings.topic.autopay>Autopay</settings.topic.autopay>
    <settings.topic.news>The organization's news</settings.topic.news>
    <settings.topic.appeal>Answers to your appeals</settings.topic.appeal>
    <settings.topic.reminder>Reminders: readings, due dates, meter checks</settings.topic.reminder>
    <settings.ereceipts>Electronic receipt</settings.ereceipts>
    <settings.ereceipts-intro>The receipt as a PDF by e-mail instead of on paper.</settings.ereceipts-intro>
    <settings.ereceipt-on>By e-mail</settings.ereceipt-on>
    <settings.ereceipt-off>On paper</settings.ereceipt-off>
    <settings.ereceipt-turn-on>Receive by e-mail</settings.ereceipt-turn-on>
    <settings.ereceipt-turn-off>Receive on paper</settings.ereceipt-turn-off>
    <settings.no-accounts>No accounts yet.</settings.no-accounts>
    <settings.language>Language</settings.language>
    <settings.language-hint>The language of pages and messages.</settings.language-hint>
    <settings.done.profile>Personal data saved.</settings.done.profile>
    <settings.done.notifications>Notification settings saved.</settings.done.notifications>
    <settings.done.ereceipt>How you receive receipts has changed.</settings.done.ereceipt>
    <settings.done.lang>Language changed.</settings.done.lang>
    <settings.done.password>Password changed. Your other sessions have ended and an e-mail tells you so.</settings.done.password>
    <settings.done.email-sent>A confirmation link was sent to the new address. The address changes when you open it.</settings.done.email-sent>
    <password.title>Change password</password.title>
    <password.current>Current password</password.current>
    <password.submit>Change password</password.submit>
    <password.note>Your other sessions end when the password changes.</password.note>
    <email.title>Change e-mail address</email.title>
    <email.current>Now:</email.current>
    <email.new>New address</email.new>
    <email.note>A link goes to the new address; it replaces the old one when you open it. The old address is told.</email.note>
    <email.submit>Send the link</email.submit>
    <sessions.title>Active sessions</sessions.title>
    <sessions.started>Started</sessions.started>
    <sessions.last>Last active</sessions.last>
    <sessions.address>Address</sessions.address>
    <sessions.browser>Browser</sessions.browser>
    <sessions.this>this session</sessions.this>
    <sessions.end>End</sessions.end>
    <sessions.ended>The session has ended: that device will have to sign in again.</sessions.ended>
    <sessions.on>on</sessions.on>
    <sessions.unknown>Unknown browser</sessions.unknown>
    <sessions.end-all>Sign out everywhere</sessions.end-all>
    <back.settings>Back to settings</back.settings>
    <cancel>Cancel</cancel>
    <field.full_name>Full name: 2 to 200 characters.</field.full_name>
    <field.landline>A phone number, e.g. +7 495 123-45-67, or nothing.</field.landline>
    <field.mobile>A mobile phone number, e.g. +7 912 345-67-89.</field.mobile>
    <field.current_password>Enter your current password.</field.current_password>
    <field.new_password>Enter a new password.</field.new_password>
    <field.confirm_password>Repeat the new password.</field.confirm_password>
    <field.email>An e-mail address like name@example.com.</field.email>
    <pw.new>New password</pw.new>
    <pw.confirm>New password again</pw.confirm>
    <pw.rules>At least 12 characters, hard to guess: not your login, name or address, not common words, repeats or keyboard rows. A few words with spaces work well.</pw.rules>
    <error.form-invalid>Please check the marked fields.</error.form-invalid>
    <error.wrong-password>The current password is wrong.</error.wrong-password>
    <error.locked>Too many failed attempts. Please try again in 15 minutes.</error.locked>
    <error.email-same>That is your address already.</error.email-same>
    <error.password-short>The password must be at least 12 characters long.</error.password-short>
    <error.password-login>The password must not be your login.</error.password-login>
    <error.password-common>This password is too common: it is the first one guessed. Please choose another.</error.password-common>
    <error.password-personal>This password is easy to guess: it holds your login, name, phone or e-mail address. Please choose another.</error.password-personal>
    <error.password-words>This password is easy to guess: it is made of common words or passwords. Add more words or use a longer phrase.</error.password-words>
    <error.password-repeats>This password is easy to guess: it repeats the same thing. Please choose another.</error.password-repeats>
    <error.password-sequence>This password is easy to guess: it holds a sequence like 12345 or abcde. Please choose another.</error.password-sequence>
    <error.password-keyboard>This password is easy to guess: it is keys next to each other, like qwerty. Please choose another.</error.password-keyboard>
    <error.password-date>This password is easy to guess: it holds a date or a year. Please choose another.</error.password-date>
    <error.password-guessable>This password is easy to guess. Try a few words with spaces between them.</error.password-guessable>
    <error.password-mismatch>The passwords do not match.</error.password-mismatch>
  </xsl:template>

  <xsl:template name="messages-en-admin">
    <adm.f.month_days_x10>Tariff limits over part of a month (when a tariff does not say)</adm.f.month_days_x10>
    <adm.month-days.own>By the month's own days</adm.month-days.own>
    <adm.month-days.305>By days / 30.5</adm.month-days.305>
    <adm.promise>Promised payment</adm.promise>
    <adm.promise.hint>A subscriber's internet line suspended for debt can be enabled for this many days, once a calendar month, while the debt is at most the limit. 0 days: not offered.</adm.promise.hint>
    <adm.f.promise_days>Days</adm.f.promise_days>
    <adm.f.promise_limit>Most debt</adm.f.promise_limit>
    <adm.title.topics>Appeal topics</adm.title.topics>
    <adm.topic.request>service request</adm.topic.request>
    <adm.topic.retired>off the list</adm.topic.retired>
    <adm.topic.rename>Rename</adm.topic.rename>
    <adm.topic.retire>Take off the list</adm.topic.retire>
    <adm.topic.restore>Put back on the list</adm.topic.restore>
    <adm.topic.add>Add a topic</adm.topic.add>
    <adm.topic.plain>A plain appeal (no fields)</adm.topic.plain>
    <adm.topic.form.meter>Meter verification or replacement</adm.topic.form.meter>
    <adm.topic.form.sms-info>SMS informing on or off</adm.topic.form.sms-info>
    <adm.topic.form.due-date>Changing the payment due date</adm.topic.form.due-date>
    <adm.topic.form.absence>Recalculation for an absence</adm.topic.form.absence>
    <adm.topic.form.owner>Change of owner or residents</adm.topic.form.owner>
    <adm.f.name_ru>Name (Russian)</adm.f.name_ru>
    <adm.f.name_en>Name (English)</adm.f.name_en>
    <adm.f.topic_code>Code (Latin letters, digits, hyphens)</adm.f.topic_code>
    <adm.f.form>Its fields</adm.f.form>
    <adm.done.topic-added>The topic is on the list.</adm.done.topic-added>
    <adm.done.topic-renamed>The topic is renamed.</adm.done.topic-renamed>
    <adm.done.topic-retired>The topic is off the list; appeals written keep it.</adm.done.topic-retired>
    <adm.done.topic-restored>The topic is back on the list.</adm.done.topic-restored>
    <error.topic-code-taken>The organization has a topic with this code already.</error.topic-code-taken>
    <adm.ap.files>Files for the subscriber (optional)</adm.ap.files>
    <adm.ap.files-hint>Up to 5 files, JPEG, PNG or PDF, 10 MB each.</adm.ap.files-hint>
    <error.files-many>At most 5 files can be attached.</error.files-many>
    <error.file-type>Only JPEG, PNG and PDF are taken; this file is none of them, whatever its name.</error.file-type>
    <error.file-dimensions>The image is too large (over 10,000 pixels a side or 40 megapixels) or damaged.</error.file-dimensions>
    <adm.title.help>Contacts and help</adm.title.help>
    <adm.help.see>See the page as subscribers do</adm.help.see>
    <adm.help.questions>Questions and answers</adm.help.questions>
    <adm.help.none>None yet.</adm.help.none>
    <adm.help.add-question>Add the question</adm.help.add-question>
    <adm.help.forms>Blank forms</adm.help.forms>
    <adm.help.kb>KB</adm.help.kb>
    <adm.help.file>The form (PDF, up to 10 MB)</adm.help.file>
    <adm.help.add-form>Upload the form</adm.help.add-form>
    <adm.help.rules>Rules of service</adm.help.rules>
    <adm.f.question_ru>Question (Russian)</adm.f.question_ru>
    <adm.f.answer_ru>Answer (Russian)</adm.f.answer_ru>
    <adm.f.question_en>Question (English)</adm.f.question_en>
    <adm.f.answer_en>Answer (English)</adm.f.answer_en>
    <adm.f.rules_ru>Rules (Russian)</adm.f.rules_ru>
    <adm.f.rules_en>Rules (English)</adm.f.rules_en>
    <adm.done.question-added>The question is on the contacts page.</adm.done.question-added>
    <adm.done.form-added>The form is on the contacts page.</adm.done.form-added>
    <adm.done.rules-saved>The rules are saved.</adm.done.rules-saved>
    <adm.done.deleted>Deleted.</adm.done.deleted>
    <error.form-pdf>Only a PDF is taken, whatever the file is called.</error.form-pdf>
    <error.file-missing>Choose the file.</error.file-missing>
    <error.file-large>The file is over 10 MB.</error.file-large>
    <error.file-empty>The file is empty.</error.file-empty>
    <error.file-twice>This file is there already.</error.file-twice>
    <imp.err.bank-details>The supplier's bank details fail their check (control keys, check digits, or too long for a payment QR code):</imp.err.bank-details>
    <imp.kind.charge_lines>A month's volumes by zone and tier</imp.kind.charge_lines>
    <imp.kind.connections>Internet lines</imp.kind.connections>
    <imp.kind.objects>Protected objects</imp.kind.objects>
    <imp.kind.events>Alarm events</imp.kind.events>
    <imp.kind.usage>Calls and sessions</imp.kind.usage>
    <imp.err.no-object>No protected object of that account and service: load the objects file first</imp.err.no-object>
    <imp.err.ip-address>Not an IPv4 or IPv6 address</imp.err.ip-address>
    <imp.err.number-required>A call needs the number it was made to or from</imp.err.number-required>
    <imp.err.no-charge>The account has no charge for this service and month: load the charges file first.</imp.err.no-charge>
    <imp.err.line-arithmetic>The charge is not the quantity times the rate; that comes to</imp.err.line-arithmetic>
    <imp.err.lines-quantity>The lines of this service and month add up to another quantity than the charges file's; it says</imp.err.lines-quantity>
    <imp.err.lines-charge>The lines of this service and month add up to another charge than the charges file's; it says</imp.err.lines-charge>
    <imp.kind.tariff_limits>Tariff limits by residents, season, electric heating</imp.kind.tariff_limits>
    <imp.err.unknown-version>No version of this plan starts on that day: load the tariffs file first.</imp.err.unknown-version>
    <imp.err.plain-limit>A plain limit (a household of the four, any residents, any season) is the tariffs file's: its limit columns.</imp.err.plain-limit>
    <imp.kind.tariffs>Tariffs</imp.kind.tariffs>
    <imp.err.plan-differs>The plan's columns (service, names, zones) differ from its first line in the file, line</imp.err.plan-differs>
    <imp.err.version-differs>The version's columns (period, tiers, VAT) differ from its first line in the file, line</imp.err.version-differs>
    <imp.err.grid>The version's prices do not cover every tier and zone; rows needed:</imp.err.grid>
    <imp.err.overlap>The version's period overlaps another version of the plan, starting</imp.err.overlap>
    <imp.err.period>The period ends before it starts.</imp.err.period>
    <imp.err.tier-range>The tier is beyond the version's number of tiers.</imp.err.tier-range>
    <imp.err.zone-range>The zone is beyond the plan's number of zones.</imp.err.zone-range>
    <imp.err.limits-required>A tier below the last needs its upper bounds for all four households.</imp.err.limits-required>
    <adm.title.export>Export for billing</adm.title.export>
    <field.what>Choose what to export.</field.what>
    <field.format>CSV or XLSX.</field.format>
    <error.period-order>The period ends before it starts.</error.period-order>
    <exp.what>What to export</exp.what>
    <exp.readings>Readings accepted in the period (as the readings template)</exp.readings>
    <exp.payments>Payments made in the portal (as the payments template)</exp.payments>
    <exp.contacts>Subscribers' contact changes</exp.contacts>
    <exp.promises>Promised payments asked for (lines to enable)</exp.promises>
    <exp.format>Format</exp.format>
    <exp.hint>CSV in UTF-8, comma-separated, with a decimal point. The file is written as it is read: no size limit.</exp.hint>
    <exp.do>Download</exp.do>
    <adm.f.key_name>Key name</adm.f.key_name>
    <field.key_name>A name: 2 to 100 characters.</field.key_name>
    <adm.title.api-keys>API keys</adm.title.api-keys>
    <adm.done.revoked>The key is revoked: it no longer opens the API.</adm.done.revoked>
    <adm.f.rate>Requests a minute</adm.f.rate>
    <field.rate>A whole number from 1 to 6000.</field.rate>
    <error.scopes-required>Choose at least one scope.</error.scopes-required>
    <key.new>New key</key.new>
    <key.once>Copy it now: it is shown once; only its hash is kept.</key.once>
    <key.list>The organization's keys</key.list>
    <key.none>No keys yet.</key.none>
    <key.col.name>Name</key.col.name>
    <key.col.scopes>Scopes</key.col.scopes>
    <key.col.used>Last used</key.col.used>
    <key.col.actions>Actions</key.col.actions>
    <key.per-minute>requests a minute</key.per-minute>
    <key.never>never</key.never>
    <key.revoked>revoked</key.revoked>
    <key.do.revoke>Revoke</key.do.revoke>
    <key.create>Create a key</key.create>
    <key.do.create>Create</key.do.create>
    <error.required>Fill this in.</error.required>
    <adm.title.exchange>Billing exchange</adm.title.exchange>
    <adm.title.import>Import</adm.title.import>
    <adm.title.import-report>Import problems</adm.title.import-report>
    <adm.done.apply>The import is queued to be applied: the import program applies it whole, in one transaction.</adm.done.apply>
    <adm.done.not-checked>Only a checked import without problems can be applied.</adm.done.not-checked>
    <field.kind>Choose what the file holds.</field.kind>
    <imp.upload>Upload a file</imp.upload>
    <imp.f.kind>The file holds</imp.f.kind>
    <imp.f.file>CSV file</imp.f.file>
    <imp.choose>— choose —</imp.choose>
    <imp.hint>CSV in UTF-8 or Windows-1251, separated by commas, semicolons or tabs, with a decimal point or comma. The file is checked first: you see what would change, and only then apply it.</imp.hint>
    <imp.do.upload>Upload and check</imp.do.upload>
    <imp.history>Imports</imp.history>
    <imp.none>No imports yet.</imp.none>
    <imp.col.file>File</imp.col.file>
    <imp.col.status>Status</imp.col.status>
    <imp.col.counts>Rows</imp.col.counts>
    <imp.col.who>Who and when</imp.col.who>
    <imp.col.line>Line</imp.col.line>
    <imp.col.column>Column</imp.col.column>
    <imp.col.value>Value</imp.col.value>
    <imp.col.message>Problem</imp.col.message>
    <imp.col.key>Record</imp.col.key>
    <imp.col.change>Change</imp.col.change>
    <imp.templates>File templates</imp.templates>
    <imp.templates.hint>The first line names the columns, in any order; optional columns may be left out. See docs/exchange.md.</imp.templates.hint>
    <imp.n.new>new</imp.n.new>
    <imp.n.changed>changed</imp.n.changed>
    <imp.n.unchanged>unchanged</imp.n.unchanged>
    <imp.n.refused>refused</imp.n.refused>
    <imp.back>← All imports</imp.back>
    <imp.format>Encoding and separator</imp.format>
    <imp.progress>Progress</imp.progress>
    <imp.of>of</imp.of>
    <imp.rows>rows</imp.rows>
    <imp.per-second>rows a second</imp.per-second>
    <imp.left>about</imp.left>
    <imp.seconds>s left</imp.seconds>
    <imp.refreshes>This page reloads itself every 3 seconds while the import runs.</imp.refreshes>
    <imp.still>Stop reloading</imp.still>
    <imp.failed>The import did not finish: nothing was changed. It can be run again.</imp.failed>
    <imp.dry-run>Dry run: what would change</imp.dry-run>
    <imp.applied>Applied</imp.applied>
    <imp.first-changes>The first changes</imp.first-changes>
    <imp.new-row>new record</imp.new-row>
    <imp.do.apply>Apply</imp.do.apply>
    <imp.apply.hint>A file is applied whole or not at all; loading the same file again changes nothing.</imp.apply.hint>
    <imp.problems>Problems in rows</imp.problems>
    <imp.kind.accounts>Accounts</imp.kind.accounts>
    <imp.kind.services>Services and suppliers</imp.kind.services>
    <imp.kind.meters>Meters</imp.kind.meters>
    <imp.kind.charges>A month's charges</imp.kind.charges>
    <imp.kind.payments>Payments</imp.kind.payments>
    <imp.kind.readings>Readings</imp.kind.readings>
    <imp.status.uploading>uploading</imp.status.uploading>
    <imp.status.queued>queued</imp.status.queued>
    <imp.status.checking>checking</imp.status.checking>
    <imp.status.refused>has problems</imp.status.refused>
    <imp.status.checked>checked, waiting to be applied</imp.status.checked>
    <imp.status.applying>applying</imp.status.applying>
    <imp.status.applied>applied</imp.status.applied>
    <imp.status.failed>did not finish</imp.status.failed>
    <imp.err.required>A required column is empty.</imp.err.required>
    <imp.err.encoding>Text not in the file's encoding.</imp.err.encoding>
    <imp.err.too-long>The value is too long.</imp.err.too-long>
    <imp.err.text>Characters that are not allowed.</imp.err.text>
    <imp.err.number>An account number: letters and digits only.</imp.err.number>
    <imp.err.code>A code: Latin letters, digits, hyphens.</imp.err.code>
    <imp.err.email>Not an e-mail address.</imp.err.email>
    <imp.err.inn>A taxpayer number (INN): 10 or 12 digits.</imp.err.inn>
    <imp.err.choice>Not one of the values this column takes.</imp.err.choice>
    <imp.err.integer>A whole number is needed.</imp.err.integer>
    <imp.err.range>The number is out of range.</imp.err.range>
    <imp.err.decimal>A number is needed (a decimal point or comma).</imp.err.decimal>
    <imp.err.money>An amount is needed, such as 1234.56.</imp.err.money>
    <imp.err.date>A date is needed: YYYY-MM-DD or DD.MM.YYYY.</imp.err.date>
    <imp.err.month>A month is needed: YYYY-MM or MM.YYYY.</imp.err.month>
    <imp.err.stamp>A date, and a time HH:MM if there is one.</imp.err.stamp>
    <imp.err.roll-forward>The balance does not roll forward: opening + charge + recalculation + penalties − paid must equal closing; it comes to</imp.err.roll-forward>
    <imp.err.reason-required>A recalculation needs its reason.</imp.err.reason-required>
    <imp.err.columns>The row has another number of columns than the header; the header has</imp.err.columns>
    <imp.err.unknown-column>An unknown column in the header.</imp.err.unknown-column>
    <imp.err.column-twice>A column named twice in the header.</imp.err.column-twice>
    <imp.err.missing-column>The header lacks a required column.</imp.err.missing-column>
    <imp.err.line-too-long>A line longer than 64 KB: the file is not read on (an unclosed quote?).</imp.err.line-too-long>
    <imp.err.quote>An unclosed quote: the file is not read on.</imp.err.quote>
    <imp.err.unreadable>The file cannot be read past this line.</imp.err.unreadable>
    <imp.err.empty>The file is empty.</imp.err.empty>
    <imp.err.duplicate>The same record is higher up in the file, on line</imp.err.duplicate>
    <imp.err.unknown-account>The organization has no such account.</imp.err.unknown-account>
    <imp.err.unknown-service>The organization has no such service.</imp.err.unknown-service>
    <imp.err.unknown-meter>The account has no such meter.</imp.err.unknown-meter>
    <imp.err.zone>The meter has fewer zones; it has:</imp.err.zone>
    <imp.err.decimals>More decimals than the meter shows; it shows:</imp.err.decimals>
    <imp.err.digits>More digits than the meter has; whole digits:</imp.err.digits>
    <imp.err.conflict>A payment with this id was loaded with another amount or account; payment no.</imp.err.conflict>
    <imp.err.internal>An internal error in the check.</imp.err.internal>
    <adm.f.short_name>Short name (the receipt's QR code carries it)</adm.f.short_name>
    <adm.offices>Offices</adm.offices>
    <adm.no-offices>No offices listed.</adm.no-offices>
    <adm.do.delete>Delete</adm.do.delete>
    <adm.do.add-office>Add an office</adm.do.add-office>
    <adm.f.office_address>Office address</adm.f.office_address>
    <adm.f.office_hours>Opening hours</adm.f.office_hours>
    <adm.f.office_email>E-mail</adm.f.office_email>
    <adm.f.office_serves>District: addresses starting with (optional)</adm.f.office_serves>
    <adm.office-serves>district:</adm.office-serves>
    <adm.f.office_phone>Office phone</adm.f.office_phone>
    <adm.done.office-added>The office is added.</adm.done.office-added>
    <adm.done.office-deleted>The office is deleted.</adm.done.office-deleted>
    <field.short_name>A short name: 2 to 60 characters.</field.short_name>
    <field.office_address>An address: 5 to 300 characters.</field.office_address>
    <field.office_hours>Opening hours, e.g. 'Mon–Fri 9:00–18:00'.</field.office_hours>
    <field.office_phone>A phone: 5 to 100 characters.</field.office_phone>
    <adm.title.member>Staff member</adm.title.member>
    <adm.do.view-as>View as the subscriber</adm.do.view-as>
    <adm.done.blocked>The subscriber is blocked: their pages cannot be viewed.</adm.done.blocked>
    <adm.title.readings>Readings to review</adm.title.readings>
    <adm.readings.intro>Readings far above the usual consumption wait here: accept them, or reject them with a reason; the subscriber is told.</adm.readings.intro>
    <adm.readings.previous>previous</adm.readings.previous>
    <adm.readings.consumed>consumption</adm.readings.consumed>
    <adm.readings.enter>An inspector's reading</adm.readings.enter>
    <adm.no-readings>No readings to review.</adm.no-readings>
    <adm.do.accept>Accept</adm.do.accept>
    <adm.f.meter>Meter number</adm.f.meter>
    <adm.f.zone>Tariff zone (1–3)</adm.f.zone>
    <adm.f.value>Reading</adm.f.value>
    <adm.f.taken_on>Date taken</adm.f.taken_on>
    <adm.done.accepted>The reading is accepted and the subscriber told.</adm.done.accepted>
    <adm.done.reading-rejected>The reading is rejected and the subscriber told.</adm.done.reading-rejected>
    <adm.done.entered>The inspector's reading is saved.</adm.done.entered>
    <error.unknown-meter>No such meter on that account.</error.unknown-meter>
    <error.bad-reading>No more decimals than the meter shows.</error.bad-reading>
    <error.whole-reading>This meter shows whole numbers.</error.whole-reading>
    <field.meter>A meter number.</field.meter>
    <field.zone>A zone: 1, 2 or 3.</field.zone>
    <field.value>A reading, e.g. 12345 or 123.456.</field.value>
    <field.taken_on>A date, e.g. 2026-11-25.</field.taken_on>
    <adm.title.holder>Create a login</adm.title.holder>
    <adm.holder.has-logins>This account already has a login; another will be made.</adm.holder.has-logins>
    <adm.f.channel>How the password is sent</adm.f.channel>
    <adm.holder.sms>SMS to the phone on file</adm.holder.sms>
    <adm.holder.email>By e-mail</adm.holder.email>
    <adm.holder.hint>The password is generated and goes to the holder; staff never see it.</adm.holder.hint>
    <adm.do.link>Link the account</adm.do.link>
    <adm.do.unlink>Unlink</adm.do.unlink>
    <adm.f.number>Account number</adm.f.number>
    <adm.done.linked>The account is linked.</adm.done.linked>
    <adm.done.unlinked>The account is unlinked.</adm.done.unlinked>
    <adm.done.already-linked>That account is linked already.</adm.done.already-linked>
    <adm.done.login-created>The login is created and the password sent to the holder.</adm.done.login-created>
    <error.no-phone>No phone on file: send the password by e-mail.</error.no-phone>
    <field.number>An account number: up to 20 digits and Latin letters.</field.number>
    <field.channel>Choose how to send the password.</field.channel>
    <field.account>An account.</field.account>
    <adm.title.payments>Payments</adm.title.payments>
    <adm.title.payment>Payment</adm.title.payment>
    <adm.pay-by.id>payment number</adm.pay-by.id>
    <adm.pay-by.provider>provider's payment id</adm.pay-by.provider>
    <adm.pay-by.account>account number</adm.pay-by.account>
    <adm.pay-by.day>day (YYYY-MM-DD)</adm.pay-by.day>
    <adm.pay-hint>Payments made through the portal: by card or autopay.</adm.pay-hint>
    <adm.col.payment>Payment</adm.col.payment>
    <adm.col.amount>Amount</adm.col.amount>
    <adm.col.state>State</adm.col.state>
    <adm.pay.created>created</adm.pay.created>
    <adm.pay.pending>pending</adm.pay.pending>
    <adm.pay.succeeded>paid</adm.pay.succeeded>
    <adm.pay.canceled>failed</adm.pay.canceled>
    <adm.refunded>Refunded</adm.refunded>
    <adm.provider-id>Provider's id</adm.provider-id>
    <adm.refunds>Refunds</adm.refunds>
    <adm.no-refunds>No refunds.</adm.no-refunds>
    <adm.refund.created>asked, no answer yet</adm.refund.created>
    <adm.refund.pending>in progress</adm.refund.pending>
    <adm.refund.succeeded>refunded</adm.refund.succeeded>
    <adm.refund.canceled>refused</adm.refund.canceled>
    <adm.f.amount>Amount to refund</adm.f.amount>
    <adm.do.refund>Refund</adm.do.refund>
    <adm.do.recheck>Check with the provider</adm.do.recheck>
    <adm.done.rechecked>Checked with the provider.</adm.done.rechecked>
    <adm.done.refunded>Refunded; the account is updated.</adm.done.refunded>
    <adm.done.refund-pending>The provider accepted the refund and is still processing it.</adm.done.refund-pending>
    <adm.done.refund-refused>The provider refused the refund.</adm.done.refund-refused>
    <adm.done.refund-unknown>The provider did not answer. Nothing was written; check again later: asking again never refunds twice.</adm.done.refund-unknown>
    <adm.done.already>This refund was already asked for.</adm.done.already>
    <error.not-refundable>This payment cannot be refunded: it was not paid.</error.not-refundable>
    <error.refund-too-much>More than is left to refund of this payment.</error.refund-too-much>
    <error.day-invalid>A day as YYYY-MM-DD.</error.day-invalid>
    <field.amount>An amount, e.g. 150.00.</field.amount>
    <adm.title.login>Staff sign-in</adm.title.login>
    <adm.title.code>Verification code</adm.title.code>
    <adm.title.enrol>Set up the second factor</adm.title.enrol>
    <adm.title.logout>Sign out</adm.title.logout>
    <adm.title.overview>Overview</adm.title.overview>
    <adm.title.subscribers>Subscribers</adm.title.subscribers>
    <adm.title.subscriber>Subscriber</adm.title.subscriber>
    <adm.title.appeals>Appeals</adm.title.appeals>
    <adm.title.appeal>Appeal</adm.title.appeal>
    <adm.ap.status>State</adm.ap.status>
    <adm.ap.any>any</adm.ap.any>
    <adm.ap.show>Show</adm.ap.show>
    <adm.ap.number>Number</adm.ap.number>
    <adm.ap.subscriber>Subscriber</adm.ap.subscriber>
    <adm.ap.account>Account</adm.ap.account>
    <adm.ap.topic>Topic</adm.ap.topic>
    <adm.ap.assigned>Assigned to</adm.ap.assigned>
    <adm.ap.nobody>nobody</adm.ap.nobody>
    <adm.ap.updated>Changed</adm.ap.updated>
    <adm.ap.none>No appeals.</adm.ap.none>
    <adm.ap.take>Take it on</adm.ap.take>
    <adm.ap.release>Let it go</adm.ap.release>
    <adm.ap.from-subscriber>The subscriber</adm.ap.from-subscriber>
    <adm.ap.note>A note for staff</adm.ap.note>
    <adm.ap.answer>Answer to the subscriber</adm.ap.answer>
    <adm.ap.status-after>State after the answer</adm.ap.status-after>
    <adm.ap.send>Answer</adm.ap.send>
    <adm.ap.note-label>A note (the subscriber never sees it)</adm.ap.note-label>
    <adm.ap.add-note>Add the note</adm.ap.add-note>
    <adm.done.answered>The answer is sent; the subscriber will be told.</adm.done.answered>
    <adm.done.noted>The note is added.</adm.done.noted>
    <adm.done.taken>The appeal is yours.</adm.done.taken>
    <adm.done.released>The appeal is nobody's now.</adm.done.released>
    <adm.title.requests>Requests</adm.title.requests>
    <adm.title.news>News</adm.title.news>
    <adm.title.news-new>New announcement</adm.title.news-new>
    <adm.title.organization>Organization</adm.title.organization>
    <adm.title.staff>Staff</adm.title.staff>
    <adm.title.staff-new>New staff member</adm.title.staff-new>
    <adm.title.audit>Audit log</adm.title.audit>
    <adm.signin.next>Next</adm.signin.next>
    <adm.signin.submit>Sign in</adm.signin.submit>
    <adm.code.hint>Six digits from your authenticator app, or one of your recovery codes.</adm.code.hint>
    <adm.enrol.intro>Staff sign-in is protected by a second factor. Scan the QR code with an authenticator app (Google Authenticator, FreeOTP, and others) or type the key in, then enter the code the app shows.</adm.enrol.intro>
    <adm.enrol.qr>QR code for the authenticator app</adm.enrol.qr>
    <adm.enrol.secret>Key:</adm.enrol.secret>
    <adm.enrol.code-hint>The six digits the app shows.</adm.enrol.code-hint>
    <adm.enrol.done>The second factor is set up.</adm.enrol.done>
    <adm.enrol.codes>Recovery codes</adm.enrol.codes>
    <adm.enrol.codes-hint>Keep them somewhere safe: each code signs you in once when your phone is not at hand. They will not be shown again.</adm.enrol.codes-hint>
    <adm.enrol.continue>I have saved the codes, continue</adm.enrol.continue>
    <adm.you>Signed in as</adm.you>
    <adm.role.admin>administrator</adm.role.admin>
    <adm.role.operator>operator</adm.role.operator>
    <adm.role.accountant>accountant</adm.role.accountant>
    <adm.role.viewer>viewer</adm.role.viewer>
    <adm.ov.what>Figure</adm.ov.what>
    <adm.ov.today>Today</adm.ov.today>
    <adm.ov.month>This month</adm.ov.month>
    <adm.ov.signups>Sign-ups</adm.ov.signups>
    <adm.ov.signins>Sign-ins</adm.ov.signins>
    <adm.ov.paid>Online payments: count / sum</adm.ov.paid>
    <adm.ov.failed>Failed payments</adm.ov.failed>
    <adm.ov.readings>Meters with readings / all</adm.ov.readings>
    <adm.ov.requests>Open requests</adm.ov.requests>
    <adm.ov.undelivered>Undelivered messages</adm.ov.undelivered>
    <adm.f.login>Login</adm.f.login>
    <adm.f.password>Password</adm.f.password>
    <adm.f.password-again>Your password, or a code from your app (to confirm)</adm.f.password-again>
    <adm.f.code>Code</adm.f.code>
    <adm.f.by>Search by</adm.f.by>
    <adm.f.q>Search for</adm.f.q>
    <adm.f.full_name>Full name</adm.f.full_name>
    <adm.f.email>E-mail</adm.f.email>
    <adm.f.phone>Mobile phone</adm.f.phone>
    <adm.f.reason>Reason for rejecting</adm.f.reason>
    <adm.f.org>Organization</adm.f.org>
    <adm.f.title_ru>Title (Russian)</adm.f.title_ru>
    <adm.f.body_ru>Text (Russian)</adm.f.body_ru>
    <adm.f.title_en>Title (English)</adm.f.title_en>
    <adm.f.body_en>Text (English)</adm.f.body_en>
    <adm.f.audience>For whom</adm.f.audience>
    <adm.f.targets>Addresses or account numbers, one per line</adm.f.targets>
    <adm.f.publish_at>Publish at (date and time)</adm.f.publish_at>
    <adm.f.role>Role</adm.f.role>
    <adm.f.new_password>Initial password</adm.f.new_password>
    <adm.f.name>Name</adm.f.name>
    <adm.f.inn>INN (taxpayer number; in Kazakhstan, the BIN)</adm.f.inn>
    <adm.f.kpp>KPP</adm.f.kpp>
    <adm.f.address>Address</adm.f.address>
    <adm.f.phones>Phones</adm.f.phones>
    <adm.f.website>Website</adm.f.website>
    <adm.f.bank_name>Bank</adm.f.bank_name>
    <adm.f.bic>BIC</adm.f.bic>
    <adm.f.bank_account>Settlement account</adm.f.bank_account>
    <adm.f.corr_account>Correspondent account (at the Treasury, the single treasury account; none in Kazakhstan)</adm.f.corr_account>
    <adm.f.receipt_note>Notice on receipts</adm.f.receipt_note>
    <adm.f.time_zone>Time zone</adm.f.time_zone>
    <adm.f.readings_from>Readings accepted from (day)</adm.f.readings_from>
    <adm.f.readings_to>Readings accepted until (day)</adm.f.readings_to>
    <adm.f.pay_by_day>Pay by (day of the next month)</adm.f.pay_by_day>
    <adm.f.staff>Staff member (login)</adm.f.staff>
    <adm.f.action>Action</adm.f.action>
    <adm.f.object>Object type</adm.f.object>
    <adm.f.object_id>Object id</adm.f.object_id>
    <adm.f.from>From</adm.f.from>
    <adm.f.to>To</adm.f.to>
    <adm.by.account>account number</adm.by.account>
    <adm.by.address>address (beginning)</adm.by.address>
    <adm.by.login>login</adm.by.login>
    <adm.by.name>name (beginning)</adm.by.name>
    <adm.by.email>e-mail</adm.by.email>
    <adm.by.phone>phone</adm.by.phone>
    <adm.search>Search</adm.search>
    <adm.results>Found</adm.results>
    <adm.no-results>Nothing found.</adm.no-results>
    <adm.next-page>Next</adm.next-page>
    <adm.col.account>Account</adm.col.account>
    <adm.col.subscriber>Subscriber</adm.col.subscriber>
    <adm.col.address>Address</adm.col.address>
    <adm.col.at>When</adm.col.at>
    <adm.col.who>Who</adm.col.who>
    <adm.col.action>Action</adm.col.action>
    <adm.col.object>Object</adm.col.object>
    <adm.col.change>Before → after</adm.col.change>
    <adm.no-login>no login</adm.no-login>
    <adm.blocked>blocked</adm.blocked>
    <adm.active>active</adm.active>
    <adm.disabled>disabled</adm.disabled>
    <adm.enrolled>second factor set up</adm.enrolled>
    <adm.not-enrolled>no second factor</adm.not-enrolled>
    <adm.since>Registered</adm.since>
    <adm.two-factor>Two-step sign-in</adm.two-factor>
    <adm.two-factor.app>on, authenticator app</adm.two-factor.app>
    <adm.two-factor.sms>on, SMS</adm.two-factor.sms>
    <adm.two-factor.off>off</adm.two-factor.off>
    <adm.two-factor.off-hint>Turn it off only when the subscriber lost both the phone and the recovery codes and you have made sure it is them asking. They will be told by e-mail.</adm.two-factor.off-hint>
    <adm.do.two-factor-off>Turn two-step sign-in off</adm.do.two-factor-off>
    <adm.done.two-factor-off>The subscriber's two-step sign-in is off; they were told by e-mail.</adm.done.two-factor-off>
    <adm.state>State</adm.state>
    <adm.accounts>Accounts</adm.accounts>
    <adm.delegates>Shared with:</adm.delegates>
    <adm.shared>Others' accounts shared with them</adm.shared>
    <adm.no-shared>No other subscriber has shared an account with them.</adm.no-shared>
    <adm.shared-by>shared by</adm.shared-by>
    <adm.rights.view>view only</adm.rights.view>
    <adm.rights.readings>readings only</adm.rights.readings>
    <adm.rights.pay>view and pay</adm.rights.pay>
    <adm.rights.full>everything but inviting others</adm.rights.full>
    <adm.rights.other>special rights</adm.rights.other>
    <adm.sessions>Open sessions</adm.sessions>
    <adm.no-sessions>No open sessions.</adm.no-sessions>
    <adm.sign-ins>Recent sign-ins</adm.sign-ins>
    <adm.result.ok>success</adm.result.ok>
    <adm.result.fail>wrong password</adm.result.fail>
    <adm.result.locked>locked out</adm.result.locked>
    <adm.do.block>Block</adm.do.block>
    <adm.do.unblock>Unblock</adm.do.unblock>
    <adm.do.end-sessions>End all sessions</adm.do.end-sessions>
    <adm.do.reset-link>Send a password reset link</adm.do.reset-link>
    <adm.do.approve>Approve</adm.do.approve>
    <adm.do.reject>Reject</adm.do.reject>
    <adm.do.role>Change role</adm.do.role>
    <adm.do.disable>Disable</adm.do.disable>
    <adm.do.enable>Enable</adm.do.enable>
    <adm.do.reset-factor>Reset second factor</adm.do.reset-factor>
    <adm.req.mobile>Mobile phone</adm.req.mobile>
    <adm.no-requests>No requests.</adm.no-requests>
    <adm.aud.all>all the organization's subscribers</adm.aud.all>
    <adm.aud.addresses>by address</adm.aud.addresses>
    <adm.aud.accounts>by account</adm.aud.accounts>
    <adm.targets-hint>For 'by address', the start of an address; for 'by account', account numbers.</adm.targets-hint>
    <adm.publish-hint>Leave empty to publish now.</adm.publish-hint>
    <adm.publish>Publish</adm.publish>
    <adm.news.sent>sent</adm.news.sent>
    <adm.news.scheduled>scheduled</adm.news.scheduled>
    <adm.orgs>Organizations:</adm.orgs>
    <adm.new-password-hint>At least 12 characters. Give it to the staff member in person; at their first sign-in they set up the second factor.</adm.new-password-hint>
    <adm.create>Create</adm.create>
    <adm.save>Save</adm.save>
    <adm.filter>Show</adm.filter>
    <adm.older>Older</adm.older>
    <adm.no-entries>No entries.</adm.no-entries>
    <adm.done.out>You have signed out of the console.</adm.done.out>
    <adm.done.block>The subscriber is blocked and their sessions are ended.</adm.done.block>
    <adm.done.unblock>The subscriber is unblocked.</adm.done.unblock>
    <adm.done.end-sessions>All the subscriber's sessions are ended.</adm.done.end-sessions>
    <adm.done.reset-link>A password reset link was sent to the subscriber's e-mail.</adm.done.reset-link>
    <adm.done.no-email>The subscriber has no e-mail address.</adm.done.no-email>
    <adm.done.approved>The number is changed and the subscriber told.</adm.done.approved>
    <adm.done.rejected>The request is rejected and the subscriber told.</adm.done.rejected>
    <adm.done.gone>This request was already decided.</adm.done.gone>
    <adm.done.published>The announcement is saved.</adm.done.published>
    <adm.done.saved>The organization's details are saved.</adm.done.saved>
    <adm.done.created>The staff member is created.</adm.done.created>
    <adm.done.role>The role is changed.</adm.done.role>
    <adm.done.disable>The staff member is disabled and their sessions ended.</adm.done.disable>
    <adm.done.enable>The staff member is enabled.</adm.done.enable>
    <adm.done.reset-factor>The second factor is reset: the staff member sets it up again at the next sign-in.</adm.done.reset-factor>
    <error.login-required>Enter your login and password.</error.login-required>
    <error.bad-credentials>Invalid login or password</error.bad-credentials>
    <error.locked>Too many failed attempts. Try again in 15 minutes.</error.locked>
    <error.code-required>Enter the code.</error.code-required>
    <error.bad-code>The code is wrong or has expired.</error.bad-code>
    <error.code-used>This code was used already. Wait for the next one.</error.code-used>
    <error.form-invalid>Please check the marked fields.</error.form-invalid>
    <error.inn-invalid>The INN (in Kazakhstan, the BIN) fails its check digits.</error.inn-invalid>
    <error.bic-invalid>A BIC is 9 digits: a bank's starts with 04, a Federal Treasury body's with 0. In Kazakhstan it is an 8-character SWIFT code, like HSBKKZKX.</error.bic-invalid>
    <error.account-invalid>The account fails its check: at a bank, the control key with the BIC; at the Treasury, a treasury account 03…643…; in Kazakhstan, a KZ IBAN with its check digits.</error.account-invalid>
    <error.bank-name-long>The bank's name is longer than the 45 characters a QR code holds (GOST R 56042-2014).</error.bank-name-long>
    <error.qr-name>The payee's details do not fit a QR code (GOST R 56042-2014: at most 300 bytes). Give a short name: the QR code will carry it.</error.qr-name>
    <error.corr-invalid>The correspondent account does not match the BIC (at the Treasury, the single treasury account 40102…).</error.corr-invalid>
    <error.window-reversed>The readings window ends before it starts.</error.window-reversed>
    <error.password-wrong>The password or code is wrong.</error.password-wrong>
    <error.targets-required>Give the addresses or account numbers.</error.targets-required>
    <error.unknown-account>One of the numbers is not an account of the organization.</error.unknown-account>
    <error.no-accounts>No account has these addresses.</error.no-accounts>
    <error.orgs-required>Tick at least one organization.</error.orgs-required>
    <error.login-taken>That login is taken.</error.login-taken>
    <error.phone-invalid>A phone number, e.g. +7 912 345-67-89.</error.phone-invalid>
    <error.password-short>The password must be at least 12 characters long.</error.password-short>
    <error.password-login>The password must not be the login.</error.password-login>
    <error.password-common>This password is too common. Please choose another.</error.password-common>
    <error.password-personal>This password is easy to guess: it holds your login, name, phone or e-mail address. Please choose another.</error.password-personal>
    <error.password-words>This password is easy to guess: it is made of common words or passwords. Add more words or use a longer phrase.</error.password-words>
    <error.password-repeats>This password is easy to guess: it repeats the same thing. Please choose another.</error.password-repeats>
    <error.password-sequence>This password is easy to guess: it holds a sequence like 12345 or abcde. Please choose another.</error.password-sequence>
    <error.password-keyboard>This password is easy to guess: it is keys next to each other, like qwerty. Please choose another.</error.password-keyboard>
    <error.password-date>This password is easy to guess: it holds a date or a year. Please choose another.</error.password-date>
    <error.password-guessable>This password is easy to guess. Try a few words with spaces between them.</error.password-guessable>
    <error.password-mismatch>The passwords do not match.</error.password-mismatch>
    <field.q>Enter what to search for.</field.q>
    <field.by>Choose what to search by.</field.by>
    <field.reason>A reason: 2 to 300 characters.</field.reason>
    <field.org>Choose an organization.</field.org>
    <field.title_ru>A title: 2 to 200 characters.</field.title_ru>
    <field.title_en>A title: 2 to 200 characters.</field.title_en>
    <field.body_ru>A text: 2 to 4000 characters.</field.body_ru>
    <field.body_en>A text: 2 to 4000 characters.</field.body_en>
    <field.audience>Choose for whom.</field.audience>
    <field.targets>At most 4000 characters.</field.targets>
    <field.publish_at>A date and time, e.g. 2026-12-01 09:00.</field.publish_at>
    <field.role>Choose a role.</field.role>
    <field.login>A login: 1 to 64 characters.</field.login>
    <field.full_name>Full name: 2 to 200 characters.</field.full_name>
    <field.new_password>Enter a password.</field.new_password>
    <field.password>Enter your password.</field.password>
    <field.name>A name: 2 to 200 characters.</field.name>
    <field.inn>An INN: 10 or 12 digits.</field.inn>
    <field.kpp>A KPP: 9 digits.</field.kpp>
    <field.address>An address: 5 to 300 characters.</field.address>
    <field.phones>Phones: 5 to 100 characters.</field.phones>
    <field.email>An address like name@example.com.</field.email>
    <field.website>A website address.</field.website>
    <field.bank_name>The bank's name.</field.bank_name>
    <field.bic>A BIC: 9 digits.</field.bic>
    <field.bank_account>An account: 20 digits.</field.bank_account>
    <field.corr_account>An account: 20 digits.</field.corr_account>
    <field.receipt_note>At most 1000 characters.</field.receipt_note>
    <field.time_zone>A time zone, e.g. Europe/Moscow.</field.time_zone>
    <field.readings_from>A day from 1 to 31.</field.readings_from>
    <field.readings_to>A day from 1 to 31.</field.readings_to>
    <field.pay_by_day>A day from 1 to 28.</field.pay_by_day>
    <field.staff>A staff login.</field.staff>
    <field.action>An action name.</field.action>
    <field.object>An object type.</field.object>
    <field.object_id>An object id.</field.object_id>
    <field.from>A date, e.g. 2026-11-01.</field.from>
    <field.to>A date, e.g. 2026-11-30.</field.to>
  </xsl:template>
</xsl:stylesheet>
