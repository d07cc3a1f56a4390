<?xml version="1.0" encoding="UTF-8"?>
<!--
  i18n.xsl: picks the message catalog for page/@lang.  The catalogs are
  stylesheets themselves (one named template each), compiled with site.xsl,
  so rendering never reads a file.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common"
                extension-element-prefixes="exsl"
                exclude-result-prefixes="exsl">

  <xsl:include href="messages.ru.xsl"/>
  <xsl:include href="messages.en.xsl"/>

  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="/page/@lang = 'en'">en</xsl:when>
      <xsl:otherwise>ru</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!--
    Only the page's language is built, once per transform, and only what
    every page uses plus the page's own section; a message is a child element
    named by its key: $M/login.title is a name test, not a string comparison
    over every message.  A program's own sheets have most keys as text and
    $M as kb:catalog(), the same messages made once at start-up
    (doc/catalog.c); nginx's filter and the error pages build it here.
  -->
  <xsl:variable name="section" select="/page/@section"/>
  <xsl:variable name="catalog">
    <xsl:choose>
      <xsl:when test="$lang = 'en'">
        <xsl:call-template name="messages-en"/>
        <xsl:choose>
          <xsl:when test="$section = 'error'"><xsl:call-template name="messages-en-error"/></xsl:when>
          <xsl:when test="$section = 'login'"><xsl:call-template name="messages-en-login"/></xsl:when>
          <xsl:when test="$section = 'home'"><xsl:call-template name="messages-en-home"/></xsl:when>
          <xsl:when test="$section = 'accounts'"><xsl:call-template name="messages-en-accounts"/></xsl:when>
          <xsl:when test="$section = 'services'"><xsl:call-template name="messages-en-services"/></xsl:when>
          <xsl:when test="$section = 'calculator'"><xsl:call-template name="messages-en-calculator"/></xsl:when>
          <xsl:when test="$section = 'readings'"><xsl:call-template name="messages-en-readings"/></xsl:when>
          <xsl:when test="$section = 'payments'"><xsl:call-template name="messages-en-payments"/></xsl:when>
          <xsl:when test="$section = 'receipts'"><xsl:call-template name="messages-en-receipts"/></xsl:when>
          <xsl:when test="$section = 'settings'"><xsl:call-template name="messages-en-settings"/></xsl:when>
          <xsl:when test="$section = 'appeals'"><xsl:call-template name="messages-en-appeals"/></xsl:when>
          <xsl:when test="$section = 'admin'"><xsl:call-template name="messages-en-admin"/></xsl:when>
          <!-- A message can carry a receipt (its PDF), so it has the receipts' words too. -->
          <xsl:when test="$section = 'mail'"><xsl:call-template name="messages-en-mail"/><xsl:call-template name="messages-en-receipts"/></xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="messages-ru"/>
        <xsl:choose>
          <xsl:when test="$section = 'error'"><xsl:call-template name="messages-ru-error"/></xsl:when>
          <xsl:when test="$section = 'login'"><xsl:call-template name="messages-ru-login"/></xsl:when>
          <xsl:when test="$section = 'home'"><xsl:call-template name="messages-ru-home"/></xsl:when>
          <xsl:when test="$section = 'accounts'"><xsl:call-template name="messages-ru-accounts"/></xsl:when>
          <xsl:when test="$section = 'services'"><xsl:call-template name="messages-ru-services"/></xsl:when>
          <xsl:when test="$section = 'calculator'"><xsl:call-template name="messages-ru-calculator"/></xsl:when>
          <xsl:when test="$section = 'readings'"><xsl:call-template name="messages-ru-readings"/></xsl:when>
          <xsl:when test="$section = 'payments'"><xsl:call-template name="messages-ru-payments"/></xsl:when>
          <xsl:when test="$section = 'receipts'"><xsl:call-template name="messages-ru-receipts"/></xsl:when>
          <xsl:when test="$section = 'settings'"><xsl:call-template name="messages-ru-settings"/></xsl:when>
          <xsl:when test="$section = 'appeals'"><xsl:call-template name="messages-ru-appeals"/></xsl:when>
          <xsl:when test="$section = 'admin'"><xsl:call-template name="messages-ru-admin"/></xsl:when>
          <!-- A message can carry a receipt (its PDF), so it has the receipts' words too. -->
          <xsl:when test="$section = 'mail'"><xsl:call-template name="messages-ru-mail"/><xsl:call-template name="messages-ru-receipts"/></xsl:when>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="M" select="exsl:node-set($catalog)"/>
  <!-- Indexed by a number held in a variable: a computed predicate would be
       evaluated again for each of the twelve. -->
  <xsl:variable name="month-names" select="$M/months/m"/>

  <!--
    A message whose key is computed ("error." and a code, "unit." and a
    unit): a key indexes the catalog once per transform, where a predicate
    on local-name() would compare every message at every call.  Only ever
    called with the catalog as context, so the source is never indexed.
  -->
  <xsl:key name="msg" match="*" use="local-name()"/>
  <!-- A decimal number the C side wrote with a point ("130.2"): with the
       language's separator, 130,2 in Russian. -->
  <xsl:template name="decimal">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$lang = 'ru'"><xsl:value-of select="translate($v, '.', ',')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="msg">
    <xsl:param name="key"/>
    <xsl:for-each select="$M">
      <xsl:value-of select="key('msg', $key)"/>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
