<?xml version="1.0" encoding="UTF-8"?>
<!-- common.xsl: small named templates every section uses. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- "2026-11-22T18:05:09Z" as 22.11.2026 18:05 (ru) or 2026-11-22 18:05 (en), UTC. -->
  <xsl:template name="datetime">
    <xsl:param name="v"/>
    <time datetime="{$v}">
      <xsl:choose>
        <xsl:when test="$lang = 'ru'">
          <xsl:value-of select="concat(substring($v, 9, 2), '.', substring($v, 6, 2), '.',
                                       substring($v, 1, 4), ' ', substring($v, 12, 5))"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat(substring($v, 1, 10), ' ', substring($v, 12, 5))"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> UTC</xsl:text>
    </time>
  </xsl:template>

  <!-- A form-level message (error without a field). -->
  <xsl:template name="form-errors">
    <xsl:for-each select="/page/error[not(@field)]">
      <p class="alert" role="alert" id="form-error">
        <xsl:value-of select="$M/*[local-name() = concat('error.', current()/@code)]"/>
      </p>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
