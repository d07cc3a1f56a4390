<?xml version="1.0" encoding="UTF-8"?>
<!--
  mail.xsl: an outbox message as <message><subject/><text/></message>, in
  the subscriber's language.  The text is plain (a text/plain e-mail or an
  SMS), so nothing here is markup; the delivery program encodes it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="i18n.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <xsl:template name="mdate">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$lang = 'ru'">
        <xsl:value-of select="concat(substring($v, 9, 2), '.', substring($v, 6, 2), '.', substring($v, 1, 4))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="signature">
    <xsl:value-of select="concat($nl, $nl, '-- ', $nl, $M/mail.signature, $nl, /page/site)"/>
  </xsl:template>

  <!-- A kind without a template: no message (the program fails it for good). -->
  <xsl:template match="/page">
    <none/>
  </xsl:template>

  <xsl:template match="/page[@name='receipt'][receipt]">
    <xsl:variable name="r" select="receipt"/>
    <xsl:variable name="month" select="concat($month-names[number(substring($r/@month, 6, 2))], ' ', substring($r/@month, 1, 4))"/>
    <message>
      <subject><xsl:value-of select="concat($M/mail.receipt.subject, ' ', $month, ', ', $M/mail.account, ' ', $r/payer/account)"/></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl, $M/mail.receipt.intro, ' ', $month, ' (', $M/mail.account, ' ', $r/payer/account, ', ', $r/payer/address, ').', $nl, $nl)"/>
        <xsl:choose>
          <xsl:when test="$r/to-pay/@minor = 0"><xsl:value-of select="$M/rc.nothing-due"/><xsl:text>.</xsl:text></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat($M/rc.grand-total, ': ', $r/to-pay, '. ', $M/rc.how.due, ' ')"/>
            <xsl:call-template name="mdate"><xsl:with-param name="v" select="$r/due-on"/></xsl:call-template>
            <xsl:text>.</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat($nl, $nl, $M/mail.receipt.attached, $nl, $M/mail.receipt.online, ' ', /page/site, '/receipts/view?month=', $r/@month, '&amp;account=', $r/payer/account/@id, $nl, $nl, $M/mail.receipt.stop)"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <xsl:template match="/page[payment][@name = 'payment-succeeded' or @name = 'payment-failed' or
                                     @name = 'autopay-succeeded' or @name = 'autopay-failed']">
    <xsl:variable name="p" select="payment"/>
    <message>
      <subject>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.subject')"/></xsl:call-template>
        <xsl:value-of select="concat(': ', $p/amount)"/>
      </subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.intro')"/></xsl:call-template>
        <xsl:value-of select="concat(' ', $p/amount, ' (', $M/mail.account, ' ', $p/@accounts, ').')"/>
        <xsl:if test="$p/@status = 'canceled'">
          <xsl:value-of select="concat($nl, $nl, $M/mail.payment.not-taken)"/>
        </xsl:if>
        <xsl:value-of select="concat($nl, $nl, $M/mail.payment.history, ' ', /page/site, '/payments')"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

</xsl:stylesheet>
