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

  <!-- A catalog text with {login}, {password}, {code} filled in from the message's note. -->
  <xsl:template name="fill">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '{') and contains(substring-after($text, '{'), '}')">
        <xsl:variable name="name" select="substring-before(substring-after($text, '{'), '}')"/>
        <xsl:value-of select="substring-before($text, '{')"/>
        <xsl:value-of select="/page/note/@*[local-name() = $name]"/>
        <xsl:call-template name="fill">
          <xsl:with-param name="text" select="substring-after(substring-after($text, '{'), '}')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="filled">
    <xsl:param name="key"/>
    <xsl:call-template name="fill">
      <xsl:with-param name="text"><xsl:call-template name="msg"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
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

  <!-- ============================================================ SMS: one short text -->
  <xsl:template match="/page[@channel='sms'][payment][@name = 'payment-succeeded' or @name = 'payment-failed' or
                                     @name = 'autopay-succeeded' or @name = 'autopay-failed']" priority="2">
    <message>
      <text>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('mail.sms.', /page/@name)"/></xsl:call-template>
        <xsl:value-of select="concat(' ', payment/amount, ', ', $M/mail.account, ' ', payment/@accounts)"/>
      </text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='sms'][@name='receipt-ready'][receipt]" priority="2">
    <xsl:variable name="r" select="receipt"/>
    <message>
      <text>
        <xsl:value-of select="concat($M/mail.sms.receipt-ready, ' ', $month-names[number(substring($r/@month, 6, 2))], ' ', substring($r/@month, 1, 4), ', ', $M/mail.account, ' ', $r/payer/account, ': ', $M/mail.sms.to-pay, ' ', $r/to-pay, '. ', /page/site, '/receipts')"/>
      </text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='sms'][@name='registered' or @name='recover-code' or @name='signin-code'][note]" priority="2">
    <message>
      <text><xsl:call-template name="filled"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.sms')"/></xsl:call-template></text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='sms'][@name='phone-changed' or @name='phone-rejected'][note]" priority="2">
    <message>
      <text><xsl:call-template name="filled"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.sms')"/></xsl:call-template></text>
    </message>
  </xsl:template>

  <!-- A reading staff reviewed: the same words by SMS and e-mail. -->
  <xsl:template match="/page[@channel='sms'][@name='reading-accepted' or @name='reading-rejected'][note]" priority="2">
    <message>
      <text><xsl:call-template name="filled"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.sms')"/></xsl:call-template></text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='email'][@name='reading-accepted' or @name='reading-rejected'][note]">
    <message>
      <subject><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.subject')"/></xsl:call-template></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:call-template name="filled"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.sms')"/></xsl:call-template>
        <xsl:value-of select="concat($nl, $nl, /page/site, '/readings')"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <!-- A login the organization made: the password by e-mail. -->
  <xsl:template match="/page[@channel='email'][@name='registered'][note]">
    <message>
      <subject><xsl:value-of select="$M/mail.registered.subject"/></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:call-template name="filled"><xsl:with-param name="key">mail.registered.email</xsl:with-param></xsl:call-template>
        <xsl:value-of select="concat($nl, $nl, /page/site, '/login')"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <!-- A refund: the amount travels written for each language. -->
  <xsl:template match="/page[@channel='sms'][@name='refund'][note]" priority="2">
    <message>
      <text>
        <xsl:call-template name="filled"><xsl:with-param name="key">mail.refund.sms</xsl:with-param></xsl:call-template>
        <xsl:value-of select="concat(' ', note/@*[local-name() = concat('amount_', $lang)], '.')"/>
      </text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='email'][@name='refund'][note]">
    <message>
      <subject><xsl:value-of select="$M/mail.refund.subject"/></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:call-template name="filled"><xsl:with-param name="key">mail.refund.intro</xsl:with-param></xsl:call-template>
        <xsl:value-of select="concat(' ', note/@*[local-name() = concat('amount_', $lang)], '.')"/>
        <xsl:value-of select="concat($nl, $nl, $M/mail.payment.history, ' ', /page/site, '/payments')"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <!-- An answer to an appeal: its number and topic, and where to read it (the
       answer itself stays in the cabinet, behind the sign-in). -->
  <xsl:template match="/page[@channel='sms'][@name='appeal-answer'][note]" priority="2">
    <message>
      <text>
        <xsl:call-template name="filled"><xsl:with-param name="key">mail.appeal-answer.sms</xsl:with-param></xsl:call-template>
        <xsl:value-of select="concat(' ', /page/site, '/appeals/view?id=', note/@id)"/>
      </text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='email'][@name='appeal-answer'][note]">
    <message>
      <subject><xsl:call-template name="filled"><xsl:with-param name="key">mail.appeal-answer.subject</xsl:with-param></xsl:call-template></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:call-template name="filled"><xsl:with-param name="key">mail.appeal-answer.intro</xsl:with-param></xsl:call-template>
        <xsl:value-of select="concat(' («')"/>
        <xsl:choose>
          <xsl:when test="$lang = 'en'"><xsl:value-of select="note/@topic_en"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="note/@topic_ru"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('»)', $nl, $nl, $M/mail.appeal-answer.read, ' ', /page/site, '/appeals/view?id=', note/@id, $nl)"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <!-- Reminders (remind.c): the account, the dates, and the page to go to. -->
  <xsl:template name="remind-line">
    <xsl:choose>
      <xsl:when test="/page/@name = 'remind-readings'">
        <xsl:value-of select="concat($M/mail.remind.readings, ' ', note/@account, '. ', $M/mail.remind.until, ' ')"/>
        <xsl:call-template name="mdate"><xsl:with-param name="v" select="note/@to"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="/page/@name = 'remind-balance'">
        <xsl:value-of select="concat($M/mail.remind.balance, ' ', note/@account, ': ',
                                     note/@*[local-name() = concat('balance_', $lang)], ', ',
                                     $M/mail.remind.under, ' ',
                                     note/@*[local-name() = concat('threshold_', $lang)])"/>
      </xsl:when>
      <xsl:when test="/page/@name = 'remind-due'">
        <xsl:value-of select="concat($M/mail.remind.due, ' ', note/@account, ': ')"/>
        <xsl:call-template name="mdate"><xsl:with-param name="v" select="note/@due"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($M/mail.remind.verification, ' ', note/@meter, ' (', $M/mail.account, ' ', note/@account, '): ')"/>
        <xsl:call-template name="mdate"><xsl:with-param name="v" select="note/@due"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="remind-path">
    <xsl:choose>
      <xsl:when test="/page/@name = 'remind-readings'">/readings</xsl:when>
      <xsl:when test="/page/@name = 'remind-due'">/payments/pay</xsl:when>
      <xsl:when test="/page/@name = 'remind-balance'">/payments/pay</xsl:when>
      <xsl:otherwise>/appeals/new</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page[@channel='sms'][starts-with(@name, 'remind-')][note]" priority="2">
    <message>
      <text>
        <xsl:call-template name="remind-line"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="/page/site"/><xsl:call-template name="remind-path"/>
      </text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='email'][starts-with(@name, 'remind-')][note]">
    <message>
      <subject><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.subject')"/></xsl:call-template></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:call-template name="remind-line"/>
        <xsl:value-of select="concat('.', $nl, $nl, $M/mail.remind.go, ' ', /page/site)"/>
        <xsl:call-template name="remind-path"/>
        <xsl:value-of select="concat($nl, $nl, $M/mail.remind.stop, $nl)"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <!-- An announcement: both languages travel with it; the recipient's is used. -->
  <xsl:template match="/page[@channel='sms'][@name='news'][note]" priority="2">
    <message>
      <text>
        <xsl:choose>
          <xsl:when test="$lang = 'en'"><xsl:value-of select="note/@title_en"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="note/@title_ru"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('. ', /page/site, '/news')"/>
      </text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='email'][@name='news'][note]">
    <message>
      <subject>
        <xsl:choose>
          <xsl:when test="$lang = 'en'"><xsl:value-of select="note/@title_en"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="note/@title_ru"/></xsl:otherwise>
        </xsl:choose>
      </subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:choose>
          <xsl:when test="$lang = 'en'"><xsl:value-of select="note/@body_en"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="note/@body_ru"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat($nl, $nl, $M/mail.news.more, ' ', /page/site, '/news', $nl, $nl, $M/mail.news.stop)"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <!-- ============================================================ e-mail -->
  <xsl:template match="/page[@channel='email'][@name='receipt-ready'][receipt]">
    <xsl:variable name="r" select="receipt"/>
    <xsl:variable name="month" select="concat($month-names[number(substring($r/@month, 6, 2))], ' ', substring($r/@month, 1, 4))"/>
    <message>
      <subject><xsl:value-of select="concat($M/mail.receipt-ready.subject, ' ', $month, ', ', $M/mail.account, ' ', $r/payer/account)"/></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl, $M/mail.receipt.intro, ' ', $month, ' (', $M/mail.account, ' ', $r/payer/account, ', ', $r/payer/address, ').', $nl, $nl)"/>
        <xsl:value-of select="concat($M/rc.grand-total, ': ', $r/to-pay, '.', $nl, $nl)"/>
        <xsl:value-of select="concat($M/mail.receipt-ready.view, ' ', /page/site, '/receipts/view?month=', $r/@month, '&amp;account=', $r/payer/account/@id)"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <!-- A link to follow: confirming an address, setting a new password. -->
  <xsl:template match="/page[@channel='email'][@name='confirm-email' or @name='recover-link'][note/@token]">
    <xsl:variable name="path">
      <xsl:choose>
        <xsl:when test="/page/@name = 'confirm-email'">/email/confirm?token=</xsl:when>
        <xsl:otherwise>/recover/link?token=</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <message>
      <subject><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.subject')"/></xsl:call-template></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:call-template name="filled"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.intro')"/></xsl:call-template>
        <xsl:value-of select="concat($nl, $nl, /page/site, $path, note/@token, $nl, $nl)"/>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.ignore')"/></xsl:call-template>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <!-- An invitation to someone else's account (issue 24): who, which account, what rights,
       and the link, which works once for 24 hours. -->
  <xsl:template match="/page[@channel='email'][@name='access-invite'][note/@token]">
    <message>
      <subject><xsl:value-of select="$M/mail.access-invite.subject"/></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:call-template name="filled"><xsl:with-param name="key">mail.access-invite.intro</xsl:with-param></xsl:call-template>
        <xsl:value-of select="concat($nl, $nl, /page/site, '/access/accept?token=', note/@token, $nl, $nl)"/>
        <xsl:value-of select="concat($M/mail.access-invite.join, $nl, /page/site, '/access/join?token=', note/@token, $nl, $nl)"/>
        <xsl:value-of select="concat($M/mail.access-invite.rights, ' ')"/>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('access.rights.', note/@rights)"/></xsl:call-template>
        <xsl:value-of select="concat('.', $nl, $nl)"/>
        <xsl:value-of select="$M/mail.access-invite.ignore"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='sms'][@name='access-invite'][note/@token]" priority="2">
    <message>
      <text>
        <xsl:call-template name="filled"><xsl:with-param name="key">mail.access-invite.sms</xsl:with-param></xsl:call-template>
        <xsl:value-of select="concat(' ', /page/site, '/access/join?token=', note/@token)"/>
      </text>
    </message>
  </xsl:template>

  <!-- Told after the fact: the password or the address changed, a new browser signed in. -->
  <xsl:template match="/page[@channel='email'][@name='password-changed' or @name='email-changed' or
                        @name='new-sign-in' or @name='two-factor-on' or @name='two-factor-off'][note]">
    <message>
      <subject><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.subject')"/></xsl:call-template></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl)"/>
        <xsl:call-template name="filled"><xsl:with-param name="key" select="concat('mail.', /page/@name, '.intro')"/></xsl:call-template>
        <xsl:if test="/page/@name = 'email-changed'"><xsl:value-of select="concat(' ', note/@address, '.')"/></xsl:if>
        <xsl:value-of select="concat($nl, $nl, $M/mail.not-you, ' ', /page/site, '/recover')"/>
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
        <xsl:apply-templates select="$p/fiscal" mode="mail"/>
        <xsl:value-of select="concat($nl, $nl, $M/mail.payment.history, ' ', /page/site, '/payments')"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <!-- A fiscal receipt registered after its payment's message went. -->
  <xsl:template match="/page[payment/fiscal][@name = 'payment-fiscal']">
    <message>
      <subject><xsl:value-of select="$M/mail.payment-fiscal.subject"/></subject>
      <text>
        <xsl:value-of select="concat($M/mail.hello, $nl, $nl, $M/mail.payment-fiscal.intro)"/>
        <xsl:apply-templates select="payment/fiscal" mode="mail"/>
        <xsl:value-of select="concat($nl, $nl, $M/mail.payment.history, ' ', /page/site, '/payments')"/>
        <xsl:call-template name="signature"/>
      </text>
    </message>
  </xsl:template>

  <xsl:template match="/page[@channel='sms'][payment/fiscal][@name = 'payment-fiscal']" priority="2">
    <message>
      <text>
        <xsl:value-of select="concat($M/mail.sms.payment-fiscal, ' ', $M/mail.fiscal.fn-short, ' ', payment/fiscal/@fn, ' ',
                                     $M/mail.fiscal.fd-short, ' ', payment/fiscal/@fd, ' ', $M/mail.fiscal.fp-short, ' ', payment/fiscal/@fp)"/>
      </text>
    </message>
  </xsl:template>

  <!-- The three numbers anyone checks a receipt by, and the operator's page of it. -->
  <xsl:template match="fiscal" mode="mail">
    <xsl:value-of select="concat($nl, $nl, $M/mail.fiscal, ':', $nl,
                                 $M/mail.fiscal.fn, ': ', @fn, $nl,
                                 $M/mail.fiscal.fd, ': ', @fd, $nl,
                                 $M/mail.fiscal.fp, ': ', @fp)"/>
    <xsl:if test="@url">
      <xsl:value-of select="concat($nl, $M/mail.fiscal.check, ': ', @url)"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
