<?xml version="1.0" encoding="UTF-8"?>
<!--
  i18n.xsl: picks the message catalog for page/@lang.  The catalogs are
  stylesheets themselves, compiled with site.xsl, so rendering never reads a
  file: a message is looked up by its key in $M.
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

  <xsl:variable name="M"
      select="exsl:node-set($messages-ru)/m[$lang = 'ru'] | exsl:node-set($messages-en)/m[$lang = 'en']"/>

</xsl:stylesheet>
