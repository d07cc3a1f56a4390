<?xml version="1.0" encoding="UTF-8"?>
<!-- error.xsl: every 4xx/5xx page a program renders. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='error']" mode="title">
    <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('error.', /page/error/@code, '.title')"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@section='error']" mode="content">
    <section class="card narrow error-page">
      <p class="status"><xsl:value-of select="error/@status"/></p>
      <h1><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('error.', current()/error/@code, '.title')"/></xsl:call-template></h1>
      <p id="error-message"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('error.', current()/error/@code)"/></xsl:call-template></p>
      <xsl:if test="error/@incident">
        <p class="incident">
          <xsl:value-of select="$M/error.incident"/>
          <xsl:text> </xsl:text>
          <code><xsl:value-of select="error/@incident"/></code>
        </p>
      </xsl:if>
      <p><a href="/"><xsl:value-of select="$M/error.home"/></a></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
