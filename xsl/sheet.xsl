<?xml version="1.0" encoding="UTF-8"?>
<!--
  sheet.xsl: a page's table as rows of cells, for CSV and XLSX downloads
  (doc/sheet.c, doc/xlsx.c).  Column names and words come from the same
  catalogs as the HTML, so a download is in the page's language; numbers
  are written for machines (n: a point, no grouping), with the shown text
  beside them.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="i18n.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- A page without a table: nothing to give (doc/sheet.c refuses it). -->
  <xsl:template match="/page">
    <none/>
  </xsl:template>

  <!-- Money: minor units as a number with two decimals. -->
  <xsl:template match="*[@minor]" mode="cell">
    <c n="{format-number(@minor div 100, '0.00')}" fmt="money"><xsl:value-of select="."/></c>
  </xsl:template>

  <!-- The index in a variable: computed in the predicate, it is worked out for each name. -->
  <xsl:template name="month-text">
    <xsl:param name="v"/>
    <xsl:variable name="n" select="number(substring($v, 6, 2))"/>
    <xsl:value-of select="concat($month-names[$n], ' ', substring($v, 1, 4))"/>
  </xsl:template>

  <!-- ============================================================ audit log -->
  <xsl:template match="/page[@section='admin'][@name='audit'][audit]">
    <sheet name="audit">
      <row head="1">
        <c><xsl:value-of select="$M/adm.col.at"/></c>
        <c><xsl:value-of select="$M/adm.col.who"/></c>
        <c>IP</c>
        <c><xsl:value-of select="$M/adm.f.org"/></c>
        <c><xsl:value-of select="$M/adm.col.action"/></c>
        <c><xsl:value-of select="$M/adm.f.object"/></c>
        <c><xsl:value-of select="$M/adm.f.object_id"/></c>
        <c><xsl:value-of select="$M/adm.col.change"/></c>
        <c/>
      </row>
      <xsl:for-each select="audit/entry">
        <row>
          <c><xsl:value-of select="at"/></c>
          <c><xsl:value-of select="staff"/></c>
          <c><xsl:value-of select="ip"/></c>
          <c><xsl:value-of select="@org"/></c>
          <c><xsl:value-of select="action"/></c>
          <c><xsl:value-of select="object"/></c>
          <c><xsl:value-of select="object-id"/></c>
          <c><xsl:value-of select="before"/></c>
          <c><xsl:value-of select="after"/></c>
        </row>
      </xsl:for-each>
    </sheet>
  </xsl:template>

  <!-- ============================================================ an import's problems -->
  <xsl:template match="/page[@section='admin'][@name='import-report'][import]">
    <sheet name="problems">
      <row head="1">
        <c><xsl:value-of select="$M/imp.col.line"/></c>
        <c><xsl:value-of select="$M/imp.col.column"/></c>
        <c><xsl:value-of select="$M/imp.col.value"/></c>
        <c><xsl:value-of select="$M/imp.col.message"/></c>
      </row>
      <xsl:for-each select="import/problems/problem">
        <row>
          <c n="{@line}"><xsl:value-of select="@line"/></c>
          <c><xsl:value-of select="@column"/></c>
          <c><xsl:value-of select="value"/></c>
          <c>
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('imp.err.', @code)"/></xsl:call-template>
            <xsl:if test="detail"><xsl:value-of select="concat(' ', detail)"/></xsl:if>
          </c>
        </row>
      </xsl:for-each>
    </sheet>
  </xsl:template>

  <!-- ============================================================ statement -->
  <xsl:template match="/page[@section='services'][@name='statement'][months]">
    <xsl:variable name="one" select="boolean(months/month/tariff)"/>
    <sheet name="statement">
      <row head="1">
        <c><xsl:value-of select="$M/col.month"/></c>
        <xsl:if test="$one">
          <c><xsl:value-of select="$M/col.tariff"/></c>
          <c><xsl:value-of select="$M/col.quantity"/></c>
        </xsl:if>
        <c><xsl:value-of select="$M/col.opening"/></c>
        <c><xsl:value-of select="$M/col.accrued"/></c>
        <c><xsl:value-of select="$M/col.corrections"/></c>
        <c><xsl:value-of select="$M/col.paid"/></c>
        <c><xsl:value-of select="$M/col.closing"/></c>
      </row>
      <xsl:for-each select="months/month">
        <row>
          <c><xsl:call-template name="month-text"><xsl:with-param name="v" select="@m"/></xsl:call-template></c>
          <xsl:if test="$one">
            <xsl:apply-templates select="tariff" mode="cell"/>
            <c n="{quantity}" fmt="quantity"><xsl:value-of select="quantity"/></c>
          </xsl:if>
          <xsl:apply-templates select="opening|accrued|corrections|paid|closing" mode="cell"/>
        </row>
      </xsl:for-each>
    </sheet>
  </xsl:template>

  <!-- ============================================================ usage -->
  <!-- Times as the page shows them (the organization's clock); duration in
       seconds and traffic in bytes, as a spreadsheet adds them up. -->
  <xsl:template match="/page[@section='services'][@name='usage'][usage]">
    <sheet name="usage">
      <row head="1">
        <c><xsl:value-of select="$M/usage.start"/></c>
        <c><xsl:value-of select="$M/usage.end"/></c>
        <c><xsl:value-of select="$M/usage.service"/></c>
        <c><xsl:value-of select="$M/usage.what"/></c>
        <c><xsl:value-of select="$M/usage.number"/></c>
        <c><xsl:value-of select="$M/usage.seconds"/></c>
        <c><xsl:value-of select="$M/usage.bytes-in"/></c>
        <c><xsl:value-of select="$M/usage.bytes-out"/></c>
        <c><xsl:value-of select="$M/usage.cost"/></c>
      </row>
      <xsl:for-each select="usage/record">
        <row>
          <c><xsl:value-of select="concat(substring(@start, 1, 10), ' ', substring(@start, 12, 8))"/></c>
          <c><xsl:value-of select="concat(substring(@end, 1, 10), ' ', substring(@end, 12, 8))"/></c>
          <c><xsl:value-of select="service-name"/></c>
          <c><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('usage.one.', @kind)"/></xsl:call-template></c>
          <c><xsl:value-of select="number"/></c>
          <c n="{@seconds}"><xsl:value-of select="@seconds"/></c>
          <xsl:choose>
            <xsl:when test="@bytes-in"><c n="{@bytes-in}"><xsl:value-of select="@bytes-in"/></c></xsl:when>
            <xsl:otherwise><c/></xsl:otherwise>
          </xsl:choose>
          <xsl:choose>
            <xsl:when test="@bytes-out"><c n="{@bytes-out}"><xsl:value-of select="@bytes-out"/></c></xsl:when>
            <xsl:otherwise><c/></xsl:otherwise>
          </xsl:choose>
          <xsl:choose>
            <xsl:when test="cost"><xsl:apply-templates select="cost" mode="cell"/></xsl:when>
            <xsl:otherwise><c/></xsl:otherwise>
          </xsl:choose>
        </row>
      </xsl:for-each>
    </sheet>
  </xsl:template>

  <!-- ============================================================ payments -->
  <xsl:template match="/page[@section='payments'][@name='history'][payments]">
    <sheet name="payments">
      <row head="1">
        <c><xsl:value-of select="$M/pay.when"/></c>
        <c><xsl:value-of select="$M/pay.account"/></c>
        <c><xsl:value-of select="$M/pay.amount"/></c>
        <c><xsl:value-of select="$M/pay.source"/></c>
        <c><xsl:value-of select="$M/pay.status"/></c>
        <c><xsl:value-of select="$M/pay.service"/></c>
        <c><xsl:value-of select="$M/pay.supplier"/></c>
      </row>
      <!-- One row per service a payment paid for: the split is what a ledger needs. -->
      <xsl:for-each select="payments/payment">
        <xsl:variable name="p" select="."/>
        <xsl:variable name="source">
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('channel.', $p/@channel)"/></xsl:call-template>
          <xsl:if test="$p/bank"><xsl:value-of select="concat(', ', $p/bank)"/></xsl:if>
        </xsl:variable>
        <xsl:variable name="status">
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('status.', $p/@status)"/></xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="line">
            <xsl:for-each select="line">
              <row>
                <c><xsl:value-of select="concat(substring($p/at, 1, 10), ' ', substring($p/at, 12, 5))"/></c>
                <c><xsl:value-of select="$p/account"/></c>
                <xsl:apply-templates select="amount" mode="cell"/>
                <c><xsl:value-of select="$source"/></c>
                <c><xsl:value-of select="$status"/></c>
                <c><xsl:value-of select="service"/></c>
                <c><xsl:value-of select="supplier"/></c>
              </row>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <row>
              <c><xsl:value-of select="concat(substring($p/at, 1, 10), ' ', substring($p/at, 12, 5))"/></c>
              <c><xsl:value-of select="$p/account"/></c>
              <xsl:apply-templates select="$p/amount" mode="cell"/>
              <c><xsl:value-of select="$source"/></c>
              <c><xsl:value-of select="$status"/></c>
              <c/>
              <c/>
            </row>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </sheet>
  </xsl:template>

  <!-- ============================================================ readings -->
  <xsl:template match="/page[@section='readings'][@name='history'][history]">
    <xsl:variable name="h" select="history"/>
    <sheet name="readings">
      <row head="1">
        <c><xsl:value-of select="$M/rd.date"/></c>
        <c><xsl:value-of select="$M/rd.meter"/></c>
        <c><xsl:value-of select="$M/rd.value"/></c>
        <c><xsl:value-of select="$M/rd.consumed"/></c>
        <c><xsl:value-of select="$M/rd.source"/></c>
        <c><xsl:value-of select="$M/rd.status"/></c>
      </row>
      <xsl:for-each select="$h/reading">
        <xsl:sort select="@on" order="descending"/>
        <xsl:sort select="@zone" data-type="number"/>
        <row>
          <c><xsl:value-of select="@on"/></c>
          <c>
            <xsl:value-of select="concat($h/number, ', ')"/>
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('zone.', @zone, '-of-', $h/@zones)"/></xsl:call-template>
          </c>
          <c n="{@value}" fmt="quantity"><xsl:value-of select="@value"/></c>
          <xsl:choose>
            <xsl:when test="@consumed"><c n="{@consumed}" fmt="quantity"><xsl:value-of select="@consumed"/></c></xsl:when>
            <xsl:otherwise><c/></xsl:otherwise>
          </xsl:choose>
          <c><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('src.', @source)"/></xsl:call-template></c>
          <c>
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('st.', @status)"/></xsl:call-template>
            <xsl:if test="reason"><xsl:value-of select="concat(': ', reason)"/></xsl:if>
          </c>
        </row>
      </xsl:for-each>
    </sheet>
  </xsl:template>

</xsl:stylesheet>
