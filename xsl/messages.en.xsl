<?xml version="1.0" encoding="UTF-8"?>
<!-- messages.en.xsl: the English catalog.  Same keys as messages.ru.xsl (a test checks). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:variable name="messages-en">
    <m k="site.name">Customer portal</m>
    <m k="site.footer">Customer self-service portal. For questions about charges and payments, contact your provider's customer service.</m>
    <m k="nav.label">Sections</m>
    <m k="nav.home">Home</m>
    <m k="nav.logout">Sign out</m>
    <m k="lang.label">Language</m>

    <m k="login.title">Sign in</m>
    <m k="login.login">Login</m>
    <m k="login.password">Password</m>
    <m k="login.submit">Sign in</m>
    <m k="login.hint">Your provider gives you your login and password. Never tell anyone your password: staff will never ask for it.</m>

    <m k="home.title">Home</m>
    <m k="home.greeting">Hello</m>
    <m k="home.login">Login</m>
    <m k="home.email">E-mail</m>
    <m k="home.phone">Phone</m>
    <m k="home.previous-login">Previous sign-in</m>
    <m k="home.from-address">from address</m>
    <m k="home.first-login">This is your first sign-in</m>
    <m k="home.not-you">If the previous sign-in was not you, change your password and tell your provider.</m>

    <m k="error.login-required">Enter your login and password.</m>
    <m k="error.bad-credentials">Invalid login or password</m>
    <m k="error.locked">Too many failed sign-in attempts. Try again in 15 minutes.</m>

    <m k="error.incident">Incident number:</m>
    <m k="error.home">Go to the home page</m>
    <m k="error.generic.title">Error</m>
    <m k="error.generic">The request could not be completed.</m>
    <m k="error.not-found.title">Page not found</m>
    <m k="error.not-found">This page does not exist or is not available to you. Check the address.</m>
    <m k="error.method-not-allowed.title">Action not available</m>
    <m k="error.method-not-allowed">This page does not accept that kind of request.</m>
    <m k="error.csrf.title">The form has expired</m>
    <m k="error.csrf">The form has expired or was sent from another site. Open the page again and repeat the action.</m>
    <m k="error.bad-request.title">Bad request</m>
    <m k="error.bad-request">The request contains data we cannot accept. Check what you entered and try again.</m>
    <m k="error.too-large.title">Request too large</m>
    <m k="error.too-large">Too much data was sent. Shorten what you entered and try again.</m>
    <m k="error.uri-too-long.title">Address too long</m>
    <m k="error.uri-too-long">The page address is too long.</m>
    <m k="error.unsupported-media-type.title">Unsupported format</m>
    <m k="error.unsupported-media-type">The form was sent in a format this site does not accept.</m>
    <m k="error.db-down.title">Service temporarily unavailable</m>
    <m k="error.db-down">We cannot process your request right now. Please try again in a few minutes.</m>
    <m k="error.internal.title">Internal error</m>
    <m k="error.internal">Something went wrong on our side. Please try again later.</m>
  </xsl:variable>
</xsl:stylesheet>
