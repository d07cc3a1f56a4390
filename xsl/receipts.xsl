<?xml version="1.0" encoding="UTF-8"?>
<!--
  receipts.xsl: the list of receipts, a receipt (front and back, modelled on
  the single payment document for housing services), and the same receipt
  alone on an A4 sheet for printing.  xsl/pdf.xsl lays out the same
  <receipt> for the PDF.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="receipt-volume.xsl"/>

  <xsl:template match="page[@section='receipts']" mode="title">
    <xsl:choose>
      <xsl:when test="receipt">
        <xsl:value-of select="$M/rc.doc"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$M/rc.for"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="month-label"><xsl:with-param name="v" select="receipt/@month"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/rc.title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ list -->
  <xsl:template match="page[@section='receipts'][@name='list']" mode="content">
    <section class="card">
      <div class="card-head">
        <h1><xsl:value-of select="$M/rc.title"/></h1>
        <xsl:if test="account-head">
          <a href="/accounts" class="no-print"><xsl:value-of select="$M/rc.change"/></a>
        </xsl:if>
      </div>
      <xsl:choose>
        <xsl:when test="no-account">
          <p id="no-account"><xsl:value-of select="$M/rc.no-account"/></p>
          <p><a class="button" href="/accounts/add"><xsl:value-of select="$M/accounts.add"/></a></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="account-head" id="account-head">
            <xsl:value-of select="$M/accounts.number"/>
            <xsl:text> № </xsl:text>
            <strong><xsl:value-of select="account-head/number"/></strong>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="account-head/address"/>
          </p>
          <xsl:call-template name="receipt-period-form"/>
          <xsl:apply-templates select="receipts"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="account-head[not(@shared)]">
      <section class="card" id="receipt-email">
        <h2><xsl:value-of select="$M/rc.email.title"/></h2>
        <xsl:if test="done = 'email-on' or done = 'email-off'">
          <p class="notice" role="status" id="done">
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('rc.done.', done)"/></xsl:call-template>
          </p>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="account-head/@by-email">
            <p id="email-state">
              <xsl:value-of select="$M/rc.email.on"/>
              <xsl:text> </xsl:text>
              <strong><xsl:value-of select="account-head/@email"/></strong>
            </p>
            <form method="post" action="/receipts/email">
              <input type="hidden" name="csrf" value="{/page/csrf}"/>
              <input type="hidden" name="email" value="0"/>
              <button type="submit" class="secondary" id="email-off"><xsl:value-of select="$M/rc.email.disable"/></button>
            </form>
          </xsl:when>
          <xsl:when test="account-head/@email">
            <p id="email-state"><xsl:value-of select="$M/rc.email.off"/></p>
            <form method="post" action="/receipts/email">
              <input type="hidden" name="csrf" value="{/page/csrf}"/>
              <input type="hidden" name="email" value="1"/>
              <button type="submit" id="email-on"><xsl:value-of select="$M/rc.email.enable"/></button>
            </form>
          </xsl:when>
          <xsl:otherwise>
            <p id="email-state"><xsl:value-of select="$M/rc.email.none"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="receipt-period-form">
    <form method="get" action="/receipts" class="filter no-print" id="period-form">
      <fieldset>
        <legend class="visually-hidden"><xsl:value-of select="$M/rc.filter"/></legend>
        <div>
          <label for="from"><xsl:value-of select="$M/rc.from"/></label>
          <input type="month" id="from" name="from" value="{/page/period/from}"
                 min="2000-01" max="2099-12" aria-describedby="from-format"/>
          <span class="format" id="from-format"><xsl:value-of select="$M/rc.month-format"/></span>
        </div>
        <div>
          <label for="to"><xsl:value-of select="$M/rc.to"/></label>
          <input type="month" id="to" name="to" value="{/page/period/to}"
                 min="2000-01" max="2099-12" aria-describedby="to-format"/>
          <span class="format" id="to-format"><xsl:value-of select="$M/rc.month-format"/></span>
        </div>
        <button type="submit" class="secondary" id="period-submit"><xsl:value-of select="$M/rc.show"/></button>
      </fieldset>
      <xsl:call-template name="field-error"><xsl:with-param name="name">from</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-error"><xsl:with-param name="name">to</xsl:with-param></xsl:call-template>
    </form>
  </xsl:template>

  <xsl:template match="receipts">
    <xsl:choose>
      <xsl:when test="not(receipt)">
        <p id="no-receipts" class="muted"><xsl:value-of select="$M/rc.empty"/></p>
      </xsl:when>
      <xsl:otherwise>
        <div class="table-wrap">
          <table class="data" id="receipts">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="$M/rc.month"/></th>
                <th scope="col"><xsl:value-of select="$M/rc.due"/></th>
                <th scope="col" class="num"><xsl:value-of select="$M/rc.to-pay"/></th>
                <th scope="col"><xsl:value-of select="$M/rc.status"/></th>
                <th scope="col"><xsl:value-of select="$M/rc.actions"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="receipt">
                <tr id="receipt-{@month}" class="status-{@status}">
                  <th scope="row">
                    <xsl:call-template name="month-label"><xsl:with-param name="v" select="@month"/></xsl:call-template>
                  </th>
                  <td><xsl:call-template name="date"><xsl:with-param name="v" select="due-on"/></xsl:call-template></td>
                  <td class="num"><xsl:apply-templates select="to-pay" mode="money"/></td>
                  <td>
                    <span class="receipt-status {@status}">
                      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('rc.status.', current()/@status)"/></xsl:call-template>
                    </span>
                  </td>
                  <td class="links">
                    <!-- Every row has the same three links: each says which month it opens. -->
                    <xsl:variable name="which">
                      <xsl:text>: </xsl:text>
                      <xsl:call-template name="month-label"><xsl:with-param name="v" select="@month"/></xsl:call-template>
                    </xsl:variable>
                    <a href="/receipts/view?month={@month}" id="view-{@month}"><xsl:value-of select="$M/rc.view"/><span class="visually-hidden"><xsl:value-of select="$which"/></span></a>
                    <xsl:text> · </xsl:text>
                    <a href="/receipts/print?month={@month}" id="print-{@month}"><xsl:value-of select="$M/rc.print"/><span class="visually-hidden"><xsl:value-of select="$which"/></span></a>
                    <xsl:text> · </xsl:text>
                    <a href="/receipts/pdf?month={@month}" id="pdf-{@month}" type="application/pdf"><xsl:value-of select="$M/rc.pdf"/><span class="visually-hidden"><xsl:value-of select="$which"/></span></a>
                    <xsl:if test="@status = 'unpaid' or @status = 'partly'">
                      <xsl:text> </xsl:text>
                      <xsl:call-template name="pay-button">
                        <xsl:with-param name="account" select="/page/account-head/@id"/>
                        <xsl:with-param name="what">
                          <xsl:call-template name="month-label"><xsl:with-param name="v" select="@month"/></xsl:call-template>
                        </xsl:with-param>
                      </xsl:call-template>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ view -->
  <xsl:template match="page[@section='receipts'][@name='view']" mode="content">
    <p class="no-print receipt-tools">
      <a href="/receipts?to={receipt/@month}"><xsl:value-of select="$M/rc.to-list"/></a>
      <xsl:text> · </xsl:text>
      <a href="/receipts/print?month={receipt/@month}&amp;account={receipt/payer/account/@id}" id="print-link"><xsl:value-of select="$M/rc.print"/></a>
      <xsl:text> · </xsl:text>
      <a href="/receipts/pdf?month={receipt/@month}&amp;account={receipt/payer/account/@id}" id="pdf-link" type="application/pdf"><xsl:value-of select="$M/rc.pdf"/></a>
      <xsl:if test="receipt/@status = 'unpaid' or receipt/@status = 'partly'">
        <xsl:text> </xsl:text>
        <xsl:call-template name="pay-button">
          <xsl:with-param name="account" select="receipt/payer/account/@id"/>
        </xsl:call-template>
      </xsl:if>
    </p>
    <xsl:apply-templates select="receipt"/>
  </xsl:template>

  <!--
    The print view is a page of its own: no site furniture, an A4 sheet
    (site.css, "Receipt"), and nothing but the document.
  -->
  <xsl:template match="/page[@section='receipts'][@name='print']" priority="2">
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:apply-templates select="." mode="title"/></title>
        <link rel="stylesheet" href="/static/site.css"/>
      </head>
      <body class="print-view">
        <p class="no-print receipt-tools">
          <a href="/receipts/view?month={receipt/@month}&amp;account={receipt/payer/account/@id}"><xsl:value-of select="$M/rc.back-to-view"/></a>
          <xsl:text> · </xsl:text>
          <xsl:value-of select="$M/rc.print-hint"/>
        </p>
        <xsl:call-template name="finished">
          <xsl:with-param name="tree"><xsl:apply-templates select="receipt"/></xsl:with-param>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <!-- Links to versions 1 .. n of a receipt issued again. -->
  <xsl:template name="earlier-versions">
    <xsl:param name="month"/>
    <xsl:param name="n"/>
    <xsl:param name="k" select="1"/>
    <xsl:if test="$k &lt;= $n">
      <xsl:if test="$k &gt; 1"><xsl:text>, </xsl:text></xsl:if>
      <a href="/receipts/view?month={$month}&amp;version={$k}"><xsl:value-of select="concat($M/rc.version, ' ', $k)"/></a>
      <xsl:call-template name="earlier-versions">
        <xsl:with-param name="month" select="$month"/>
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="k" select="$k + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The document itself. -->
  <!-- A payment QR code, drawn inline; four modules of quiet zone around it, as scanners need. -->
  <xsl:template match="qr" mode="svg">
    <svg viewBox="-4 -4 {@modules + 8} {@modules + 8}"
         width="150" height="150" role="img" aria-label="{$M/rc.qr-label}" shape-rendering="crispEdges">
      <rect x="-4" y="-4" width="{@modules + 8}" height="{@modules + 8}" fill="#fff"/>
      <path d="{path}" fill="#000"/>
    </svg>
  </xsl:template>

  <xsl:template match="receipt">
    <article class="receipt" id="receipt" data-status="{@status}">
      <section class="receipt-side" aria-labelledby="receipt-title">
        <header class="receipt-title">
          <h1 id="receipt-title">
            <xsl:value-of select="$M/rc.doc"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="$M/rc.for"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="month-label"><xsl:with-param name="v" select="@month"/></xsl:call-template>
          </h1>
          <p>
            <xsl:value-of select="$M/rc.number"/>
            <xsl:text> </xsl:text>
            <span id="receipt-number"><xsl:value-of select="number"/></span>
            <xsl:text>, </xsl:text>
            <xsl:value-of select="$M/rc.issued"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="v" select="issued-on"/></xsl:call-template>
          </p>
          <!-- Issued again: which version, and why; an earlier one says it was replaced. -->
          <xsl:if test="@version &gt; 1">
            <p id="receipt-version">
              <xsl:value-of select="concat($M/rc.version, ' ', @version)"/>
              <xsl:if test="reason">
                <xsl:text>: </xsl:text>
                <xsl:value-of select="reason"/>
              </xsl:if>
            </p>
          </xsl:if>
          <xsl:if test="replaced-on">
            <p class="alert no-print" role="note" id="receipt-replaced">
              <xsl:value-of select="$M/rc.replaced"/>
              <xsl:text> </xsl:text>
              <xsl:call-template name="date"><xsl:with-param name="v" select="replaced-on"/></xsl:call-template>
              <xsl:text>. </xsl:text>
              <a href="/receipts/view?month={@month}"><xsl:value-of select="$M/rc.see-latest"/></a>
            </p>
          </xsl:if>
          <xsl:if test="not(replaced-on) and @latest &gt; 1">
            <p class="no-print small" id="receipt-earlier">
              <xsl:value-of select="$M/rc.earlier"/>
              <xsl:text> </xsl:text>
              <xsl:call-template name="earlier-versions">
                <xsl:with-param name="month" select="@month"/>
                <xsl:with-param name="n" select="@latest - 1"/>
              </xsl:call-template>
            </p>
          </xsl:if>
        </header>
        <div class="receipt-parties">
          <section class="receipt-box" id="payer">
            <h2><xsl:value-of select="$M/rc.payer"/></h2>
            <dl>
              <dt><xsl:value-of select="$M/rc.payer-name"/></dt><dd><xsl:value-of select="payer/name"/></dd>
              <dt><xsl:value-of select="$M/rc.account"/></dt><dd><strong id="receipt-account"><xsl:value-of select="payer/account"/></strong></dd>
              <dt><xsl:value-of select="$M/rc.address"/></dt><dd><xsl:value-of select="payer/address"/></dd>
              <dt><xsl:value-of select="$M/rc.area"/></dt><dd><xsl:call-template name="decimal"><xsl:with-param name="v" select="payer/area"/></xsl:call-template></dd>
              <dt><xsl:value-of select="$M/rc.residents"/></dt><dd><xsl:value-of select="payer/residents"/><xsl:text> </xsl:text><xsl:value-of select="$M/rc.people"/></dd>
            </dl>
          </section>
          <section class="receipt-box" id="payee">
            <h2>
              <xsl:choose>
                <xsl:when test="payees"><xsl:value-of select="$M/rc.issuer"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$M/rc.payee"/></xsl:otherwise>
              </xsl:choose>
            </h2>
            <dl>
              <dt class="visually-hidden"><xsl:value-of select="$M/rc.payee"/></dt><dd class="payee-name"><xsl:value-of select="payee/name"/></dd>
              <dt><xsl:value-of select="$M/rc.inn"/><xsl:if test="payee/kpp"> / <xsl:value-of select="$M/rc.kpp"/></xsl:if></dt>
              <dd><xsl:value-of select="payee/inn"/><xsl:if test="payee/kpp"> / <xsl:value-of select="payee/kpp"/></xsl:if></dd>
              <!-- Several payees: the bank details are each payee's, in its section. -->
              <xsl:if test="not(payees)">
                <dt><xsl:value-of select="$M/rc.bank-account"/></dt><dd><xsl:value-of select="payee/account"/></dd>
                <dt><xsl:value-of select="$M/rc.bank"/></dt><dd><xsl:value-of select="payee/bank"/></dd>
                <dt><xsl:value-of select="$M/rc.bic"/></dt><dd><xsl:value-of select="payee/bic"/></dd>
                <dt><xsl:value-of select="$M/rc.corr-account"/></dt><dd><xsl:value-of select="payee/corr-account"/></dd>
              </xsl:if>
            </dl>
          </section>
          <figure class="receipt-qr" id="qr">
            <xsl:choose>
              <xsl:when test="qr">
                <xsl:apply-templates select="qr" mode="svg"/>
                <figcaption><xsl:value-of select="$M/rc.qr"/></figcaption>
              </xsl:when>
              <xsl:when test="payees"><figcaption><xsl:value-of select="$M/rc.qr-per-payee"/></figcaption></xsl:when>
              <xsl:otherwise><figcaption><xsl:value-of select="$M/rc.no-qr"/></figcaption></xsl:otherwise>
            </xsl:choose>
          </figure>
        </div>

        <!-- On a tablet its ten columns may be wider than the screen: the box scrolls, and a
             keyboard can reach it to scroll it. -->
        <div class="table-wrap" tabindex="0" role="region" aria-label="{$M/rc.calculation}">
        <table class="data receipt-lines" id="receipt-lines">
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="$M/rc.service"/></th>
              <th scope="col"><xsl:value-of select="$M/rc.unit"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/rc.volume"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/rc.tariff"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/rc.debt-col"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/rc.accrued"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/rc.recalc"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/rc.penalties"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/rc.paid"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/rc.to-pay-col"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="lines/line">
              <tr id="line-{@service}">
                <th scope="row"><xsl:value-of select="name"/><span class="supplier"><xsl:value-of select="supplier"/></span></th>
                <td><xsl:call-template name="unit"><xsl:with-param name="v" select="unit"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="decimal"><xsl:with-param name="v" select="quantity"/></xsl:call-template></td>
                <td class="num"><xsl:value-of select="tariff"/></td>
                <td class="num"><xsl:value-of select="opening"/></td>
                <td class="num"><xsl:value-of select="accrued"/></td>
                <td class="num"><xsl:value-of select="recalculations"/></td>
                <td class="num"><xsl:value-of select="penalties"/></td>
                <td class="num"><xsl:value-of select="paid"/></td>
                <td class="num">
                  <xsl:value-of select="to-pay"/>
                  <xsl:if test="closing/@minor &lt; 0">
                    <span class="supplier"><xsl:value-of select="concat($M/rc.advance, ' ', substring-after(closing, '-'))"/></span>
                  </xsl:if>
                </td>
              </tr>
              <!-- How the line's volume and charge were reached: zone by zone, tier by tier
                   (a single line of the whole volume would only repeat it). -->
              <xsl:for-each select="volume[count(../volume) &gt; 1 or @zone or @tier]">
                <tr class="receipt-volume" id="volume-{../@service}-{position()}">
                  <th scope="row"><xsl:apply-templates select="." mode="label"/></th>
                  <td></td>
                  <td class="num"><xsl:call-template name="decimal"><xsl:with-param name="v" select="quantity"/></xsl:call-template></td>
                  <td class="num"><xsl:value-of select="tariff"/></td>
                  <td></td>
                  <td class="num"><xsl:value-of select="amount"/></td>
                  <td></td><td></td><td></td><td></td>
                </tr>
              </xsl:for-each>
            </xsl:for-each>
          </tbody>
          <tfoot>
            <tr id="line-total">
              <th scope="row" colspan="4"><xsl:value-of select="$M/rc.total"/></th>
              <td class="num"><xsl:value-of select="totals/opening"/></td>
              <td class="num"><xsl:value-of select="totals/accrued"/></td>
              <td class="num"><xsl:value-of select="totals/recalculations"/></td>
              <td class="num"><xsl:value-of select="totals/penalties"/></td>
              <td class="num"><xsl:value-of select="totals/paid"/></td>
              <td class="num"><xsl:value-of select="totals/to-pay"/></td>
            </tr>
          </tfoot>
        </table>
        </div>

        <div class="receipt-sum">
          <p id="receipt-opening">
            <xsl:choose>
              <xsl:when test="totals/opening/@minor &lt; 0"><xsl:value-of select="$M/rc.opening-advance"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$M/rc.opening"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>: </xsl:text>
            <xsl:apply-templates select="totals/opening" mode="money"/>
          </p>
          <p class="grand-total" id="receipt-total">
            <xsl:choose>
              <xsl:when test="to-pay/@minor = 0"><xsl:value-of select="$M/rc.nothing-due"/></xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$M/rc.grand-total"/>
                <xsl:text>: </xsl:text>
                <strong><xsl:apply-templates select="to-pay" mode="money"/></strong>
                <xsl:text> · </xsl:text>
                <xsl:value-of select="$M/rc.how.due"/>
                <xsl:text> </xsl:text>
                <xsl:call-template name="date"><xsl:with-param name="v" select="due-on"/></xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </p>
          <xsl:if test="@status = 'partly'">
            <p id="receipt-remaining">
              <xsl:value-of select="$M/rc.paid-after-issue"/>
              <xsl:text>: </xsl:text>
              <xsl:apply-templates select="paid-since" mode="money"/>
              <xsl:text>. </xsl:text>
              <xsl:value-of select="$M/rc.remaining"/>
              <xsl:text>: </xsl:text>
              <strong><xsl:apply-templates select="remaining" mode="money"/></strong>
            </p>
          </xsl:if>
        </div>

        <!-- Suppliers paid directly (sql/046): a section, a sum and a QR code per payee. -->
        <xsl:if test="payees">
          <section id="receipt-payees" aria-labelledby="receipt-payees-title">
            <h2 id="receipt-payees-title"><xsl:value-of select="$M/rc.payees"/></h2>
            <p><xsl:value-of select="$M/rc.payees-note"/></p>
            <div class="receipt-parties">
              <xsl:for-each select="payees/payee">
                <xsl:variable name="id" select="@id"/>
                <section class="receipt-box" id="payee-{@id}" aria-labelledby="payee-{@id}-name">
                  <h3 id="payee-{@id}-name"><xsl:value-of select="name"/></h3>
                  <dl>
                    <dt><xsl:value-of select="$M/rc.inn"/><xsl:if test="kpp"> / <xsl:value-of select="$M/rc.kpp"/></xsl:if></dt>
                    <dd><xsl:value-of select="inn"/><xsl:if test="kpp"> / <xsl:value-of select="kpp"/></xsl:if></dd>
                    <dt><xsl:value-of select="$M/rc.bank-account"/></dt><dd><xsl:value-of select="account"/></dd>
                    <dt><xsl:value-of select="$M/rc.bank"/></dt><dd><xsl:value-of select="bank"/></dd>
                    <dt><xsl:value-of select="$M/rc.bic"/></dt><dd><xsl:value-of select="bic"/></dd>
                    <xsl:if test="string(corr-account)">
                      <dt><xsl:value-of select="$M/rc.corr-account"/></dt><dd><xsl:value-of select="corr-account"/></dd>
                    </xsl:if>
                    <dt><xsl:value-of select="$M/rc.payee-services"/></dt>
                    <dd>
                      <xsl:for-each select="../../lines/line[@payee = $id]">
                        <xsl:if test="position() &gt; 1">, </xsl:if>
                        <xsl:value-of select="name"/>
                      </xsl:for-each>
                    </dd>
                    <dt><xsl:value-of select="$M/rc.payee-to-pay"/></dt>
                    <dd class="payee-to-pay"><strong><xsl:apply-templates select="remaining" mode="money"/></strong></dd>
                  </dl>
                  <xsl:if test="qr">
                    <figure class="receipt-qr">
                      <xsl:apply-templates select="qr" mode="svg"/>
                      <figcaption><xsl:value-of select="$M/rc.qr"/></figcaption>
                    </figure>
                  </xsl:if>
                </section>
              </xsl:for-each>
            </div>
          </section>
        </xsl:if>

        <xsl:if test="corrections/correction">
          <h2><xsl:value-of select="$M/rc.corrections"/></h2>
          <table class="data" id="receipt-corrections">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="$M/rc.service"/></th>
                <th scope="col" class="num"><xsl:value-of select="$M/rc.amount"/></th>
                <th scope="col"><xsl:value-of select="$M/rc.reason"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="corrections/correction">
                <tr>
                  <td>
                    <xsl:value-of select="service"/>
                    <xsl:if test="@kind = 'penalty'"><span class="supplier"><xsl:value-of select="$M/rc.penalty"/></span></xsl:if>
                  </td>
                  <td class="num"><xsl:value-of select="amount"/></td>
                  <td><xsl:value-of select="reason"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:if>
      </section>

      <section class="receipt-side receipt-back" aria-labelledby="receipt-back">
        <h2 id="receipt-back"><xsl:value-of select="$M/rc.back"/></h2>
        <h3><xsl:value-of select="$M/rc.readings"/></h3>
        <xsl:choose>
          <xsl:when test="readings/reading">
            <table class="data" id="receipt-readings">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="$M/rc.meter"/></th>
                  <th scope="col"><xsl:value-of select="$M/rc.zone"/></th>
                  <th scope="col" class="num"><xsl:value-of select="$M/rc.prev"/></th>
                  <th scope="col" class="num"><xsl:value-of select="$M/rc.curr"/></th>
                  <th scope="col" class="num"><xsl:value-of select="$M/rc.used"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="readings/reading">
                  <tr>
                    <td>
                      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('kind.', current()/kind)"/></xsl:call-template>
                      <xsl:text>, № </xsl:text>
                      <xsl:value-of select="meter"/>
                    </td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@zones = 1"><xsl:value-of select="$M/rc.zone.single"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="concat('T', @zone)"/></xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td class="num"><xsl:apply-templates select="prev" mode="reading"/></td>
                    <td class="num"><xsl:apply-templates select="curr" mode="reading"/><xsl:if test="not(curr)"><span class="muted"><xsl:value-of select="$M/rc.no-reading"/></span></xsl:if></td>
                    <td class="num"><xsl:call-template name="decimal"><xsl:with-param name="v" select="used"/></xsl:call-template></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:when>
          <xsl:otherwise><p class="muted"><xsl:value-of select="$M/rc.no-meters"/></p></xsl:otherwise>
        </xsl:choose>
        <div class="receipt-info">
          <xsl:if test="payee/note">
            <section id="receipt-note">
              <h3><xsl:value-of select="$M/rc.note"/></h3>
              <p><xsl:value-of select="payee/note"/></p>
            </section>
          </xsl:if>
          <section id="receipt-contacts">
            <h3><xsl:value-of select="$M/rc.contacts"/></h3>
            <p>
              <xsl:value-of select="payee/name"/><br/>
              <xsl:value-of select="payee/address"/><br/>
              <xsl:value-of select="$M/rc.phones"/><xsl:text>: </xsl:text><xsl:value-of select="payee/phones"/>
              <xsl:if test="payee/email"><br/><xsl:value-of select="$M/rc.email"/><xsl:text>: </xsl:text><xsl:value-of select="payee/email"/></xsl:if>
              <xsl:if test="payee/website"><br/><xsl:value-of select="$M/rc.website"/><xsl:text>: </xsl:text><xsl:value-of select="payee/website"/></xsl:if>
            </p>
          </section>
          <section id="receipt-how">
            <h3><xsl:value-of select="$M/rc.how"/></h3>
            <ul>
              <li><xsl:value-of select="$M/rc.how.portal"/></li>
              <xsl:if test="qr"><li><xsl:value-of select="$M/rc.how.qr"/></li></xsl:if>
              <li><xsl:value-of select="$M/rc.how.bank"/></li>
            </ul>
          </section>
        </div>
      </section>
    </article>
  </xsl:template>

  <xsl:template match="prev|curr" mode="reading">
    <xsl:call-template name="decimal"><xsl:with-param name="v" select="."/></xsl:call-template>
    <span class="reading-date">
      <xsl:call-template name="date"><xsl:with-param name="v" select="@on"/></xsl:call-template>
    </span>
  </xsl:template>

</xsl:stylesheet>
