<?xml version="1.0" encoding="UTF-8"?>
<!-- home.xsl: the signed-in start page, a dashboard over every linked account. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='home']" mode="title">
    <xsl:value-of select="$M/home.title"/>
  </xsl:template>

  <xsl:template match="page[@section='home']" mode="content">
    <h1 id="greeting" class="page-title">
      <xsl:value-of select="$M/home.greeting"/>
      <xsl:text>, </xsl:text>
      <span class="name"><xsl:value-of select="home/full-name"/></span>
    </h1>

    <div class="dashboard">
      <section class="card to-pay" id="to-pay">
        <h2><xsl:value-of select="$M/home.to-pay"/></h2>
        <xsl:choose>
          <xsl:when test="accounts/to-pay">
            <xsl:for-each select="accounts/to-pay">
              <p class="big-amount debt"><xsl:value-of select="."/></p>
            </xsl:for-each>
            <p>
              <xsl:call-template name="pay-button">
                <xsl:with-param name="account">
                  <xsl:choose>
                    <xsl:when test="accounts/account[@current]/due/@minor &gt; 0">
                      <xsl:value-of select="accounts/account[@current]/@id"/>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:value-of select="accounts/account[due/@minor &gt; 0][1]/@id"/>
                    </xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </p>
          </xsl:when>
          <xsl:otherwise>
            <p class="big-amount advance"><xsl:value-of select="$M/home.nothing-to-pay"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>

      <section class="card payments" id="payments">
        <h2><xsl:value-of select="$M/home.payments"/></h2>
        <xsl:choose>
          <xsl:when test="payments/payment">
            <ul class="plain">
              <xsl:for-each select="payments/payment">
                <li>
                  <xsl:call-template name="date"><xsl:with-param name="v" select="date"/></xsl:call-template>
                  <xsl:text> · </xsl:text>
                  <strong><xsl:value-of select="amount"/></strong>
                  <span class="muted small">
                    <xsl:text> · №&#160;</xsl:text>
                    <xsl:value-of select="number"/>
                    <xsl:text> · </xsl:text>
                    <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('channel.', current()/channel)"/></xsl:call-template>
                  </span>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise><p class="muted"><xsl:value-of select="$M/home.no-payments"/></p></xsl:otherwise>
        </xsl:choose>
      </section>
    </div>

    <section class="card" id="dashboard-accounts">
      <div class="card-head">
        <h2><xsl:value-of select="$M/home.accounts"/></h2>
        <a href="/accounts/add"><xsl:value-of select="$M/accounts.add"/></a>
      </div>
      <xsl:choose>
        <xsl:when test="accounts/account">
          <ul class="account-list">
            <xsl:for-each select="accounts/account">
              <li class="account-item" id="dash-account-{@id}">
                <div class="account-main">
                  <p class="account-number">
                    <xsl:text>№ </xsl:text>
                    <strong><xsl:value-of select="number"/></strong>
                    <xsl:if test="@current"><span class="badge"><xsl:value-of select="$M/accounts.current"/></span></xsl:if>
                  </p>
                  <p class="account-address"><xsl:value-of select="address"/></p>
                  <p class="muted small services-line">
                    <xsl:for-each select="services/service">
                      <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
                      <xsl:value-of select="."/>
                    </xsl:for-each>
                  </p>
                </div>
                <div class="account-balance">
                  <xsl:call-template name="due-advance"/>
                  <xsl:if test="due/@minor &gt; 0">
                    <xsl:call-template name="pay-button">
                      <xsl:with-param name="account" select="@id"/>
                      <xsl:with-param name="what" select="concat('№ ', number)"/>
                    </xsl:call-template>
                  </xsl:if>
                </div>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p id="no-accounts"><xsl:value-of select="$M/home.no-accounts"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <xsl:apply-templates select="charts/chart"/>

    <section class="card">
      <h2><xsl:value-of select="$M/home.profile"/></h2>
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

  <!--
    The 12-month chart as inline SVG: two bars a month, scaled to the
    largest.  No script; each bar has a title, and the figures follow in a
    table, so it reads the same on paper and to a screen reader.  Month names
    come from the catalog's <months> list by position.
  -->
  <xsl:template match="chart">
    <xsl:variable name="max" select="@max"/>
    <section class="card chart" id="chart-{@currency}">
      <h2><xsl:value-of select="$M/home.chart"/></h2>
      <p class="legend">
        <span class="key key-accrued"></span><xsl:value-of select="$M/col.accrued"/>
        <span class="key key-paid"></span><xsl:value-of select="$M/col.paid"/>
      </p>
      <!-- The slot (@x) and the bars' heights (at most 190) come worked out (home.c, doc/chart.c). -->
      <svg class="bars" viewBox="0 0 600 230" role="img" aria-label="{$M/home.chart}">
        <line x1="0" y1="200.5" x2="600" y2="200.5" class="axis"/>
        <xsl:for-each select="month">
          <!-- The index in a variable first: a predicate computed from the month
               would be worked out again for each of the twelve names (a tenth of
               the dashboard's transform in callgrind). -->
          <xsl:variable name="n" select="number(substring(@m, 6, 2))"/>
          <xsl:variable name="label" select="concat($month-names[$n], ' ', substring(@m, 1, 4), ': ')"/>
          <rect x="{@x + 8}" y="{200 - @h-accrued}" width="16" height="{@h-accrued}" class="bar-accrued">
            <title><xsl:value-of select="concat($label, $M/col.accrued, ' ', accrued)"/></title>
          </rect>
          <rect x="{@x + 26}" y="{200 - @h-paid}" width="16" height="{@h-paid}" class="bar-paid">
            <title><xsl:value-of select="concat($label, $M/col.paid, ' ', paid)"/></title>
          </rect>
          <text x="{@x + 25}" y="220" class="tick"><xsl:value-of select="substring($label, 1, 3)"/></text>
        </xsl:for-each>
      </svg>
      <details>
        <summary><xsl:value-of select="$M/home.chart-table"/></summary>
        <table class="data compact">
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="$M/col.month"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/col.accrued"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/col.paid"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="month">
              <tr>
                <th scope="row"><xsl:call-template name="month-label"><xsl:with-param name="v" select="@m"/></xsl:call-template></th>
                <td class="num"><xsl:value-of select="accrued"/></td>
                <td class="num"><xsl:value-of select="paid"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </details>
    </section>
  </xsl:template>

</xsl:stylesheet>
