<?xml version="1.0" encoding="UTF-8"?>
<!-- messages.en.xsl: the English catalog.  Messages are elements named by their key; same keys as messages.ru.xsl (a test checks). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="messages-en">
    <site.name>Customer portal</site.name>
    <site.footer>Customer self-service portal. For questions about charges and payments, contact your provider's customer service.</site.footer>
    <nav.label>Sections</nav.label>
    <nav.home>Home</nav.home>
    <nav.logout>Sign out</nav.logout>
    <lang.label>Language</lang.label>

    <login.title>Sign in</login.title>
    <login.login>Login</login.login>
    <login.password>Password</login.password>
    <login.submit>Sign in</login.submit>
    <login.hint>Your provider gives you your login and password. Never tell anyone your password: staff will never ask for it.</login.hint>

    <home.title>Home</home.title>
    <home.greeting>Hello</home.greeting>
    <home.login>Login</home.login>
    <home.email>E-mail</home.email>
    <home.phone>Phone</home.phone>
    <home.previous-login>Previous sign-in</home.previous-login>
    <home.from-address>from address</home.from-address>
    <home.first-login>This is your first sign-in</home.first-login>
    <home.not-you>If the previous sign-in was not you, change your password and tell your provider.</home.not-you>

    <error.login-required>Enter your login and password.</error.login-required>
    <error.bad-credentials>Invalid login or password</error.bad-credentials>
    <error.locked>Too many failed sign-in attempts. Try again in 15 minutes.</error.locked>

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
  </xsl:template>
</xsl:stylesheet>
