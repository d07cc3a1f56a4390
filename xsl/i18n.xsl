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
    Only the page's language is built, once per transform, and a message is
    a child element named by its key: $M/login.title is a name test, not a
    string comparison over every message.
  -->
  <xsl:variable name="catalog">
    <xsl:choose>
      <xsl:when test="$lang = 'en'"><xsl:call-template name="messages-en"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="messages-ru"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="M" select="exsl:node-set($catalog)"/>

</xsl:stylesheet>
