<?xml version="1.0" encoding="UTF-8"?>
<!--
  receipt-volume.xsl: how a receipt names a line's volume by zone and tier
  (sql/045), for the page (receipts.xsl) and the PDF (pdf.xsl) alike.  Its
  words are the receipts part's.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- "в т. ч. T1, диапазон 2": a receipt line's volume by zone and tier (HTML and PDF). -->
  <xsl:template match="volume" mode="label">
    <xsl:value-of select="$M/rc.of-which"/>
    <xsl:text> </xsl:text>
    <xsl:if test="@zone">
      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('rc.zone.', @zone)"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="@zone and @tier">, </xsl:if>
    <xsl:if test="@tier"><xsl:value-of select="concat($M/rc.tier, ' ', @tier)"/></xsl:if>
    <xsl:if test="not(@zone) and not(@tier)"><xsl:value-of select="$M/rc.volume-all"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
