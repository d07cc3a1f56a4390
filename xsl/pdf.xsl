<?xml version="1.0" encoding="UTF-8"?>
<!--
  pdf.xsl: a page as a PDF layout (the elements lib/pdf.c draws: text,
  columns, table, qr, rule, space).  The words come from the same catalogs
  as the HTML, so the PDF is in the page's language; the layout is plain
  text, so nothing here is ever markup.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="i18n.xsl"/>
  <xsl:include href="receipt-volume.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- "2026-03-05" as 05.03.2026 (ru) or 2026-03-05 (en). -->
  <xsl:template name="pdate">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$lang = 'ru'">
        <xsl:value-of select="concat(substring($v, 9, 2), '.', substring($v, 6, 2), '.', substring($v, 1, 4))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The index in a variable: computed in the predicate, it is worked out for each name. -->
  <xsl:template name="pmonth">
    <xsl:param name="v"/>
    <xsl:variable name="n" select="number(substring($v, 6, 2))"/>
    <xsl:value-of select="concat($month-names[$n], ' ', substring($v, 1, 4))"/>
  </xsl:template>

  <xsl:template name="punit">
    <xsl:param name="v"/>
    <xsl:variable name="u"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('unit.', $v)"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($u)"><xsl:value-of select="$u"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A page without a PDF layout: nothing to draw (lib/pdf.c refuses it). -->
  <xsl:template match="/page">
    <none/>
  </xsl:template>

  <!-- A service statement: the months of one service on one A4 page (or more, the head repeated). -->
  <xsl:template match="/page[@section='services'][@name='statement'][months]">
    <xsl:variable name="one" select="boolean(months/month/tariff)"/>
    <xsl:variable name="title" select="concat($M/statement.title, ': ', statement/name)"/>
    <pdf title="{$title}" author="{account-head/organization}"
         subject="{concat($M/statement.account, ' ', account-head/number)}">
      <text size="13" bold="1"><xsl:value-of select="$title"/></text>
      <text size="8" gap="6"><xsl:value-of select="statement/supplier"/></text>
      <table size="8" gap="8">
        <col width="25"/><col width="75"/>
        <tr bold="1"><td><xsl:value-of select="$M/statement.account"/></td><td><xsl:value-of select="account-head/number"/></td></tr>
        <tr><td><xsl:value-of select="$M/accounts.payer"/></td><td><xsl:value-of select="account-head/payer"/></td></tr>
        <tr><td><xsl:value-of select="$M/accounts.address"/></td><td><xsl:value-of select="account-head/address"/></td></tr>
        <tr>
          <td><xsl:value-of select="$M/statement.period"/></td>
          <td>
            <xsl:call-template name="pmonth"><xsl:with-param name="v" select="period/from"/></xsl:call-template>
            <xsl:text> – </xsl:text>
            <xsl:call-template name="pmonth"><xsl:with-param name="v" select="period/to"/></xsl:call-template>
          </td>
        </tr>
      </table>
      <table size="7.5" gap="6">
        <xsl:choose>
          <xsl:when test="$one">
            <col width="16"/><col width="10" align="right"/><col width="10" align="right"/>
            <col width="13" align="right"/><col width="13" align="right"/><col width="12" align="right"/>
            <col width="13" align="right"/><col width="13" align="right"/>
          </xsl:when>
          <xsl:otherwise>
            <col width="20"/><col width="16" align="right"/><col width="16" align="right"/>
            <col width="16" align="right"/><col width="16" align="right"/><col width="16" align="right"/>
          </xsl:otherwise>
        </xsl:choose>
        <tr head="1">
          <td><xsl:value-of select="$M/col.month"/></td>
          <xsl:if test="$one">
            <td><xsl:value-of select="$M/col.tariff"/></td>
            <td><xsl:value-of select="$M/col.quantity"/></td>
          </xsl:if>
          <td><xsl:value-of select="$M/col.opening"/></td>
          <td><xsl:value-of select="$M/col.accrued"/></td>
          <td><xsl:value-of select="$M/col.corrections"/></td>
          <td><xsl:value-of select="$M/col.paid"/></td>
          <td><xsl:value-of select="$M/col.closing"/></td>
        </tr>
        <xsl:for-each select="months/month">
          <tr>
            <td><xsl:call-template name="pmonth"><xsl:with-param name="v" select="@m"/></xsl:call-template></td>
            <xsl:if test="$one">
              <td><xsl:value-of select="tariff"/></td>
              <td><xsl:call-template name="decimal"><xsl:with-param name="v" select="quantity"/></xsl:call-template></td>
            </xsl:if>
            <td><xsl:value-of select="opening"/></td>
            <td><xsl:value-of select="accrued"/></td>
            <td><xsl:value-of select="recalculations"/></td>
            <td><xsl:value-of select="penalties"/></td>
            <td><xsl:value-of select="paid"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="closing/@minor &lt; 0"><xsl:value-of select="concat($M/rc.advance, ' ', substring-after(closing, '-'))"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="to-pay"/></xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
        <tr bold="1">
          <td>
            <xsl:if test="$one"><xsl:attribute name="span">3</xsl:attribute></xsl:if>
            <xsl:value-of select="$M/col.total"/>
          </td>
          <td><xsl:value-of select="months/totals/opening"/></td>
          <td><xsl:value-of select="months/totals/accrued"/></td>
          <td><xsl:value-of select="months/totals/corrections"/></td>
          <td><xsl:value-of select="months/totals/paid"/></td>
          <td><xsl:value-of select="months/totals/closing"/></td>
        </tr>
      </table>
      <text size="7"><xsl:value-of select="$M/balance.hint"/></text>
    </pdf>
  </xsl:template>

  <!-- A reconciliation act: the entries on their sides, the turnover, the balances, two signatures. -->
  <xsl:template match="/page[@section='services'][@name='reconciliation'][act/entry]">
    <pdf title="{$M/act.title}" author="{account-head/organization}"
         subject="{concat($M/statement.account, ' ', account-head/number)}">
      <text size="13" bold="1"><xsl:value-of select="$M/act.title"/></text>
      <text size="8" gap="6">
        <xsl:value-of select="concat($M/act.between, ' ', account-head/organization, ' ', $M/act.and, ' ',
                                     account-head/payer)"/>
      </text>
      <table size="8" gap="8">
        <col width="25"/><col width="75"/>
        <tr bold="1"><td><xsl:value-of select="$M/statement.account"/></td><td><xsl:value-of select="account-head/number"/></td></tr>
        <tr><td><xsl:value-of select="$M/accounts.address"/></td><td><xsl:value-of select="account-head/address"/></td></tr>
        <tr>
          <td><xsl:value-of select="$M/statement.period"/></td>
          <td>
            <xsl:call-template name="pmonth"><xsl:with-param name="v" select="period/from"/></xsl:call-template>
            <xsl:text> – </xsl:text>
            <xsl:call-template name="pmonth"><xsl:with-param name="v" select="period/to"/></xsl:call-template>
          </td>
        </tr>
      </table>
      <table size="8" gap="8">
        <col width="60"/><col width="20" align="right"/><col width="20" align="right"/>
        <tr head="1">
          <td><xsl:value-of select="$M/act.entry"/></td>
          <td><xsl:value-of select="$M/act.debit"/></td>
          <td><xsl:value-of select="$M/act.credit"/></td>
        </tr>
        <xsl:for-each select="act/entry">
          <xsl:if test="@kind = 'closing'">
            <tr bold="1">
              <td><xsl:value-of select="$M/act.turnover"/></td>
              <td><xsl:value-of select="../turnover/debit"/></td>
              <td><xsl:value-of select="../turnover/credit"/></td>
            </tr>
          </xsl:if>
          <tr>
            <xsl:if test="@kind = 'opening' or @kind = 'closing'"><xsl:attribute name="bold">1</xsl:attribute></xsl:if>
            <td>
              <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('act.', current()/@kind)"/></xsl:call-template>
              <xsl:if test="@kind != 'opening' and @kind != 'closing'">
                <xsl:text> </xsl:text>
                <xsl:call-template name="pmonth"><xsl:with-param name="v" select="@m"/></xsl:call-template>
              </xsl:if>
            </td>
            <td><xsl:if test="@side = 'debit'"><xsl:value-of select="amount"/></xsl:if></td>
            <td><xsl:if test="@side = 'credit'"><xsl:value-of select="amount"/></xsl:if></td>
          </tr>
        </xsl:for-each>
      </table>
      <xsl:variable name="closing" select="act/entry[@kind = 'closing']"/>
      <text size="9" gap="14">
        <xsl:choose>
          <xsl:when test="$closing/amount/@minor = 0"><xsl:value-of select="$M/act.settled"/></xsl:when>
          <xsl:when test="$closing/@side = 'debit'"><xsl:value-of select="concat($M/act.owes, ' ', $closing/amount)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($M/act.ahead, ' ', $closing/amount)"/></xsl:otherwise>
        </xsl:choose>
      </text>
      <text size="9" gap="10"><xsl:value-of select="concat(account-head/organization, ': ____________________')"/></text>
      <text size="9"><xsl:value-of select="concat(account-head/payer, ': ____________________')"/></text>
    </pdf>
  </xsl:template>

  <!-- An act of services rendered: a month's services, the total, two signatures. -->
  <xsl:template match="/page[@section='services'][@name='rendered'][rendered/service]">
    <xsl:variable name="title">
      <xsl:value-of select="concat($M/rendered.title, ': ')"/>
      <xsl:call-template name="pmonth"><xsl:with-param name="v" select="rendered/@m"/></xsl:call-template>
    </xsl:variable>
    <pdf title="{$title}" author="{account-head/organization}"
         subject="{concat($M/statement.account, ' ', account-head/number)}">
      <text size="13" bold="1"><xsl:value-of select="$title"/></text>
      <table size="8" gap="8">
        <col width="25"/><col width="75"/>
        <tr><td><xsl:value-of select="$M/rendered.by"/></td><td><xsl:value-of select="account-head/organization"/></td></tr>
        <tr><td><xsl:value-of select="$M/rendered.to"/></td><td><xsl:value-of select="account-head/payer"/></td></tr>
        <tr bold="1"><td><xsl:value-of select="$M/statement.account"/></td><td><xsl:value-of select="account-head/number"/></td></tr>
        <tr><td><xsl:value-of select="$M/accounts.address"/></td><td><xsl:value-of select="account-head/address"/></td></tr>
      </table>
      <table size="7.5" gap="8">
        <col width="30"/><col width="14" align="right"/><col width="14" align="right"/>
        <col width="14" align="right"/><col width="14" align="right"/><col width="14" align="right"/>
        <tr head="1">
          <td><xsl:value-of select="$M/services.service"/></td>
          <td><xsl:value-of select="$M/col.quantity"/></td>
          <td><xsl:value-of select="$M/col.tariff"/></td>
          <td><xsl:value-of select="$M/col.accrued"/></td>
          <td><xsl:value-of select="$M/col.corrections"/></td>
          <td><xsl:value-of select="$M/rendered.amount"/></td>
        </tr>
        <xsl:for-each select="rendered/service">
          <tr>
            <td><xsl:value-of select="concat(name, ' (', supplier, ')')"/></td>
            <td>
              <xsl:call-template name="decimal"><xsl:with-param name="v" select="quantity"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="punit"><xsl:with-param name="v" select="unit"/></xsl:call-template>
            </td>
            <td><xsl:value-of select="tariff"/></td>
            <td><xsl:value-of select="accrued"/></td>
            <td><xsl:value-of select="corrections"/></td>
            <td><xsl:value-of select="amount"/></td>
          </tr>
        </xsl:for-each>
        <tr bold="1">
          <td span="3"><xsl:value-of select="$M/col.total"/></td>
          <td><xsl:value-of select="rendered/total/accrued"/></td>
          <td><xsl:value-of select="rendered/total/corrections"/></td>
          <td><xsl:value-of select="rendered/total/amount"/></td>
        </tr>
      </table>
      <text size="8" gap="14"><xsl:value-of select="$M/rendered.note"/></text>
      <text size="9" gap="10"><xsl:value-of select="concat(account-head/organization, ': ____________________')"/></text>
      <text size="9"><xsl:value-of select="concat(account-head/payer, ': ____________________')"/></text>
    </pdf>
  </xsl:template>

  <!-- An invoice on demand (счёт на оплату): payee, payer, the line, the total, the QR code. -->
  <xsl:template match="/page[@section='services'][@name='invoice'][invoice]">
    <xsl:variable name="v" select="invoice"/>
    <xsl:variable name="title">
      <xsl:value-of select="concat($M/inv.title, ' № ', $v/@number, ' ', $M/inv.of, ' ')"/>
      <xsl:call-template name="pdate"><xsl:with-param name="v" select="substring($v/@at, 1, 10)"/></xsl:call-template>
    </xsl:variable>
    <pdf title="{$title}" author="{$v/payee}" subject="{concat($M/statement.account, ' ', $v/account)}">
      <text size="13" bold="1" gap="8"><xsl:value-of select="$title"/></text>
      <table size="8" gap="8">
        <col width="30"/><col width="70"/>
        <tr bold="1"><td><xsl:value-of select="$M/inv.payee"/></td><td><xsl:value-of select="$v/payee"/></td></tr>
        <tr><td><xsl:value-of select="$M/inv.inn"/></td><td><xsl:value-of select="$v/inn"/></td></tr>
        <tr><td><xsl:value-of select="$M/inv.payee-address"/></td><td><xsl:value-of select="$v/payee-address"/></td></tr>
        <tr><td><xsl:value-of select="$M/inv.bank"/></td><td><xsl:value-of select="$v/bank"/></td></tr>
        <tr><td><xsl:value-of select="$M/inv.bic"/></td><td><xsl:value-of select="$v/bic"/></td></tr>
        <tr><td><xsl:value-of select="$M/inv.bank-account"/></td><td><xsl:value-of select="$v/bank-account"/></td></tr>
        <tr><td><xsl:value-of select="$M/inv.corr-account"/></td><td><xsl:value-of select="$v/corr-account"/></td></tr>
        <xsl:choose>
          <xsl:when test="$v/company">
            <tr bold="1"><td><xsl:value-of select="$M/inv.payer"/></td><td><xsl:value-of select="$v/company/name"/></td></tr>
            <tr><td><xsl:value-of select="$M/inv.tax-id"/></td><td><xsl:value-of select="$v/company/tax-id"/></td></tr>
            <xsl:if test="$v/company/kpp">
              <tr><td><xsl:value-of select="$M/inv.kpp"/></td><td><xsl:value-of select="$v/company/kpp"/></td></tr>
            </xsl:if>
            <tr><td><xsl:value-of select="$M/inv.legal-address"/></td><td><xsl:value-of select="$v/company/address"/></td></tr>
          </xsl:when>
          <xsl:otherwise>
            <tr bold="1"><td><xsl:value-of select="$M/inv.payer"/></td><td><xsl:value-of select="$v/payer"/></td></tr>
          </xsl:otherwise>
        </xsl:choose>
        <tr><td><xsl:value-of select="$M/statement.account"/></td><td><xsl:value-of select="$v/account"/></td></tr>
        <tr><td><xsl:value-of select="$M/accounts.address"/></td><td><xsl:value-of select="$v/address"/></td></tr>
      </table>
      <table size="8" gap="8">
        <col width="75"/><col width="25" align="right"/>
        <tr head="1"><td><xsl:value-of select="$M/inv.what"/></td><td><xsl:value-of select="$M/inv.amount"/></td></tr>
        <tr>
          <td>
            <xsl:value-of select="concat($M/inv.for-account, ' ', $v/account)"/>
            <xsl:if test="$v/service"><xsl:value-of select="concat(': ', $v/service)"/></xsl:if>
            <xsl:if test="$v/quantity">
              <xsl:text>, </xsl:text>
              <xsl:call-template name="decimal"><xsl:with-param name="v" select="$v/quantity"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="punit"><xsl:with-param name="v" select="$v/unit"/></xsl:call-template>
              <xsl:value-of select="concat(' × ', $v/tariff)"/>
            </xsl:if>
          </td>
          <td><xsl:value-of select="$v/amount"/></td>
        </tr>
        <tr bold="1"><td><xsl:value-of select="$M/col.total"/></td><td><xsl:value-of select="$v/amount"/></td></tr>
      </table>
      <xsl:if test="$v/qr">
        <text size="8" gap="4"><xsl:value-of select="$M/inv.qr"/></text>
        <qr size="110" modules="{$v/qr/@modules}"><xsl:value-of select="$v/qr/path"/></qr>
      </xsl:if>
    </pdf>
  </xsl:template>

  <xsl:template match="/page[receipt]">
    <xsl:apply-templates select="receipt"/>
  </xsl:template>

  <xsl:template match="receipt">
    <xsl:variable name="month"><xsl:call-template name="pmonth"><xsl:with-param name="v" select="@month"/></xsl:call-template></xsl:variable>
    <xsl:variable name="title" select="concat($M/rc.doc, ' ', $M/rc.for, ' ', $month)"/>
    <pdf title="{$title}" author="{payee/name}" subject="{concat($M/rc.account, ' ', payer/account)}"
         created="{concat(issued-on, 'T00:00:00')}">
      <text size="13" bold="1"><xsl:value-of select="$title"/></text>
      <text size="7.5" gap="8">
        <xsl:value-of select="concat($M/rc.number, ' ', number, ', ', $M/rc.issued, ' ')"/>
        <xsl:call-template name="pdate"><xsl:with-param name="v" select="issued-on"/></xsl:call-template>
        <xsl:if test="@version &gt; 1">
          <xsl:value-of select="concat(', ', $M/rc.version, ' ', @version)"/>
          <xsl:if test="reason"><xsl:value-of select="concat(': ', reason)"/></xsl:if>
        </xsl:if>
      </text>

      <columns gap="10">
        <column width="35">
          <text size="8.5" bold="1" gap="3"><xsl:value-of select="$M/rc.payer"/></text>
          <table size="7">
            <col width="42"/><col width="58"/>
            <tr><td><xsl:value-of select="$M/rc.payer-name"/></td><td><xsl:value-of select="payer/name"/></td></tr>
            <tr bold="1"><td><xsl:value-of select="$M/rc.account"/></td><td><xsl:value-of select="payer/account"/></td></tr>
            <tr><td><xsl:value-of select="$M/rc.address"/></td><td><xsl:value-of select="payer/address"/></td></tr>
            <tr><td><xsl:value-of select="$M/rc.area"/></td><td><xsl:call-template name="decimal"><xsl:with-param name="v" select="payer/area"/></xsl:call-template></td></tr>
            <tr><td><xsl:value-of select="$M/rc.residents"/></td><td><xsl:value-of select="concat(payer/residents, ' ', $M/rc.people)"/></td></tr>
          </table>
        </column>
        <column width="42">
          <text size="8.5" bold="1" gap="3">
            <xsl:choose>
              <xsl:when test="payees"><xsl:value-of select="$M/rc.issuer"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$M/rc.payee"/></xsl:otherwise>
            </xsl:choose>
          </text>
          <table size="7">
            <col width="30"/><col width="70"/>
            <tr bold="1"><td span="2"><xsl:value-of select="payee/name"/></td></tr>
            <tr>
              <td><xsl:value-of select="$M/rc.inn"/><xsl:if test="payee/kpp"> / <xsl:value-of select="$M/rc.kpp"/></xsl:if></td>
              <td><xsl:value-of select="payee/inn"/><xsl:if test="payee/kpp"> / <xsl:value-of select="payee/kpp"/></xsl:if></td>
            </tr>
            <!-- Several payees: the bank details are each payee's, below. -->
            <xsl:if test="not(payees)">
              <tr><td><xsl:value-of select="$M/rc.bank-account"/></td><td><xsl:value-of select="payee/account"/></td></tr>
              <tr><td><xsl:value-of select="$M/rc.bank"/></td><td><xsl:value-of select="payee/bank"/></td></tr>
              <tr><td><xsl:value-of select="$M/rc.bic"/></td><td><xsl:value-of select="payee/bic"/></td></tr>
              <tr><td><xsl:value-of select="$M/rc.corr-account"/></td><td><xsl:value-of select="payee/corr-account"/></td></tr>
            </xsl:if>
          </table>
        </column>
        <column width="23">
          <xsl:choose>
            <xsl:when test="qr">
              <qr size="118" modules="{qr/@modules}"><xsl:value-of select="qr/path"/></qr>
              <text size="6" align="center"><xsl:value-of select="$M/rc.qr"/></text>
            </xsl:when>
            <xsl:when test="payees"><text size="7"><xsl:value-of select="$M/rc.qr-per-payee"/></text></xsl:when>
            <xsl:otherwise><text size="7"><xsl:value-of select="$M/rc.no-qr"/></text></xsl:otherwise>
          </xsl:choose>
        </column>
      </columns>
      <space h="10"/>

      <table size="6.5" gap="6">
        <col width="19"/><col width="6"/><col width="8" align="right"/><col width="8" align="right"/>
        <col width="10" align="right"/><col width="10" align="right"/><col width="12" align="right"/>
        <col width="8" align="right"/><col width="10" align="right"/><col width="11" align="right"/>
        <tr head="1">
          <td><xsl:value-of select="$M/rc.service"/></td>
          <td><xsl:value-of select="$M/rc.unit"/></td>
          <td><xsl:value-of select="$M/rc.volume"/></td>
          <td><xsl:value-of select="$M/rc.tariff"/></td>
          <td><xsl:value-of select="$M/rc.debt-col"/></td>
          <td><xsl:value-of select="$M/rc.accrued"/></td>
          <td><xsl:value-of select="$M/rc.recalc"/></td>
          <td><xsl:value-of select="$M/rc.penalties"/></td>
          <td><xsl:value-of select="$M/rc.paid"/></td>
          <td><xsl:value-of select="$M/rc.to-pay-col"/></td>
        </tr>
        <xsl:for-each select="lines/line">
          <tr>
            <td><xsl:value-of select="concat(name, ' (', supplier, ')')"/></td>
            <td><xsl:call-template name="punit"><xsl:with-param name="v" select="unit"/></xsl:call-template></td>
            <td><xsl:call-template name="decimal"><xsl:with-param name="v" select="quantity"/></xsl:call-template></td>
            <td><xsl:value-of select="tariff"/></td>
            <td><xsl:value-of select="opening"/></td>
            <td><xsl:value-of select="accrued"/></td>
            <td><xsl:value-of select="recalculations"/></td>
            <td><xsl:value-of select="penalties"/></td>
            <td><xsl:value-of select="paid"/></td>
            <td><xsl:value-of select="to-pay"/></td>
          </tr>
          <xsl:for-each select="volume[count(../volume) &gt; 1 or @zone or @tier]">
            <tr>
              <td><xsl:value-of select="'  '"/><xsl:apply-templates select="." mode="label"/></td>
              <td></td>
              <td><xsl:call-template name="decimal"><xsl:with-param name="v" select="quantity"/></xsl:call-template></td>
              <td><xsl:value-of select="tariff"/></td>
              <td></td>
              <td><xsl:value-of select="amount"/></td>
              <td></td><td></td><td></td><td></td>
            </tr>
          </xsl:for-each>
        </xsl:for-each>
        <tr bold="1">
          <td span="4"><xsl:value-of select="$M/rc.total"/></td>
          <td><xsl:value-of select="totals/opening"/></td>
          <td><xsl:value-of select="totals/accrued"/></td>
          <td><xsl:value-of select="totals/recalculations"/></td>
          <td><xsl:value-of select="totals/penalties"/></td>
          <td><xsl:value-of select="totals/paid"/></td>
          <td><xsl:value-of select="totals/to-pay"/></td>
        </tr>
      </table>

      <text size="8" gap="2">
        <xsl:choose>
          <xsl:when test="totals/opening/@minor &lt; 0"><xsl:value-of select="$M/rc.opening-advance"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$M/rc.opening"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat(': ', totals/opening)"/>
      </text>
      <text size="11" bold="1" gap="8">
        <xsl:choose>
          <xsl:when test="to-pay/@minor = 0"><xsl:value-of select="$M/rc.nothing-due"/></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat($M/rc.grand-total, ': ', to-pay, '. ', $M/rc.how.due, ' ')"/>
            <xsl:call-template name="pdate"><xsl:with-param name="v" select="due-on"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </text>

      <!-- Suppliers paid directly (sql/046): each payee's details, sum and QR code, two
           payees to a row so that the receipt stays one page. -->
      <xsl:if test="payees">
        <text size="8.5" bold="1" gap="3"><xsl:value-of select="$M/rc.payees"/></text>
        <text size="7" gap="4"><xsl:value-of select="$M/rc.payees-note"/></text>
        <xsl:for-each select="payees/payee[position() mod 2 = 1]">
          <columns gap="10">
            <xsl:apply-templates select=". | following-sibling::payee[1]" mode="pdf-payee"/>
          </columns>
          <space h="6"/>
        </xsl:for-each>
      </xsl:if>

      <xsl:if test="corrections/correction">
        <text size="8.5" bold="1" gap="3"><xsl:value-of select="$M/rc.corrections"/></text>
        <table size="6.5" gap="8">
          <col width="25"/><col width="12" align="right"/><col width="63"/>
          <tr head="1">
            <td><xsl:value-of select="$M/rc.service"/></td>
            <td><xsl:value-of select="$M/rc.amount"/></td>
            <td><xsl:value-of select="$M/rc.reason"/></td>
          </tr>
          <xsl:for-each select="corrections/correction">
            <tr><td><xsl:value-of select="service"/><xsl:if test="@kind = 'penalty'"><xsl:value-of select="concat(' (', $M/rc.penalty, ')')"/></xsl:if></td><td><xsl:value-of select="amount"/></td><td><xsl:value-of select="reason"/></td></tr>
          </xsl:for-each>
        </table>
      </xsl:if>

      <rule dash="1" gap="8"/>
      <text size="10" bold="1" gap="4"><xsl:value-of select="$M/rc.back"/></text>
      <text size="8.5" bold="1" gap="3"><xsl:value-of select="$M/rc.readings"/></text>
      <xsl:choose>
        <xsl:when test="readings/reading">
          <table size="6.5" gap="8">
            <col width="40"/><col width="10"/><col width="18" align="right"/><col width="18" align="right"/><col width="14" align="right"/>
            <tr head="1">
              <td><xsl:value-of select="$M/rc.meter"/></td>
              <td><xsl:value-of select="$M/rc.zone"/></td>
              <td><xsl:value-of select="$M/rc.prev"/></td>
              <td><xsl:value-of select="$M/rc.curr"/></td>
              <td><xsl:value-of select="$M/rc.used"/></td>
            </tr>
            <xsl:for-each select="readings/reading">
              <tr>
                <td>
                  <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('kind.', current()/kind)"/></xsl:call-template>
                  <xsl:value-of select="concat(', № ', meter)"/>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@zones = 1"><xsl:value-of select="$M/rc.zone.single"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="concat('T', @zone)"/></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:apply-templates select="prev" mode="reading"/></td>
                <td>
                  <xsl:apply-templates select="curr" mode="reading"/>
                  <xsl:if test="not(curr)"><xsl:value-of select="$M/rc.no-reading"/></xsl:if>
                </td>
                <td><xsl:call-template name="decimal"><xsl:with-param name="v" select="used"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise><text size="7" gap="8"><xsl:value-of select="$M/rc.no-meters"/></text></xsl:otherwise>
      </xsl:choose>

      <columns gap="14">
        <column width="50">
          <xsl:if test="payee/note">
            <text size="8.5" bold="1" gap="3"><xsl:value-of select="$M/rc.note"/></text>
            <text size="7" gap="6"><xsl:value-of select="payee/note"/></text>
          </xsl:if>
          <text size="8.5" bold="1" gap="3"><xsl:value-of select="$M/rc.contacts"/></text>
          <text size="7"><xsl:value-of select="payee/name"/></text>
          <text size="7"><xsl:value-of select="payee/address"/></text>
          <text size="7"><xsl:value-of select="concat($M/rc.phones, ': ', payee/phones)"/></text>
          <xsl:if test="payee/email"><text size="7"><xsl:value-of select="concat($M/rc.email, ': ', payee/email)"/></text></xsl:if>
          <xsl:if test="payee/website"><text size="7"><xsl:value-of select="concat($M/rc.website, ': ', payee/website)"/></text></xsl:if>
        </column>
        <column width="50">
          <text size="8.5" bold="1" gap="3"><xsl:value-of select="$M/rc.how"/></text>
          <text size="7" gap="2"><xsl:value-of select="concat('• ', $M/rc.how.portal)"/></text>
          <xsl:if test="qr"><text size="7" gap="2"><xsl:value-of select="concat('• ', $M/rc.how.qr)"/></text></xsl:if>
          <text size="7" gap="2"><xsl:value-of select="concat('• ', $M/rc.how.bank)"/></text>
        </column>
      </columns>
    </pdf>
  </xsl:template>

  <xsl:template match="prev|curr" mode="reading">
    <xsl:call-template name="decimal"><xsl:with-param name="v" select="."/></xsl:call-template>
    <xsl:text> (</xsl:text>
    <xsl:call-template name="pdate"><xsl:with-param name="v" select="@on"/></xsl:call-template>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <!-- One payee of a receipt with several: its details and what it is owed, its code beside. -->
  <xsl:template match="payee" mode="pdf-payee">
    <xsl:variable name="id" select="@id"/>
    <column width="33">
      <table size="6.5">
        <col width="36"/><col width="64"/>
        <tr bold="1"><td span="2"><xsl:value-of select="name"/></td></tr>
        <tr>
          <td><xsl:value-of select="$M/rc.inn"/><xsl:if test="kpp"> / <xsl:value-of select="$M/rc.kpp"/></xsl:if></td>
          <td><xsl:value-of select="inn"/><xsl:if test="kpp"> / <xsl:value-of select="kpp"/></xsl:if></td>
        </tr>
        <tr><td><xsl:value-of select="$M/rc.bank-account"/></td><td><xsl:value-of select="account"/></td></tr>
        <tr><td><xsl:value-of select="$M/rc.bic"/></td><td><xsl:value-of select="concat(bic, ', ', bank)"/></td></tr>
        <tr><td><xsl:value-of select="$M/rc.corr-account"/></td><td><xsl:value-of select="corr-account"/></td></tr>
        <tr>
          <td><xsl:value-of select="$M/rc.payee-services"/></td>
          <td>
            <xsl:for-each select="../../lines/line[@payee = $id]">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="name"/>
            </xsl:for-each>
          </td>
        </tr>
        <tr bold="1"><td><xsl:value-of select="$M/rc.payee-to-pay"/></td><td><xsl:value-of select="remaining"/></td></tr>
      </table>
    </column>
    <column width="17">
      <xsl:if test="qr">
        <qr size="80" modules="{qr/@modules}"><xsl:value-of select="qr/path"/></qr>
      </xsl:if>
    </column>
  </xsl:template>

</xsl:stylesheet>
