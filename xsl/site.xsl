<?xml version="1.0" encoding="UTF-8"?>
<!--
  site.xsl: the one entry stylesheet.  The programs apply it in-process; in
  the alternative set-up nginx's XSLT filter applies the same file.  It holds
  the page layout; each section's content comes from its own sheet.
  A program compiles only its own section's sheets: an include marked
  kb:section="x" is left out of every program but section x's (doc/render.c).
  Every global variable of every included sheet is worked out on every page
  and every pattern of a mode is tried: with all sections included, the
  dashboard's transform took 13.6 M instructions; with its own, 10.4 M.
  Rule for every sheet here: text only through xsl:value-of and attribute
  value templates, never disable-output-escaping.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common"
                xmlns:kb="urn:kabinet:site"
                extension-element-prefixes="exsl"
                exclude-result-prefixes="exsl kb">

  <xsl:include href="i18n.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="finish.xsl"/>
  <xsl:include href="login.xsl" kb:section="login"/>
  <xsl:include href="home.xsl" kb:section="home"/>
  <xsl:include href="accounts.xsl" kb:section="accounts"/>
  <xsl:include href="services.xsl" kb:section="services"/>
  <xsl:include href="calculator.xsl" kb:section="calculator"/>
  <xsl:include href="readings.xsl" kb:section="readings"/>
  <xsl:include href="payments.xsl" kb:section="payments"/>
  <xsl:include href="receipts.xsl" kb:section="receipts"/>
  <xsl:include href="settings.xsl" kb:section="settings"/>
  <xsl:include href="appeals.xsl" kb:section="appeals"/>
  <xsl:include href="admin.xsl" kb:section="admin"/>
  <xsl:include href="exchange.xsl" kb:section="admin"/>
  <xsl:include href="error.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:template match="/page">
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:apply-templates select="." mode="title"/>
          <xsl:text> · </xsl:text>
          <xsl:value-of select="$M/site.name"/>
        </title>
        <link rel="stylesheet" href="/static/site.css"/>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>
        <!-- Added to a phone's home screen, the portal opens like an app. -->
        <link rel="manifest" href="/static/manifest.webmanifest"/>
        <link rel="apple-touch-icon" href="/static/icon-192.png"/>
        <meta name="theme-color" content="#1f5fbf"/>
      </head>
      <body class="section-{@section}">
        <a class="skip-link" href="#content"><xsl:value-of select="$M/nav.skip"/></a>
        <header class="top">
          <div class="top-inner">
            <a class="brand" href="/">
              <xsl:if test="@section = 'admin'"><xsl:attribute name="href">/admin</xsl:attribute></xsl:if>
              <span class="brand-mark" aria-hidden="true">К</span>
              <xsl:value-of select="$M/site.name"/>
            </a>
            <xsl:apply-templates select="nav"/>
            <div class="top-tools">
              <xsl:apply-templates select="user"/>
              <xsl:call-template name="lang-switch"/>
            </div>
          </div>
        </header>
        <!-- Staff viewing as the subscriber: said on every page, with the way out. -->
        <xsl:if test="user/@viewer">
          <div class="view-as-banner" role="note" id="view-as-banner">
            <xsl:value-of select="concat($M/view.banner, ' ', user/@viewer, '. ', $M/view.read-only)"/>
          </div>
        </xsl:if>
        <main id="content" tabindex="-1">
          <xsl:call-template name="finished">
            <xsl:with-param name="tree"><xsl:apply-templates select="." mode="content"/></xsl:with-param>
          </xsl:call-template>
        </main>
        <footer class="bottom">
          <p><xsl:value-of select="$M/site.footer"/></p>
          <!-- Contacts and help, with the site map: on every page, signed in or not
               (someone who cannot sign in needs the phone most), but the console's. -->
          <xsl:if test="/page/@section != 'admin'">
            <p><a href="/contacts" id="footer-contacts"><xsl:value-of select="$M/nav.contacts"/></a></p>
          </xsl:if>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- Wide screens show the list; under 960 px a menu that opens without
       JavaScript.  CSS shows one of the two (display: none hides the other
       from screen readers too), so the links are never read twice. -->
  <xsl:template match="nav">
    <!-- The items are made once and copied into both lists: copying is a
         fraction of instantiating their templates (callgrind: 0.12 M of the
         dashboard's 3.8 M instructions saved, on every signed-in page). -->
    <xsl:variable name="items"><xsl:apply-templates select="item" mode="nav"/></xsl:variable>
    <nav class="sections" aria-label="{$M/nav.label}">
      <ul class="nav-wide">
        <xsl:copy-of select="$items"/>
      </ul>
      <details class="nav-menu">
        <summary><xsl:value-of select="$M/nav.menu"/>
          <xsl:if test="item/@unread"><span class="badge nav-count"><xsl:value-of select="sum(item/@unread)"/><span class="visually-hidden"><xsl:value-of select="concat(' ', $M/nav.unread)"/></span></span></xsl:if>
        </summary>
        <ul>
          <xsl:copy-of select="$items"/>
        </ul>
      </details>
    </nav>
  </xsl:template>

  <xsl:template match="item" mode="nav">
    <li>
      <a href="{@href}">
        <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('nav.', current()/@id)"/></xsl:call-template>
        <xsl:if test="@unread">
          <span class="badge nav-count" data-for="{@id}"><xsl:value-of select="@unread"/><span class="visually-hidden"><xsl:value-of select="concat(' ', $M/nav.unread)"/></span></span>
        </xsl:if>
      </a>
    </li>
  </xsl:template>

  <xsl:template match="user">
    <div class="who">
      <span class="who-name"><xsl:value-of select="name"/></span>
      <form method="post" action="/logout" class="inline">
        <xsl:if test="/page/@section = 'admin'"><xsl:attribute name="action">/admin/logout</xsl:attribute></xsl:if>
        <input type="hidden" name="csrf" value="{/page/csrf}"/>
        <button type="submit" class="link-button" id="logout">
          <xsl:value-of select="$M/nav.logout"/>
        </button>
      </form>
    </div>
  </xsl:template>

  <!-- A POST with the page's token: signed in, the choice is stored with the
       subscriber, which no other site's link may do.  A page without a token
       (nginx's own errors) switches by GET, which sets the cookie only. -->
  <xsl:template name="lang-switch">
    <form method="get" action="/lang" class="lang-switch">
      <xsl:if test="/page/csrf and not(/page/@section = 'admin')">
        <xsl:attribute name="method">post</xsl:attribute>
        <input type="hidden" name="csrf" value="{/page/csrf}"/>
      </xsl:if>
      <input type="hidden" name="next" value="{/page/@uri}"/>
      <span class="visually-hidden"><xsl:value-of select="$M/lang.label"/></span>
      <button type="submit" name="to" value="ru" lang="ru" id="lang-ru">
        <xsl:if test="$lang='ru'"><xsl:attribute name="aria-pressed">true</xsl:attribute></xsl:if>
        <xsl:text>RU</xsl:text>
      </button>
      <button type="submit" name="to" value="en" lang="en" id="lang-en">
        <xsl:if test="$lang='en'"><xsl:attribute name="aria-pressed">true</xsl:attribute></xsl:if>
        <xsl:text>EN</xsl:text>
      </button>
    </form>
  </xsl:template>

</xsl:stylesheet>
