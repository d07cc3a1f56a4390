<?xml version="1.0" encoding="UTF-8"?>
<!-- login.xsl: the sign-in page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='login']" mode="title">
    <xsl:value-of select="$M/login.title"/>
  </xsl:template>

  <xsl:template match="page[@section='login']" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/login.title"/></h1>
      <xsl:call-template name="form-errors"/>
      <form method="post" action="/login" class="stacked" id="login-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <input type="hidden" name="next" value="{login-form/next}"/>
        <label for="login"><xsl:value-of select="$M/login.login"/></label>
        <input type="text" id="login" name="login" value="{login-form/login}" required="required"
               maxlength="64" autocomplete="username" autocapitalize="none" spellcheck="false">
          <xsl:if test="not(login-form/login)"><xsl:attribute name="autofocus">autofocus</xsl:attribute></xsl:if>
        </input>
        <label for="password"><xsl:value-of select="$M/login.password"/></label>
        <input type="password" id="password" name="password" required="required" maxlength="128"
               autocomplete="current-password">
          <xsl:if test="login-form/login"><xsl:attribute name="autofocus">autofocus</xsl:attribute></xsl:if>
        </input>
        <button type="submit" class="primary"><xsl:value-of select="$M/login.submit"/></button>
      </form>
      <p class="hint"><xsl:value-of select="$M/login.hint"/></p>
      <p class="hint"><a href="/calculator" id="calculator-link"><xsl:value-of select="$M/login.calculator"/></a></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
