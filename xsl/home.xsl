<?xml version="1.0" encoding="UTF-8"?>
<!-- home.xsl: the signed-in start page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='home']" mode="title">
    <xsl:value-of select="$M/home.title"/>
  </xsl:template>

  <xsl:template match="page[@section='home']" mode="content">
    <section class="card">
      <h1 id="greeting">
        <xsl:value-of select="$M/home.greeting"/>
        <xsl:text>, </xsl:text>
        <span class="name"><xsl:value-of select="home/full-name"/></span>
      </h1>
      <dl class="facts">
        <dt><xsl:value-of select="$M/home.login"/></dt>
        <dd><xsl:value-of select="user/login"/></dd>
        <xsl:if test="home/email">
          <dt><xsl:value-of select="$M/home.email"/></dt>
          <dd><xsl:value-of select="home/email"/></dd>
        </xsl:if>
        <xsl:if test="home/phone">
          <dt><xsl:value-of select="$M/home.phone"/></dt>
          <dd><xsl:value-of select="home/phone"/></dd>
        </xsl:if>
        <dt><xsl:value-of select="$M/home.previous-login"/></dt>
        <dd id="previous-login">
          <xsl:choose>
            <xsl:when test="home/previous-login">
              <xsl:call-template name="datetime">
                <xsl:with-param name="v" select="home/previous-login/@at"/>
              </xsl:call-template>
              <xsl:text>, </xsl:text>
              <xsl:value-of select="$M/home.from-address"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="home/previous-login/@ip"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$M/home.first-login"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </dl>
      <p class="hint"><xsl:value-of select="$M/home.not-you"/></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
