<?xml version="1.0" encoding="UTF-8"?>
<!-- common.xsl: small named templates every section uses. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- "2026-11-22T21:05:09+03:00" (the site's time zone: instant_local() in
       core/date.c) as 22.11.2026 21:05 (ru) or 2026-11-22 21:05 (en). -->
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
    </time>
  </xsl:template>

  <!-- The value a field shows: what was typed if the form came back, else what is on file
       (settings and the console's forms). -->
  <xsl:template name="value">
    <xsl:param name="name"/>
    <xsl:param name="stored"/>
    <xsl:choose>
      <xsl:when test="/page/typed[@name = $name]"><xsl:value-of select="/page/typed[@name = $name]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$stored"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "2026-03" as "март 2026" / "March 2026". -->
  <xsl:template name="month-label">
    <xsl:param name="v"/>
    <xsl:variable name="n" select="number(substring($v, 6, 2))"/>
    <xsl:value-of select="$month-names[$n]"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($v, 1, 4)"/>
  </xsl:template>

  <!-- A service request's fields (an appeal's <field name>s), as the subscriber
       and staff both see them: choices in words, dates in the reader's form. -->
  <xsl:template name="request-fields">
    <xsl:param name="a"/>
    <xsl:if test="$a/field">
      <dl class="facts request" id="request">
        <xsl:for-each select="$a/field">
          <dt><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('rq.f.', @name)"/></xsl:call-template></dt>
          <dd id="request-{@name}">
            <xsl:choose>
              <xsl:when test="@name = 'action' or @name = 'work' or @name = 'change'">
                <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('rq.v.', @name, '.', .)"/></xsl:call-template>
              </xsl:when>
              <xsl:when test="substring(@name, string-length(@name) - 2) = '_on'">
                <xsl:call-template name="date"><xsl:with-param name="v" select="."/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
  </xsl:template>

  <!-- "2026-03-05" as 05.03.2026 (ru) or 2026-03-05 (en). -->
  <xsl:template name="date">
    <xsl:param name="v"/>
    <time datetime="{$v}">
      <xsl:choose>
        <xsl:when test="$lang = 'ru'">
          <xsl:value-of select="concat(substring($v, 9, 2), '.', substring($v, 6, 2), '.', substring($v, 1, 4))"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
      </xsl:choose>
    </time>
  </xsl:template>

  <!-- An amount the C side formatted; @minor gives its sign. -->
  <xsl:template match="*[@minor]" mode="money">
    <span class="money">
      <xsl:value-of select="."/>
    </span>
  </xsl:template>

  <!-- A balance: debt in red, overpayment in green, with words for those who cannot see colour. -->
  <xsl:template match="*[@minor]" mode="balance">
    <span>
      <xsl:attribute name="class">
        <xsl:choose>
          <xsl:when test="@minor &gt; 0">money debt</xsl:when>
          <xsl:when test="@minor &lt; 0">money advance</xsl:when>
          <xsl:otherwise>money</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:value-of select="."/>
      <xsl:if test="@minor != 0">
        <span class="balance-word">
          <xsl:text> (</xsl:text>
          <xsl:choose>
            <xsl:when test="@minor &gt; 0"><xsl:value-of select="$M/balance.debt"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$M/balance.advance"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text>)</xsl:text>
        </span>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- An account's debts and advances, each kept with its service: both may show. -->
  <xsl:template name="due-advance">
    <xsl:param name="a" select="."/>
    <xsl:if test="$a/due/@minor &gt; 0 or not($a/advance/@minor &gt; 0)">
      <xsl:apply-templates select="$a/due" mode="balance"/>
    </xsl:if>
    <xsl:if test="$a/advance/@minor &gt; 0">
      <xsl:if test="$a/due/@minor &gt; 0"><br/></xsl:if>
      <span class="money advance">
        <xsl:value-of select="$a/advance"/>
        <span class="balance-word">
          <xsl:text> (</xsl:text>
          <xsl:value-of select="$M/balance.advance"/>
          <xsl:text>)</xsl:text>
        </span>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="unit">
    <xsl:param name="v"/>
    <xsl:variable name="u"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('unit.', $v)"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($u)"><xsl:value-of select="$u"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A catalog text with {end}, the last digits of a phone number, filled in. -->
  <xsl:template name="with-end">
    <xsl:param name="text"/>
    <xsl:param name="end"/>
    <xsl:choose>
      <xsl:when test="contains($text, '{end}')">
        <xsl:value-of select="concat(substring-before($text, '{end}'), $end, substring-after($text, '{end}'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "The code is sent", or why it is not: after a request for an SMS code. -->
  <xsl:template name="sms-sent">
    <xsl:if test="done = 'sent' or done = 'too-soon' or done = 'too-many' or done = 'no-phone'">
      <p class="notice" role="status" id="sms-sent">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('sms.', done)"/></xsl:call-template>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- The message for one field, if the server refused it. -->
  <xsl:template name="field-error">
    <xsl:param name="name"/>
    <xsl:for-each select="/page/error[@field = $name]">
      <p class="field-error" id="error-{$name}">
        <xsl:choose>
          <xsl:when test="@code = 'invalid'">
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('field.', current()/@field)"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('error.', current()/@code)"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- "Pay" where a debt is shown: the payment form, this account's amount
       filled in.  what names the debt for those who hear the link alone. -->
  <xsl:template name="pay-button">
    <xsl:param name="account"/>
    <xsl:param name="what"/>
    <a class="button pay no-print" href="/payments/pay?account={$account}">
      <xsl:value-of select="$M/nav.pay"/>
      <xsl:if test="string($what) != ''">
        <span class="visually-hidden"><xsl:value-of select="concat(': ', $what)"/></span>
      </xsl:if>
    </a>
  </xsl:template>

  <!-- Links to the page's table as files: base is the page's address with its
       query, the format is added.  The programs make them (?format=). -->
  <xsl:template name="downloads">
    <xsl:param name="base"/>
    <xsl:param name="pdf" select="false()"/>
    <p class="downloads no-print" id="downloads">
      <xsl:value-of select="concat($M/dl.label, ': ')"/>
      <xsl:if test="$pdf">
        <a href="{$base}&amp;format=pdf" type="application/pdf" id="download-pdf">PDF</a>
        <xsl:text> · </xsl:text>
      </xsl:if>
      <a href="{$base}&amp;format=csv" type="text/csv" id="download-csv">CSV</a>
      <xsl:text> · </xsl:text>
      <a href="{$base}&amp;format=xlsx" id="download-xlsx"
         type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">Excel (XLSX)</a>
    </p>
  </xsl:template>

  <!-- A form-level message (error without a field). -->
  <xsl:template name="form-errors">
    <xsl:for-each select="/page/error[not(@field)]">
      <p class="alert" role="alert" id="form-error">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('error.', current()/@code)"/></xsl:call-template>
      </p>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
